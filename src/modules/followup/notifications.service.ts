import { AppError } from '../../shared/errors.ts';
import { authorityOf, requireAccess, requireUser } from '../access/access.ts';
import type { ServiceContext } from '../service-context.ts';
import { deleteReadNotifications } from './followup-admin.repo.ts';
import {
  listUserNotifications,
  markAllUserNotificationsRead,
  markUserNotificationRead,
  type NotificationPage,
} from './notifications.repo.ts';

export type NotificationQuery = NotificationPage;

/** Thông báo — the caller's own notifications, unread first, newest first within each. */
export async function listMyNotifications(ctx: ServiceContext, query: NotificationQuery) {
  const user = requireUser(ctx.actor);
  requireAccess(ctx.actor, 'self', { authorityId: user.authorityId });
  const { rows, total, unread } = await listUserNotifications(ctx.db, user, query);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      link: r.link,
      assignmentId: r.assignment_id,
      createdAt: r.created_at.toISOString(),
      readAt: r.read_at?.toISOString() ?? null,
    })),
    total,
    unread,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Marks one of the caller's notifications read (again: no change); anyone else's is 404. */
export async function markNotificationRead(ctx: ServiceContext, id: number) {
  const user = requireUser(ctx.actor);
  requireAccess(ctx.actor, 'self', { authorityId: user.authorityId });
  const row = await markUserNotificationRead(ctx.db, user, id, ctx.now);
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy thông báo.');
  return { id: row.id, readAt: (row.read_at as Date).toISOString() };
}

/** Đánh dấu tất cả đã đọc — the bell's "mark all read": every unread notification of the caller. */
export async function markAllNotificationsRead(ctx: ServiceContext) {
  const user = requireUser(ctx.actor);
  requireAccess(ctx.actor, 'self', { authorityId: user.authorityId });
  return { read: await markAllUserNotificationsRead(ctx.db, user, ctx.now) };
}

export const DEFAULT_NOTIFICATION_RETENTION_DAYS = 180;

/**
 * Dọn thông báo — the daily sweep's clean-up (whoever runs the sweep: `reminder.issue`): notifications
 * of the actor's authority that were read and are older than the retention
 * (DONDOC_NOTIFICATION_RETENTION_DAYS, default 180 days) at `ctx.now` are deleted; unread ones stay
 * whatever their age. Returns how many were deleted.
 */
export async function purgeReadNotifications(
  ctx: ServiceContext,
  options: { retentionDays?: number | undefined } = {},
): Promise<number> {
  const authorityId = authorityOf(ctx.actor);
  requireAccess(ctx.actor, 'reminder.issue', { authorityId });
  const days = options.retentionDays ?? DEFAULT_NOTIFICATION_RETENTION_DAYS;
  return deleteReadNotifications(ctx.db, authorityId, new Date(ctx.now.getTime() - days * 86_400_000));
}
