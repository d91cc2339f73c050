import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Failures allowed per (typed name, address) before each further one waits (issue #16). */
export const FREE_LOGIN_FAILURES = 4;
/** The longest wait after repeated failures, in minutes. */
export const MAX_LOGIN_DELAY_MINUTES = 60;
/** Failures older than this are forgotten. */
const FAILURE_MEMORY = sql`interval '24 hours'`;

/**
 * Takes one sign-in attempt for a (typed name, address) pair in one statement, before the password
 * is checked: the attempt counts as a failure until the password proves right (then the pair is
 * cleared). From the fifth attempt on, each one sets a wait of 1, 2, 4 … 60 minutes before the
 * next. Parallel attempts queue on the row, so no more than the allowance ever reach the password
 * check. Null when the pair is waiting: the attempt is refused without looking at the password.
 */
export async function takeLoginAttempt(
  db: Kysely<DB>,
  nameKey: string,
  address: string,
  now: Date,
): Promise<{ failures: number; blockedUntil: Date | null } | null> {
  const failures = sql<number>`case when t.updated_at < ${now}::timestamptz - ${FAILURE_MEMORY} then 1 else t.failures + 1 end`;
  const row = await sql<{ failures: number; blocked_until: Date | null }>`
    insert into login_throttle as t (name_key, address, failures, blocked_until, updated_at)
    values (${nameKey}, ${address}, 1, null, ${now})
    on conflict (name_key, address) do update set
      failures = ${failures},
      blocked_until = case when ${failures} > ${FREE_LOGIN_FAILURES}
        then ${now}::timestamptz + make_interval(mins => least(${MAX_LOGIN_DELAY_MINUTES}, power(2, ${failures} - ${FREE_LOGIN_FAILURES} - 1)::integer))
        else null end,
      updated_at = ${now}
    where t.blocked_until is null or t.blocked_until <= ${now}
    returning failures, blocked_until`.execute(db);
  const taken = row.rows[0];
  return taken ? { failures: taken.failures, blockedUntil: taken.blocked_until } : null;
}

/** When the pair may try again (after a refused attempt). */
export async function loginBlockedUntil(
  db: Kysely<DB>,
  nameKey: string,
  address: string,
): Promise<Date | null> {
  const row = await db
    .selectFrom('login_throttle')
    .select('blocked_until')
    .where('name_key', '=', nameKey)
    .where('address', '=', address)
    .executeTakeFirst();
  return row?.blocked_until ?? null;
}

/** A right password clears the pair's failures. */
export async function clearLoginFailures(db: Kysely<DB>, nameKey: string, address: string): Promise<void> {
  await db
    .deleteFrom('login_throttle')
    .where('name_key', '=', nameKey)
    .where('address', '=', address)
    .execute();
}

/** An admin's reset or re-enable lifts every wait on the name. */
export async function clearLoginFailuresOfName(db: Kysely<DB>, nameKey: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('name_key', '=', nameKey).execute();
}

/** Pairs untouched for a day and not waiting: deleted by the daily sweep. */
export async function forgetOldLoginFailures(db: Kysely<DB>, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('login_throttle')
    .where('updated_at', '<', new Date(now.getTime() - 24 * 3_600_000))
    .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', now)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
