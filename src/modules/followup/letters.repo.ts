import type { Insertable, Kysely, Updateable } from 'kysely';
import { assignmentsWithPlan, scopeAgencyIds } from '../../db/assignment-facts.ts';
import { selectPage } from '../../db/page.ts';
import type { DB } from '../../db/schema.ts';

/** Kysely functions of the letters (công văn đôn đốc, correction notices): draft, register, list, download. */

/** A letter as the sweep drafts it: what it says, whom, from which sweep day; the rest is the draft's. */
export type LetterDraft = Omit<
  Insertable<DB['reminder_letter']>,
  'status' | 'year' | 'number' | 'issued_on' | 'sweep_day'
> & { sweep_day: string };

/**
 * Stores a draft letter and its addressees; returns its id. A draft has no number and no date until the
 * Office registers it, and the year of its sweep day (docs/domain-rules.md §6, numbers from the register).
 */
export async function insertDraftLetter(
  db: Kysely<DB>,
  draft: LetterDraft,
  agencyIds: readonly number[],
): Promise<number> {
  const { id } = await db
    .insertInto('reminder_letter')
    .values({
      ...draft,
      status: 'draft',
      year: Number(draft.sweep_day.slice(0, 4)),
      number: null,
      issued_on: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('reminder_letter_agency')
    .values(agencyIds.map((agency_id) => ({ letter_id: id, agency_id })))
    .execute();
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

/** Links withdrawn reminders to the correction notice that tells their agency. */
export async function linkRemindersToCorrection(
  db: Kysely<DB>,
  correctionId: number,
  reminderIds: readonly number[],
) {
  await db
    .updateTable('written_reminder')
    .set({ correction_id: correctionId })
    .where('id', 'in', [...reminderIds])
    .execute();
}

/** The issued letters among these, with their addressees. */
export async function listIssuedLetters(db: Kysely<DB>, authorityId: number, ids: readonly number[]) {
  if (ids.length === 0) return [];
  const letters = await db
    .selectFrom('reminder_letter')
    .select(['id', 'number', 'symbol', 'issued_on'])
    .where('authority_id', '=', authorityId)
    .where('id', 'in', [...ids])
    .where('kind', '=', 'reminder')
    .where('status', '=', 'issued')
    .orderBy('id')
    .execute();
  const agencies = await listLetterAgencies(
    db,
    letters.map((l) => l.id),
  );
  return letters.map((l) => ({ ...l, agencies: agencies.filter((a) => a.letter_id === l.id) }));
}

/** The reminders of a letter withdrawn since it was drafted (left out when it is registered). */
export async function listWithdrawnReminderIds(db: Kysely<DB>, letterId: number): Promise<Set<number>> {
  const rows = await db
    .selectFrom('written_reminder')
    .select('id')
    .where('letter_id', '=', letterId)
    .where('withdrawn_at', 'is not', null)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Keeps only these addressees of a letter (those with a reminder left in it). */
export async function keepLetterAgencies(db: Kysely<DB>, letterId: number, agencyIds: readonly number[]) {
  await db
    .deleteFrom('reminder_letter_agency')
    .where('letter_id', '=', letterId)
    .where('agency_id', 'not in', scopeAgencyIds(agencyIds))
    .execute();
}

/** One page of an authority's letters (addressed to one of the agencies given; null: any), newest first. */
export function listLetterPage(
  db: Kysely<DB>,
  authorityId: number,
  agencyIds: readonly number[] | null,
  query: { year?: number | undefined; page: number; pageSize: number },
) {
  let base = db.selectFrom('reminder_letter as l').where('l.authority_id', '=', authorityId);
  if (agencyIds) {
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('reminder_letter_agency as r')
          .whereRef('r.letter_id', '=', 'l.id')
          .where('r.agency_id', 'in', scopeAgencyIds(agencyIds)),
      ),
    );
  }
  if (query.year !== undefined) base = base.where('l.year', '=', query.year);
  return selectPage(base, query, (q) =>
    q
      .select([
        'l.id',
        'l.kind',
        'l.status',
        'l.year',
        'l.number',
        'l.symbol',
        'l.issued_on',
        'l.sweep_day',
        'l.file_name',
        'l.corrects_id',
      ])
      .orderBy('l.sweep_day', 'desc')
      .orderBy('l.id', 'desc'),
  );
}

/** The addressees of the letters given, in directory order. */
export async function listLetterAgencies(db: Kysely<DB>, letterIds: readonly number[]) {
  if (letterIds.length === 0) return [];
  return db
    .selectFrom('reminder_letter_agency as r')
    .innerJoin('agency as g', 'g.id', 'r.agency_id')
    .select(['r.letter_id', 'g.id', 'g.code', 'g.name'])
    .where('r.letter_id', 'in', [...letterIds])
    .orderBy('g.id')
    .execute();
}

/** The tasks the letters given quote (or, for a correction notice, withdraw), in plan and task order. */
export async function listLetterTasks(db: Kysely<DB>, letterIds: readonly number[]) {
  if (letterIds.length === 0) return [];
  return assignmentsWithPlan(db)
    .innerJoin('written_reminder as w', 'w.assignment_id', 'a.id')
    .select([
      'w.letter_id',
      'w.correction_id',
      'a.agency_id',
      't.ref',
      'p.number',
      'w.due_on',
      'w.withdrawn_at',
      'w.withdrawn_reason',
    ])
    .where((eb) =>
      eb.or([eb('w.letter_id', 'in', [...letterIds]), eb('w.correction_id', 'in', [...letterIds])]),
    )
    .orderBy('p.id')
    .orderBy('t.position')
    .execute();
}

/** A letter of one authority, with what registering it needs. */
export async function findLetter(db: Kysely<DB>, authorityId: number, id: number, forUpdate = false) {
  let q = db
    .selectFrom('reminder_letter')
    .select([
      'id',
      'kind',
      'status',
      'year',
      'number',
      'symbol',
      'issued_on',
      'sweep_day',
      'file_name',
      'content',
      'input',
    ])
    .where('authority_id', '=', authorityId)
    .where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** Whether a register number is taken already by another letter (same authority, year and symbol). */
export async function findRegisteredNumber(
  db: Kysely<DB>,
  key: { authorityId: number; year: number; symbol: string; number: number },
) {
  return db
    .selectFrom('reminder_letter')
    .select(['id', 'issued_on'])
    .where('authority_id', '=', key.authorityId)
    .where('year', '=', key.year)
    .where('symbol', '=', key.symbol)
    .where('number', '=', key.number)
    .executeTakeFirst();
}

/** A draft's .docx, stored at its first download; a draft rendered meanwhile by another request keeps its own. */
export async function storeDraftContent(db: Kysely<DB>, id: number, content: Uint8Array): Promise<void> {
  await db
    .updateTable('reminder_letter')
    .set({ content })
    .where('id', '=', id)
    .where('content', 'is', null)
    .execute();
}

export async function updateLetter(db: Kysely<DB>, id: number, values: Updateable<DB['reminder_letter']>) {
  await db.updateTable('reminder_letter').set(values).where('id', '=', id).execute();
}
