import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../src/db/schema.ts';

/** The audit log entries of one action (e.g. 'user.update'), oldest first. */
export function auditEntries(db: Kysely<DB>, action: string): Promise<Selectable<DB['audit_log']>[]> {
  return db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();
}
