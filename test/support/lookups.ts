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

/** The id of an account by its user name. */
export async function userIdOf(db: Kysely<DB>, username: string): Promise<number> {
  const row = await db
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The id of an agency of an authority, any one (the other authority's, to try a cross-authority id). */
export async function anyAgencyOf(db: Kysely<DB>, authorityId: number): Promise<number> {
  const row = await db
    .selectFrom('agency')
    .select('id')
    .where('authority_id', '=', authorityId)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** How many rows a table holds. */
export async function rowCount(db: Kysely<DB>, table: keyof DB): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The row counts of several tables, by table name (to show that a refused write changed nothing). */
export async function rowCounts<Table extends keyof DB>(
  db: Kysely<DB>,
  tables: readonly Table[],
): Promise<Record<Table, number>> {
  const counts = {} as Record<Table, number>;
  for (const table of tables) counts[table] = await rowCount(db, table);
  return counts;
}
