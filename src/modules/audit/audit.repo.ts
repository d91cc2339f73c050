import { type Kysely, sql } from 'kysely';
import { type PageRequest, selectPage } from '../../db/page.ts';
import type { DB } from '../../db/schema.ts';

export interface AuditEntry {
  authorityId: number | null;
  actor: string;
  action: string;
  entity: string;
  entityId?: string | null;
  data?: Record<string, unknown>;
  /** the target as it was before and after the change (omit for a creation or a read) */
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

/** Nhật ký — one row per change, append-only; written in the same transaction as the change. */
export async function writeAudit(db: Kysely<DB>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      authority_id: entry.authorityId,
      actor: entry.actor,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId ?? null,
      data: JSON.stringify(entry.data ?? {}),
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      ip: entry.ip ?? null,
    })
    .execute();
}

/**
 * The audit row of an entity inserted by the same statement, as a data-modifying CTE: `select … from
 * ${cte}` names the new row's id (column `id` of the CTE) as entity_id. The same row writeAudit writes.
 */
export function auditOfInsertedSql(entry: Omit<AuditEntry, 'entityId' | 'before' | 'after'>, cte: string) {
  return sql`insert into audit_log (authority_id, actor, action, entity, entity_id, data, ip)
    select ${entry.authorityId}::integer, ${entry.actor}::text, ${entry.action}::text, ${entry.entity}::text,
      ${sql.ref(`${cte}.id`)}::text, ${JSON.stringify(entry.data ?? {})}::jsonb, ${entry.ip ?? null}::text
    from ${sql.table(cte)}`;
}

export interface AuditFilter {
  entity?: string | undefined;
  action?: string | undefined;
  actor?: string | undefined;
  /** calendar days in `timeZone`, both inclusive */
  from?: string | undefined;
  to?: string | undefined;
  timeZone: string;
}

/** One page of an authority's audit log, newest first, and how many rows match in all. */
export function listAuditEntries(
  db: Kysely<DB>,
  authorityId: number,
  filter: AuditFilter,
  page: PageRequest,
) {
  const localDay = sql`cast((${sql.ref('at')} at time zone ${filter.timeZone}) as date)`;
  let query = db.selectFrom('audit_log').where('authority_id', '=', authorityId);
  if (filter.entity !== undefined) query = query.where('entity', '=', filter.entity);
  if (filter.action !== undefined) query = query.where('action', '=', filter.action);
  if (filter.actor !== undefined) query = query.where('actor', '=', filter.actor);
  if (filter.from !== undefined)
    query = query.where(sql<boolean>`${localDay} >= cast(${filter.from} as date)`);
  if (filter.to !== undefined) query = query.where(sql<boolean>`${localDay} <= cast(${filter.to} as date)`);
  return selectPage(query, page, (q) =>
    q
      .select(['id', 'at', 'actor', 'action', 'entity', 'entity_id', 'data', 'before', 'after', 'ip'])
      .orderBy('at', 'desc')
      .orderBy('id', 'desc'),
  );
}
