import { type Insertable, type Kysely, type SqlBool, sql, type Updateable } from 'kysely';
import { scopeAgencyIds } from '../../db/assignment-facts.ts';
import { type PageRequest, selectPage } from '../../db/page.ts';
import { findOfAuthority, updateVersioned } from '../../db/rows.ts';
import type {
  DB,
  NewAssignment,
  PlanSectionTable,
  PlanSourceTable,
  PlanTable,
  TaskTable,
} from '../../db/schema.ts';
import { containsPattern } from '../assignments/assignments.repo.ts';
import { type AuditEntry, auditOfInsertedSql } from '../audit/audit.repo.ts';

export function findPlanByNumber(db: Kysely<DB>, authorityId: number, number: string) {
  return db
    .selectFrom('plan')
    .selectAll()
    .where('authority_id', '=', authorityId)
    .where((eb) => eb(eb.fn('upper', ['number']), '=', number.trim().toUpperCase()))
    .executeTakeFirst();
}

export function findTaskByRef(db: Kysely<DB>, planId: number, ref: string) {
  return db
    .selectFrom('task')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('ref', '=', ref)
    .executeTakeFirst();
}

export function listTasksOfPlan(db: Kysely<DB>, planId: number) {
  return db.selectFrom('task').selectAll().where('plan_id', '=', planId).orderBy('position').execute();
}

/** A plan of the authority by id, or undefined (another authority's plan is as good as absent). */
export function findPlanById(db: Kysely<DB>, authorityId: number, id: number) {
  return findOfAuthority(db, 'plan', authorityId, id);
}

export function findTaskById(db: Kysely<DB>, authorityId: number, id: number) {
  return findOfAuthority(db, 'task', authorityId, id);
}

export interface PlanListFilter {
  /** only plans in which one of these agencies has an assignment (an agency user's scope) */
  agencyIds?: readonly number[] | null;
  /** accent-insensitive text in the number or the title */
  q?: string | undefined;
}

/** Plan headers, newest first, one page and the total. */
export function listPlanPage(db: Kysely<DB>, authorityId: number, filter: PlanListFilter, page: PageRequest) {
  let query = db.selectFrom('plan as p').where('p.authority_id', '=', authorityId);
  const agencyIds = filter.agencyIds;
  if (agencyIds) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('assignment as a')
          .innerJoin('task as t', 't.id', 'a.task_id')
          .whereRef('t.plan_id', '=', 'p.id')
          .where('a.agency_id', 'in', scopeAgencyIds(agencyIds))
          .select('a.id'),
      ),
    );
  }
  const q = filter.q?.trim();
  if (q) {
    const pattern = containsPattern(q);
    query = query.where(
      (eb) =>
        sql<SqlBool>`fold_vi(${eb.ref('p.number')}) like fold_vi(${pattern}) or fold_vi(${eb.ref('p.title')}) like fold_vi(${pattern})`,
    );
  }
  return selectPage(query, page, (plans) =>
    plans.selectAll('p').orderBy('p.issued_on', 'desc').orderBy('p.id', 'desc'),
  );
}

