import type { Kysely } from 'kysely';

/** Runs `fn` in the caller's transaction if there is one, else in a new one (all or nothing). */
export function inTransaction<D, T>(db: Kysely<D>, fn: (trx: Kysely<D>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}
