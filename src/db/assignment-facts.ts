import { sql } from 'kysely';

/**
 * The two facts every state of DOMAIN.md §5 depends on, as SQL written once. Both expect the
 * query's aliases `a` (assignment), `t` (its task) and `p` (its plan).
 */

/** Withdrawn on: the earliest of the assignment's, its task's and its plan's cancellation. */
export const cancelledOnSql = sql<string | null>`least(a.cancelled_on, t.cancelled_on, p.cancelled_on)`;

/** Done on: the submission (receipt) date of the assignment's earliest accepted result; null if none. */
export const doneOnSql = sql<string | null>`(
  select min(r.submitted_on) from result_submission r where r.assignment_id = a.id and r.status = 'accepted'
)`;
