/**
 * Report export at scale (issue #7): 1,000 agencies × 50,000 lead assignments (bench/generate.ts),
 * each format exported BENCH_RUNS times (default 3), timed end to end (the report's data, then the
 * rendering: what exportReport does), written to docs/benchmarks.md with the load average and the
 * process's CPU time next to the wall-clock time (the machine is shared: the wall clock alone says
 * more about the other jobs than about the export).
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node --import tsx bench/reports.ts
 * Without a PostgreSQL URL it runs on PGlite in memory. BENCH_SECTION names the docs section
 * (default `reports-<engine>`, so a PostgreSQL and a PGlite run each keep their table).
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { createLocalFileStore } from '../src/modules/files/local-file-store.ts';
import { buildReportData } from '../src/modules/reports/report-data.ts';
import { REPORT_FORMATS, renderReport } from '../src/modules/reports/reports.service.ts';
import { systemContext } from '../src/modules/service-context.ts';
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
  const files = createLocalFileStore('/tmp/dondoc-bench-files');
  const ctx = systemContext({ db: database.db, files, authorityId: data.authorityId, name: 'bench' });
  const query = { from: '2021-01-01', to: '2021-12-31', asOf: '2021-12-31' };
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const load = () => loadavg()[0] as number;
  const loads: number[] = [load()];
  const results: { format: string; wall: number[]; cpu: number[]; data: number[]; bytes: number }[] = [];
  let report: Awaited<ReturnType<typeof buildReportData>> | undefined;
  for (const format of REPORT_FORMATS) {
    const result = { format, wall: [] as number[], cpu: [] as number[], data: [] as number[], bytes: 0 };
    for (let run = 0; run < runs; run++) {
      start = performance.now();
      const cpu = process.cpuUsage();
      // what exportReport does: the data, then the bytes
      report = await buildReportData(ctx, query);
      result.data.push(performance.now() - start);
      const bytes = await renderReport(report, format);
      result.wall.push(performance.now() - start);
      const used = process.cpuUsage(cpu);
      result.cpu.push((used.user + used.system) / 1000);
      result.bytes = bytes.byteLength;
      loads.push(load());
      console.log(
        format,
        `run ${run + 1}: ${Math.round(result.wall.at(-1) ?? 0)} ms wall (data ${Math.round(result.data.at(-1) ?? 0)} ms),`,
        `${Math.round(result.cpu.at(-1) ?? 0)} ms cpu, load ${load().toFixed(1)}`,
      );
    }
    results.push(result);
  }
  if (!report) throw new Error('BENCH_RUNS must be at least 1');
  const s = (ms: number) => (ms / 1000).toFixed(2);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? 0;
  const max = (xs: number[]) => Math.max(...xs);
  const rows = results.map(
    (r) =>
      `| .${r.format} | ${s(median(r.wall))} | ${s(max(r.wall))} | ${s(median(r.data))} | ${s(median(r.cpu))} | ${(r.bytes / 1024).toFixed(0)} |`,
  );
  const engine = url ? 'postgres' : 'pglite';
  const backend = url ? 'PostgreSQL 15 (local)' : 'PGlite (in memory, in the same process)';
  const cpuNote = url
    ? 'CPU is the Node process only (the PostgreSQL server works in its own processes)'
    : 'CPU is the whole process, PGlite included';
  writeBenchSection(
    process.env.BENCH_SECTION ?? `reports-${engine}`,
    `### Reports on ${backend}

Measured by \`node --import tsx bench/reports.ts\` on ${new Date().toISOString().slice(0, 10)}, Node ${process.version},
${runs} exports of each format; the data set took ${(generateMs / 1000).toFixed(1)} s to generate. The report holds
${report.totals.counts.total.toLocaleString('en')} lead assignments, ${report.totals.counts.open_overdue.toLocaleString('en')} overdue
and ${report.reminders.length.toLocaleString('en')} written reminders. **Load average (1 min) during the run: ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}**
on 2 cores. Seconds are wall-clock, end to end (data + rendering); ${cpuNote}.

| format | median s | worst s | of which data, median s | CPU s, median | size KiB |
|---|---:|---:|---:|---:|---:|
${rows.join('\n')}`,
  );
} finally {
  await database.close();
  await drop();
}
