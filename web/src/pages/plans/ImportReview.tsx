import { CheckCircleFilled, WarningOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  Row,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useMemo, useState } from 'react';
import { formatDate, matchesSearch } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { type ImportPreview, type PreviewTask, type PreviewWarning, taskRef } from './types.ts';

/** The plan as POST /api/plans (and the `plan` field of POST /api/plans/import) takes it. */
export interface PlanInput {
  docType: string;
  number: string;
  issuedOn: string;
  place: string;
  title: string;
  signer: string;
  bases: string[];
  recipients: string[];
  sections: { code: string; title: string }[];
  tasks: {
    sectionCode: string;
    no: string;
    content: string;
    leadText: string;
    supportText: string;
    deadlineText: string;
    note: string;
    dueOn?: string | null;
  }[];
}

export interface ReviewState {
  /** did the clerk change anything? then `plan` is stored instead of what was read */
  corrected: boolean;
  plan: PlanInput;
}

interface Edit {
  lead?: string[];
  support?: string[];
  dueOn?: string;
}

interface HeaderValues {
  number: string;
  docType: string;
  issuedOn: dayjs.Dayjs | null;
  place: string;
  title: string;
  signer: string;
}

/** The preview side by side: header and warnings, then the task table with the agency and date fixes. */
export function ImportReview({
  fileName,
  preview,
  directory,
  directoryError,
  saving,
  onCancel,
  onConfirm,
  footer,
}: {
  fileName: string;
  preview: ImportPreview;
  directory: { agencies: string[]; groups: string[] } | null;
  directoryError: Error | null;
  saving: boolean;
  onCancel: () => void;
  onConfirm: (review: ReviewState) => void;
  footer?: ReactNode;
}) {
  const t = useT();
  const [form] = Form.useForm<HeaderValues>();
  const [edits, setEdits] = useState<Record<number, Edit>>({});
  const [only, setOnly] = useState<'all' | 'warnings'>('all');
  const known = useMemo(
    () => new Set([...(directory?.agencies ?? []), ...(directory?.groups ?? [])]),
    [directory],
  );
  const options = useMemo(
    () => [
      {
        label: t('Nhóm cơ quan', 'Agency groups'),
        title: 'groups',
        options: (directory?.groups ?? []).map((name) => ({ value: name, label: name })),
      },
      {
        label: t('Cơ quan, đơn vị', 'Agencies'),
        title: 'agencies',
        options: (directory?.agencies ?? []).map((name) => ({ value: name, label: name })),
      },
    ],
    [directory, t],
  );

  const warningsOf = useMemo(() => {
    const map = new Map<string, PreviewWarning[]>();
    for (const w of preview.warnings) {
      if (!w.task) continue;
      map.set(w.task, [...(map.get(w.task) ?? []), w]);
    }
    return map;
  }, [preview.warnings]);
  const general = preview.warnings.filter((w) => !w.task);

  const resolved = (w: PreviewWarning): boolean => {
    const index = preview.tasks.findIndex((task) => taskRef(task.section, task.no) === w.task);
    const edit = edits[index];
    if (!edit) return false;
    if (w.field === 'deadline') return edit.dueOn !== undefined;
    if (w.field === 'lead' || w.field === 'support') {
      const names = edit[w.field];
      return names !== undefined && names.length > 0 && names.every((name) => known.has(name));
    }
    return false;
  };
  const open = preview.warnings.filter((w) => !resolved(w));

  const edit = (index: number, patch: Edit) =>
    setEdits((all) => {
      const next: Edit = { ...all[index], ...patch };
      if (patch.dueOn === undefined && 'dueOn' in patch) delete next.dueOn;
      return { ...all, [index]: next };
    });

  const submit = async () => {
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

  const rows = preview.tasks
    .map((task, index) => ({ task, index, ref: taskRef(task.section, task.no) }))
    .filter((row) => only === 'all' || (warningsOf.get(row.ref) ?? []).some((w) => !resolved(w)));

  const agencySelect = (task: PreviewTask, index: number, field: 'lead' | 'support') => {
    const value = edits[index]?.[field] ?? task[field];
    const fieldWarnings = (warningsOf.get(taskRef(task.section, task.no)) ?? []).filter(
      (w) => w.field === field,
    );
    return (
      <Space orientation="vertical" size={2} style={{ width: '100%' }}>
        <Select
          mode="tags"
          style={{ width: '100%' }}
          value={value}
          options={options}
          aria-label={
            field === 'lead'
              ? t(
                  `Cơ quan chủ trì của ${taskRef(task.section, task.no)}`,
                  `Lead agency of ${taskRef(task.section, task.no)}`,
                )
              : t(
                  `Cơ quan phối hợp của ${taskRef(task.section, task.no)}`,
                  `Supporting agencies of ${taskRef(task.section, task.no)}`,
                )
          }
          placeholder={t('Chọn cơ quan', 'Choose agencies')}
          showSearch={{
            filterOption: (input, option) =>
              matchesSearch(String((option as { value?: string } | undefined)?.value ?? ''), input),
          }}
          onChange={(names: string[]) => edit(index, { [field]: names })}
          tagRender={({ label, value: name, closable, onClose }) => (
            <Tag
              color={directory && !known.has(String(name)) ? 'error' : undefined}
              closable={closable}
              onClose={onClose}
              style={{ marginInlineEnd: 4, whiteSpace: 'normal' }}
              icon={directory && !known.has(String(name)) ? <WarningOutlined /> : undefined}
            >
              {label}
            </Tag>
          )}
        />
        {fieldWarnings
          .filter((w) => !resolved(w))
          .map((w) => (
            <Typography.Text key={w.message} type="warning" style={{ fontSize: 12 }}>
              {w.message}
            </Typography.Text>
          ))}
        {edits[index]?.[field] === undefined && (field === 'lead' ? task.leadText : task.supportText) && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('Văn bản ghi: ', 'The document says: ')}
            {field === 'lead' ? task.leadText : task.supportText}
          </Typography.Text>
        )}
      </Space>
    );
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card
            title={t('Thông tin văn bản', 'The document')}
            extra={<Typography.Text type="secondary">{fileName}</Typography.Text>}
          >
            <Form<HeaderValues>
              form={form}
              layout="vertical"
              requiredMark={false}
              initialValues={{
                number: preview.plan.number ?? '',
                docType: preview.plan.docType,
                issuedOn: preview.plan.issuedOn ? dayjs(preview.plan.issuedOn) : null,
                place: preview.plan.place ?? '',
                title: preview.plan.title ?? '',
                signer: preview.plan.signer ?? '',
              }}
            >
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item
                    name="number"
                    label={t('Số, ký hiệu', 'Number')}
                    rules={[
                      {
                        required: true,
                        whitespace: true,
                        message: t('Thiếu số, ký hiệu văn bản.', 'The number is missing.'),
                      },
                    ]}
                  >
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item
                    name="issuedOn"
                    label={t('Ngày ban hành', 'Issued on')}
                    rules={[
                      { required: true, message: t('Thiếu ngày ban hành.', 'The issue date is missing.') },
                    ]}
                  >
                    <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="place" label={t('Địa danh', 'Place')}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="signer" label={t('Người ký', 'Signed by')}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={24}>
                  <Form.Item
                    name="title"
                    label={t('Trích yếu', 'Title')}
                    rules={[
                      {
                        required: true,
                        whitespace: true,
                        message: t('Thiếu trích yếu.', 'The title is missing.'),
                      },
                    ]}
                  >
                    <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
                  </Form.Item>
                </Col>
                <Form.Item name="docType" hidden>
                  <Input />
                </Form.Item>
              </Row>
            </Form>
            {preview.plan.bases.length > 0 && (
              <>
                <Typography.Text strong>{t('Căn cứ', 'Legal bases')}</Typography.Text>
                <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                  {preview.plan.bases.map((basis) => (
                    <li key={basis}>{basis}</li>
                  ))}
                </ul>
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card
            title={
              <Space>
                {t('Cảnh báo', 'Warnings')}
                <Tag color={open.length > 0 ? 'warning' : 'success'}>{open.length}</Tag>
              </Space>
            }
          >
            <Typography.Paragraph type="secondary">
              {t(
                `Đọc được ${preview.sections.length} phần, ${preview.tasks.length} nhiệm vụ. Các dòng cần kiểm tra được tô màu trong bảng dưới.`,
                `Read ${preview.sections.length} sections, ${preview.tasks.length} tasks. Rows to check are highlighted below.`,
              )}
            </Typography.Paragraph>
            {directoryError && (
              <Alert
                type="warning"
                showIcon
                title={t('Không tải được danh mục cơ quan', 'Could not load the directory')}
                description={directoryError.message}
                style={{ marginBottom: 8 }}
              />
            )}
            {preview.warnings.length === 0 ? (
              <Alert type="success" showIcon title={t('Không có cảnh báo nào.', 'No warnings.')} />
            ) : (
              <ul className="dd-warning-list" aria-label={t('Danh sách cảnh báo', 'Warnings')}>
                {[...general, ...preview.warnings.filter((w) => w.task)].map((w) => (
                  <li key={`${w.task}-${w.field}-${w.code}-${w.message}`}>
                    {resolved(w) ? (
                      <CheckCircleFilled style={{ color: '#389e0d' }} aria-label={t('Đã sửa', 'Fixed')} />
                    ) : (
                      <WarningOutlined style={{ color: '#d48806' }} aria-hidden />
                    )}{' '}
                    {w.task && <Tag>{w.task}</Tag>}
                    <span className={resolved(w) ? 'dd-cancelled' : undefined}>{w.message}</span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </Col>
      </Row>
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
          scroll={{ x: 1100 }}
          rowClassName={(row) =>
            (warningsOf.get(row.ref) ?? []).some((w) => !resolved(w))
              ? (warningsOf.get(row.ref) ?? []).some(
                  (w) => w.code === 'unmatched_agency' || w.code === 'unparsed_deadline',
                )
                ? 'dd-import-error'
                : 'dd-import-warn'
              : ''
          }
          locale={{ emptyText: t('Không còn dòng nào cần kiểm tra.', 'No row left to check.') }}
          columns={[
            { title: 'STT', dataIndex: 'ref', width: 64 },
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
              width: 250,
              render: (_, { task, index }) => agencySelect(task, index, 'lead'),
            },
            {
              title: t('Cơ quan phối hợp', 'Supporting agencies'),
              key: 'support',
              width: 250,
              render: (_, { task, index }) => agencySelect(task, index, 'support'),
            },
            {
              title: t('Thời hạn', 'Deadline'),
              key: 'deadline',
              width: 200,
              render: (_, { task, index, ref }) => {
                const recurring = task.recurrence !== null;
                const due = edits[index]?.dueOn ?? task.dueOn;
                const deadlineWarnings = (warningsOf.get(ref) ?? []).filter(
                  (w) => w.field === 'deadline' && !resolved(w),
                );
                return (
                  <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                    <span>{task.deadlineText || '—'}</span>
                    {recurring ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {(task.recurrence as { kind?: string }).kind === 'ongoing'
                          ? t('Thường xuyên', 'Ongoing')
                          : t('Định kỳ', 'Recurring')}
                      </Typography.Text>
                    ) : (
                      <DatePicker
                        size="small"
                        format="DD/MM/YYYY"
                        value={due ? dayjs(due) : null}
                        aria-label={t(`Ngày hạn của ${ref}`, `Due date of ${ref}`)}
                        placeholder={t('Chọn ngày hạn', 'Pick the due date')}
                        status={due ? undefined : 'warning'}
                        onChange={(value) =>
                          edit(index, { dueOn: value ? value.format('YYYY-MM-DD') : undefined })
                        }
                      />
                    )}
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
              },
            },
          ]}
        />
      </Card>
      {footer}
      <Card>
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
            <Button type="primary" loading={saving} onClick={() => void submit().catch(() => {})}>
              {t('Xác nhận và lưu kế hoạch', 'Confirm and store the plan')}
            </Button>
          </Space>
        </Space>
      </Card>
    </Space>
  );
}
