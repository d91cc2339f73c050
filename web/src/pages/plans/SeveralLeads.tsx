import { Alert, Card, Radio, Space, Tag, Typography } from 'antd';
import type { ImportPreview, PreviewWarning } from '../../../../src/shared/schemas/import.ts';
import { useT } from '../../lib/i18n.tsx';
import { taskRef } from './plan-state.ts';
import type { Edit, Edits, LeadChoice } from './review-model.ts';
import { leadChoiceEdit } from './review-model.ts';

/** The radio value of a choice: '*' keeps all, else the chosen agency's name. */
const KEEP_ALL = '*';

function choiceValue(choice: LeadChoice | undefined): string | undefined {
  if (!choice) return undefined;
  return 'keepAll' in choice ? KEEP_ALL : choice.one;
}

/**
 * Ô chủ trì ghi nhiều cơ quan (docs/domain-rules.md §3, issue #14 §3): for each task whose lead cell
 * names two or more agencies, "Giữ tất cả làm chủ trì" or one agency as the lead, the others
 * coordinating. Not chosen: the plan is stored as the document has it, every agency a lead.
 */
export function SeveralLeads({
  preview,
  edits,
  onEdit,
}: {
  preview: ImportPreview;
  edits: Edits;
  onEdit: (index: number, patch: Edit) => void;
}) {
  const t = useT();
  const flagged = severalLeadsOf(preview);
  if (flagged.length === 0) return null;
  return (
    <Card
      title={
        <Space>
          {t('Nhiệm vụ ghi nhiều cơ quan chủ trì', 'Tasks naming several lead agencies')}
          <Tag color="warning">{flagged.length}</Tag>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {t(
          'Mỗi nhiệm vụ thường có một cơ quan chủ trì. Giữ tất cả làm chủ trì (như văn bản), hoặc chọn một cơ quan chủ trì, các cơ quan còn lại phối hợp. Nếu không chọn, kế hoạch được lưu như văn bản.',
          'One lead agency per task is the norm. Keep all as leads (as the document says), or pick one lead; the others then coordinate. Without a choice the plan is stored as the document says.',
        )}
      </Typography.Paragraph>
      <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="several-leads">
        {flagged.map(({ index, ref, warning, content }) => {
          const task = preview.tasks[index];
          if (!task) return null;
          const agencies = warning.agencies ?? [];
          return (
            <div key={ref} data-testid="several-leads-task">
              <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 4 }}>
                <Tag>{ref}</Tag>
                {content}
              </Typography.Paragraph>
              <Typography.Text type="warning">
                {t(
                  `Ô chủ trì ghi nhiều cơ quan: ${agencies.join('; ')}`,
                  `The lead cell names several agencies: ${agencies.join('; ')}`,
                )}
              </Typography.Text>
              <Radio.Group
                style={{ display: 'flex', flexDirection: 'column', gap: 4, marginTop: 6 }}
                aria-label={t(`Cơ quan chủ trì của ${ref}`, `Lead agency of ${ref}`)}
                value={choiceValue(edits[index]?.leadChoice)}
                onChange={(e) => {
                  const value = String(e.target.value);
                  onEdit(
                    index,
                    leadChoiceEdit(task, value === KEEP_ALL ? { keepAll: true } : { one: value }),
                  );
                }}
                options={[
                  { value: KEEP_ALL, label: t('Giữ tất cả làm chủ trì', 'Keep all as leads') },
                  ...agencies.map((name) => ({
                    value: name,
                    label: t(
                      `${name} chủ trì, các cơ quan còn lại phối hợp`,
                      `${name} leads, the others coordinate`,
                    ),
                  })),
                ]}
              />
            </div>
          );
        })}
      </Space>
    </Card>
  );
}

/** Next to the store button: the several-leads tasks left without a choice are stored as written. */
export function SeveralLeadsNotice({
  preview,
  resolved,
}: {
  preview: ImportPreview;
  resolved: (w: PreviewWarning) => boolean;
}) {
  const t = useT();
  const open = severalLeadsOf(preview).filter(({ warning }) => !resolved(warning));
  if (open.length === 0) return null;
  const refs = open.map(({ ref }) => ref).join(', ');
  return (
    <Alert
      type="info"
      showIcon
      title={t(
        `${open.length} nhiệm vụ ghi nhiều cơ quan chủ trì chưa chọn (${refs}): sẽ lưu như văn bản, tất cả là chủ trì.`,
        `${open.length} tasks naming several leads without a choice (${refs}): stored as written, all of them leads.`,
      )}
    />
  );
}

function severalLeadsOf(preview: ImportPreview) {
  return preview.warnings.flatMap((warning) => {
    if (warning.code !== 'several_leads' || !warning.task) return [];
    const index = preview.tasks.findIndex((task) => taskRef(task.section, task.no) === warning.task);
    const task = preview.tasks[index];
    return task ? [{ index, ref: warning.task, warning, content: task.content }] : [];
  });
}