export function countTasksByPlan(db: Kysely<DB>, planIds: number[]) {
  if (planIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('task')
    .select(['plan_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('plan_id', 'in', planIds)
    .groupBy('plan_id')
    .execute();
}

export function listSectionsOfPlan(db: Kysely<DB>, planId: number) {
  return db
    .selectFrom('plan_section')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('position')
    .execute();
}

export function hasPlanSource(db: Kysely<DB>, planId: number) {
  return db
    .selectFrom('plan_source')
    .select('id')
    .where('plan_id', '=', planId)
    .executeTakeFirst()
    .then((row) => row !== undefined);
}

export function findPlanSource(db: Kysely<DB>, authorityId: number, planId: number) {
  return db
    .selectFrom('plan_source')
    .select(['file_name', 'media_type', 'size_bytes', 'content'])
    .where('authority_id', '=', authorityId)
    .where('plan_id', '=', planId)
    .executeTakeFirst();
}

/** Updates a plan if its version is still `version`; undefined when someone else changed it first. */
export function updatePlanVersioned(
  db: Kysely<DB>,
  id: number,
  version: number,
  values: Updateable<PlanTable>,
) {
  return updateVersioned(db, 'plan', id, version, values);
}

/**
 * Publishes (`at`) or unpublishes (null) a plan if it is not so already; the plan after, or undefined
 * when there was nothing to change. The switch is not an edit of the document: the version stays.
 */
export function updatePlanPublishedAt(db: Kysely<DB>, id: number, at: Date | null) {
  return db
    .updateTable('plan')
    .set({ published_at: at })
    .where('id', '=', id)
    .where('published_at', at ? 'is' : 'is not', null)
    .returningAll()
    .executeTakeFirst();
}

/** Updates a task if its version is still `version`; undefined when someone else changed it first. */
export function updateTaskVersioned(
  db: Kysely<DB>,
  id: number,
  version: number,
  values: Updateable<TaskTable>,
) {
  return updateVersioned(db, 'task', id, version, values);
}

/**
 * The Office's new due date for a task's assignments still open and on time as of `today`, not
 * extended, not sub-assigned or moved (the rule is explained at updateTask). Returns the moved ids.
 */
export async function moveTaskDueDates(db: Kysely<DB>, taskId: number, dueOn: string, today: string) {
  const rows = await db
    .updateTable('assignment as a')
    .set((eb) => ({
      current_due_on: dueOn,
      original_due_on: eb.fn.coalesce('a.original_due_on', sql<string>`${dueOn}::date`),
      version: eb('a.version', '+', 1),
    }))
    .where('a.task_id', '=', taskId)
    .where('a.parent_assignment_id', 'is', null)
    .where('a.moved_to_assignment_id', 'is', null)
    .where((eb) => eb.or([eb('a.cancelled_on', 'is', null), eb('a.cancelled_on', '>', today)]))
    .where((eb) => eb.or([eb('a.current_due_on', 'is', null), eb('a.current_due_on', '>=', today)]))
    .where('a.done_on', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('extension_request as e')
            .whereRef('e.assignment_id', '=', 'a.id')
            .where('e.status', '=', 'approved')
            .select('e.id'),
        ),
      ),
    )
    .returning('a.id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * A new plan and the audit row of its creation (`audit`, its entity id the new plan's), in one
 * statement; the plan's id.
 */
export async function insertPlanAudited(
  db: Kysely<DB>,
  values: Insertable<PlanTable>,
  audit: Omit<AuditEntry, 'entityId' | 'before' | 'after' | 'entity'>,
): Promise<number> {
  const { id } = await db
    .with('new_plan', (qb) => qb.insertInto('plan').values(values).returning('id'))
    .with('new_plan_audit', () => sql`(${auditOfInsertedSql({ ...audit, entity: 'plan' }, 'new_plan')})`)
    .selectFrom('new_plan')
    .select('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** New tasks of a plan, one statement; their ids in the order given (by `position`, unique in a plan). */
export async function insertTasks(
  db: Kysely<DB>,
  values: readonly Insertable<TaskTable>[],
): Promise<number[]> {
  const idAt = new Map<number, number>();
  // a thousand rows a statement: PostgreSQL takes at most 65,535 parameters
  for (let i = 0; i < values.length; i += 1000) {
    const rows = await db
      .insertInto('task')
      .values(values.slice(i, i + 1000))
      .returning(['id', 'position'])
      .execute();
    for (const row of rows) idAt.set(row.position, row.id);
  }
  return values.map((v) => idAt.get(v.position) as number);
}

/** A new plan section; its id. */
export async function insertSection(db: Kysely<DB>, values: Insertable<PlanSectionTable>): Promise<number> {
  const { id } = await db.insertInto('plan_section').values(values).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** New assignments, a thousand rows a statement. */
export async function insertAssignments(
  db: Kysely<DB>,
  assignments: readonly NewAssignment[],
): Promise<void> {
  for (let i = 0; i < assignments.length; i += 1000) {
    await db
      .insertInto('assignment')
      .values(assignments.slice(i, i + 1000))
      .execute();
  }
}

/** The document a plan was imported from, kept as its source. */
export async function insertPlanSource(db: Kysely<DB>, values: Insertable<PlanSourceTable>): Promise<void> {
  await db.insertInto('plan_source').values(values).execute();
}

/** Has any result been recorded against one of the plan's assignments? */
export async function hasRecordedResults(db: Kysely<DB>, planId: number): Promise<boolean> {
  const recorded = await db
    .selectFrom('result_submission as r')
    .innerJoin('assignment as a', 'a.id', 'r.assignment_id')
    .innerJoin('task as t', 't.id', 'a.task_id')
    .select('r.id')
    .where('t.plan_id', '=', planId)
    .executeTakeFirst();
  return recorded !== undefined;
}

/** Deletes a plan (its sections, tasks and assignments go with it). */
export async function deletePlan(db: Kysely<DB>, planId: number): Promise<void> {
  await db.deleteFrom('plan').where('id', '=', planId).execute();
}

/** Every assignment of a plan (its tasks' occurrences, both roles, sub-assignments included). */
export async function listPlanAssignmentIds(db: Kysely<DB>, planId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('assignment as a')
    .innerJoin('task as t', 't.id', 'a.task_id')
    .select('a.id')
    .where('t.plan_id', '=', planId)
    .execute();
  return rows.map((r) => r.id);
}
