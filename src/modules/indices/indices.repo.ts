import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { INDEX_DEFINITIONS } from './definitions.ts';
import type { DefinitionShape } from './indices.rules.ts';

/** A method version as stored: the code's data plus the ids results refer to. */
export interface StoredDefinition extends Omit<DefinitionShape, 'groups'> {
  groups: string[];
  id: number;
  nameVi: string;
  nameEn: string;
  publisher: string;
  componentKind: string;
  successorCode: string | null;
  methodNote: string;
  sourceNote: string;
  components: { id: number; code: string; nameVi: string; nameEn: string; max: number; position: number }[];
}

const synced = new WeakSet<object>();

/**
 * Writes definitions.ts into index_definition / index_component (insert or update by code and
 * version; idempotent, safe when two processes do it at once). Once per database handle.
 */
export async function ensureIndexDefinitions(db: Kysely<DB>): Promise<void> {
  if (synced.has(db)) return;
  const run = async (trx: Kysely<DB>) => {
    const rows = INDEX_DEFINITIONS.map((def) => ({
      code: def.code,
      valid_from: def.validFrom,
      valid_to: def.validTo,
      name_vi: def.nameVi,
      name_en: def.nameEn,
      short_name: def.shortName,
      publisher: def.publisher,
      scale_max: def.scaleMax,
      unit: def.unit,
      higher_is_better: def.higherIsBetter,
      component_kind: def.componentKind,
      groups: [...def.groups],
      successor_code: def.successorCode,
      method_note: def.methodNote,
      source_note: def.sourceNote,
    }));
    const updated = Object.fromEntries(
      Object.keys(rows[0] ?? {})
        .filter((k) => k !== 'code' && k !== 'valid_from')
        .map((k) => [k, sql.ref(`excluded.${k}`)]),
    );
    const ids = await trx
      .insertInto('index_definition')
      .values(rows)
      .onConflict((oc) => oc.columns(['code', 'valid_from']).doUpdateSet(updated))
      .returning(['id', 'code', 'valid_from'])
      .execute();
    const components = INDEX_DEFINITIONS.flatMap((def) => {
      const id = ids.find((r) => r.code === def.code && r.valid_from === def.validFrom)?.id as number;
      return def.components.map((c, position) => ({
        definition_id: id,
        code: c.code,
        name_vi: c.nameVi,
        name_en: c.nameEn,
        max: c.max,
        position: position + 1,
      }));
    });
    await trx
      .insertInto('index_component')
      .values(components)
      .onConflict((oc) =>
        oc.columns(['definition_id', 'code']).doUpdateSet({
          name_vi: sql.ref('excluded.name_vi'),
          name_en: sql.ref('excluded.name_en'),
          max: sql.ref('excluded.max'),
          position: sql.ref('excluded.position'),
        }),
      )
      .execute();
  };
  if (db.isTransaction) return run(db);
  await db.transaction().execute(run);
  synced.add(db);
}

/** Every stored method version (or those valid in `year`), with components in order. */
export async function listDefinitions(db: Kysely<DB>, year?: number): Promise<StoredDefinition[]> {
  let query = db.selectFrom('index_definition').selectAll();
  if (year !== undefined)
    query = query
      .where('valid_from', '<=', year)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', year)]));
  const rows = await query.orderBy('id').execute();
  if (rows.length === 0) return [];
  const components = await db
    .selectFrom('index_component')
    .selectAll()
    .where(
      'definition_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('definition_id')
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    nameVi: r.name_vi,
    nameEn: r.name_en,
    shortName: r.short_name,
    publisher: r.publisher,
    scaleMax: r.scale_max,
    unit: r.unit,
    higherIsBetter: r.higher_is_better,
    componentKind: r.component_kind,
    groups: r.groups,
    successorCode: r.successor_code,
    methodNote: r.method_note,
    sourceNote: r.source_note,
    components: components
      .filter((c) => c.definition_id === r.id)
      .map((c) => ({
        id: c.id,
        code: c.code,
        nameVi: c.name_vi,
        nameEn: c.name_en,
        max: c.max,
        position: c.position,
      })),
  }));
}

/** The method version of `code` that scored `year`. */
export async function findDefinition(
  db: Kysely<DB>,
  code: string,
  year: number,
): Promise<StoredDefinition | undefined> {
  return (await listDefinitions(db, year)).find((d) => d.code === code);
}

