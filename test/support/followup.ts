import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../src/db/schema.ts';
import { addDays, type LocalDate } from '../../src/domain/dates.ts';
import { loadDemo } from '../../src/modules/demo/demo.service.ts';
import { createLocalFileStore } from '../../src/modules/files/local-file-store.ts';
import { type SweepSummary, sweepUpTo } from '../../src/modules/followup/sweep.service.ts';
import { type ServiceContext, systemContext } from '../../src/modules/service-context.ts';

/** The context the scheduler gives the sweep: the system actor 'scheduler' of one authority, `reminder.issue`. */
export function sweepContext(db: Kysely<DB>, authorityId: number, now?: Date): ServiceContext {
  return systemContext({
    db,
    files: createLocalFileStore(join(tmpdir(), 'dondoc-test-files')),
    authorityId,
    name: 'scheduler',
    rights: ['reminder.issue'],
    ...(now ? { now } : {}),
  });
}

/**
 * The follow-up tests' world: the demo (plan 87/KH-UBND, 33 users: quantri, vanphong, lanhdao and one
 * per agency) with an e-mail address for everyone (username@tayninh.gov.vn) and the Sở Tư pháp user
 * as its agency head.
 */
export async function loadFollowupDemo(db: Kysely<DB>): Promise<number> {
  const { authorityId } = await loadDemo(db, { users: true });
  await db
    .updateTable('app_user')
    .set({ email: sql<string>`username || '@tayninh.gov.vn'` })
    .where('authority_id', '=', authorityId)
    .execute();
  await db.updateTable('app_user').set({ is_head: true }).where('username', '=', 'stp').execute();
  return authorityId;
}

/** The scheduler's day by day: one sweepUpTo per calendar day, as a server running all year would. */
export async function sweepEveryDay(
  db: Kysely<DB>,
  authorityId: number,
  from: LocalDate,
  to: LocalDate,
): Promise<SweepSummary> {
  const total: SweepSummary = { asOf: to, days: [], reminders: 0, letters: 0, notifications: 0, emails: 0 };
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const s = await sweepUpTo(sweepContext(db, authorityId), day);
    total.days.push(...s.days);
    total.reminders += s.reminders;
    total.letters += s.letters;
    total.notifications += s.notifications;
    total.emails += s.emails;
  }
  return total;
}

export const FOLLOWUP_TABLES = [
  'sweep_day',
  'written_reminder',
  'reminder_letter',
  'reminder_letter_agency',
  'notification',
  'outbox_message',
] as const;

/** Row counts of every table the sweep writes. */
export async function followupCounts(
  db: Kysely<DB>,
): Promise<Record<(typeof FOLLOWUP_TABLES)[number], number>> {
  const counts = {} as Record<(typeof FOLLOWUP_TABLES)[number], number>;
  for (const table of FOLLOWUP_TABLES) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db);
    counts[table] = Number(rows[0]?.n ?? 0);
  }
  return counts;
}

/** Notification counts by kind. */
export async function notificationsByKind(db: Kysely<DB>): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('notification')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('kind')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
}

/** Letters per sweep day, e.g. { '2021-01-14': 1, '2021-01-21': 29, … }. */
export async function lettersByDay(db: Kysely<DB>): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('reminder_letter')
    .select(['sweep_day', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('sweep_day')
    .orderBy('sweep_day')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.sweep_day, Number(r.n)]));
}
