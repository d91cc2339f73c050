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

/** Of these agencies, those already leading the parent's task in the same occurrence. */
export function findLeadsOfOccurrence(
  db: Kysely<DB>,
  parent: Pick<ParentAssignment, 'task_id' | 'occurrence'>,
  agencyIds: readonly number[],
) {
  return db
    .selectFrom('assignment')
    .select('agency_id')
    .where('task_id', '=', parent.task_id)
    .where('occurrence', '=', parent.occurrence)
    .where('role', '=', 'lead')
    .where('agency_id', 'in', agencyIds)
    .execute();
}

/** A unit's own assignment under the parent's: the same task and occurrence, its own due date. */
export function insertSubassignment(
  db: Kysely<DB>,
  authorityId: number,
  parent: Pick<ParentAssignment, 'id' | 'task_id' | 'occurrence' | 'period_label'>,
  item: { agencyId: number; dueOn: string; opensOn: string },
) {
  return db
    .insertInto('assignment')
    .values({
      authority_id: authorityId,
      task_id: parent.task_id,
      agency_id: item.agencyId,
      role: 'lead',
      occurrence: parent.occurrence,
      period_label: parent.period_label,
      opens_on: item.opensOn,
      original_due_on: item.dueOn,
      current_due_on: item.dueOn,
      cancelled_on: null,
      parent_assignment_id: parent.id,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Agencies of the authority with this code, or under this parent (a new unit must clash with neither). */
export function findCodeOrSiblings(db: Kysely<DB>, authorityId: number, code: string, parentId: number) {
  return db
    .selectFrom('agency')
    .select(['code', 'name', 'parent_id'])
    .where('authority_id', '=', authorityId)
    .where((eb) => eb.or([eb('code', '=', code), eb('parent_id', '=', parentId)]))
    .execute();
}

/** A new unit under an agency: in force from the start, no other names. */
export function insertUnit(
  db: Kysely<DB>,
  authorityId: number,
  parentId: number,
  unit: { code: string; name: string },
) {
  return db
    .insertInto('agency')
    .values({
      authority_id: authorityId,
      code: unit.code,
      name: unit.name,
      aliases: [],
      kind: 'unit',
      parent_id: parentId,
      valid_from: null,
      valid_to: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
