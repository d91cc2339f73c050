import type { Kysely } from 'kysely';
import {
  assignmentsWithPlanAndAgency,
  cancelledOnSql,
  doneOnSql,
  hasAcceptedSql,
  scopeAgencyIds,
} from '../../db/assignment-facts.ts';
import { type PageRequest, selectPage } from '../../db/page.ts';
import type { DB } from '../../db/schema.ts';

/** An assignment about to be split: its agency, task, occurrence, due date and whether it is still open. */
export function findParentAssignment(db: Kysely<DB>, authorityId: number, id: number, lock = false) {
  const query = assignmentsWithPlanAndAgency(db)
    .select([
      'a.id',
      'a.agency_id',
      'g.code as agency_code',
      'a.task_id',
      'a.occurrence',
      'a.period_label',
      'a.current_due_on',
      'a.moved_to_assignment_id',
      cancelledOnSql.as('cancelled_on'),
      hasAcceptedSql.as('has_accepted'),
    ])
    .where('a.id', '=', id)
    .where('a.authority_id', '=', authorityId);
  return (lock ? query.forUpdate('a') : query).executeTakeFirst();
}

export type ParentAssignment = NonNullable<Awaited<ReturnType<typeof findParentAssignment>>>;

/** The children of an assignment with what their state depends on and their latest result's status. */
export function listChildAssignments(db: Kysely<DB>, authorityId: number, parentId: number) {
  return assignmentsWithPlanAndAgency(db)
    .select([
      'a.id',
      'a.agency_id',
      'g.code as agency_code',
      'g.name as agency_name',
      'a.opens_on',
      'a.current_due_on',
      cancelledOnSql.as('cancelled_on'),
      doneOnSql.as('done_on'),
      (eb) =>
        eb
          .selectFrom('result_submission as r')
          .whereRef('r.assignment_id', '=', 'a.id')
          .select('r.status')
          .orderBy('r.id', 'desc')
          .limit(1)
          .as('result_status'),
    ])
    .where('a.authority_id', '=', authorityId)
    .where('a.parent_assignment_id', '=', parentId)
    .orderBy('a.id')
    .execute();
}

/**
 * The note given with each sub-assignment. The assignment table has no note column (yet), so the
 * note lives in the audit row that recorded the sub-assignment; read back from there.
 */
export async function listSubassignNotes(db: Kysely<DB>, authorityId: number, childIds: readonly number[]) {
  if (childIds.length === 0) return new Map<number, string>();
  const rows = await db
    .selectFrom('audit_log')
    .select(['entity_id', 'data'])
    .where('authority_id', '=', authorityId)
    .where('entity', '=', 'assignment')
    .where('action', '=', 'assignment.subassign')
    .where(
      'entity_id',
      'in',
      childIds.map((id) => String(id)),
    )
    .execute();
  return new Map(rows.map((r) => [Number(r.entity_id), typeof r.data.note === 'string' ? r.data.note : '']));
}

export function findAgencies(db: Kysely<DB>, authorityId: number, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('agency')
    .select(['id', 'code', 'name', 'kind', 'parent_id', 'valid_to'])
    .where('authority_id', '=', authorityId)
    .where('id', 'in', [...ids])
    .execute();
}

/** Units (kind 'unit') of an authority, optionally only these ids; one builder for rows and total. */
function unitsQuery(db: Kysely<DB>, authorityId: number, ids: readonly number[] | null) {
  let query = db
    .selectFrom('agency as u')
    .innerJoin('agency as parent', 'parent.id', 'u.parent_id')
    .where('u.authority_id', '=', authorityId)
    .where('u.kind', '=', 'unit');
  if (ids) query = query.where('u.id', 'in', scopeAgencyIds(ids));
  return query;
}

export function listUnitPage(
  db: Kysely<DB>,
  authorityId: number,
  ids: readonly number[] | null,
  page: PageRequest,
) {
  return selectPage(unitsQuery(db, authorityId, ids), page, (q) =>
    q
      .select(['u.id', 'u.code', 'u.name', 'u.parent_id', 'parent.code as parent_code'])
      .orderBy('u.parent_id')
      .orderBy('u.id'),
  );
}
