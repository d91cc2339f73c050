import { useQuery } from '@tanstack/react-query';
import { Flex, Segmented, Space, Typography } from 'antd';
import { CsvButton } from '../../components/CsvButton.tsx';
import { api, type Page } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { ItemList } from '../inbox/ItemList.tsx';
import { FileLinks, ResultStatusTag } from '../inbox/labels.tsx';
import type { ResultStatus } from '../inbox/types.ts';
import { AcceptResultButton, ReturnResultButton } from './decisions.tsx';
import { ItemHead, PAGE_SIZE, Queue, useStatusParam } from './queue.tsx';
import type { ResultItem } from './types.ts';

/** Kết quả báo cáo: the results awaiting the Office, to accept or return. */
export function ResultsQueue() {
  const t = useT();
  const statuses = ['pending', 'accepted', 'returned'] as const;
  const [status, setStatus, page, setPage] = useStatusParam<ResultStatus>(statuses);
  const query = useQuery({
    queryKey: ['review', 'results', status, page],
    queryFn: () =>
      api.get<Page<ResultItem>>('/results', { status, internal: 'false', page, pageSize: PAGE_SIZE }),
  });
  return (
    <>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
        <Segmented
          value={status}
          onChange={setStatus}
          options={[
            { value: 'pending', label: t('Chờ xem xét', 'Awaiting') },
            { value: 'accepted', label: t('Đã tiếp nhận', 'Accepted') },
            { value: 'returned', label: t('Đã trả lại', 'Returned') },
          ]}
        />
        <CsvButton path="/results" query={{ status, internal: 'false' }} size="small" />
      </Flex>
      <Queue
        query={query}
        page={page}
        setPage={setPage}
        empty={
          status === 'pending'
            ? t('Không có kết quả nào chờ xem xét.', 'No result awaits review.')
            : t('Không có kết quả nào.', 'No results.')
        }
        list={(items, pagination) => (
          <ItemList
            items={items}
            rowKey={(r) => r.id}
            pagination={pagination}
            render={(r) => (
              <>
                <ItemHead
                  assignmentId={r.assignmentId}
                  task={r.task}
                  plan={r.plan}
                  agency={r.agencyName}
                  extra={<ResultStatusTag status={r.status} />}
                />
                <Typography.Paragraph style={{ marginBottom: 4 }}>
                  {t('Văn bản', 'Document')} <strong>{r.documentNumber ?? '—'}</strong> ·{' '}
                  {t('gửi ngày', 'submitted')} {formatDate(r.submittedOn)}
                  {r.dueOn && (
                    <>
                      {' '}
                      · {t('hạn', 'due')} {formatDate(r.dueOn)}{' '}
                      {r.submittedOn <= r.dueOn ? (
                        <Typography.Text type="success">({t('đúng hạn', 'on time')})</Typography.Text>
                      ) : (
                        <Typography.Text type="warning">({t('trễ hạn', 'late')})</Typography.Text>
                      )}
                    </>
                  )}
                </Typography.Paragraph>
                {r.note && (
                  <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
                    {r.note}
                  </Typography.Paragraph>
                )}
                <FileLinks files={r.files} />
                {r.returnReason && (
                  <Typography.Paragraph type="warning" style={{ margin: '4px 0 0' }}>
                    {t('Lý do trả lại:', 'Reason:')} {r.returnReason}
                  </Typography.Paragraph>
                )}
                {r.decidedOn && (
                  <Typography.Text type="secondary">
                    {formatDate(r.decidedOn)} · {r.decidedBy}
                  </Typography.Text>
                )}
                {r.status === 'pending' && (
                  <Space wrap style={{ marginTop: 8 }}>
                    <AcceptResultButton resultId={r.id} />
                    <ReturnResultButton resultId={r.id} />
                  </Space>
                )}
              </>
            )}
          />
        )}
      />
    </>
  );
}
