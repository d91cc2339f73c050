import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.ts';

/**
 * The assignment (the whole row) of a task of UBND-TN held by an agency, by the agency's code and the
 * task's reference; the lead one unless said otherwise, the first occurrence of a recurring task.
 */
export function assignmentOf(
  db: Kysely<DB>,
  agencyCode: string,
  taskRef: string,
  role: 'lead' | 'support' = 'lead',
) {
  return db
    .selectFrom('assignment as a')
    .innerJoin('agency as g', 'g.id', 'a.agency_id')
    .innerJoin('task as t', 't.id', 'a.task_id')
    .innerJoin('authority as au', 'au.id', 'a.authority_id')
    .selectAll('a')
    .where('au.code', '=', 'UBND-TN')
    .where('g.code', '=', agencyCode)
    .where('t.ref', '=', taskRef)
    .where('a.role', '=', role)
    .orderBy('a.occurrence')
    .executeTakeFirstOrThrow();
}
