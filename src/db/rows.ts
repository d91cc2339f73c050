import type { Generated, Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DB } from './schema.ts';

/** The tables whose rows have an id and belong to one authority. */
export type AuthorityTable = {
  [T in keyof DB]: DB[T] extends { id: unknown; authority_id: number } ? T : never;
}[keyof DB];

/**
 * A row of the authority by its id, or undefined: another authority's row is as good as absent.
 * One statement for all such tables: Kysely cannot check column names against a table type
 * parameter, so the query is typed on the two columns every such table has and the row typed back.
 */
export function findOfAuthority<T extends AuthorityTable>(
  db: Kysely<DB>,
  table: T,
  authorityId: number,
  id: number,
): Promise<Selectable<DB[T]> | undefined> {
  const owned = db as unknown as Kysely<{ owned: { id: number; authority_id: number } }>;
  return owned
    .selectFrom(table as unknown as 'owned')
    .selectAll()
    .where('authority_id', '=', authorityId)
    .where('id', '=', id)
    .executeTakeFirst() as Promise<Selectable<DB[T]> | undefined>;
}

/** The tables whose rows get their id from the database. */
type GeneratedIdTable = {
  [T in keyof DB]: DB[T] extends { id: Generated<number> } ? T : never;
}[keyof DB];

/** Inserts one row; its new id. Typed like findOfAuthority: on the one column all such tables have. */
export async function insertRow<T extends GeneratedIdTable>(
  db: Kysely<DB>,
  table: T,
  values: Insertable<DB[T]>,
): Promise<number> {
  const rows = db as unknown as Kysely<{ inserted: { id: Generated<number> } }>;
  const { id } = await rows
    .insertInto(table as unknown as 'inserted')
    .values(values as Insertable<{ id: Generated<number> }>)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** The tables whose rows belong to one assignment. */
type AssignmentRowTable = 'result_submission' | 'extension_request' | 'obstacle';

/** The rows one assignment of the authority has in `table`, oldest first: by `dateColumn`, then id. */
export function listOfAssignment<T extends AssignmentRowTable>(
  db: Kysely<DB>,
  table: T,
  authorityId: number,
  assignmentId: number,
  dateColumn: keyof DB[T] & string,
): Promise<Selectable<DB[T]>[]> {
  const rows = db as unknown as Kysely<{
    owned: { id: number; authority_id: number; assignment_id: number; [date: string]: unknown };
  }>;
  return rows
    .selectFrom(table as unknown as 'owned')
    .selectAll()
    .where('authority_id', '=', authorityId)
    .where('assignment_id', '=', assignmentId)
    .orderBy(dateColumn)
    .orderBy('id')
    .execute() as Promise<Selectable<DB[T]>[]>;
}

/** The tables whose rows carry a version that every change moves on (optimistic locking). */
type VersionedTable = {
  [T in keyof DB]: DB[T] extends { id: Generated<number>; version: Generated<number> } ? T : never;
}[keyof DB];

/** The update that sets `values` and moves the version on, of a row still at `version`. */
function updateAtVersion<T extends VersionedTable>(
  db: Kysely<DB>,
  table: T,
  id: number,
  version: number,
  values: Updateable<DB[T]>,
) {
  const rows = db as unknown as Kysely<{ versioned: { id: number; version: number } }>;
  return rows
    .updateTable(table as unknown as 'versioned')
    .set({ ...(values as object), version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version);
}

/** Updates a row if its version is still `version`, moving it on; undefined when someone else changed it first. */
export function updateVersioned<T extends VersionedTable>(
  db: Kysely<DB>,
  table: T,
  id: number,
  version: number,
  values: Updateable<DB[T]>,
): Promise<Selectable<DB[T]> | undefined> {
  return updateAtVersion(db, table, id, version, values).returningAll().executeTakeFirst() as Promise<
    Selectable<DB[T]> | undefined
  >;
}

/** Like updateVersioned (an empty `values` only moves the version on); whether the row was still at `version`. */
export async function changedAtVersion<T extends VersionedTable>(
  db: Kysely<DB>,
  table: T,
  id: number,
  version: number,
  values: Updateable<DB[T]> = {},
): Promise<boolean> {
  const updated = await updateAtVersion(db, table, id, version, values).executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** The tables of requests that wait, `pending`, for one decision. */
type PendingTable = 'extension_request' | 'result_submission';

/** Sets `values` (the decision) on a request still pending; false when it was decided meanwhile. */
export async function decidedIfPending<T extends PendingTable>(
  db: Kysely<DB>,
  table: T,
  id: number,
  values: Updateable<DB[T]>,
): Promise<boolean> {
  const rows = db as unknown as Kysely<{ request: { id: number; status: string } }>;
  const updated = await rows
    .updateTable(table as unknown as 'request')
    .set(values as Updateable<{ id: number; status: string }>)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}
