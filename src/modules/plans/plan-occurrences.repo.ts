import type { Kysely } from 'kysely';
import type { DB, NewAssignment } from '../../db/schema.ts';

/** The statements of replanOccurrences (plan-occurrences.ts), run in its caller's transaction. */

/** The plan's recurring tasks, in appendix order. */
export function listRecurringTasks(db: Kysely<DB>, planId: number) {
  return db
    .selectFrom('task')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('deadline_kind', '=', 'recurring')
    .orderBy('position')
    .execute();
}

/** A task's assignments of every occurrence, sub-assignments left out, in occurrence order. */
export function listTopOccurrences(db: Kysely<DB>, taskId: number) {
  return db
    .selectFrom('assignment')
    .select(['id', 'agency_id', 'role', 'occurrence', 'current_due_on', 'moved_to_assignment_id'])
    .where('task_id', '=', taskId)
    .where('parent_assignment_id', 'is', null)
    .orderBy('occurrence')
    .orderBy('id')
    .execute();
}

export async function deleteAssignments(db: Kysely<DB>, ids: readonly number[]): Promise<void> {
  if (ids.length > 0) await db.deleteFrom('assignment').where('id', 'in', ids).execute();
}

export async function insertAssignments(db: Kysely<DB>, rows: NewAssignment[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('assignment').values(rows).execute();
}

/**
 * Whether these assignments or their sub-assignments have anything recorded against them: a result,
 * an extension request, an obstacle or a written reminder.
 */
export async function hasActivity(db: Kysely<DB>, ids: readonly number[]): Promise<boolean> {
  const family = await db
    .selectFrom('assignment')
    .select('id')
    .where((eb) => eb.or([eb('id', 'in', ids), eb('parent_assignment_id', 'in', ids)]))
    .execute();
  const familyIds = family.map((a) => a.id);
  const used = (table: 'result_submission' | 'extension_request' | 'obstacle' | 'written_reminder') =>
    db.selectFrom(table).select('assignment_id').where('assignment_id', 'in', familyIds).executeTakeFirst();
  const activity =
    (await used('result_submission')) ??
    (await used('extension_request')) ??
    (await used('obstacle')) ??
    (await used('written_reminder'));
  return activity !== undefined;
}
