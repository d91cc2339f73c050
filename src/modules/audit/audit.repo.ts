import type { Kysely } from 'kysely';
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
