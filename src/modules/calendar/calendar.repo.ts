import { type Kysely, sql } from 'kysely';
import { inSlices } from '../../db/chunks.ts';
import type { CalendarDayTable, DB } from '../../db/schema.ts';
import type { CalendarDay } from '../../domain/holidays.ts';
import type { DueShift } from '../../domain/working-days.ts';

/** The mark in `authority.settings` that the shipped days were loaded into the authority's calendar. */
export const SHIPPED_MARK = 'calendarShipped';

/** The key in `authority.settings` of the rule for a deadline on a non-working day (read by the database's trigger too). */
export const DUE_SHIFT_KEY = 'dueOnNonWorkingDay';

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

/** The authority's rule for a deadline on a non-working day; "keep" when never set. */
export async function findDueShift(db: Kysely<DB>, authorityId: number): Promise<DueShift> {
  const row = await db
    .selectFrom('authority')
    .select(sql<string | null>`settings->>${DUE_SHIFT_KEY}`.as('shift'))
    .where('id', '=', authorityId)
    .executeTakeFirstOrThrow();
  return row.shift === 'next_working_day' ? 'next_working_day' : 'keep';
}

export async function saveDueShift(trx: Kysely<DB>, authorityId: number, shift: DueShift) {
  await trx
    .updateTable('authority')
    .set({ settings: sql<string>`settings || jsonb_build_object(${DUE_SHIFT_KEY}::text, ${shift}::text)` })
    .where('id', '=', authorityId)
    .execute();
}

/**
 * Re-derives the due dates of the authority's assignments from their stated ones under its current
 * setting and calendar (the trigger of migration 2026-12-07T1500-due-shift does the moving; the flag
 * tells it the stated dates stay). Every row with a due date, cancelled and done ones too, so the
 * history reads under one rule; only changed rows are written. Returns how many moved.
 */
export async function recomputeDueDates(trx: Kysely<DB>, authorityId: number): Promise<number> {
  await sql`select set_config('dondoc.due_recompute', 'on', true)`.execute(trx);
  const shift = await findDueShift(trx, authorityId);
  const target =
    shift === 'next_working_day'
      ? sql<string>`next_working_day(authority_id, stated_due_on)`
      : sql<string>`stated_due_on`;
  const updated = await trx
    .updateTable('assignment')
    .set((eb) => ({ current_due_on: sql<string>`stated_due_on`, version: eb('version', '+', 1) }))
    .where('authority_id', '=', authorityId)
    .where('stated_due_on', 'is not', null)
    .where(sql<boolean>`current_due_on is distinct from ${target}`)
    .executeTakeFirst();
  await sql`select set_config('dondoc.due_recompute', '', true)`.execute(trx);
  return Number(updated.numUpdatedRows);
}
