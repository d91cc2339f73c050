import type { Kysely } from 'kysely';
import {
  ASSIGNMENT_LABEL_COLUMNS,
  assignmentsWithPlanAndAgency,
  cancelledOnSql,
  doneOnSql,
} from '../../db/assignment-facts.ts';
import type { DB } from '../../db/schema.ts';

export interface AssignmentFactsFilter {
  planId?: number;
  role?: 'lead' | 'support';
  /** Only assignments that exist by this date (plan issued, occurrence opened). */
  openedBy?: string;
  /** Only these agencies (an agency user's scope); undefined or null = all. */
  agencyIds?: readonly number[] | null;
  /**
   * Only assignments that may be judged by a date in [from, to] (docs/domain-rules.md §6, `followupDueOn`):
   * due in it, or of a plan followed from a date in it (`followedPlans`: their ids) — a superset the
   * caller narrows with the rule itself, so that a period's scores read the period's rows by the
   * due-date index, not every assignment.
   */
  judgedIn?: { from: string; to: string; followedPlans: readonly number[] };
}

/**
 * The joins and filters of a facts query (aliases `a`, `t`, `p`, `g`), before its select list; null
 * when the scope is empty.
 */
export function factsBase(db: Kysely<DB>, authorityId: number, filter: AssignmentFactsFilter) {
  let query = assignmentsWithPlanAndAgency(db)
    .where('a.authority_id', '=', authorityId)
    // sub-assignments (phân công lại) are internal to the agency: never counted nor reminded
    .where('a.parent_assignment_id', 'is', null);
  if (filter.planId !== undefined) query = query.where('p.id', '=', filter.planId);
  if (filter.role) query = query.where('a.role', '=', filter.role);
  if (filter.agencyIds) {
    if (filter.agencyIds.length === 0) return null;
    query = query.where('a.agency_id', 'in', [...filter.agencyIds]);
  }
  if (filter.judgedIn) {
    const { from, to, followedPlans } = filter.judgedIn;
    query =
      followedPlans.length === 0
        ? query.where('a.current_due_on', '>=', from).where('a.current_due_on', '<=', to)
        : query.where(({ or, eb }) =>
            or([
              eb('a.current_due_on', '>=', from).and('a.current_due_on', '<=', to),
              eb('p.id', 'in', [...followedPlans]),
            ]),
          );
  }
  if (filter.openedBy) {
    const openedBy = filter.openedBy;
    query = query.where('a.opens_on', '<=', openedBy).where('p.issued_on', '<=', openedBy);
  }
  return query;
}

/**
 * One row per assignment with what its state depends on: the effective due date, the submission
 * date of the earliest accepted result, and the earliest cancellation of it, its task or its plan.
 */
export function listAssignmentFacts(db: Kysely<DB>, authorityId: number, filter: AssignmentFactsFilter = {}) {
  const base = factsBase(db, authorityId, filter);
  if (!base) return Promise.resolve([]);
  return base
    .select(FACTS_COLUMNS)
    .orderBy('g.id')
    .orderBy('p.id')
    .orderBy('t.position')
    .orderBy('a.occurrence')
    .execute();
}

/** What `listAssignmentFacts` reads of each assignment (aliases of `factsBase`). */
export const FACTS_COLUMNS = [
  'a.id',
  ...ASSIGNMENT_LABEL_COLUMNS,
  't.position as task_position',
  'a.role',
  'a.period_label',
  'a.original_due_on',
  'a.current_due_on as due_on',
  // theo dõi từ ngày: what reminders and days late are judged from (docs/domain-rules.md §6)
  'p.followup_from',
  cancelledOnSql.as('cancelled_on'),
  doneOnSql.as('done_on'),
] as const;

export type AssignmentFactsRow = Awaited<ReturnType<typeof listAssignmentFacts>>[number];
