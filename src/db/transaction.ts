import type { Kysely } from 'kysely';
import type { DB } from './schema.ts';

/** Runs `fn` in the caller's transaction if there is one, else in a new one (all or nothing). */
export function inTransaction<D, T>(db: Kysely<D>, fn: (trx: Kysely<D>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

/** Takes the row lock (FOR UPDATE) of one row by its id, for the rest of the caller's transaction. */
export async function lockRow(
  db: Kysely<DB>,
  table: 'assignment' | 'extension_request' | 'obstacle',
  id: number,
): Promise<void> {
  await db.selectFrom(table).select('id').where('id', '=', id).forUpdate().execute();
}
