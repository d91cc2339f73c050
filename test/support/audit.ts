import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../src/db/schema.ts';

type AuditRow = Selectable<DB['audit_log']>;

/** Which audit entries a test looks at: every condition given must hold. */
export interface AuditWhere {
  /** one action (e.g. 'user.update') or any of several */
  action?: string | readonly string[];
  actor?: string;
  entity?: string;
  entityId?: string;
  authorityId?: number;
}

function auditQuery(db: Kysely<DB>, where: AuditWhere) {
  let query = db.selectFrom('audit_log').selectAll();
  const { action, actor, entity, entityId, authorityId } = where;
  if (typeof action === 'string') query = query.where('action', '=', action);
  else if (action !== undefined) query = query.where('action', 'in', [...action]);
  if (actor !== undefined) query = query.where('actor', '=', actor);
  if (entity !== undefined) query = query.where('entity', '=', entity);
  if (entityId !== undefined) query = query.where('entity_id', '=', entityId);
  if (authorityId !== undefined) query = query.where('authority_id', '=', authorityId);
  return query.orderBy('id');
}

/** The audit log entries of one action (e.g. 'user.update'), of one actor when given, oldest first. */
export function auditEntries(db: Kysely<DB>, action: string, actor?: string): Promise<AuditRow[]> {
  return auditQuery(db, actor === undefined ? { action } : { action, actor }).execute();
}

/**
 * The audit entries `where` says, oldest first, each with only the `columns` named: what a test
 * compares whole (toEqual), without the id, time and address every entry also carries.
 */
export async function auditColumns<K extends keyof AuditRow>(
  db: Kysely<DB>,
  where: AuditWhere,
  columns: readonly K[],
): Promise<Pick<AuditRow, K>[]> {
  const rows = await auditQuery(db, where).execute();
  return rows.map((row) => {
    const picked = {} as Pick<AuditRow, K>;
    for (const column of columns) picked[column] = row[column];
    return picked;
  });
}