export interface ResultFilter {
  index?: string | undefined;
  year?: number | undefined;
  publishedOnly?: boolean;
}

/** An authority's results, oldest year first per index, each with its component scores. */
export async function listResults(db: Kysely<DB>, authorityId: number, filter: ResultFilter = {}) {
  let query = db
    .selectFrom('index_result as r')
    .innerJoin('index_definition as d', 'd.id', 'r.definition_id')
    .select([
      'r.id',
      'r.index_code',
      'r.year',
      'r.definition_id',
      'd.valid_from',
      'd.scale_max',
      'd.unit',
      'r.score',
      'r.rank',
      'r.ranked_of',
      'r.group_label',
      'r.source_note',
      'r.source_url',
      'r.published',
      'r.internal_note',
      'r.entered_by',
      'r.version',
      'r.updated_at',
    ])
    .where('r.authority_id', '=', authorityId);
  if (filter.index !== undefined) query = query.where('r.index_code', '=', filter.index);
  if (filter.year !== undefined) query = query.where('r.year', '=', filter.year);
  if (filter.publishedOnly) query = query.where('r.published', '=', true);
  const rows = await query.orderBy('r.index_code').orderBy('r.year').execute();
  if (rows.length === 0) return [];
  const scores = await db
    .selectFrom('index_component_score as s')
    .innerJoin('index_component as c', 'c.id', 's.component_id')
    .select(['s.result_id', 'c.code', 'c.name_vi', 'c.name_en', 'c.max', 'c.position', 's.score'])
    .where(
      's.result_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('c.position')
    .execute();
  return rows.map((r) => ({ ...r, components: scores.filter((s) => s.result_id === r.id) }));
}

export type ResultRow = Awaited<ReturnType<typeof listResults>>[number];

export async function findResult(db: Kysely<DB>, authorityId: number, index: string, year: number) {
  const [row] = await listResults(db, authorityId, { index, year });
  return row;
}

/** What a result says besides its component scores: figures, source, publication, note. */
export interface ResultFigures {
  score: number | null;
  rank: number | null;
  rankedOf: number | null;
  group: string | null;
  sourceNote: string;
  sourceUrl: string | null;
  published: boolean;
  internalNote: string;
}

export interface ResultWrite extends ResultFigures {
  authorityId: number;
  index: string;
  year: number;
  definitionId: number;
  enteredBy: string;
  /** the instant of the write (updated_at of a replaced result) */
  now: Date;
  /** component id → score; replaces every stored component score */
  components: { componentId: number; score: number }[];
}

/** Creates or replaces the result of an index and year (components replaced as a whole). */
export async function upsertResult(
  trx: Kysely<DB>,
  write: ResultWrite,
): Promise<{ id: number; created: boolean }> {
  const values = {
    definition_id: write.definitionId,
    score: write.score,
    rank: write.rank,
    ranked_of: write.rankedOf,
    group_label: write.group,
    source_note: write.sourceNote,
    source_url: write.sourceUrl,
    published: write.published,
    internal_note: write.internalNote,
    entered_by: write.enteredBy,
  };
  const existing = await trx
    .selectFrom('index_result')
    .select('id')
    .where('authority_id', '=', write.authorityId)
    .where('index_code', '=', write.index)
    .where('year', '=', write.year)
    .executeTakeFirst();
  // one statement either way, so two writers of the same index and year never collide
  const { id } = await trx
    .insertInto('index_result')
    .values({ authority_id: write.authorityId, index_code: write.index, year: write.year, ...values })
    .onConflict((oc) =>
      oc.columns(['authority_id', 'index_code', 'year']).doUpdateSet((eb) => ({
        ...values,
        version: eb('index_result.version', '+', 1),
        updated_at: write.now,
      })),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.deleteFrom('index_component_score').where('result_id', '=', id).execute();
  if (write.components.length > 0)
    await trx
      .insertInto('index_component_score')
      .values(
        write.components.map((c) => ({
          authority_id: write.authorityId,
          result_id: id,
          component_id: c.componentId,
          score: c.score,
        })),
      )
      .execute();
  return { id, created: !existing };
}

export async function deleteResult(db: Kysely<DB>, id: number): Promise<void> {
  await db.deleteFrom('index_result').where('id', '=', id).execute();
}
