/**
 * Issue #18 goal 3 — the report to the Chairman from the counts the writes keep (`report_delta`,
 * migration 2026-12-09T0100), against the code it replaces, on a kept scale database
 * (bench/reports/generate-db.ts, migrated by bench/reports/migrate-db.ts):
 *   git archive <base commit> src | tar -x -C .bench-before      # the code before, beside this one
 *   nice -n 10 node --import tsx bench/reports/report-counts.ts postgres://postgres@127.0.0.1:5432/reports_1m
 * (BENCH_BEFORE=<folder> names another folder holding the code before; default .bench-before)
 * - `buildReportData` of both, the quarter Q2/2025 as of 2025-06-30 (bench:scale's scenario 7), runs
 *   alternating, p50/p95 of each; the two outputs compared byte for byte (JSON);
 * - the parts of the new path: the counts by agency and by plan, the rows of the two lists;
 * - the write cost of the new trigger work: one assignment's due date moved, one result accepted
 *   (insert of an accepted result: its done_on trigger, then the counts), each in a transaction
 *   rolled back, with the new refresh and with the overview's refresh alone (statistic_refresh
 *   replaced inside the same rolled-back transaction), alternating.
 * The load average is printed before and after (a shared machine: the ratios within the run count).
 */
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../../src/db/database.ts';
import type { DB } from '../../src/db/schema.ts';
import { buildReportData } from '../../src/modules/reports/report-data.ts';
import {
  countReportFromDeltas,
  listOverdueOrRemindedFacts,
} from '../../src/modules/statistics/statistics.repo.ts';
import { benchContext } from '../scale/bench-context.ts';

type ReportModule = typeof import('../../src/modules/reports/report-data.ts');
type ContextModule = typeof import('../../src/modules/service-context.ts');
/** The code before, from its own folder (imported at run time: a checkout without it still type-checks). */
const beforeDir = resolve(process.env.BENCH_BEFORE ?? '.bench-before');
const beforeModule = async <T>(path: string): Promise<T> =>
  (await import(pathToFileURL(join(beforeDir, path)).href)) as T;
const beforeReport = await beforeModule<ReportModule>('src/modules/reports/report-data.ts');
const beforeContext = await beforeModule<ContextModule>('src/modules/service-context.ts');

const url = process.argv[2];
if (!url) throw new Error('usage: report-counts.ts <postgres url> [runs]');
const runs = Number(process.argv[3] ?? 5);
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
const log = (line: string) => console.log(line);
const database = await openDatabase({ kind: 'postgres', url, poolSize: 4 });
const db = database.db;
const authority = await db
  .selectFrom('authority')
  .select('id')
  .where('code', '=', 'BENCH')
  .executeTakeFirstOrThrow();
const authorityId = authority.id;
const quarter = { from: '2025-04-01', to: '2025-06-30', asOf: '2025-06-30' };
const after = benchContext(db, authorityId);
const before = beforeContext.systemContext({
  db: db as unknown as Parameters<typeof beforeContext.systemContext>[0]['db'],
  files: after.files as unknown as Parameters<typeof beforeContext.systemContext>[0]['files'],
  authorityId,
  name: 'bench',
});

const quantile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number;
};
const summary = (xs: number[]) =>
  `p50 ${quantile(xs, 0.5).toFixed(1)} ms, p95 ${quantile(xs, 0.95).toFixed(1)} ms (n=${xs.length})`;
async function timed<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const value = await f();
  return [performance.now() - t, value];
}

log(`# ${url.split('/').pop()} — load before ${load()}`);
const counts = await db
  .selectFrom('statistic_fact')
  .select(db.fn.countAll<number>().as('n'))
  .executeTakeFirstOrThrow();
const deltas = await db
  .selectFrom('report_delta')
  .select(['dimension', db.fn.countAll<number>().as('n')])
  .groupBy('dimension')
  .execute();
log(
  `counted assignments ${counts.n}; report_delta rows ${deltas.map((d) => `${d.dimension} ${d.n}`).join(', ')}`,
);

