import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/**
 * The open assignments of an agency, locked for the rest of the transaction: not cancelled (nor
 * their task or plan), not already moved, and without an accepted result.
 */
export function lockOpenAssignmentsOfAgency(db: Kysely<DB>, authorityId: number, agencyId: number) {
  return db
    .selectFrom('assignment as a')
    .innerJoin('task as t', 't.id', 'a.task_id')
    .innerJoin('plan as p', 'p.id', 't.plan_id')
    .select([
      'a.id',
      'a.task_id',
      'a.role',
      'a.occurrence',
      'a.period_label',
      'a.opens_on',
      'a.original_due_on',
      'a.current_due_on',
      'a.parent_assignment_id',
      'a.version',
      't.ref as task_ref',
      'p.number as plan_number',
    ])
    .where('a.authority_id', '=', authorityId)
    .where('a.agency_id', '=', agencyId)
    .where('a.cancelled_on', 'is', null)
    .where('a.moved_to_assignment_id', 'is', null)
    .where('t.cancelled_on', 'is', null)
    .where('p.cancelled_on', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('result_submission as r')
            .whereRef('r.assignment_id', '=', 'a.id')
            .where('r.status', '=', 'accepted')
            .select('r.id'),
        ),
      ),
    )
    .orderBy('p.id')
    .orderBy('t.position')
    .orderBy('a.role')
    .orderBy('a.occurrence')
    .forUpdate('a')
    .execute();
}

export type OpenAssignment = Awaited<ReturnType<typeof lockOpenAssignmentsOfAgency>>[number];

/** What an agency already holds of some tasks (to merge into rather than duplicate). */
export function listAssignmentsOfAgencyForTasks(
  db: Kysely<DB>,
  agencyId: number,
  taskIds: readonly number[],
) {
  if (taskIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('assignment')
    .select(['id', 'task_id', 'role', 'occurrence'])
    .where('agency_id', '=', agencyId)
    .where('task_id', 'in', [...taskIds])
    .execute();
}

export function listTasksOfAuthority(db: Kysely<DB>, authorityId: number, taskIds: readonly number[]) {
  if (taskIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('task')
    .select(['id', 'ref'])
    .where('authority_id', '=', authorityId)
    .where('id', 'in', [...taskIds])
    .execute();
}
