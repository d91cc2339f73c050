import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Grid,
  Progress,
  Space,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { AssignmentDetail } from '../../../../src/shared/schemas/assignment.ts';
import type { Subassignments } from '../../../../src/shared/schemas/subassign.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorState, QueryState } from '../../components/QueryState.tsx';
import { api } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import {
  AcceptResultButton,
  ApproveExtensionButton,
  RejectExtensionButton,
  RespondObstacleButton,
  ReturnResultButton,
} from '../review/decisions.tsx';
import {
  ACTION_ICONS,
  ExtensionModal,
  ObstacleModal,
  SubassignModal,
  SubmitResultModal,
} from './actions.tsx';
import { ItemList } from './ItemList.tsx';
import {
  dueHint,
  ExtensionStatusTag,
  FileLinks,
  ObstacleStatusTag,
  ResultStatusTag,
  RoleTag,
  StateTag,
} from './labels.tsx';

type Dialog = 'result' | 'extension' | 'obstacle' | 'subassign' | null;

/** Nhiệm vụ được giao: the task, its plan and deadline, its state, its history, and what the user may do. */
export default function AssignmentPage() {
  const t = useT();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const detail = useQuery({
    queryKey: ['assignment', id],
    queryFn: () => api.get<AssignmentDetail>(`/assignments/${id}`),
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
        <History data={data} canDecideResult={canDecideResult} />
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

function History({ data, canDecideResult }: { data: AssignmentDetail; canDecideResult: boolean }) {
  const t = useT();
  const { can } = useSession();
  const subs = useQuery({
    queryKey: ['subassignments', data.assignment.id],
    queryFn: () => api.get<Subassignments>(`/assignments/${data.assignment.id}/subassignments`),
  });
  const count = (n: number | undefined) => (n ? ` (${n})` : '');
  const meta = (parts: (string | null | false | undefined)[]) => parts.filter(Boolean).join(' · ');
  return (
    <Card title={t('Quá trình thực hiện', 'History')}>
      <Tabs
        items={[
          {
            key: 'results',
            label: `${t('Kết quả báo cáo', 'Results')}${count(data.results.length)}`,
            children:
              data.results.length === 0 ? (
                <Empty description={t('Chưa có báo cáo kết quả.', 'No result submitted yet.')} />
              ) : (
                <ItemList
                  items={data.results}
                  rowKey={(r) => r.id}
                  render={(r) => (
                    <>
                      <div style={{ width: '100%' }}>
                        <Flex justify="space-between" gap={8} wrap>
                          <Space wrap>
                            <Typography.Text strong>
                              {r.documentNumber ?? t('(không số)', '(no number)')}
                            </Typography.Text>
                            <ResultStatusTag status={r.status} />
                          </Space>
                          <Typography.Text type="secondary">
                            {t('Gửi ngày', 'Submitted')} {formatDate(r.submittedOn)}
                          </Typography.Text>
                        </Flex>
                        {r.note && (
                          <Typography.Paragraph style={{ margin: '6px 0' }}>{r.note}</Typography.Paragraph>
                        )}
                        <FileLinks files={r.files} />
                        {r.decidedOn && (
                          <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }}>
                            {meta([
                              r.status === 'accepted' ? t('Tiếp nhận', 'Accepted') : t('Trả lại', 'Returned'),
                              formatDate(r.decidedOn),
                              r.decidedBy,
                            ])}
                          </Typography.Paragraph>
                        )}
                        {r.returnReason && (
                          <Alert
                            type="warning"
                            showIcon
                            style={{ marginTop: 6 }}
                            title={t('Lý do trả lại', 'Reason')}
                            description={r.returnReason}
                          />
                        )}
                        {r.status === 'pending' && canDecideResult && (
                          <Space wrap style={{ marginTop: 8 }}>
                            <AcceptResultButton resultId={r.id} />
                            <ReturnResultButton resultId={r.id} />
                          </Space>
                        )}
                      </div>
                    </>
                  )}
                />
              ),
          },
          {
            key: 'extensions',
            label: `${t('Gia hạn', 'Extensions')}${count(data.extensions.length)}`,
            children:
              data.extensions.length === 0 ? (
                <Empty description={t('Chưa có đề nghị gia hạn.', 'No extension requested.')} />
              ) : (
                <ItemList
                  items={data.extensions}
                  rowKey={(e) => e.id}
                  render={(e) => (
                    <>
                      <div style={{ width: '100%' }}>
                        <Flex justify="space-between" gap={8} wrap>
                          <Space wrap>
                            <Typography.Text strong>
                              {t('Đến ngày', 'Until')} {formatDate(e.requestedDueOn)}
                            </Typography.Text>
                            <ExtensionStatusTag status={e.status} />
                          </Space>
                          <Typography.Text type="secondary">
                            {t('Đề nghị ngày', 'Asked on')} {formatDate(e.requestedOn)}
                          </Typography.Text>
                        </Flex>
                        <Typography.Paragraph style={{ margin: '6px 0' }}>{e.reason}</Typography.Paragraph>
                        {e.decidedOn && (
                          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                            {meta([formatDate(e.decidedOn), e.decidedBy, e.decisionNote])}
                          </Typography.Paragraph>
                        )}
                        {e.status === 'pending' && can('extension.decide') && (
                          <Space wrap style={{ marginTop: 8 }}>
                            <ApproveExtensionButton extensionId={e.id} version={data.assignment.version} />
                            <RejectExtensionButton extensionId={e.id} />
                          </Space>
                        )}
                      </div>
                    </>
                  )}
                />
              ),
          },
          {
            key: 'obstacles',
            label: `${t('Khó khăn, vướng mắc', 'Obstacles')}${count(data.obstacles.length)}`,
            children:
              data.obstacles.length === 0 ? (
                <Empty description={t('Chưa có khó khăn, vướng mắc nào.', 'No obstacle reported.')} />
              ) : (
                <ItemList
                  items={data.obstacles}
                  rowKey={(o) => o.id}
                  render={(o) => (
                    <>
                      <div style={{ width: '100%' }}>
                        <Flex justify="space-between" gap={8} wrap>
                          <ObstacleStatusTag status={o.status} />
                          <Typography.Text type="secondary">
                            {t('Báo cáo ngày', 'Reported')} {formatDate(o.reportedOn)}
                          </Typography.Text>
                        </Flex>
                        <Typography.Paragraph style={{ margin: '6px 0' }}>
                          {o.description}
                        </Typography.Paragraph>
                        {o.proposal && (
                          <Typography.Paragraph type="secondary" style={{ margin: '0 0 6px' }}>
                            {t('Đề xuất:', 'Proposal:')} {o.proposal}
                          </Typography.Paragraph>
                        )}
                        {o.response && (
                          <Alert
                            type="success"
                            title={meta([
                              t('Trả lời', 'Answer'),
                              o.respondedOn && formatDate(o.respondedOn),
                              o.respondedBy,
                            ])}
                            description={o.response}
                          />
                        )}
                        {o.status === 'open' && can('obstacle.respond') && (
                          <div style={{ marginTop: 8 }}>
                            <RespondObstacleButton obstacleId={o.id} />
                          </div>
                        )}
                      </div>
                    </>
                  )}
                />
              ),
          },
          {
            key: 'subassignments',
            label: `${t('Phân công lại', 'Sub-assignments')}${count(subs.data?.items.length)}`,
            children: subs.isError ? (
              <ErrorState error={subs.error} onRetry={() => void subs.refetch()} />
            ) : !subs.data ? null : subs.data.items.length === 0 ? (
              <Empty description={t('Chưa phân công lại cho đơn vị nào.', 'Not split to any unit.')} />
            ) : (
              <>
                <Flex align="center" gap={12} style={{ marginBottom: 8 }}>
                  <Typography.Text>{t('Tiến độ', 'Progress')}</Typography.Text>
                  <Progress
                    percent={Math.round(
                      (100 * subs.data.progress.done) / Math.max(1, subs.data.progress.total),
                    )}
                    format={() => `${subs.data.progress.done}/${subs.data.progress.total}`}
                    style={{ maxWidth: 280, margin: 0 }}
                  />
                </Flex>
                <ItemList
                  items={subs.data.items}
                  rowKey={(s) => s.id}
                  render={(s) => (
                    <>
                      <div style={{ width: '100%' }}>
                        <Flex justify="space-between" gap={8} wrap>
                          <Link to={`/nhiem-vu/${s.id}`}>{s.agencyName}</Link>
                          <Space wrap>
                            <StateTag state={s.state} />
                            {s.resultStatus && <ResultStatusTag status={s.resultStatus} />}
                          </Space>
                        </Flex>
                        <Typography.Text type="secondary">
                          {meta([s.dueOn && `${t('Hạn', 'Due')} ${formatDate(s.dueOn)}`, s.note])}
                        </Typography.Text>
                      </div>
                    </>
                  )}
                />
              </>
            ),
          },
        ]}
      />
      {data.assignment.parentAssignmentId && (
        <Tag style={{ marginTop: 8 }}>
          <Link to={`/nhiem-vu/${data.assignment.parentAssignmentId}`}>
            {t('Nhiệm vụ gốc của cơ quan', "The agency's parent assignment")}
          </Link>
        </Tag>
      )}
    </Card>
  );
}
