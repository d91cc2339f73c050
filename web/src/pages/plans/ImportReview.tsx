import { Alert, App, Button, Card, Col, Form, Row, Space, Spin, Typography } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import type { ImportPreview, PreviewWarning } from '../../../../src/shared/schemas/import.ts';
import { todayInVietnam } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { FollowupStart } from './FollowupStart.tsx';
import { taskRef } from './plan-state.ts';
import { type HeaderValues, ReviewHeader } from './ReviewHeader.tsx';
import { ReviewTasks } from './ReviewTasks.tsx';
import { DocumentAlerts, ReviewWarnings } from './ReviewWarnings.tsx';
import {
  type Edit,
  type Edits,
  isResolved,
  knownNamesOf,
  type ReviewDirectory,
  type ReviewState,
  renameInEdits,
  tasksWithoutLeadOf,
} from './review-model.ts';
import { SeveralLeads, SeveralLeadsNotice } from './SeveralLeads.tsx';
import { UnknownAgencies } from './UnknownAgencies.tsx';

export type { PlanInput, ReviewState } from './review-model.ts';

/**
 * The preview side by side: what makes the reading doubtful on top, header and warnings, the names
 * the directory lacks (alias or new agency, then the plan is read again with the clerk's corrections
 * kept), the task table with the agency and date fixes; storing tasks without lead asks first.
 */
