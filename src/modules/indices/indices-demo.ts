import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import { ensureIndexDefinitions, listDefinitions } from './indices.repo.ts';
import { assertValidResult } from './indices.rules.ts';

const SOURCE_9 = 'docs/domain-rules.md §9';

/**
 * Tây Ninh's published figures (docs/domain-rules.md §9), each with its source. A year with no published
 * figure has no row; where §9 gives a rank without a score (or without "of 63") that part stays empty.
 */
export const TAY_NINH_RESULTS = [
  { index: 'PCI', year: 2018, score: null, rank: 14, rankedOf: null, source: 'VCCI, PCI 2018: hạng 14' },
  {
    index: 'PCI',
    year: 2019,
    score: 67.05,
    rank: 15,
    rankedOf: 63,
    source: 'VCCI, PCI 2019: 67,05 điểm, hạng 15/63',
  },
  {
    index: 'PCI',
    year: 2020,
    score: 64.16,
    rank: 24,
    rankedOf: 63,
    source: 'VCCI, PCI 2020: 64,16 điểm, hạng 24/63',
  },
  {
    index: 'PCI',
    year: 2023,
    score: 67.8,
    rank: 20,
    rankedOf: 63,
    source: 'VCCI, PCI 2023: 67,8 điểm, hạng 20/63',
  },
  {
    index: 'PAPI',
    year: 2020,
    score: null,
    rank: 51,
    rankedOf: null,
    source: 'UNDP/CECODES, PAPI 2020: hạng 51',
  },
  {
    index: 'PAPI',
    year: 2021,
    score: null,
    rank: 31,
    rankedOf: null,
    source: 'UNDP/CECODES, PAPI 2021: hạng 31',
  },
  {
    index: 'PAR',
    year: 2019,
    score: 80.05,
    rank: 44,
    rankedOf: null,
    source: 'Bộ Nội vụ, PAR Index 2019: 80,05%, hạng 44',
  },
  {
    index: 'ICT',
    year: 2019,
    score: 0.4582,
    rank: 25,
    rankedOf: null,
    source: 'Bộ TT&TT, ICT Index 2019: 0,4582, hạng 25',
  },
  {
    index: 'ICT',
    year: 2020,
    score: null,
    rank: 9,
    rankedOf: null,
    source: 'Bộ TT&TT, ICT Index 2020: hạng 9',
  },
  {
    index: 'SIPAS',
    year: 2017,
    score: 79.76,
    rank: null,
    rankedOf: null,
    source: 'Bộ Nội vụ, SIPAS 2017: 79,76%',
  },
  {
    index: 'SIPAS',
    year: 2018,
    score: 81.24,
    rank: null,
    rankedOf: null,
    source: 'Bộ Nội vụ, SIPAS 2018: 81,24%',
  },
  {
    index: 'SIPAS',
    year: 2019,
    score: 83.45,
    rank: null,
    rankedOf: null,
    source: 'Bộ Nội vụ, SIPAS 2019: 83,45%',
  },
] as const;

/** Owners in Tây Ninh (§9); the Office has not (yet) let them edit. */
const OWNERS = [
  { index: 'PCI', agency: 'SKHDT' },
  { index: 'PAPI', agency: 'SNV' },
  { index: 'PAR', agency: 'VP' },
  { index: 'SIPAS', agency: 'VP' },
  { index: 'ICT', agency: 'STTTT' },
] as const;

const QD_1364 = 'QĐ 1364/QĐ-UBND ngày 25/6/2021 (Đề án nâng cao các chỉ số giai đoạn 2021–2025)';

/** The Đề án's targets for 2021–2025 (§9). */
const TARGETS = [
  { index: 'PCI', group: 'Tốt', rank: null },
  { index: 'PAPI', group: 'Trung bình cao', rank: null },
  { index: 'ICT', group: null, rank: 10 },
] as const;

