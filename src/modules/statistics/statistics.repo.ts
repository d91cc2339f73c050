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

/** The task content of each of these assignments (a page of a drill-down list, or a whole list). */
export async function taskContentByAssignment(
  db: Kysely<DB>,
  authorityId: number,
  assignmentIds: readonly number[],
): Promise<Map<number, string>> {
  const content = new Map<number, string>();
  // in slices: a whole list can pass PostgreSQL's 65,535 parameters of one statement
  for (let i = 0; i < assignmentIds.length; i += CONTENT_SLICE) {
    const rows = await db
      .selectFrom('assignment as a')
      .innerJoin('task as t', 't.id', 'a.task_id')
      .select(['a.id', 't.content'])
      .where('a.authority_id', '=', authorityId)
      .where('a.id', 'in', assignmentIds.slice(i, i + CONTENT_SLICE))
      .execute();
    for (const r of rows) content.set(r.id, r.content);
  }
  return content;
}

const CONTENT_SLICE = 10_000;
