import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Flex, Progress, Space, Tabs, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { AssignmentDetail } from '../../../../src/shared/schemas/assignment.ts';
import type { Subassignments } from '../../../../src/shared/schemas/subassign.ts';
import { ErrorState } from '../../components/QueryState.tsx';
import { api } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import { AcceptResultButton, ReturnResultButton } from '../review/decisions.tsx';
import { RequestList } from '../review/RequestList.tsx';
import { ItemList } from './ItemList.tsx';
import { ExtensionStatusTag, FileLinks, ObstacleStatusTag, ResultStatusTag, StateTag } from './labels.tsx';

/** Quá trình thực hiện: the assignment's results, extensions, obstacles and sub-assignments, with the Office's decisions. */
export function AssignmentHistory({
  data,
  canDecideResult,
}: {
  data: AssignmentDetail;
  canDecideResult: boolean;
}) {
  const t = useT();
  const { can } = useSession();
  const subs = useQuery({
    queryKey: ['subassignments', data.assignment.id],
    queryFn: () => api.get<Subassignments>(`/assignments/${data.assignment.id}/subassignments`),
  });
  const count = (n: number | undefined) => (n ? ` (${n})` : '');
  const meta = (parts: (string | null | false | undefined)[]) => parts.filter(Boolean).join(' · ');
  /** a tab of the history: its count in the label, `empty` when it has nothing */
  const tab = (key: string, label: string, items: unknown[], empty: string, list: ReactNode) => ({
    key,
    label: `${label}${count(items.length)}`,
    children: items.length === 0 ? <Empty description={empty} /> : list,
  });
  return (
    <Card title={t('Quá trình thực hiện', 'History')}>
      <Tabs
        items={[
          tab(
            'results',
            t('Kết quả báo cáo', 'Results'),
            data.results,
            t('Chưa có báo cáo kết quả.', 'No result submitted yet.'),
            <ItemList
              items={data.results}
              rowKey={(r) => r.id}
              render={(r) => (
                <>
                  <div style={{ width: '100%' }}>
                    <EntryHead
                      title={
                        (r.documentNumber ?? t('(không số)', '(no number)')) +
                        (r.period
                          ? t(
                              ` · kỳ ${r.period.slice(5, 7)}/${r.period.slice(0, 4)}`,
                              ` · period ${r.period.slice(5, 7)}/${r.period.slice(0, 4)}`,
                            )
                          : '')
                      }
                      status={<ResultStatusTag status={r.status} />}
                      when={`${t('Gửi ngày', 'Submitted')} ${formatDate(r.submittedOn)}`}
                    />
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
            />,
          ),
          tab(
            'extensions',
            t('Gia hạn', 'Extensions'),
            data.extensions,
            t('Chưa có đề nghị gia hạn.', 'No extension requested.'),
            <RequestList
              kind="extension"
              items={data.extensions}
              canDecide={can('extension.decide')}
              version={() => data.assignment.version}
              describe={(e) => (
                <>
                  <EntryHead
                    title={`${t('Đến ngày', 'Until')} ${formatDate(e.requestedDueOn)}`}
                    status={<ExtensionStatusTag status={e.status} />}
                    when={`${t('Đề nghị ngày', 'Asked on')} ${formatDate(e.requestedOn)}`}
                  />
                  <Typography.Paragraph style={{ margin: '6px 0' }}>{e.reason}</Typography.Paragraph>
                </>
              )}
            />,
          ),
          tab(
            'obstacles',
            t('Khó khăn, vướng mắc', 'Obstacles'),
            data.obstacles,
            t('Chưa có khó khăn, vướng mắc nào.', 'No obstacle reported.'),
            <RequestList
              kind="obstacle"
              items={data.obstacles}
              canDecide={can('obstacle.respond')}
              describe={(o) => (
                <>
                  <EntryHead
                    status={<ObstacleStatusTag status={o.status} />}
                    when={`${t('Báo cáo ngày', 'Reported')} ${formatDate(o.reportedOn)}`}
                  />
                  <Typography.Paragraph style={{ margin: '6px 0' }}>{o.description}</Typography.Paragraph>
                  {o.proposal && (
                    <Typography.Paragraph type="secondary" style={{ margin: '0 0 6px' }}>
                      {t('Đề xuất:', 'Proposal:')} {o.proposal}
                    </Typography.Paragraph>
                  )}
                </>
              )}
            />,
          ),
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

/** The first line of a history entry: what it is and its status on the left, when on the right. */
function EntryHead({ title, status, when }: { title?: string; status: ReactNode; when: string }) {
  return (
    <Flex justify="space-between" gap={8} wrap>
      <Space wrap>
        {title && <Typography.Text strong>{title}</Typography.Text>}
        {status}
      </Space>
      <Typography.Text type="secondary">{when}</Typography.Text>
    </Flex>
  );
}
