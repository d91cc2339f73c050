import type { Insertable, Kysely } from 'kysely';
import { findOfAuthority, insertRow } from '../../db/rows.ts';
import type { DB } from '../../db/schema.ts';

/** Targets, owner agencies and links of an authority's indices ('' as component = the whole index). */

export function listTargets(db: Kysely<DB>, authorityId: number, index?: string) {
  let query = db.selectFrom('index_target').selectAll().where('authority_id', '=', authorityId);
  if (index !== undefined) query = query.where('index_code', '=', index);
  return query.orderBy('index_code').orderBy('component_code').orderBy('from_year').execute();
}

export type TargetRow = Awaited<ReturnType<typeof listTargets>>[number];

export function findTarget(db: Kysely<DB>, authorityId: number, id: number) {
  return findOfAuthority(db, 'index_target', authorityId, id);
}

/** Targets of the same index and component whose year range overlaps [from, to] (but `exceptId`). */
export function findOverlappingTargets(
  db: Kysely<DB>,
  authorityId: number,
  target: { index: string; component: string; fromYear: number; toYear: number; exceptId?: number },
) {
  let query = db
    .selectFrom('index_target')
    .select(['id', 'from_year', 'to_year'])
    .where('authority_id', '=', authorityId)
    .where('index_code', '=', target.index)
    .where('component_code', '=', target.component)
    .where('from_year', '<=', target.toYear)
    .where('to_year', '>=', target.fromYear);
  if (target.exceptId !== undefined) query = query.where('id', '<>', target.exceptId);
  return query.execute();
}

export function listOwners(db: Kysely<DB>, authorityId: number, index?: string) {
  let query = db
    .selectFrom('index_owner as o')
    .innerJoin('agency as g', 'g.id', 'o.agency_id')
    .select([
      'o.id',
      'o.index_code',
      'o.component_code',
      'o.agency_id',
      'g.code as agency_code',
      'g.name as agency_name',
      'o.owner_can_edit',
    ])
    .where('o.authority_id', '=', authorityId);
  if (index !== undefined) query = query.where('o.index_code', '=', index);
  return query.orderBy('o.index_code').orderBy('o.component_code').execute();
}

export type OwnerRow = Awaited<ReturnType<typeof listOwners>>[number];

export async function findOwner(db: Kysely<DB>, authorityId: number, index: string, component: string) {
  return (await listOwners(db, authorityId, index)).find((o) => o.component_code === component);
}

export async function upsertOwner(
  trx: Kysely<DB>,
  owner: { authorityId: number; index: string; component: string; agencyId: number; ownerCanEdit: boolean },
): Promise<number> {
  const values = { agency_id: owner.agencyId, owner_can_edit: owner.ownerCanEdit };
  const { id } = await trx
    .insertInto('index_owner')
    .values({
      authority_id: owner.authorityId,
      index_code: owner.index,
      component_code: owner.component,
      ...values,
    })
    .onConflict((oc) => oc.columns(['authority_id', 'index_code', 'component_code']).doUpdateSet(values))
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export interface LinkFilter {
  id?: number | undefined;
  index?: string | undefined;
  planId?: number | undefined;
  taskId?: number | undefined;
  assignmentId?: number | undefined;
}

/** Links with what they point at: the plan number, the task ref and content, the assignment's agency. */
export function listLinks(db: Kysely<DB>, authorityId: number, filter: LinkFilter = {}) {
  let query = db
    .selectFrom('index_link as l')
    .leftJoin('assignment as a', 'a.id', 'l.assignment_id')
    .leftJoin('agency as g', 'g.id', 'a.agency_id')
    .leftJoin('task as t', (join) =>
      join.on((eb) => eb.or([eb('t.id', '=', eb.ref('l.task_id')), eb('t.id', '=', eb.ref('a.task_id'))])),
    )
    .leftJoin('plan as p', (join) =>
      join.on((eb) => eb.or([eb('p.id', '=', eb.ref('l.plan_id')), eb('p.id', '=', eb.ref('t.plan_id'))])),
    )
    .select([
      'l.id',
      'l.index_code',
      'l.component_code',
      'l.plan_id',
      'l.task_id',
      'l.assignment_id',
      'p.id as resolved_plan_id',
      'p.number as plan_number',
      't.ref as task_ref',
      't.content as task_content',
      'g.code as agency_code',
      'l.created_by',
    ])
    .where('l.authority_id', '=', authorityId);
  if (filter.id !== undefined) query = query.where('l.id', '=', filter.id);
  if (filter.index !== undefined) query = query.where('l.index_code', '=', filter.index);
  if (filter.planId !== undefined) query = query.where('p.id', '=', filter.planId);
  if (filter.taskId !== undefined) query = query.where('t.id', '=', filter.taskId);
  if (filter.assignmentId !== undefined) query = query.where('l.assignment_id', '=', filter.assignmentId);
  return query.orderBy('l.index_code').orderBy('l.component_code').orderBy('l.id').execute();
}

export type LinkRow = Awaited<ReturnType<typeof listLinks>>[number];

export async function findLink(db: Kysely<DB>, authorityId: number, id: number) {
  const [row] = await listLinks(db, authorityId, { id });
  return row;
}

/** Stores a new target, or replaces target `id`; returns its id. */
export async function saveTarget(
  db: Kysely<DB>,
  authorityId: number,
  values: Omit<Insertable<DB['index_target']>, 'authority_id' | 'id' | 'created_at'>,
  id?: number,
): Promise<number> {
  const row =
    id === undefined
      ? await db
          .insertInto('index_target')
          .values({ authority_id: authorityId, ...values })
          .returning('id')
          .executeTakeFirstOrThrow()
      : await db
          .updateTable('index_target')
          .set(values)
          .where('id', '=', id)
          .returning('id')
          .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteTarget(db: Kysely<DB>, id: number): Promise<void> {
  await db.deleteFrom('index_target').where('id', '=', id).execute();
}

export async function deleteOwner(db: Kysely<DB>, id: number): Promise<void> {
  await db.deleteFrom('index_owner').where('id', '=', id).execute();
}

/** Stores a link; returns its id (a duplicate raises the database's unique violation). */
export function insertLink(db: Kysely<DB>, values: Insertable<DB['index_link']>): Promise<number> {
  return insertRow(db, 'index_link', values);
}

export async function deleteLink(db: Kysely<DB>, id: number): Promise<void> {
  await db.deleteFrom('index_link').where('id', '=', id).execute();
}
