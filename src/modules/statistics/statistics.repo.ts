import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Id, number and title of every plan of an authority (plan numbers are unique per authority). */
export function listPlanHeaders(db: Kysely<DB>, authorityId: number) {
  return db
    .selectFrom('plan')
    .select(['id', 'number', 'title'])
    .where('authority_id', '=', authorityId)
    .orderBy('issued_on')
    .orderBy('id')
    .execute();
}

export function findAgencyOfAuthority(db: Kysely<DB>, authorityId: number, agencyId: number) {
  return db
    .selectFrom('agency')
    .select(['id', 'code', 'name'])
    .where('authority_id', '=', authorityId)
    .where('id', '=', agencyId)
    .executeTakeFirst();
}

/** The task content of each of these assignments (for one page of a drill-down list). */
export async function taskContentByAssignment(
  db: Kysely<DB>,
  authorityId: number,
  assignmentIds: readonly number[],
): Promise<Map<number, string>> {
  if (assignmentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('assignment as a')
    .innerJoin('task as t', 't.id', 'a.task_id')
    .select(['a.id', 't.content'])
    .where('a.authority_id', '=', authorityId)
    .where('a.id', 'in', [...assignmentIds])
    .execute();
  return new Map(rows.map((r) => [r.id, r.content]));
}
