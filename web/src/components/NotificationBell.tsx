import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Notification, NotificationsPage } from '../../../src/shared/schemas/followup.ts';
import { api } from '../lib/api.ts';
import { formatDateTime } from '../lib/format.ts';
import { useT } from '../lib/i18n.tsx';

const NOTIFICATIONS_KEY = ['notifications', 'bell'] as const;

/**
 * Chuông thông báo: the caller's unread count, and the newest notifications (unread first); opening
 * one marks it read and goes to its page of the app (docs/domain-rules.md §11). Refreshed every minute.
 */
export function NotificationBell() {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const list = useQuery({
    queryKey: NOTIFICATIONS_KEY,
    queryFn: () => api.get<NotificationsPage>('/notifications', { pageSize: 8 }),
    refetchInterval: 60_000,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
  const read = useMutation({
    mutationFn: (id: number) => api.post(`/notifications/${id}/read`),
    onSettled: refresh,
  });
  const readAll = useMutation({ mutationFn: () => api.post('/notifications/read-all'), onSettled: refresh });
  const unread = list.data?.unread ?? 0;

  const openOne = (n: Notification) => {
    setOpen(false);
    if (!n.readAt) read.mutate(n.id);
    if (n.link) navigate(n.link);
  };
  const content = (
    <div className="dd-bell-panel">
      {list.data && list.data.items.length > 0 ? (
        <ul className="dd-bell-list">
          {list.data.items.map((n) => (
            <li key={n.id} className={n.readAt ? undefined : 'dd-bell-unread'} data-testid="bell-item">
              <button type="button" className="dd-bell-button" onClick={() => openOne(n)}>
                <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                  {formatDateTime(n.createdAt)}
                </Typography.Text>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('Chưa có thông báo.', 'No notification.')}
        />
      )}
      {unread > 0 && (
        <Button type="link" size="small" onClick={() => readAll.mutate()} loading={readAll.isPending}>
          {t('Đánh dấu tất cả đã đọc', 'Mark all read')}
        </Button>
      )}
    </div>
  );
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      title={t(`Thông báo (${unread} chưa đọc)`, `Notifications (${unread} unread)`)}
      content={content}
    >
      <Button
        type="text"
        aria-label={t(`Thông báo: ${unread} chưa đọc`, `Notifications: ${unread} unread`)}
        data-testid="bell"
        icon={
          <Badge count={unread} size="small" overflowCount={99}>
            <BellOutlined style={{ fontSize: 18 }} />
          </Badge>
        }
      />
    </Popover>
  );
}
