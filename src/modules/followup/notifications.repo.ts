import { type Kysely, sql } from 'kysely';
import { selectPage } from '../../db/page.ts';
import type { DB } from '../../db/schema.ts';

/** Kysely functions of one user's notifications (the in-app list and its read marks). */

export interface NotificationPage {
  page: number;
  pageSize: number;
  /** only those not read yet */
  unread?: boolean | undefined;
}

/** A user's notifications, unread first, newest first within each; the totals of the filter and unread. */
export async function listUserNotifications(
  db: Kysely<DB>,
  user: { userId: number; authorityId: number },
  query: NotificationPage,
) {
  const mine = db
    .selectFrom('notification')
    .where('user_id', '=', user.userId)
    .where('authority_id', '=', user.authorityId);
  const unreadOnes = mine.where('read_at', 'is', null);
  const { unread } = await unreadOnes
    .select((eb) => eb.fn.countAll<number>().as('unread'))
    .executeTakeFirstOrThrow();
  const { rows, total } = await selectPage(query.unread ? unreadOnes : mine, query, (q) =>
    q
      .select(['id', 'kind', 'title', 'body', 'link', 'assignment_id', 'created_at', 'read_at'])
      .orderBy(sql`read_at is null`, 'desc')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc'),
  );
  return { rows, total, unread: Number(unread) };
}

/** Marks a user's notification read at `now` unless it was already; undefined when it is not theirs. */
export async function markUserNotificationRead(
  db: Kysely<DB>,
  user: { userId: number; authorityId: number },
  id: number,
  now: Date,
) {
  return db
    .updateTable('notification')
    .set({ read_at: sql<Date>`coalesce(read_at, ${now})` })
    .where('id', '=', id)
    .where('user_id', '=', user.userId)
    .where('authority_id', '=', user.authorityId)
    .returning(['id', 'read_at'])
    .executeTakeFirst();
}

/** Marks every unread notification of a user read at `now`; how many it marked. */
export async function markAllUserNotificationsRead(
  db: Kysely<DB>,
  user: { userId: number; authorityId: number },
  now: Date,
): Promise<number> {
  const result = await db
    .updateTable('notification')
    .set({ read_at: now })
    .where('user_id', '=', user.userId)
    .where('authority_id', '=', user.authorityId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
