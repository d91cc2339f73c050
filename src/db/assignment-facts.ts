import { type Kysely, sql } from 'kysely';
import type { DB } from './schema.ts';

/**
 * The two facts every state of docs/domain-rules.md §5 depends on, as SQL written once. Both expect the
 * query's aliases `a` (assignment), `t` (its task) and `p` (its plan).
 */

/** Withdrawn on: the earliest of the assignment's, its task's and its plan's cancellation. */
export const cancelledOnSql = sql<string | null>`least(a.cancelled_on, t.cancelled_on, p.cancelled_on)`;

/**
 * Done on: the submission (receipt) date of the assignment's earliest accepted result; null if none.
 * Kept on the assignment row by triggers on `result_submission` (migration 2026-11-28T0100), equal
 * by construction to `min(submitted_on) where status = 'accepted'` (test/assignment-done-on.test.ts).
 */
export const doneOnSql = sql<string | null>`a.done_on`;

/** Has an accepted result: the same fact as `doneOnSql` being set (the trigger keeps `a.done_on`). */
export const hasAcceptedSql = sql<boolean>`(a.done_on is not null)`;

/**
 * An assignment with its task and plan, under the aliases the facts above expect (`a`, `t`, `p`): the
 * start of every query that reads an assignment's state. Rows of a table about assignments (results,
 * extension requests, obstacles, written reminders) join on `a.id`.
 */
export function assignmentsWithPlan(db: Kysely<DB>) {
  return db
    .selectFrom('assignment as a')
    .innerJoin('task as t', 't.id', 'a.task_id')
    .innerJoin('plan as p', 'p.id', 't.plan_id');
}

/** The same with the assignment's agency as `g` (its code and name on the lists). */
export function assignmentsWithPlanAndAgency(db: Kysely<DB>) {
  return assignmentsWithPlan(db).innerJoin('agency as g', 'g.id', 'a.agency_id');
}

/** How a list of rows about assignments (results, extension requests, obstacles) narrows them. */
export interface AssignmentRowFilter {
  assignmentId?: number | undefined;
  /** an agency user's scope; null = every agency */
  agencyIds?: readonly number[] | null | undefined;
}

/** assignmentsWithPlanAndAgency narrowed to one assignment and to an agency scope, when the filter says so. */
export function assignmentsOfFilter(db: Kysely<DB>, filter: AssignmentRowFilter) {
  let query = assignmentsWithPlanAndAgency(db);
  if (filter.assignmentId !== undefined) query = query.where('a.id', '=', filter.assignmentId);
  if (filter.agencyIds) query = query.where('a.agency_id', 'in', scopeAgencyIds(filter.agencyIds));
  return query;
}

/** Which assignment a row of a list is about (aliases of assignmentsWithPlanAndAgency): agency, plan, task, occurrence. */
export const ASSIGNMENT_LABEL_COLUMNS = [
  'a.agency_id',
  'g.code as agency_code',
  'g.name as agency_name',
  'p.number as plan_number',
  't.ref as task_ref',
  'a.occurrence',
] as const;

/** What ASSIGNMENT_LABEL_COLUMNS read, as a request list shows it: the agency, the plan's number, the task's ref, the occurrence. */
export function assignmentLabelOf(row: {
  agency_id: number;
  agency_code: string;
  agency_name: string;
  plan_number: string;
  task_ref: string;
  occurrence: number;
}) {
  return {
    agency: { id: row.agency_id, code: row.agency_code, name: row.agency_name },
    plan: row.plan_number,
    task: row.task_ref,
    occurrence: row.occurrence,
  };
}

/**
 * The agencies of a scope that hold assignments of their own (not sub-assignments), for a list or a
 * count that leaves sub-assignments out: an agency's scope names its units (đơn vị trực thuộc), which
 * hold only sub-assignments unless a reorganisation moved work to one. Asked with the units in it,
 * `agency_id in (…)` gave the same rows but a plan four times dearer (issue #18: the page became a
 * hash join of every row of the scope and a sort instead of an index walk in due-date order that
 * stops at the page). One index probe per agency (assignment_agency_open); a scope of one is returned
 * as it is, unasked.
 */
export async function agenciesHoldingTopLevel(
  db: Kysely<DB>,
  authorityId: number,
  agencyIds: readonly number[],
): Promise<readonly number[]> {
  if (agencyIds.length <= 1) return agencyIds;
  const rows = await db
    .selectFrom('agency as g')
    .select('g.id')
    .where('g.id', 'in', [...agencyIds])
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('assignment as a')
          .select(sql`1`.as('one'))
          .where('a.authority_id', '=', authorityId)
          .whereRef('a.agency_id', '=', 'g.id')
          .where('a.parent_assignment_id', 'is', null),
      ),
    )
    .orderBy('g.id')
    .execute();
  return rows.map((r) => r.id);
}

/** The agency ids of a user's scope for `where('a.agency_id', 'in', …)`; an empty scope matches no row. */
export function scopeAgencyIds(agencyIds: readonly number[]): number[] {
  return agencyIds.length > 0 ? [...agencyIds] : [-1];
}

/**
 * The date an assignment is followed up against (`followupDueOn`, domain/reminders.ts; docs/domain-rules.md
 * §6, issue #14 §4): its current due date, or its plan's follow-up start when that is later; null for an
 * ongoing one. Aliases `a` and `p`.
 */
export const followupDueOnSql = sql<string | null>`(case when a.current_due_on < p.followup_from
  then p.followup_from else a.current_due_on end)`;
