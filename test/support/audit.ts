import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../src/db/schema.ts';

/** The audit log entries of one action (e.g. 'user.update'), of one actor when given, oldest first. */
export function auditEntries(
  db: Kysely<DB>,
  action: string,
  actor?: string,
): Promise<Selectable<DB['audit_log']>[]> {
  let query = db.selectFrom('audit_log').selectAll().where('action', '=', action);
  if (actor !== undefined) query = query.where('actor', '=', actor);
  return query.orderBy('id').execute();
}
