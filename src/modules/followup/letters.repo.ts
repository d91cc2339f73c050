import type { Insertable, Kysely } from 'kysely';
import { assignmentsWithPlan, scopeAgencyIds } from '../../db/assignment-facts.ts';
import { selectPage } from '../../db/page.ts';
import type { DB } from '../../db/schema.ts';

/** Kysely functions of the reminder letters (công văn đôn đốc): issue, link, list, download. */

/** Stores an issued letter; returns its id. */
export async function insertReminderLetter(
  db: Kysely<DB>,
  letter: Insertable<DB['reminder_letter']>,
): Promise<number> {
  const { id } = await db
    .insertInto('reminder_letter')
    .values(letter)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Links the written reminders a letter quotes to it. */
export async function linkRemindersToLetter(
  db: Kysely<DB>,
  letterId: number,
  reminderIds: readonly number[],
) {
  if (reminderIds.length === 0) return;
  await db
    .updateTable('written_reminder')
    .set({ letter_id: letterId })
    .where('id', 'in', [...reminderIds])
    .execute();
}

/** One page of an authority's letters (of the agencies given; null: every agency), newest number first. */
export function listLetterPage(
  db: Kysely<DB>,
  authorityId: number,
  agencyIds: readonly number[] | null,
  query: { year?: number | undefined; page: number; pageSize: number },
) {
  let base = db
    .selectFrom('reminder_letter as l')
    .innerJoin('agency as g', 'g.id', 'l.agency_id')
    .where('l.authority_id', '=', authorityId);
  if (agencyIds) base = base.where('l.agency_id', 'in', scopeAgencyIds(agencyIds));
  if (query.year !== undefined) base = base.where('l.year', '=', query.year);
  return selectPage(base, query, (q) =>
    q
      .select(['l.id', 'l.year', 'l.number', 'l.issued_on', 'l.file_name', 'g.code', 'g.name'])
      .orderBy('l.year', 'desc')
      .orderBy('l.number', 'desc'),
  );
}

/** The tasks the letters given quote, in plan and task order. */
export async function listLetterTasks(db: Kysely<DB>, letterIds: readonly number[]) {
  if (letterIds.length === 0) return [];
  return assignmentsWithPlan(db)
    .innerJoin('written_reminder as w', 'w.assignment_id', 'a.id')
    .select(['w.letter_id', 't.ref', 'p.number', 'w.due_on', 'w.withdrawn_at', 'w.withdrawn_reason'])
    .where('w.letter_id', 'in', [...letterIds])
    .orderBy('p.id')
    .orderBy('t.position')
    .execute();
}

/** A letter's file, in one authority. */
export async function findLetterFile(db: Kysely<DB>, authorityId: number, id: number) {
  return db
    .selectFrom('reminder_letter')
    .select(['id', 'agency_id', 'file_name', 'content'])
    .where('authority_id', '=', authorityId)
    .where('id', '=', id)
    .executeTakeFirst();
}
