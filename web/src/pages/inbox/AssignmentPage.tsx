import {
  ApartmentOutlined,
  ArrowLeftOutlined,
  ClockCircleOutlined,
  ExclamationCircleOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Empty, Flex, Grid, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { AssignmentDetail } from '../../../../src/shared/schemas/assignment.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { api } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { AS_OF_PARAM } from '../../lib/search-params.ts';
import { useSession } from '../../lib/session.tsx';
import { AssignmentHistory } from './AssignmentHistory.tsx';
import { dueHint, RoleTag, StateTag } from './labels.tsx';
import { ExtensionModal, ObstacleModal } from './RequestModals.tsx';
import { SubmitResultModal } from './ResultModal.tsx';
import { SubassignModal } from './SubassignModal.tsx';

type Dialog = 'result' | 'extension' | 'obstacle' | 'subassign' | null;

const ACTION_ICONS = {
  result: <SendOutlined />,
  extension: <ClockCircleOutlined />,
  obstacle: <ExclamationCircleOutlined />,
  subassign: <ApartmentOutlined />,
};

/** Nhiệm vụ được giao: the task, its plan and deadline, its state, its history, and what the user may do. */
export default function AssignmentPage() {
  const t = useT();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  // the as-of date of the list or plan it was opened from (docs/domain-rules.md §11); else today
  const asOf = useSearchParams()[0].get(AS_OF_PARAM) ?? undefined;
  const valid = Number.isInteger(id) && id > 0;
  const detail = useQuery({
    queryKey: ['assignment', id, asOf ?? 'today'],
    queryFn: () => api.get<AssignmentDetail>(`/assignments/${id}`, { asOf }),
    enabled: valid,
  });
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
      {t('Quay lại', 'Back')}
    </Button>
  );
  if (!valid) {
    return (
      <>
        <PageHeader title={t('Nhiệm vụ', 'Assignment')} extra={back} />
        <Empty description={t('Địa chỉ không đúng.', 'This address is not valid.')} />
      </>
    );
  }
  return (
    <QueryState query={detail} rows={8}>
      {(data) => <AssignmentView data={data} back={back} />}
    </QueryState>
  );
}