export function ImportReview({
  fileName,
  preview,
  directory,
  directoryError,
  saving,
  rereading,
  onCancel,
  onConfirm,
  onReread,
  footer,
}: {
  fileName: string;
  preview: ImportPreview;
  directory: ReviewDirectory | null;
  directoryError: Error | null;
  saving: boolean;
  /** the plan is being read again after a directory change */
  rereading: boolean;
  onCancel: () => void;
  onConfirm: (review: ReviewState) => void;
  onReread: () => void;
  footer?: ReactNode;
}) {
  const t = useT();
  const { modal } = App.useApp();
  const [form] = Form.useForm<HeaderValues>();
  const [edits, setEdits] = useState<Edits>({});
  // edits are kept by row: a reading of the same file keeps its rows; any other reading starts afresh
  const rowsKey = preview.tasks.map((task) => taskRef(task.section, task.no)).join('|');
  const [editedRows, setEditedRows] = useState(rowsKey);
  if (editedRows !== rowsKey) {
    setEditedRows(rowsKey);
    setEdits({});
  }
  const known = useMemo(() => knownNamesOf(directory), [directory]);
  const warningsOf = useMemo(() => {
    const map = new Map<string, PreviewWarning[]>();
    for (const w of preview.warnings) {
      if (w.task) map.set(w.task, [...(map.get(w.task) ?? []), w]);
    }
    return map;
  }, [preview.warnings]);
  const resolved = (w: PreviewWarning) => isResolved(w, preview, edits, known);
  const open = preview.warnings.filter((w) => !resolved(w));
  const withoutLead = tasksWithoutLeadOf(preview, edits, directory);
  // theo dõi từ ngày: asked when a deadline (as read or as corrected) is already past
  const today = todayInVietnam();
  const [followupFrom, setFollowupFrom] = useState(today);
  const pastDeadlines = preview.tasks.filter((task, index) => {
    const dueOn = edits[index]?.dueOn ?? task.dueOn;
    return dueOn !== null && dueOn !== undefined && dueOn < today;
  }).length;

  const edit = (index: number, patch: Edit) =>
    setEdits((all) => {
      const next: Edit = { ...all[index], ...patch };
      if (patch.dueOn === undefined && 'dueOn' in patch) delete next.dueOn;
      return { ...all, [index]: next };
    });

  const store = async (confirmTasksWithoutLead: boolean) => {
    const values = await form.validateFields();
    const issuedOn = values.issuedOn?.format('YYYY-MM-DD') ?? '';
    const header = {
      docType: values.docType.trim(),
      number: values.number.trim(),
      issuedOn,
      place: values.place.trim(),
      title: values.title.trim(),
      signer: values.signer.trim(),
    };
    const p = preview.plan;
    const headerChanged =
      header.docType !== p.docType ||
      header.number !== (p.number ?? '') ||
      issuedOn !== (p.issuedOn ?? '') ||
      header.place !== (p.place ?? '') ||
      header.title !== (p.title ?? '') ||
      header.signer !== (p.signer ?? '');
    const tasksChanged = Object.values(edits).some(
      (e) => e.lead !== undefined || e.support !== undefined || e.dueOn !== undefined,
    );
    onConfirm({
      corrected: headerChanged || tasksChanged,
      confirmTasksWithoutLead,
      ...(pastDeadlines > 0 ? { followupFrom } : {}),
      plan: {
        ...header,
        bases: p.bases,
        recipients: p.recipients,
        sections: preview.sections,
        tasks: preview.tasks.map((task, index) => {
          const e = edits[index] ?? {};
          return {
            sectionCode: task.section,
            no: task.no,
            content: task.content,
            leadText: e.lead ? e.lead.join('; ') : task.leadText,
            supportText: e.support ? e.support.join('; ') : task.supportText,
            deadlineText: task.deadlineText,
            note: task.note,
            ...(e.dueOn ? { dueOn: e.dueOn } : {}),
          };
        }),
      },
    });
  };

  const submit = async () => {
    await form.validateFields();
    if (withoutLead.length === 0) return store(false);
    modal.confirm({
      title: t(
        `Lưu kế hoạch khi còn ${withoutLead.length} nhiệm vụ chưa có cơ quan chủ trì?`,
        `Store the plan with ${withoutLead.length} tasks without a lead agency?`,
      ),
      content: t(
        `Nhiệm vụ ${withoutLead.join(', ')} sẽ chưa được giao cho cơ quan nào: không ai được nhắc việc, không tính vào thống kê cho đến khi Văn phòng chỉ định cơ quan chủ trì.`,
        `Tasks ${withoutLead.join(', ')} will be assigned to nobody: no reminders, no statistics until the Office names a lead agency.`,
      ),
      okText: t('Vẫn lưu', 'Store anyway'),
      cancelText: t('Quay lại sửa', 'Go back'),
      onOk: () => store(true),
    });
  };

  return (
    <Spin spinning={rereading} description={t('Đang đọc lại kế hoạch…', 'Reading the plan again…')}>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <DocumentAlerts warnings={preview.warnings} />
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <ReviewHeader form={form} fileName={fileName} preview={preview} />
          </Col>
          <Col xs={24} lg={10}>
            <ReviewWarnings
              preview={preview}
              open={open.length}
              resolved={resolved}
              directoryError={directoryError}
            />
          </Col>
        </Row>
        <UnknownAgencies
          unknown={preview.unknownAgencies}
          directory={directory}
          busy={rereading || saving}
          onResolved={(name, directoryName) => {
            setEdits((all) => renameInEdits(all, name, directoryName));
            onReread();
          }}
        />
        <SeveralLeads preview={preview} edits={edits} onEdit={edit} />
        <ReviewTasks
          preview={preview}
          edits={edits}
          onEdit={edit}
          directory={directory}
          known={known}
          warningsOf={warningsOf}
          resolved={resolved}
          withoutLead={new Set(withoutLead)}
        />
        {footer}
        <Card>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <SeveralLeadsNotice preview={preview} resolved={resolved} />
            {pastDeadlines > 0 && (
              <FollowupStart
                pastDeadlines={pastDeadlines}
                value={followupFrom}
                issuedOn={preview.plan.issuedOn ?? null}
                onChange={setFollowupFrom}
              />
            )}
            {withoutLead.length > 0 && (
              <Alert
                type="warning"
                showIcon
                title={t(
                  `${withoutLead.length} nhiệm vụ chưa có cơ quan chủ trì: ${withoutLead.join(', ')}`,
                  `${withoutLead.length} tasks without a lead agency: ${withoutLead.join(', ')}`,
                )}
                description={t(
                  'Chọn cơ quan chủ trì trong bảng, hoặc thêm tên còn thiếu vào danh mục ở trên. Nếu vẫn lưu, hệ thống sẽ hỏi xác nhận.',
                  'Choose a lead agency in the table, or add the missing names above. Storing anyway asks for a confirmation.',
                )}
              />
            )}
            <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
              <Typography.Text type="secondary">
                {open.length > 0
                  ? t(
                      `Còn ${open.length} cảnh báo. Cơ quan không có trong danh mục sẽ để Văn phòng chỉ định sau.`,
                      `${open.length} warnings left. Agencies not in the directory are left for the Office to assign later.`,
                    )
                  : t('Đã sẵn sàng lưu.', 'Ready to store.')}
              </Typography.Text>
              <Space wrap>
                <Button onClick={onCancel} disabled={saving}>
                  {t('Chọn văn bản khác', 'Choose another document')}
                </Button>
                <Button
                  type="primary"
                  loading={saving}
                  disabled={rereading}
                  onClick={() => void submit().catch(() => {})}
                >
                  {t('Xác nhận và lưu kế hoạch', 'Confirm and store the plan')}
                </Button>
              </Space>
            </Space>
          </Space>
        </Card>
      </Space>
    </Spin>
  );
}
