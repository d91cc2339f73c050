import { RedoOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Grid, Pagination, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import type {
  OutboxFilter,
  OutboxMessage,
  OutboxPage,
  OutboxStatus,
} from '../../../../src/shared/schemas/followup.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { useApiMutation } from '../../lib/mutation.ts';
import { loadingPage, usePaging } from '../../lib/paging.ts';
import { useSession } from '../../lib/session.tsx';

type Filter = OutboxFilter | 'all';

/** The e-mail kinds the sweep queues (src/modules/followup/notices.ts), as a clerk names them. */
const KINDS: Record<string, [string, string]> = {
  notice: ['Sắp đến hạn', 'Due soon'],
  digest: ['Tổng hợp quá hạn', 'Overdue digest'],
  escalation: ['Báo cáo Thủ trưởng', 'Escalation'],
  overdue_list: ['Quá hạn kéo dài', 'Long overdue'],
  reminder: ['Công văn đôn đốc', 'Reminder letter'],
};

function kindLabel(kind: string, t: (vi: string, en: string) => string): string {
  const label = KINDS[kind];
  return label ? t(label[0], label[1]) : kind;
}

const STATUS: Record<OutboxStatus, { vi: string; en: string; color: string }> = {
  pending: { vi: 'Chờ gửi', en: 'Waiting', color: 'blue' },
  sending: { vi: 'Đang gửi', en: 'Sending', color: 'processing' },
  sent: { vi: 'Đã gửi', en: 'Sent', color: 'green' },
  dead: { vi: 'Thất bại', en: 'Failed', color: 'red' },
};

/**
 * Hộp thư gửi đi: the e-mails of the follow-up sweep by state (GET /api/outbox), newest first; a
 * failed one shows its last error and, for admins, a "Gửi lại" button (POST /api/outbox/:id/retry).
 */
export function OutboxTab() {
  const t = useT();
  const { can } = useSession();
  const [filter, setFilter] = useState<Filter>('all');
  const { paging, pagination: pageOf, firstPage } = usePaging();
  const query = useQuery({
    queryKey: ['outbox', { filter, ...paging }],
    queryFn: () =>
      api.get<OutboxPage>('/outbox', { state: filter === 'all' ? undefined : filter, ...paging }),
    placeholderData: keepPreviousData,
  });
  const retry = useApiMutation({
    mutationFn: (id: number) => api.post<OutboxMessage>(`/outbox/${id}/retry`),
    success: (m) =>
      t(`Đã đưa thư gửi ${m.to} trở lại hàng chờ gửi.`, `The e-mail to ${m.to} is back in the queue.`),
    invalidate: [['outbox']],
  });
  const counts = query.data?.counts;
  const count = (n: number | undefined) => (n === undefined ? '' : ` (${n})`);
  const canRetry = can('outbox.manage');
  const phone = !Grid.useBreakpoint().md;

  const statusCell = (m: OutboxMessage): ReactNode => {
    const s = STATUS[m.status];
    return (
      <Space orientation="vertical" size={2} style={{ width: '100%' }}>
        <span>
          <Tag color={s.color}>{t(s.vi, s.en)}</Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`${m.attempts} lần thử`, `${m.attempts} attempt(s)`)}
          </Typography.Text>
        </span>
        {m.status === 'sent' && m.sentAt && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('Gửi lúc', 'Sent at')} {formatDateTime(m.sentAt)}
          </Typography.Text>
        )}
        {m.status === 'pending' && m.nextAttemptAt && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('Gửi tiếp lúc', 'Next attempt')} {formatDateTime(m.nextAttemptAt)}
          </Typography.Text>
        )}
        {m.lastError && (
          <Typography.Text
            type={m.status === 'dead' ? 'danger' : 'secondary'}
            style={{ fontSize: 12, wordBreak: 'break-word' }}
          >
            {t('Lỗi cuối:', 'Last error:')} {m.lastError}
          </Typography.Text>
        )}
      </Space>
    );
  };

  const retryButton = (m: OutboxMessage): ReactNode =>
    canRetry && m.status === 'dead' ? (
      <ConfirmButton
        question={t('Gửi lại thư này?', 'Send this e-mail again?')}
        description={t(
          'Thư trở lại hàng chờ, số lần thử đặt lại về 0.',
          'The e-mail goes back to the queue with its attempts reset to 0.',
        )}
        okText={t('Gửi lại', 'Retry')}
        onConfirm={() => retry.mutate(m.id)}
        size="small"
        icon={<RedoOutlined />}
        loading={retry.isPending && retry.variables === m.id}
        aria-label={t(`Gửi lại thư gửi ${m.to}`, `Retry the e-mail to ${m.to}`)}
      >
        {t('Gửi lại', 'Retry')}
      </ConfirmButton>
    ) : null;

  const pagination = (data: OutboxPage) =>
    pageOf(data, (total) => t(`${total} thư`, `${total} e-mails`), !phone);

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div style={{ maxWidth: '100%', overflowX: 'auto' }}>
        <Segmented<Filter>
          vertical={phone}
          aria-label={t('Lọc theo trạng thái', 'Filter by state')}
          value={filter}
          onChange={(value) => {
            setFilter(value);
            firstPage();
          }}
          options={[
            {
              value: 'all',
              label: `${t('Tất cả', 'All')}${count(counts && counts.pending + counts.sending + counts.sent + counts.dead)}`,
            },
            {
              value: 'pending',
              label: `${t('Chờ gửi', 'Waiting')}${count(counts && counts.pending + counts.sending)}`,
            },
            { value: 'sent', label: `${t('Đã gửi', 'Sent')}${count(counts?.sent)}` },
            { value: 'dead', label: `${t('Thất bại', 'Failed')}${count(counts?.dead)}` },
          ]}
        />
      </div>
      <QueryState
        query={query}
        isEmpty={(data) => data.total === 0}
        empty={
          filter === 'all'
            ? t(
                'Chưa có thư nào. Thư được xếp hàng khi quét nhắc việc, cho người dùng có địa chỉ e-mail.',
                'No e-mail yet. The sweep queues e-mails for users with an address.',
              )
            : t('Không có thư nào ở trạng thái này.', 'No e-mail in this state.')
        }
      >
        {(data) =>
          phone ? (
            <OutboxCards
              data={data}
              loading={loadingPage(query)}
              pagination={pagination(data)}
              statusCell={statusCell}
              retryButton={retryButton}
            />
          ) : (
            <Table<OutboxMessage>
              size="small"
              rowKey="id"
              className="dd-fit-table"
              dataSource={data.items}
              loading={loadingPage(query)}
              scroll={{ x: 900 }}
              pagination={pagination(data)}
              columns={[
                {
                  title: t('Tạo lúc', 'Created'),
                  dataIndex: 'createdAt',
                  width: 140,
                  render: (v: string) => formatDateTime(v),
                },
                {
                  title: t('Người nhận', 'To'),
                  dataIndex: 'to',
                  width: 190,
                  render: (v: string) => <span style={{ wordBreak: 'break-all' }}>{v}</span>,
                },
                {
                  title: t('Tiêu đề', 'Subject'),
                  key: 'subject',
                  render: (_, m) => (
                    <Space orientation="vertical" size={0}>
                      <span>{m.subject}</span>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {kindLabel(m.kind, t)}
                      </Typography.Text>
                    </Space>
                  ),
                },
                {
                  title: t('Trạng thái', 'State'),
                  key: 'status',
                  width: 230,
                  render: (_, m) => statusCell(m),
                },
                ...(canRetry
                  ? [
                      {
                        title: t('Thao tác', 'Action'),
                        key: 'action',
                        width: 110,
                        render: (_: unknown, m: OutboxMessage) => retryButton(m),
                      },
                    ]
                  : []),
              ]}
            />
          )
        }
      </QueryState>
    </Space>
  );
}

