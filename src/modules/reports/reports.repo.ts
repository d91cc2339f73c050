import type { ColumnType, Generated, Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** report_draft (migration 2026-11-27T2000-reports): one draft per authority, period and plan (0 = all). */
export interface ReportDraftTable {
  id: Generated<number>;
  authority_id: number;
  period_from: ColumnType<string, string, string>;
  period_to: ColumnType<string, string, string>;
  plan_id: number;
  content: ColumnType<Record<string, unknown>, string, string>;
  version: Generated<number>;
  updated_by: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

function withDrafts(db: Kysely<DB>) {
  return db.withTables<{ report_draft: ReportDraftTable }>();
}

export interface DraftKey {
  from: string;
  to: string;
  planId: number;
}

export function findReportDraft(db: Kysely<DB>, authorityId: number, key: DraftKey, forUpdate = false) {
  let query = withDrafts(db)
    .selectFrom('report_draft')
    .select(['id', 'content', 'version', 'updated_by', 'updated_at'])
    .where('authority_id', '=', authorityId)
    .where('period_from', '=', key.from)
    .where('period_to', '=', key.to)
    .where('plan_id', '=', key.planId);
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export type ReportDraftRow = NonNullable<Awaited<ReturnType<typeof findReportDraft>>>;

/** Inserts the first draft of a key; null when another writer inserted it first. */
export async function insertReportDraft(
  db: Kysely<DB>,
  row: { authorityId: number; key: DraftKey; content: unknown; updatedBy: string },
): Promise<number | null> {
  const inserted = await withDrafts(db)
    .insertInto('report_draft')
    .values({
      authority_id: row.authorityId,
      period_from: row.key.from,
      period_to: row.key.to,
      plan_id: row.key.planId,
      content: JSON.stringify(row.content),
      updated_by: row.updatedBy,
    })
    .onConflict((oc) => oc.columns(['authority_id', 'period_from', 'period_to', 'plan_id']).doNothing())
    .returning('version')
    .executeTakeFirst();
  return inserted?.version ?? null;
}

/** Replaces the content if the row is still at `version`; the new version, or null when it was not. */
export async function updateReportDraft(
  db: Kysely<DB>,
  row: { id: number; version: number; content: unknown; updatedBy: string; now: Date },
): Promise<number | null> {
  const updated = await withDrafts(db)
    .updateTable('report_draft')
    .set((eb) => ({
      content: JSON.stringify(row.content),
      version: eb('version', '+', 1),
      updated_by: row.updatedBy,
      updated_at: row.now,
    }))
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .returning('version')
    .executeTakeFirst();
  return updated?.version ?? null;
}

/** What a report cites of each plan: its number and date of issue (by id). */
export async function listPlanCitations(db: Kysely<DB>, authorityId: number, planIds: number[]) {
  if (planIds.length === 0) return new Map<number, { number: string; issued_on: string }>();
  const rows = await db
    .selectFrom('plan')
    .select(['id', 'number', 'issued_on'])
    .where('authority_id', '=', authorityId)
    .where('id', 'in', planIds)
    .execute();
  return new Map(rows.map((r) => [r.id, { number: r.number, issued_on: r.issued_on }]));
}
