import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import { type Actor, requireAccess, requireUser } from '../access/access.ts';
import { deleteReadNotifications } from './followup-admin.repo.ts';

export interface NotificationQuery {
  page: number;
  pageSize: number;
  /** only those not read yet */
  unread?: boolean | undefined;
}

/** Thông báo — the caller's own notifications, unread first, newest first within each. */
export async function listMyNotifications(db: Kysely<DB>, actor: Actor, query: NotificationQuery) {
  const user = requireUser(actor);
  requireAccess(actor, 'self', { authorityId: user.authorityId });
  const mine = () =>
    db
      .selectFrom('notification')
      .where('user_id', '=', user.userId)
      .where('authority_id', '=', user.authorityId);
  const filtered = () => (query.unread ? mine().where('read_at', 'is', null) : mine());
  const [{ total }, { unread }, rows] = await Promise.all([
    filtered()
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
    mine()
      .where('read_at', 'is', null)
      .select((eb) => eb.fn.countAll<number>().as('unread'))
      .executeTakeFirstOrThrow(),
    filtered()
      .select(['id', 'kind', 'title', 'body', 'link', 'assignment_id', 'created_at', 'read_at'])
      .orderBy(sql`read_at is null`, 'desc')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
  ]);
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
    total: Number(total),
    unread: Number(unread),
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Marks one of the caller's notifications read (again: no change); anyone else's is 404. */
export async function markNotificationRead(db: Kysely<DB>, actor: Actor, id: number, now: Date) {
  const user = requireUser(actor);
  requireAccess(actor, 'self', { authorityId: user.authorityId });
  const row = await db
    .updateTable('notification')
    .set({ read_at: sql<Date>`coalesce(read_at, ${now})` })
    .where('id', '=', id)
    .where('user_id', '=', user.userId)
    .where('authority_id', '=', user.authorityId)
    .returning(['id', 'read_at'])
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy thông báo.');
  return { id: row.id, readAt: (row.read_at as Date).toISOString() };
}

export const DEFAULT_NOTIFICATION_RETENTION_DAYS = 180;

/**
 * Dọn thông báo — the daily sweep's clean-up: notifications that were read and are older than the
 * retention (DONDOC_NOTIFICATION_RETENTION_DAYS, default 180 days) are deleted; unread ones stay
 * whatever their age. Returns how many were deleted.
 */
export async function purgeReadNotifications(
  db: Kysely<DB>,
  authorityId: number,
  options: { now: Date; retentionDays?: number | undefined },
): Promise<number> {
  const days = options.retentionDays ?? DEFAULT_NOTIFICATION_RETENTION_DAYS;
  return deleteReadNotifications(db, authorityId, new Date(options.now.getTime() - days * 86_400_000));
}
