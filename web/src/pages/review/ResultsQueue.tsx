import { Space, Typography } from 'antd';
import type { ResultItem, ResultStatus } from '../../../../src/shared/schemas/result.ts';
import { formatDate } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { ItemList } from '../inbox/ItemList.tsx';
import { FileLinks, ResultStatusTag } from '../inbox/labels.tsx';
import { AcceptResultButton, ReturnResultButton } from './decisions.tsx';
import { ItemHead, StatusQueue } from './queue.tsx';

/** Kết quả báo cáo: the results awaiting the Office, to accept or return. */
export function ResultsQueue() {
  const t = useT();
  return (
    <StatusQueue<ResultStatus, ResultItem>
      name="results"
      path="/results"
      filter={{ internal: 'false' }}
      statuses={[
        { value: 'pending', label: t('Chờ xem xét', 'Awaiting') },
        { value: 'accepted', label: t('Đã tiếp nhận', 'Accepted') },
        { value: 'returned', label: t('Đã trả lại', 'Returned') },
      ]}
      empty={(status) =>
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
  );
}
