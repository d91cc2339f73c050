import type { Insertable, Kysely } from 'kysely';
import { assignmentsWithPlan } from '../../db/assignment-facts.ts';
import { changedAtVersion, insertRow } from '../../db/rows.ts';
import type { DB } from '../../db/schema.ts';
import type { LocalDate } from '../../domain/dates.ts';

/**
 * The open assignments of an agency, locked for the rest of the transaction: not cancelled (nor
 * their task or plan), not already moved, and without an accepted result.
 */
export function lockOpenAssignmentsOfAgency(db: Kysely<DB>, authorityId: number, agencyId: number) {
  return assignmentsWithPlan(db)
    .select([
      'a.id',
      'a.task_id',
      'a.role',
      'a.occurrence',
      'a.period_label',
      'a.opens_on',
      'a.original_due_on',
      'a.current_due_on',
      'a.stated_due_on',
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
    .where('a.done_on', 'is', null)
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

/** Closes a moved assignment on the effective date, pointing to its successor's; false when changed meanwhile. */
export function closeMovedAssignment(
  db: Kysely<DB>,
  a: { id: number; version: number },
  effectiveOn: LocalDate,
  targetId: number,
): Promise<boolean> {
  return changedAtVersion(db, 'assignment', a.id, a.version, {
    cancelled_on: effectiveOn,
    moved_to_assignment_id: targetId,
  });
}

/**
 * A pending result follows the work, unless the successor's own assignment (merged) already has one:
 * one pending result per assignment (unique index), the Office decides the one left here.
 */
export async function movePendingResult(db: Kysely<DB>, fromId: number, toId: number): Promise<void> {
  await db
    .updateTable('result_submission')
    .set({ assignment_id: toId })
    .where('assignment_id', '=', fromId)
    .where('status', '=', 'pending')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('result_submission as held')
            .select('held.id')
            .where('held.assignment_id', '=', toId)
            .where('held.status', '=', 'pending'),
        ),
      ),
    )
    .execute();
}

/** The pending extension requests of a moved assignment, closed (the successor asks anew). */
export async function closePendingExtensionRequests(
  db: Kysely<DB>,
  assignmentId: number,
  decision: { decidedOn: LocalDate; decidedBy: string; note: string },
): Promise<void> {
  await db
    .updateTable('extension_request')
    .set({
      status: 'rejected',
      decided_on: decision.decidedOn,
      decided_by: decision.decidedBy,
      decision_note: decision.note,
    })
    .where('assignment_id', '=', assignmentId)
    .where('status', '=', 'pending')
    .execute();
}

export async function endAgencyValidity(db: Kysely<DB>, agencyId: number, validTo: LocalDate): Promise<void> {
  await db
    .updateTable('agency')
    .set((eb) => ({ valid_to: validTo, version: eb('version', '+', 1) }))
    .where('id', '=', agencyId)
    .execute();
}

export function insertSuccessorAssignment(
  db: Kysely<DB>,
  values: Insertable<DB['assignment']>,
): Promise<number> {
  return insertRow(db, 'assignment', values);
}
