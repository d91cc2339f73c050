import { sql } from 'kysely';

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
