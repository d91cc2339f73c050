/**
 * Report export at scale (issue #7): 1,000 agencies × 50,000 lead assignments (bench/generate.ts),
 * one export of each format, timed end to end (data + rendering), written to docs/benchmarks.md.
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node --import tsx bench/reports.ts
 * Without a PostgreSQL URL it runs on PGlite in memory.
 */
import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { buildReportData } from '../src/modules/reports/report-data.ts';
import { exportReport, REPORT_FORMATS } from '../src/modules/reports/reports.service.ts';
import { writeBenchSection } from './doc-section.ts';
import { generateBenchData } from './generate.ts';

const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
let url: string | undefined;
let drop = async () => {};
if (base) {
  const name = `dondoc_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  url = u.toString();
  drop = async () => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  };
}
const database = await openDatabase(url ? { kind: 'postgres', url, poolSize: 4 } : { kind: 'pglite' });
try {
  await migrateToLatest(database.db as Kysely<unknown>);
  let start = performance.now();
  const data = await generateBenchData(database.db, { seed: 2021 });
  const generateMs = performance.now() - start;
  const actor = { kind: 'system', authorityId: data.authorityId } as const;
  const query = { from: '2021-01-01', to: '2021-12-31', asOf: '2021-12-31' };
  start = performance.now();
  const report = await buildReportData(database.db, actor, query);
  const dataMs = performance.now() - start;
  const rows: string[] = [];
  for (const format of REPORT_FORMATS) {
    start = performance.now();
    const file = await exportReport(database.db, actor, { ...query, format });
    const ms = performance.now() - start;
    rows.push(`| .${format} | ${(ms / 1000).toFixed(2)} | ${(file.content.byteLength / 1024).toFixed(0)} |`);
    console.log(format, Math.round(ms), 'ms', file.content.byteLength, 'bytes');
  }
  const backend = url ? 'PostgreSQL 15 (local)' : 'PGlite (in memory)';
  writeBenchSection(
    'reports',
    `## Reports (issue #7)

One export of each format of the report to the Chairman for 2021 as of 31/12/2021, on a generated data
set (bench/generate.ts, seed 2021): ${data.agencies.toLocaleString('en')} agencies, ${data.plans} plans,
${data.tasks.toLocaleString('en')} tasks, ${data.assignments.toLocaleString('en')} lead assignments,
${data.results.toLocaleString('en')} accepted results; the report holds ${report.totals.counts.open_overdue.toLocaleString('en')}
overdue assignments and ${report.reminders.length.toLocaleString('en')} written reminders. Each time is end to end: the
report's data (six passes of the statistics and scoring services, ${(dataMs / 1000).toFixed(2)} s alone), then the
rendering. Measured by \`node --import tsx bench/reports.ts\` on ${new Date().toISOString().slice(0, 10)},
Node ${process.version}, ${backend}, generating the data took ${(generateMs / 1000).toFixed(1)} s. Target: < 10 s per format.

| format | seconds | size KiB |
|---|---:|---:|
${rows.join('\n')}

The Word and PDF list the ${300} longest-overdue tasks (each with its agencies) and say so; the Excel
workbook lists every overdue assignment and every reminder.`,
  );
} finally {
  await database.close();
  await drop();
}
