import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Flex, Progress, Space, Tabs, Tag, Typography } from 'antd';
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
                <RequestList
                  kind="extension"
                  items={data.extensions}
                  canDecide={can('extension.decide')}
                  version={() => data.assignment.version}
                  describe={(e) => (
                    <>
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
                <RequestList
                  kind="obstacle"
                  items={data.obstacles}
                  canDecide={can('obstacle.respond')}
                  describe={(o) => (
                    <>
                      <Flex justify="space-between" gap={8} wrap>
                        <ObstacleStatusTag status={o.status} />
                        <Typography.Text type="secondary">
                          {t('Báo cáo ngày', 'Reported')} {formatDate(o.reportedOn)}
                        </Typography.Text>
                      </Flex>
                      <Typography.Paragraph style={{ margin: '6px 0' }}>{o.description}</Typography.Paragraph>
                      {o.proposal && (
                        <Typography.Paragraph type="secondary" style={{ margin: '0 0 6px' }}>
                          {t('Đề xuất:', 'Proposal:')} {o.proposal}
                        </Typography.Paragraph>
                      )}
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
