import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

export interface AuditEntry {
  authorityId: number | null;
  actor: string;
  action: string;
  entity: string;
  entityId?: string | null;
  data?: Record<string, unknown>;
}

/** Nhật ký — one row per change; written in the same transaction as the change. */
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
    })
    .execute();
}
