import { WarningOutlined } from '@ant-design/icons';
import { Card, DatePicker, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import type { ImportPreview, PreviewTask, PreviewWarning } from '../../../../src/shared/schemas/import.ts';
import { DATE_INPUT_FORMATS, formatDate, matchesSearch } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { MovedDueDate } from './MovedDueDate.tsx';
import { taskRef } from './plan-state.ts';
import type { Edit, Edits, ReviewDirectory } from './review-model.ts';

/** The appendix as read, one row a task: the agencies and the due date are corrected in place. */
export function ReviewTasks({
  preview,
  edits,
  onEdit,
  directory,
  known,
  warningsOf,
  resolved,
  withoutLead,
}: {
  preview: ImportPreview;
  edits: Edits;
  onEdit: (index: number, patch: Edit) => void;
  directory: ReviewDirectory | null;
  known: Set<string>;
  warningsOf: Map<string, PreviewWarning[]>;
  resolved: (w: PreviewWarning) => boolean;
  withoutLead: Set<string>;
}) {
  const t = useT();
  const [only, setOnly] = useState<'all' | 'warnings'>('all');
  const options = useMemo(
    () => [
      {
        label: t('Nhóm cơ quan', 'Agency groups'),
        title: 'groups',
        options: (directory?.groups ?? []).map((g) => ({ value: g.name, label: g.name })),
      },
      {
        label: t('Cơ quan, đơn vị', 'Agencies'),
        title: 'agencies',
        options: (directory?.agencies ?? []).map((a) => ({ value: a.name, label: a.name })),
      },
    ],
    [directory, t],
  );
  const open = (ref: string) => (warningsOf.get(ref) ?? []).some((w) => !resolved(w)) || withoutLead.has(ref);
  const rows = preview.tasks
    .map((task, index) => ({ task, index, ref: taskRef(task.section, task.no) }))
    .filter((row) => only === 'all' || open(row.ref));

  const agencySelect = (task: PreviewTask, index: number, ref: string, field: 'lead' | 'support') => {
    const value = edits[index]?.[field] ?? task[field];
    const fieldWarnings = (warningsOf.get(ref) ?? []).filter((w) => w.field === field && !resolved(w));
    const written = field === 'lead' ? task.leadText : task.supportText;
    return (
      <Space orientation="vertical" size={2} style={{ width: '100%' }}>
        <Select
          mode="tags"
          style={{ width: '100%' }}
          value={value}
          options={options}
          aria-label={
            field === 'lead'
              ? t(`Cơ quan chủ trì của ${ref}`, `Lead agency of ${ref}`)
              : t(`Cơ quan phối hợp của ${ref}`, `Supporting agencies of ${ref}`)
          }
          placeholder={t('Chọn cơ quan', 'Choose agencies')}
          status={field === 'lead' && withoutLead.has(ref) ? 'warning' : undefined}
          showSearch={{
            filterOption: (input, option) =>
              matchesSearch(String((option as { value?: string } | undefined)?.value ?? ''), input),
          }}
          onChange={(names: string[]) => onEdit(index, { [field]: names })}
          tagRender={({ label, value: name, closable, onClose }) => {
            const unknown = directory !== null && !known.has(String(name));
            return (
              <Tag
                color={unknown ? 'error' : undefined}
                closable={closable}
                onClose={onClose}
                style={{ marginInlineEnd: 4, whiteSpace: 'normal' }}
                icon={unknown ? <WarningOutlined /> : undefined}
              >
                {label}
              </Tag>
            );
          }}
        />
        {field === 'lead' && withoutLead.has(ref) && fieldWarnings.length === 0 && (
          <Typography.Text type="warning" style={{ fontSize: 12 }}>
            {t('Chưa có cơ quan chủ trì trong danh mục.', 'No lead agency of the directory.')}
          </Typography.Text>
        )}
        {fieldWarnings.map((w) => (
          <Typography.Text key={w.message} type="warning" style={{ fontSize: 12 }}>
            {w.message}
          </Typography.Text>
        ))}
        {edits[index]?.[field] === undefined && written && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('Văn bản ghi: ', 'The document says: ')}
            {written}
          </Typography.Text>
        )}
      </Space>
    );
  };

  const deadline = (task: PreviewTask, index: number, ref: string) => {
    const due = edits[index]?.dueOn ?? task.dueOn;
    const deadlineWarnings = (warningsOf.get(ref) ?? []).filter(
      (w) => w.field === 'deadline' && !resolved(w),
    );
    return (
      <Space orientation="vertical" size={2} style={{ width: '100%' }}>
        <span>{task.deadlineText || '—'}</span>
        {task.recurrence !== null ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {(task.recurrence as { kind?: string }).kind === 'ongoing'
              ? t('Thường xuyên', 'Ongoing')
              : t('Định kỳ', 'Recurring')}
          </Typography.Text>
        ) : (
          <DatePicker
            size="small"
            format={DATE_INPUT_FORMATS}
            value={due ? dayjs(due) : null}
            aria-label={t(`Ngày hạn của ${ref}`, `Due date of ${ref}`)}
            placeholder={t('Chọn ngày hạn', 'Pick the due date')}
            status={due ? undefined : 'warning'}
            onChange={(value) => onEdit(index, { dueOn: value ? value.format('YYYY-MM-DD') : undefined })}
          />
        )}
        {!edits[index]?.dueOn && <MovedDueDate task={task} />}
        {edits[index]?.dueOn && task.dueOn && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`Đọc được: ${formatDate(task.dueOn)}`, `Read: ${formatDate(task.dueOn)}`)}
          </Typography.Text>
        )}
        {deadlineWarnings.map((w) => (
          <Typography.Text key={w.message} type="warning" style={{ fontSize: 12 }}>
            {w.message}
          </Typography.Text>
        ))}
      </Space>
    );
  };

  return (
    <Card
      title={t('Phụ lục nhiệm vụ', 'Appendix of tasks')}
      extra={
        <Segmented<'all' | 'warnings'>
          size="small"
          value={only}
          onChange={setOnly}
          aria-label={t('Lọc dòng', 'Filter rows')}
          options={[
            { value: 'all', label: t('Tất cả', 'All') },
            { value: 'warnings', label: t('Cần kiểm tra', 'To check') },
          ]}
        />
      }
    >
      <Table
        rowKey="index"
        size="small"
        bordered
        dataSource={rows}
        pagination={false}
        scroll={{ x: 960 }}
        rowClassName={(row) =>
          !open(row.ref)
            ? ''
            : withoutLead.has(row.ref) ||
                (warningsOf.get(row.ref) ?? []).some(
                  (w) => !resolved(w) && (w.code === 'unmatched_agency' || w.code === 'unparsed_deadline'),
                )
              ? 'dd-import-error'
              : 'dd-import-warn'
        }
        locale={{ emptyText: t('Không còn dòng nào cần kiểm tra.', 'No row left to check.') }}
        columns={[
          { title: 'STT', dataIndex: 'ref', width: 56 },
          {
            title: t('Nội dung công việc', 'Task'),
            key: 'content',
            render: (_, { task }) => (
              <Typography.Paragraph
                ellipsis={{ rows: 3, expandable: true, symbol: t('thêm', 'more') }}
                style={{ margin: 0 }}
              >
                {task.content}
              </Typography.Paragraph>
            ),
          },
          {
            title: t('Cơ quan chủ trì', 'Lead agency'),
            key: 'lead',
            width: 230,
            render: (_, { task, index, ref }) => agencySelect(task, index, ref, 'lead'),
          },
          {
            title: t('Cơ quan phối hợp', 'Supporting agencies'),
            key: 'support',
            width: 210,
            render: (_, { task, index, ref }) => agencySelect(task, index, ref, 'support'),
          },
          {
            title: t('Thời hạn', 'Deadline'),
            key: 'deadline',
            width: 180,
            render: (_, { task, index, ref }) => deadline(task, index, ref),
          },
        ]}
      />
    </Card>
  );
}
