/**
 * `npm run bench`: service-level timings on the seed plan, on PGlite and (when BENCH_DATABASE_URL
 * or TEST_DATABASE_URL points at a PostgreSQL server) on PostgreSQL, written to docs/benchmarks.md.
 * The scale benchmarks of issue #9 (10k–1m assignments, HTTP load) will extend this file.
 */

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import { type DatabaseConfig, openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { loadDemo } from '../src/modules/demo/demo.service.ts';
import { readPlanFile } from '../src/modules/import/read-plan-file.ts';
import { getStatus, listWrittenReminders } from '../src/modules/status/status.service.ts';
import { writeBenchSection } from './doc-section.ts';
import { benchContext } from './scale/bench-context.ts';
import { withScratchPostgres } from './scratch-postgres.ts';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);

interface Row {
  backend: string;
  scenario: string;
  n: number;
  p50: number;
  p95: number;
  p99: number;
  perSecond: number;
}

async function time(n: number, fn: () => Promise<unknown>) {
  for (let i = 0; i < Math.min(10, n); i++) await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  const total = samples.reduce((a, b) => a + b, 0);
  return { n, p50: at(0.5), p95: at(0.95), p99: at(0.99), perSecond: (1000 * n) / total };
}

async function benchBackend(name: string, config: DatabaseConfig): Promise<Row[]> {
  const database = await openDatabase(config);
  const db = database.db;
  await migrateToLatest(db as Kysely<unknown>);
  const rows: Row[] = [];
  const add = (scenario: string, r: Awaited<ReturnType<typeof time>>) =>
    rows.push({ backend: name, scenario, ...r });
  const loadTimes = await time(10, () => loadDemo(db, { reset: true }));
  const { authorityId, plan } = await loadDemo(db, { reset: true });
  const assignments = plan.leadAssignments + plan.supportAssignments;
  add(
    `load the demo (directory + ${plan.tasks} tasks → ${assignments} assignments), reset each time`,
    loadTimes,
  );
  add(
    'status of every agency as of 2021-02-15',
    await time(ITERATIONS, () => getStatus(benchContext(db, authorityId), { asOf: '2021-02-15' })),
  );
  add(
    'written reminders up to 2021-12-31',
    await time(ITERATIONS, () => listWrittenReminders(benchContext(db, authorityId), { asOf: '2021-12-31' })),
  );
  await database.close();
  return rows;
}

/** The importer alone (no database): read + parse a document into a plan. */
async function benchImport(): Promise<Row[]> {
  const fixture = (name: string) => ({
    fileName: name,
    bytes: new Uint8Array(readFileSync(new URL(`../test/fixtures/import/${name}`, import.meta.url))),
  });
  const out: Row[] = [];
  for (const [label, name, n] of [
    ['import: read the seed plan (.txt, 29 tasks)', 'seed-87-kh-ubnd.txt', 100],
    ['import: read a 300-row appendix (.xlsx)', 'appendix-300.xlsx', 20],
    ['import: read the Word plan with merged cells (.docx)', 'word-merged-cells.docx', 50],
    ['import: read the seed printed to PDF (.pdf, 29 tasks)', 'seed-87-printed.pdf', 20],
  ] as const) {
    const file = fixture(name);
    out.push({ backend: '— (no database)', scenario: label, ...(await time(n, () => readPlanFile(file))) });
  }
  return out;
}

const rows = await benchImport();
rows.push(...(await benchBackend('PGlite (in memory)', { kind: 'pglite' })));
const pgBase = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (pgBase)
  rows.push(
    ...(await withScratchPostgres(pgBase, 'dondoc_bench', (url) =>
      benchBackend('PostgreSQL', { kind: 'postgres', url }),
    )),
  );

const fmt = (ms: number) => ms.toFixed(2);
const table = [
  '| database | scenario | runs | p50 ms | p95 ms | p99 ms | per second |',
  '|---|---|---:|---:|---:|---:|---:|',
  ...rows.map(
    (r) =>
      `| ${r.backend} | ${r.scenario} | ${r.n} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${r.perSecond.toFixed(1)} |`,
  ),
].join('\n');
const section = `## Seed plan, service level

Service-level timings on the seed plan 87/KH-UBND (29 tasks, 111 lead and 610 support assignments),
measured by \`npm run bench\` (bench/run.ts) on ${new Date().toISOString().slice(0, 10)}, Node ${process.version},
${process.platform}/${process.arch}; peak RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB. PostgreSQL rows appear
when \`BENCH_DATABASE_URL\` (or \`TEST_DATABASE_URL\`) names a server: \`TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench\`.

${table}

Targets of the importer (issue #3): the seed in < 100 ms and a 300-row appendix in < 1 s (p95 above).
These are small-data numbers that show the per-call overhead of each database; the scale benchmarks
(10k–1m assignments, HTTP load, raw SQL floor) are issue #9.
`;
writeBenchSection('seed', section);
console.log(table);

// uploads under attack (issue #16): about 60 s of HTTP load in its own processes; BENCH_UPLOADS=off skips it
if (process.env.BENCH_UPLOADS !== 'off') await import('./upload-attack.ts');

// a 20-page text PDF (issue #13: ≤ 3 s), in a fresh process so its first read is a cold one
spawnSync(process.execPath, ['--import', 'tsx', 'bench/pdf-pages.ts', '5', '--write'], { stdio: 'inherit' });

// scans read by OCR (issue #13): a page's time and /api/health during OCR; BENCH_OCR=off skips it
if (process.env.BENCH_OCR !== 'off') await import('./ocr.ts');

// start-up, the CLI and transfer (issue #18): servers and CLI calls in their own processes; BENCH_STARTUP=off skips it
if (process.env.BENCH_STARTUP !== 'off') {
  spawnSync(process.execPath, ['--import', 'tsx', 'bench/startup.ts', '--write'], { stdio: 'inherit' });
}
