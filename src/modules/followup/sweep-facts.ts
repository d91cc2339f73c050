import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { LocalDate } from '../../domain/dates.ts';
import { listAssignmentFacts } from '../status/status.repo.ts';
import { listAssignmentDetails, listRecipients } from './followup.repo.ts';
import type { Recipient, SweepFact } from './notices.ts';

/** A lead assignment as one sweep day sees it; the plan header is filled in only when quoted. */
export type SweepFactRow = SweepFact & { agencyCode: string; planTitle: string; planIssuedOn: LocalDate };

/**
 * The lead assignments existing on `day` with the rule's facts — the same query the status and the
 * reminder list use (listAssignmentFacts), so the sweep records exactly what the rule computes.
 */
export async function loadSweepFacts(
  db: Kysely<DB>,
  authorityId: number,
  day: LocalDate,
): Promise<SweepFactRow[]> {
  const rows = await listAssignmentFacts(db, authorityId, { role: 'lead', openedBy: day });
  return rows.map((r) => ({
    assignmentId: r.id,
    agencyId: r.agency_id,
    agencyCode: r.agency_code,
    agencyName: r.agency_name,
    planNumber: r.plan_number,
    planTitle: '',
    planIssuedOn: day,
    taskRef: r.task_ref,
    content: '',
    dueOn: r.due_on,
    doneOn: r.done_on ?? null,
    cancelledOn: r.cancelled_on,
  }));
}

/** Fills in the task content and plan header of the facts that letters and messages quote. */
export async function fillQuotedDetails(
  db: Kysely<DB>,
  authorityId: number,
  facts: SweepFactRow[],
  ids: Iterable<number>,
): Promise<void> {
  const byId = new Map(facts.map((f) => [f.assignmentId, f]));
  for (const d of await listAssignmentDetails(db, authorityId, [...new Set(ids)])) {
    const f = byId.get(d.id);
    if (f) Object.assign(f, { content: d.content, planTitle: d.plan_title, planIssuedOn: d.plan_issued_on });
  }
}

export async function loadRecipients(db: Kysely<DB>, authorityId: number): Promise<Recipient[]> {
  return (await listRecipients(db, authorityId)).map((u) => ({
    userId: u.id,
    role: u.role,
    agencyId: u.agency_id,
    email: u.email,
    isHead: u.is_head,
  }));
}
