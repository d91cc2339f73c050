import { type Kysely, sql } from 'kysely';
import { inSlices } from '../../db/chunks.ts';
import type { CalendarDayTable, DB } from '../../db/schema.ts';
import type { CalendarDay } from '../../domain/holidays.ts';

/** The mark in `authority.settings` that the shipped days were loaded into the authority's calendar. */
export const SHIPPED_MARK = 'calendarShipped';

/** The days of an authority's calendar, by date; of one year when given. */
export async function listCalendarDays(db: Kysely<DB>, authorityId: number, year?: number) {
  let query = db
    .selectFrom('calendar_day')
    .select(['date', 'kind', 'name', 'source'])
    .where('authority_id', '=', authorityId);
  if (year !== undefined) {
    query = query.where('date', '>=', `${year}-01-01`).where('date', '<=', `${year}-12-31`);
  }
  return query.orderBy('date').execute();
}

export async function findCalendarDay(db: Kysely<DB>, authorityId: number, date: string) {
  return db
    .selectFrom('calendar_day')
    .select(['date', 'kind', 'name', 'source'])
    .where('authority_id', '=', authorityId)
    .where('date', '=', date)
    .executeTakeFirst();
}

/** Adds a day or replaces the one of that date. */
export async function saveCalendarDay(
  db: Kysely<DB>,
  authorityId: number,
  day: CalendarDay & { source: CalendarDayTable['source'] },
) {
  await db
    .insertInto('calendar_day')
    .values({ authority_id: authorityId, ...day })
    .onConflict((oc) =>
      oc
        .columns(['authority_id', 'date'])
        .doUpdateSet({ kind: day.kind, name: day.name, source: day.source }),
    )
    .execute();
}

export async function deleteCalendarDay(db: Kysely<DB>, authorityId: number, date: string): Promise<boolean> {
  const deleted = await db
    .deleteFrom('calendar_day')
    .where('authority_id', '=', authorityId)
    .where('date', '=', date)
    .executeTakeFirst();
  return deleted.numDeletedRows > 0n;
}

/**
 * Loads the shipped days into the authority's calendar unless they were (checked again under the
 * authority row's lock, so two first uses load them once); a day the Office already has keeps its entry.
 */
export async function loadShippedDaysOnce(
  trx: Kysely<DB>,
  authorityId: number,
  days: CalendarDay[],
  shippedRange: string,
) {
  const loaded = (locked: boolean) => {
    const query = trx
      .selectFrom('authority')
      .select(sql<boolean>`settings ? ${SHIPPED_MARK}`.as('loaded'))
      .where('id', '=', authorityId);
    return (locked ? query.forUpdate() : query).executeTakeFirstOrThrow();
  };
  // the lock only on the first use: a sweep reading the calendar does not queue behind another
  if ((await loaded(false)).loaded || (await loaded(true)).loaded) return false;
  const rows = days.map((d) => ({ authority_id: authorityId, ...d, source: 'shipped' as const }));
  await inSlices(rows, async (slice) => {
    await trx
      .insertInto('calendar_day')
      .values(slice)
      .onConflict((oc) => oc.columns(['authority_id', 'date']).doNothing())
      .execute();
    return [];
  });
  await trx
    .updateTable('authority')
    .set({
      settings: sql<string>`settings || jsonb_build_object(${SHIPPED_MARK}::text, ${shippedRange}::text)`,
    })
    .where('id', '=', authorityId)
    .execute();
  return true;
}