/** The outbox on a phone: one block per e-mail, subject first, nothing to scroll sideways. */
function OutboxCards({
  data,
  loading,
  pagination,
  statusCell,
  retryButton,
}: {
  data: OutboxPage;
  loading: boolean;
  pagination: {
    current: number;
    pageSize: number;
    total: number;
    onChange: (page: number, pageSize: number) => void;
    showTotal: (total: number) => string;
  };
  statusCell: (m: OutboxMessage) => ReactNode;
  retryButton: (m: OutboxMessage) => ReactNode;
}) {
  const t = useT();
  return (
    <div style={{ opacity: loading ? 0.6 : 1 }}>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="outbox-cards">
        {data.items.map((m) => (
          <li
            key={m.id}
            data-testid="outbox-item"
            style={{
              padding: '10px 0',
              borderBottom: '1px solid var(--ant-color-border-secondary, #f0f0f0)',
            }}
          >
            <div style={{ fontWeight: 500, wordBreak: 'break-word' }}>{m.subject}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
              {m.to} · {kindLabel(m.kind, t)} · {formatDateTime(m.createdAt)}
            </Typography.Text>
            <div style={{ marginTop: 6, display: 'flex', gap: 8, alignItems: 'flex-start' }}>
              <div style={{ flex: 1, minWidth: 0 }}>{statusCell(m)}</div>
              {retryButton(m)}
            </div>
          </li>
        ))}
      </ul>
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginTop: 12 }}>
        <Pagination size="small" simple {...pagination} />
      </div>
    </div>
  );
}