// 1. the whole report's data, before and after, alternating (one warm-up each)
const times = { before: [] as number[], after: [] as number[] };
let outputs: [unknown, unknown] = [null, null];
for (let run = -1; run < runs; run++) {
  const [b, reportBefore] = await timed(() => beforeReport.buildReportData(before, quarter));
  const [a, reportAfter] = await timed(() => buildReportData(after, quarter));
  if (run >= 0) {
    times.before.push(b);
    times.after.push(a);
  }
  outputs = [reportBefore, reportAfter];
  log(`  run ${run + 1}: before ${b.toFixed(0)} ms, after ${a.toFixed(0)} ms, load ${load()}`);
}
const [b, a] = outputs as [
  Awaited<ReturnType<ReportModule['buildReportData']>>,
  Awaited<ReturnType<typeof buildReportData>>,
];
const same = JSON.stringify(b) === JSON.stringify(a) && isDeepStrictEqual(JSON.parse(JSON.stringify(b)), a);
log(`buildReportData before: ${summary(times.before)}`);
log(`buildReportData after:  ${summary(times.after)}`);
log(
  `identical output: ${same} (${JSON.stringify(a).length} bytes; ${a.agencies.length} agencies, ${a.plans.length} plans, ${a.overdue.length} overdue, ${a.reminders.length} reminders, ${a.extensions.length} extensions, criticised ${a.commendations.criticised.length})`,
);
if (!same) {
  for (const key of Object.keys(a) as (keyof typeof a)[]) {
    if (JSON.stringify((b as unknown as typeof a)[key]) !== JSON.stringify(a[key])) log(`  differs: ${key}`);
  }
}

// 2. the parts of the new path
const part = { agency: [] as number[], plan: [] as number[], rows: [] as number[] };
let rowCount = 0;
for (let run = 0; run < runs; run++) {
  part.agency.push(
    (await timed(() => countReportFromDeltas(db, authorityId, quarter, quarter.asOf, 'agency')))[0],
  );
  part.plan.push(
    (await timed(() => countReportFromDeltas(db, authorityId, quarter, quarter.asOf, 'plan')))[0],
  );
  const [ms, rows] = await timed(() =>
    listOverdueOrRemindedFacts(
      db,
      authorityId,
      { role: 'lead', openedBy: quarter.asOf, agencyIds: null },
      { ...quarter, scope: 'in_force' },
      quarter.asOf,
    ),
  );
  part.rows.push(ms);
  rowCount = rows.length;
}
log(`countReportFromDeltas agency: ${summary(part.agency)}`);
log(`countReportFromDeltas plan:   ${summary(part.plan)}`);
log(`listOverdueOrRemindedFacts (${rowCount} rows): ${summary(part.rows)}`);

// 3. the write cost, with and without the report's counts, alternating, rolled back
const client = new pg.Client({ connectionString: url });
await client.connect();
await client.query('set jit = off');
const { rows: open } = await client.query<{ id: number }>(
  `select id from assignment where authority_id = $1 and role = 'lead' and parent_assignment_id is null
     and done_on is null and cancelled_on is null and current_due_on is not null order by id % 997, id limit 200`,
  [authorityId],
);
const overviewOnly = `create or replace function statistic_refresh(ids integer[]) returns void language plpgsql as $$
  begin perform statistic_overview_refresh(ids); end $$`;
const writes = {
  'due date moved': (id: number) =>
    `update assignment set current_due_on = current_due_on + 7 where id = ${id}`,
  'result accepted': (id: number) =>
    `insert into result_submission (authority_id, assignment_id, submitted_on, status, decided_on, decided_by)
     values (${authorityId}, ${id}, date '2025-06-30', 'accepted', date '2025-06-30', 'bench')`,
};
for (const [name, statement] of Object.entries(writes)) {
  const cost = { with: [] as number[], without: [] as number[] };
  for (let i = 0; i < 40; i++) {
    const id = (open[i % open.length] as { id: number }).id;
    for (const side of i % 2 === 0 ? (['with', 'without'] as const) : (['without', 'with'] as const)) {
      await client.query('begin');
      if (side === 'without') await client.query(overviewOnly);
      const t = performance.now();
      await client.query(statement(id));
      cost[side].push(performance.now() - t);
      await client.query('rollback');
    }
  }
  log(
    `write "${name}": with the report counts ${summary(cost.with)}; overview counts alone ${summary(cost.without)}`,
  );
}
await client.end();
log(`load after ${load()}`);
await (database.db as Kysely<DB>).destroy();
