/**
 * What a day off leaves to tell (docs/domain-rules.md §11, issue #14 §1): the sweep of a non-working
 * day records its written reminders and drafts their letters, but tells no one; the next working day
 * tells, in one go, what the days since the last working day drafted and recorded — the drafted
 * letters' parts to their addressees and the Office's own overdue tasks (§6.1). A step inside the
 * sweep's transaction (sweep.service.ts checks the access).
 */
import type { Kysely } from 'kysely';
import { assignmentsWithPlanAndAgency } from '../../db/assignment-facts.ts';
import type { DB } from '../../db/schema.ts';
import type { LocalDate } from '../../domain/dates.ts';
import { type LetterNotice, letterTextFor, type StoredLetterInput } from './letter-issue.ts';

/**
 * The addressees' parts of the letters drafted on the sweep days strictly between `after` and `before`
 * and still drafts (a letter registered meanwhile has told its addressees with its number and date).
 */
export async function listDeferredLetterNotices(
  trx: Kysely<DB>,
  authorityId: number,
  after: LocalDate,
  before: LocalDate,
): Promise<LetterNotice[]> {
  const letters = await trx
    .selectFrom('reminder_letter as l')
    .innerJoin('reminder_letter_agency as r', 'r.letter_id', 'l.id')
    .innerJoin('agency as g', 'g.id', 'r.agency_id')
    .select(['l.id', 'l.input', 'g.id as agency_id', 'g.name as agency_name'])
    .where('l.authority_id', '=', authorityId)
    .where('l.kind', '=', 'reminder')
    .where('l.status', '=', 'draft')
    .where('l.sweep_day', '>', after)
    .where('l.sweep_day', '<', before)
    .orderBy('l.id')
    .orderBy('g.id')
    .execute();
  return letters.flatMap((l) => {
    const stored = l.input as StoredLetterInput | null;
    if (stored === null || !('letter' in stored)) return [];
    const text = letterTextFor(stored.letter, l.agency_name);
    return [{ letterId: l.id, agencyId: l.agency_id, title: text.abstract, body: text.body }];
  });
}

/** The Office's own reminders (agency `officeAgency`) recorded on the sweep days strictly between `after` and `before`, not withdrawn. */
export function listDeferredInternalReminders(
  trx: Kysely<DB>,
  authorityId: number,
  officeAgency: string,
  after: LocalDate,
  before: LocalDate,
) {
  return assignmentsWithPlanAndAgency(trx)
    .innerJoin('written_reminder as w', 'w.assignment_id', 'a.id')
    .select([
      'a.agency_id as agencyId',
      't.ref as taskRef',
      'p.number as planNumber',
      't.content',
      'w.due_on as dueOn',
    ])
    .where('w.authority_id', '=', authorityId)
    .where('g.code', '=', officeAgency)
    .where('w.withdrawn_at', 'is', null)
    .where('w.recorded_on', '>', after)
    .where('w.recorded_on', '<', before)
    .orderBy('p.id')
    .orderBy('t.position')
    .orderBy('a.occurrence')
    .execute();
}
