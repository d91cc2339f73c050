import type { ColumnType, Generated, Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { RuleSet } from '../../domain/scoring.ts';
import { AppError } from '../../shared/errors.ts';
import { defaultRuleSet } from './default-rule-set.ts';
import { RuleSetSchema } from './rule-set.ts';

/** score_rule_set (migration 2026-11-27T1600-scoring): one rule set per authority and year. */
export interface ScoreRuleSetTable {
  id: Generated<number>;
  authority_id: number;
  year: number;
  name: string;
  rules: ColumnType<unknown, string, string>;
  version: Generated<number>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

function withRuleSets(db: Kysely<DB>) {
  return db.withTables<{ score_rule_set: ScoreRuleSetTable }>();
}

export async function findRuleSetRow(db: Kysely<DB>, authorityId: number, year: number, forUpdate = false) {
  let query = withRuleSets(db)
    .selectFrom('score_rule_set')
    .select(['id', 'year', 'name', 'rules', 'version'])
    .where('authority_id', '=', authorityId)
    .where('year', '=', year);
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export type RuleSetRow = NonNullable<Awaited<ReturnType<typeof findRuleSetRow>>>;

export async function insertRuleSetRow(
  db: Kysely<DB>,
  row: { authorityId: number; year: number; name: string; rules: unknown },
): Promise<number> {
  const inserted = await withRuleSets(db)
    .insertInto('score_rule_set')
    .values({
      authority_id: row.authorityId,
      year: row.year,
      name: row.name,
      rules: JSON.stringify(row.rules),
    })
    .returning('version')
    .executeTakeFirstOrThrow();
  return inserted.version;
}

/** Replaces the rules if the row is still at `version`; the new version, or null when it was not. */
export async function updateRuleSetRow(
  db: Kysely<DB>,
  row: { id: number; version: number; name: string; rules: unknown; now: Date },
): Promise<number | null> {
  const updated = await withRuleSets(db)
    .updateTable('score_rule_set')
    .set((eb) => ({
      name: row.name,
      rules: JSON.stringify(row.rules),
      version: eb('version', '+', 1),
      updated_at: row.now,
    }))
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .returning('version')
    .executeTakeFirst();
  return updated?.version ?? null;
}

/** Provincial departments and district committees of the authority that existed at some time in [from, to]. */
export function listScorableAgencies(db: Kysely<DB>, authorityId: number, from: string, to: string) {
  return db
    .selectFrom('agency')
    .select(['id', 'code', 'name'])
    .where('authority_id', '=', authorityId)
    .where('kind', 'in', ['province', 'district'])
    .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', to)]))
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', from)]))
    .orderBy('id')
    .execute();
}

/** The codes of the authority's monitor agencies (Văn phòng UBND, `is_monitor`). */
export async function listMonitorCodes(db: Kysely<DB>, authorityId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('agency')
    .select('code')
    .where('authority_id', '=', authorityId)
    .where('is_monitor', '=', true)
    .execute();
  return rows.map((r) => r.code);
}

export function listAgencyCodes(db: Kysely<DB>, authorityId: number) {
  return db.selectFrom('agency').select('code').where('authority_id', '=', authorityId).execute();
}

export interface LoadedRuleSet {
  ruleSet: RuleSet;
  source: 'configured' | 'default';
  /** the stored row's version; null for the default */
  version: number | null;
}

/** The rule set of an authority for a year: the configured one, or the default (default-rule-set.ts). */
export async function loadRuleSet(db: Kysely<DB>, authorityId: number, year: number): Promise<LoadedRuleSet> {
  const row = await findRuleSetRow(db, authorityId, year);
  if (!row) return { ruleSet: defaultRuleSet(year), source: 'default', version: null };
  const parsed = RuleSetSchema.safeParse(row.rules);
  if (!parsed.success) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Bộ tiêu chí chấm điểm năm ${year} đã lưu không đọc được: hãy lưu lại.`,
      {
        issues: parsed.error.issues,
      },
    );
  }
  return { ruleSet: parsed.data, source: 'configured', version: row.version };
}
