import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Kysely functions of the hourly housekeeping: what has outlived its use is deleted. */

/** Sessions past their end, or unused for `idleMinutes`; returns how many. */
export async function deleteEndedSessions(db: Kysely<DB>, now: Date, idleMinutes: number): Promise<number> {
  const result = await db
    .deleteFrom('user_session')
    .where((eb) =>
      eb.or([
        eb('expires_at', '<=', now),
        eb('last_seen_at', '<=', new Date(now.getTime() - idleMinutes * 60_000)),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Request-limit windows (src/server/rate-limit.ts) that ended an hour ago; returns how many. */
export async function deleteExpiredRateLimits(db: Kysely<DB>, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('rate_limit_hit')
    .where('reset_at', '<', new Date(now.getTime() - 3_600_000))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