/** Which index a section II task names, by the words of its text (reviewed against the seed). */
const NAMED: { index: string; pattern: RegExp }[] = [
  { index: 'PCI', pattern: /\bPCI\b/u },
  { index: 'PAPI', pattern: /\bPAPI\b/u },
  { index: 'ICT', pattern: /\bICT\b/u },
  { index: 'PAR', pattern: /\bPAR\s+index\b/iu },
];

export function indicesNamedIn(text: string): string[] {
  return NAMED.filter((n) => n.pattern.test(text)).map((n) => n.index);
}

/**
 * Dữ liệu mẫu chỉ số for the demo authority: results, owners, targets, and links from the section II
 * tasks of plan 87/KH-UBND to the indices each names. Runs in the demo loader's transaction; bulk
 * inserts (the demo is loaded by every API test), each result still checked against its method version.
 */
export async function loadIndicesDemo(db: Kysely<DB>, authorityId: number): Promise<void> {
  await ensureIndexDefinitions(db);
  const defs = await listDefinitions(db);
  const results = TAY_NINH_RESULTS.map((r) => {
    const def = defs.find(
      (d) => d.code === r.index && d.validFrom <= r.year && (d.validTo === null || r.year <= d.validTo),
    );
    if (!def) throw new AppError('INDEX_NOT_FOUND', `Dữ liệu mẫu: ${r.index} không có năm ${r.year}.`);
    assertValidResult(def, r.year, { ...r, group: null, components: [] });
    return {
      authority_id: authorityId,
      index_code: r.index,
      year: r.year,
      definition_id: def.id,
      score: r.score,
      rank: r.rank,
      ranked_of: r.rankedOf,
      group_label: null,
      source_note: `${r.source} (${SOURCE_9})`,
      source_url: null,
      published: true,
      internal_note: '',
      entered_by: 'system',
    };
  });
  await db.insertInto('index_result').values(results).execute();
  const agencies = await db
    .selectFrom('agency')
    .select(['id', 'code'])
    .where('authority_id', '=', authorityId)
    .execute();
  const owners = OWNERS.map((o) => {
    const agency = agencies.find((a) => a.code === o.agency);
    if (!agency) throw new AppError('AGENCY_NOT_FOUND', `Dữ liệu mẫu: thiếu cơ quan ${o.agency}.`);
    return {
      authority_id: authorityId,
      index_code: o.index,
      component_code: '',
      agency_id: agency.id,
      owner_can_edit: false,
    };
  });
  await db.insertInto('index_owner').values(owners).execute();
  await db
    .insertInto('index_target')
    .values(
      TARGETS.map((t) => ({
        authority_id: authorityId,
        index_code: t.index,
        component_code: '',
        from_year: 2021,
        to_year: 2025,
        target_score: null,
        target_rank: t.rank,
        target_group: t.group,
        source_note: QD_1364,
      })),
    )
    .execute();
  const tasks = await db
    .selectFrom('task as t')
    .innerJoin('plan as p', 'p.id', 't.plan_id')
    .select(['t.id', 't.ref', 't.content'])
    .where('t.authority_id', '=', authorityId)
    .where('p.number', '=', '87/KH-UBND')
    .where('t.ref', 'like', 'II.%')
    .orderBy('t.position')
    .execute();
  const links = tasks.flatMap((task) =>
    indicesNamedIn(task.content).map((index) => ({
      authority_id: authorityId,
      index_code: index,
      component_code: '',
      plan_id: null,
      task_id: task.id,
      assignment_id: null,
      created_by: 'system',
    })),
  );
  if (links.length > 0) await db.insertInto('index_link').values(links).execute();
  await writeAudit(db, {
    authorityId,
    actor: 'system',
    action: 'index.demo_load',
    entity: 'authority',
    entityId: String(authorityId),
    data: { results: results.length, owners: owners.length, targets: TARGETS.length, links: links.length },
  });
}
