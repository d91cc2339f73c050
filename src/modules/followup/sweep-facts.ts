import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { LocalDate } from '../../domain/dates.ts';
import { listAssignmentDetails, listRecipients, listSweepFacts } from './followup.repo.ts';
import type { Recipient, SweepFact } from './notices.ts';

/** A lead assignment as one sweep day sees it; the plan header is filled in only when quoted. */
export type SweepFactRow = SweepFact & {
  agencyCode: string;
  planTitle: string;
  planIssuedOn: LocalDate;
  /** theo dõi từ ngày of the plan: no reminder is judged before it (docs/domain-rules.md §6) */
  followupFrom: LocalDate | null;
  /** a written reminder is recorded for it already (withdrawn or not) */
  reminded: boolean;
};

/**
 * The lead assignments existing on `day` that the day can act on, with the rule's facts (the status
 * query's: effective due date, earliest accepted result's receipt date, earliest cancellation):
 * those the rule can still give a reminder and, with `noticeUntil`, those open at the end of the day
 * and due by then (see listSweepFacts); or, with `ids`, those of a catch-up day's candidates that the
 * rule can still remind. The reminder rule and the notices decide on these rows as on all of them.
 */
export async function loadSweepFacts(
  db: Kysely<DB>,
  authorityId: number,
  day: LocalDate,
  scope: { noticeUntil: LocalDate | null } | { ids: readonly number[] } = { noticeUntil: day },
): Promise<SweepFactRow[]> {
  const rows = await listSweepFacts(db, authorityId, day, scope);
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
    followupFrom: r.followup_from,
    reminded: Boolean(r.reminded),
    leaderUserId: r.leader_user_id,
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
