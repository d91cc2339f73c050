import { NodeIndexOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Flex, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import type { AgencyRef, Successor } from '../../../../src/shared/schemas/directory.ts';
import { SUCCESSOR_FUNCTIONS_MAX } from '../../../../src/shared/schemas/limits.ts';
import { FormModal, useFormDialog } from '../../components/FormModal.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { api } from '../../lib/api.ts';
import { DATE_INPUT_FORMATS, formatDate } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { useApiMutation } from '../../lib/mutation.ts';
import { useSession } from '../../lib/session.tsx';
import { ItemList } from '../inbox/ItemList.tsx';
import { refreshWork } from '../inbox/refresh.ts';
import { AgencyField } from './AgencyField.tsx';
import { fetchAll, useAgencies } from './agencies.ts';
import { DirectoryList } from './DirectoryList.tsx';

interface AssignmentRef {
  assignmentId: number;
  plan: string;
  task: string;
  role: 'lead' | 'support';
  occurrence: number;
  dueOn: string | null;
}

/** POST /api/reorganisations answer */
interface ReorganisationResult {
  fromAgency: AgencyRef;
  effectiveOn: string;
  moved: (AssignmentRef & { toAssignmentId: number; toAgency: AgencyRef; merged: boolean })[];
  stayed: AssignmentRef[];
}

/** Cơ quan kế thừa: who took over from whom (and for which functions); a reorganisation moves open work. */
export function SuccessorsTab() {
  const t = useT();
  const { can } = useSession();
  const successors = useQuery({
    queryKey: ['directory', 'successors'],
    queryFn: () => fetchAll<Successor>('/directory/successors'),
  });
  const [dialog, setDialog] = useState<'successor' | 'reorganise' | null>(null);
  const [outcome, setOutcome] = useState<ReorganisationResult | null>(null);
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        {can('directory.write') && (
          <Button icon={<PlusOutlined />} onClick={() => setDialog('successor')}>
            {t('Ghi nhận cơ quan kế thừa', 'Record a successor')}
          </Button>
        )}
        {can('reorganise') && (
          <Button type="primary" icon={<NodeIndexOutlined />} onClick={() => setDialog('reorganise')}>
            {t('Sắp xếp tổ chức', 'Reorganise')}
          </Button>
        )}
      </Flex>
      <QueryState
        query={successors}
        isEmpty={(d) => d.length === 0}
        empty={t('Chưa có cơ quan kế thừa nào.', 'No successor recorded.')}
      >
        {(rows) => (
          <DirectoryList
            rows={rows}
            card={(s) => ({
              title: `${s.from.name} → ${s.to.name}`,
              description: [formatDate(s.effectiveOn), s.functions].filter(Boolean).join(' · '),
            })}
            columns={[
              { title: t('Cơ quan cũ', 'From'), key: 'from', render: (_, s) => s.from.name },
              { title: t('Cơ quan kế thừa', 'Successor'), key: 'to', render: (_, s) => s.to.name },
              {
                title: t('Chức năng, nhiệm vụ kế thừa', 'Functions taken over'),
                key: 'functions',
                render: (_, s) => s.functions ?? t('Toàn bộ', 'All'),
              },
              {
                title: t('Từ ngày', 'Effective'),
                key: 'on',
                width: 120,
                render: (_, s) => formatDate(s.effectiveOn),
              },
            ]}
          />
        )}
      </QueryState>
      {dialog === 'successor' && <SuccessorModal onClose={() => setDialog(null)} />}
      {dialog === 'reorganise' && (
        <ReorganiseModal
          onClose={() => setDialog(null)}
          onDone={(result) => {
            setDialog(null);
            setOutcome(result);
          }}
        />
      )}
      {outcome && <OutcomeModal outcome={outcome} onClose={() => setOutcome(null)} />}
    </>
  );
}

/** Who is succeeded, by whom, for which functions and from when: a successor and a reorganisation alike. */
function SuccessionFields({ from, functions, on }: { from: string; functions: string; on: string }) {
  const t = useT();
  return (
    <>
      <AgencyField name="fromAgencyId" label={from} currentOnly />
      <AgencyField name="toAgencyId" label={t('Cơ quan kế thừa', 'Successor')} currentOnly />
      <Form.Item name="functions" label={functions}>
        <Input maxLength={SUCCESSOR_FUNCTIONS_MAX} />
      </Form.Item>
      <Form.Item
        name="effectiveOn"
        label={on}
        rules={[{ required: true, message: t('Chọn ngày.', 'Choose a date.') }]}
      >
        <DatePicker format={DATE_INPUT_FORMATS} />
      </Form.Item>
    </>
  );
}

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

function SuccessorModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const dialog = useFormDialog({
    mutationFn: (v: { fromAgencyId: number; toAgencyId: number; functions?: string; effectiveOn: Dayjs }) =>
      api.post('/directory/successors', {
        fromAgencyId: v.fromAgencyId,
        toAgencyId: v.toAgencyId,
        functions: v.functions?.trim() || undefined,
        effectiveOn: day(v.effectiveOn),
      }),
    success: t('Đã ghi nhận cơ quan kế thừa.', 'Successor recorded.'),
    invalidate: [['directory']],
    onClose,
  });
  return (
    <FormModal
      {...dialog}
      title={t('Ghi nhận cơ quan kế thừa', 'Record a successor')}
      okText={t('Lưu', 'Save')}
    >
      <SuccessionFields
        from={t('Cơ quan cũ', 'From')}
        functions={t('Chức năng, nhiệm vụ kế thừa (để trống: toàn bộ)', 'Functions taken over (empty: all)')}
        on={t('Từ ngày', 'Effective on')}
      />
    </FormModal>
  );
}

/** One successor takes every open assignment of the agency from a date (splitting by task is for the API or CLI). */
function ReorganiseModal({
  onClose,
  onDone,
}: {
  onClose: () => void;
  onDone: (r: ReorganisationResult) => void;
}) {
  const t = useT();
  const { modal } = App.useApp();
  const agencies = useAgencies();
  type Values = { fromAgencyId: number; toAgencyId: number; functions?: string; effectiveOn: Dayjs };
  const [form] = Form.useForm<Values>();
  const run = useApiMutation({
    mutationFn: (v: Values) =>
      api.post<ReorganisationResult>('/reorganisations', {
        fromAgencyId: v.fromAgencyId,
        effectiveOn: day(v.effectiveOn),
        moves: [{ toAgencyId: v.toAgencyId, functions: v.functions?.trim() || undefined }],
      }),
    success: t('Đã sắp xếp tổ chức.', 'Reorganisation done.'),
    onSuccess: onDone,
    invalidate: refreshWork,
  });
  const name = (id: number) => agencies.data?.find((a) => a.id === id)?.name ?? '';
  return (
    <FormModal
      form={form}
      title={t('Sắp xếp tổ chức bộ máy', 'Reorganise an agency')}
      okText={t('Thực hiện', 'Run')}
      okButtonProps={{ danger: true }}
      pending={run.isPending}
      onCancel={onClose}
      preserve
      intro={
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t(
            'Các nhiệm vụ chưa hoàn thành, đến hạn từ ngày hiệu lực trở đi, chuyển sang cơ quan kế thừa; nhiệm vụ đã quá hạn ở lại cơ quan cũ. Cơ quan cũ chấm dứt từ ngày này.',
            'Open assignments due on or after the date move to the successor; overdue ones stay. The old agency ends on that date.',
          )}
        />
      }
      onFinish={(v) =>
        modal.confirm({
          title: t('Xác nhận sắp xếp tổ chức?', 'Confirm the reorganisation?'),
          content: t(
            `${name(v.fromAgencyId)} → ${name(v.toAgencyId)}, từ ngày ${v.effectiveOn.format('DD/MM/YYYY')}. Không thể hoàn tác.`,
            `${name(v.fromAgencyId)} → ${name(v.toAgencyId)}, from ${v.effectiveOn.format('DD/MM/YYYY')}. This cannot be undone.`,
          ),
          okText: t('Thực hiện', 'Run'),
          okButtonProps: { danger: true },
          cancelText: t('Hủy', 'Cancel'),
          onOk: () => run.mutateAsync(v).catch(() => undefined),
        })
      }
    >
      <SuccessionFields
        from={t('Cơ quan được sắp xếp', 'Agency reorganised')}
        functions={t('Chức năng, nhiệm vụ kế thừa', 'Functions taken over')}
        on={t('Ngày hiệu lực', 'Effective on')}
      />
    </FormModal>
  );
}

function OutcomeModal({ outcome, onClose }: { outcome: ReorganisationResult; onClose: () => void }) {
  const t = useT();
  const row = (a: AssignmentRef, extra?: string) => (
    <>
      <Link to={`/nhiem-vu/${a.assignmentId}`}>
        {a.plan} · {a.task}
      </Link>
      <Typography.Text type="secondary">
        {' · '}
        {[a.dueOn && formatDate(a.dueOn), extra].filter(Boolean).join(' · ')}
      </Typography.Text>
    </>
  );
  return (
    <Modal
      open
      title={outcome.fromAgency.name}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('Đóng', 'Close')}</Button>}
    >
      <Typography.Title level={5}>
        {t(`Đã chuyển ${outcome.moved.length} nhiệm vụ`, `${outcome.moved.length} moved`)}
      </Typography.Title>
      <ItemList
        items={outcome.moved}
        rowKey={(m) => m.assignmentId}
        render={(m) => row(m, m.toAgency.name)}
      />
      <Typography.Title level={5}>
        {t(
          `Ở lại ${outcome.stayed.length} nhiệm vụ (đã quá hạn)`,
          `${outcome.stayed.length} stayed (overdue)`,
        )}
      </Typography.Title>
      <ItemList items={outcome.stayed} rowKey={(s) => s.assignmentId} render={(s) => row(s)} />
    </Modal>
  );
}