function AssignmentView({ data, back }: { data: AssignmentDetail; back: ReactNode }) {
  const t = useT();
  const { session, can } = useSession();
  const [dialog, setDialog] = useState<Dialog>(null);
  const narrow = !Grid.useBreakpoint().md;
  const a = data.assignment;
  const isAgency = session?.user.role === 'agency';
  const open = a.cancelledOn === null && a.movedToAssignmentId === null;
  const done = a.state === 'done_on_time' || a.state === 'done_late';
  const resultOpen = data.results.some((r) => r.status === 'pending' || r.status === 'accepted');
  const extensionPending = data.extensions.some((e) => e.status === 'pending');
  const beforeDeadline = a.currentDueOn !== null && data.asOf <= a.currentDueOn;
  const canDecideResult =
    a.parentAssignmentId === null
      ? can('result.decide')
      : can('subassign') && session?.user.agencyId !== a.agencyId;

  type Action = { key: Exclude<Dialog, null>; label: string; primary?: boolean };
  const actions = (
    [
      can('result.submit') &&
        open &&
        !resultOpen && {
          key: 'result' as const,
          label: isAgency
            ? t('Báo cáo kết quả', 'Submit a result')
            : t('Ghi nhận kết quả', 'Record a result'),
          primary: true,
        },
      isAgency &&
        can('extension.request') &&
        open &&
        !done &&
        a.role === 'lead' &&
        beforeDeadline &&
        !extensionPending && {
          key: 'extension' as const,
          label: t('Đề nghị gia hạn', 'Ask for an extension'),
        },
      isAgency &&
        can('obstacle.report') &&
        open &&
        !done && { key: 'obstacle' as const, label: t('Báo cáo khó khăn, vướng mắc', 'Report an obstacle') },
      isAgency &&
        can('subassign') &&
        open &&
        !done &&
        a.agencyId === session?.user.agencyId && {
          key: 'subassign' as const,
          label: t('Phân công lại cho đơn vị', 'Sub-assign to units'),
        },
    ] as (Action | false)[]
  ).filter((x): x is Action => x !== false);

  const hint = !done && open ? dueHint(a.currentDueOn, data.asOf, t) : null;

  return (
    <>
      <PageHeader
        title={t(`Nhiệm vụ ${a.taskRef}`, `Task ${a.taskRef}`)}
        subtitle={`${data.plan.docType === 'KH' ? t('Kế hoạch', 'Plan') : data.plan.docType} ${data.plan.number} · ${a.agencyName}`}
        extra={back}
      />
      <Flex vertical gap={16} style={{ width: '100%' }}>
        {a.cancelledOn && (
          <Alert
            type="warning"
            showIcon
            title={t(
              `Nhiệm vụ đã hủy từ ngày ${formatDate(a.cancelledOn)}.`,
              `Cancelled on ${formatDate(a.cancelledOn)}.`,
            )}
          />
        )}
        {a.movedToAssignmentId && (
          <Alert
            type="info"
            showIcon
            title={t(
              'Nhiệm vụ đã chuyển cho cơ quan kế thừa.',
              'This assignment moved to a successor agency.',
            )}
            action={
              <Link to={`/nhiem-vu/${a.movedToAssignmentId}`}>
                {t('Xem nhiệm vụ mới', 'Open the new one')}
              </Link>
            }
          />
        )}
        <Card>
          <Typography.Paragraph style={{ fontSize: 16 }}>{data.task.content}</Typography.Paragraph>
          <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
            <StateTag state={a.state} />
            <Typography.Text type="secondary" data-testid="assignment-as-of">
              {t(`tính đến ngày ${formatDate(data.asOf)}`, `as of ${formatDate(data.asOf)}`)}
            </Typography.Text>
            <RoleTag role={a.role} />
            {hint && (
              <Typography.Text type={a.state === 'open_overdue' ? 'danger' : 'secondary'}>
                {hint}
              </Typography.Text>
            )}
          </Flex>
          <Descriptions
            bordered={!narrow}
            layout={narrow ? 'vertical' : 'horizontal'}
            size="small"
            column={{ xs: 1, sm: 1, md: 2 }}
            items={[
              {
                key: 'plan',
                label: t('Kế hoạch', 'Plan'),
                span: 'filled',
                children: (
                  <>
                    {can('plan.read') ? (
                      <Link to={`/ke-hoach/${data.plan.id}`}>{data.plan.number}</Link>
                    ) : (
                      data.plan.number
                    )}{' '}
                    {t('ngày', 'of')} {formatDate(data.plan.issuedOn)} — {data.plan.title}
                  </>
                ),
              },
              { key: 'agency', label: t('Cơ quan được giao', 'Assigned to'), children: a.agencyName },
              {
                key: 'period',
                label: t('Kỳ', 'Period'),
                children: a.periodLabel ?? (a.occurrence > 0 ? String(a.occurrence) : '—'),
              },
              { key: 'lead', label: t('Chủ trì', 'Lead'), children: data.task.leadText || '—' },
              { key: 'support', label: t('Phối hợp', 'Support'), children: data.task.supportText || '—' },
              {
                key: 'deadlineText',
                label: t('Thời hạn (theo kế hoạch)', 'Deadline (as written)'),
                children: data.task.deadlineText || '—',
              },
              {
                key: 'due',
                label: t('Hạn hiện tại', 'Current deadline'),
                children: a.currentDueOn ? (
                  <>
                    {formatDate(a.currentDueOn)}
                    {a.originalDueOn && a.originalDueOn !== a.currentDueOn && (
                      <Typography.Text type="secondary">
                        {' '}
                        ({t('ban đầu', 'originally')} {formatDate(a.originalDueOn)})
                      </Typography.Text>
                    )}
                  </>
                ) : (
                  t('Thường xuyên', 'Ongoing')
                ),
              },
              ...(a.doneOn
                ? [{ key: 'done', label: t('Ngày hoàn thành', 'Done on'), children: formatDate(a.doneOn) }]
                : []),
              ...(data.task.note
                ? [
                    {
                      key: 'note',
                      label: t('Ghi chú', 'Note'),
                      span: 'filled' as const,
                      children: data.task.note,
                    },
                  ]
                : []),
            ]}
          />
          {actions.length > 0 && (
            <Flex gap={8} wrap style={{ marginTop: 16 }}>
              {actions.map((action) => (
                <Button
                  key={action.key}
                  type={action.primary ? 'primary' : 'default'}
                  icon={ACTION_ICONS[action.key]}
                  onClick={() => setDialog(action.key)}
                >
                  {action.label}
                </Button>
              ))}
            </Flex>
          )}
          {isAgency && open && !done && a.role === 'lead' && !beforeDeadline && a.currentDueOn && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              {t(
                'Đã quá hạn nên không thể đề nghị gia hạn.',
                'The deadline has passed: no extension can be asked.',
              )}
            </Typography.Paragraph>
          )}
          {extensionPending && isAgency && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              {t('Đề nghị gia hạn đang chờ quyết định.', 'An extension request awaits a decision.')}
            </Typography.Paragraph>
          )}
        </Card>
        <AssignmentHistory data={data} canDecideResult={canDecideResult} />
      </Flex>
      <SubmitResultModal
        detail={data}
        open={dialog === 'result'}
        onClose={() => setDialog(null)}
        onBehalf={!isAgency}
      />
      <ExtensionModal detail={data} open={dialog === 'extension'} onClose={() => setDialog(null)} />
      <ObstacleModal detail={data} open={dialog === 'obstacle'} onClose={() => setDialog(null)} />
      <SubassignModal detail={data} open={dialog === 'subassign'} onClose={() => setDialog(null)} />
    </>
  );
}
