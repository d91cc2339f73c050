/**
 * `npm run bench:scale -- --scale 10k[,100k,1m] [--engines pglite,postgres] [--http] [--seconds 10]
 *   [--connections 10,50] [--cold-sweep-seconds 120] [--redmine FILE,…] [--redmine-live] [--render-only]`
 * `--redmine-live`: in the same run, right after dondoc's runs of each scale, loads the same data shape
 * into Redmine (bench/redmine/load.ts, install.sh must have run), starts it, measures it as the agency
 * (bench/redmine/measure.ts) into bench/redmine/results/<scale>.json and stops it again.
 * Runs bench/scale/scenarios.ts once per scale and engine, each in its own process (so that peak RSS
 * is that run's), keeps each run's JSON in bench/scale/results/<scale>-<engine>.json, and writes the
 * 'scale' section of docs/benchmarks.md from every result kept there, with the ratio against Redmine
 * when a results JSON of bench/redmine/measure.ts is given (or kept in bench/redmine/results/).
 * PostgreSQL: BENCH_DATABASE_URL or TEST_DATABASE_URL names the server; a scratch database is
 * created and dropped per run.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { writeBenchSection } from '../doc-section.ts';
import { type EngineRun, SCALES, type ScenarioResult } from './scenarios.ts';

const RESULTS = new URL('./results/', import.meta.url);
const REDMINE_RESULTS = new URL('../redmine/results/', import.meta.url);
/** What the numbers mean against the goals of issue #9, written by hand after a run; appended. */
const FINDINGS = new URL('./findings.md', import.meta.url);

interface RedmineRun {
  when: string;
  listAs: string;
  data: { issues: number };
  machine: { loadAverageBefore: number[] };
  runs: { scenario: 'list' | 'create'; connections: number; perSecond: number; p50: number; p99: number }[];
  sqlFloor?: { issueStatementsP50Ms: number };
}

function runScript(script: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = script.endsWith('.sh')
      ? spawn('bash', [new URL(script, import.meta.url).pathname, ...args], { stdio: 'inherit' })
      : spawn(process.execPath, ['--import', 'tsx', new URL(script, import.meta.url).pathname, ...args], {
          stdio: 'inherit',
        });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${script} exited ${code}`))));
  });
}

/** Redmine at the same scale, in this run: load, start, measure (the list asked as the agency), stop. */
async function measureRedmineLive(scale: string, seconds: string, connections: string): Promise<void> {
  const issues = String(SCALES[scale] ?? Number(scale));
  mkdirSync(REDMINE_RESULTS, { recursive: true });
  await runScript('../redmine/stop.sh', []);
  await runScript('../redmine/load.ts', ['--issues', issues]);
  await runScript('../redmine/start.sh', []);
  try {
    await runScript('../redmine/measure.ts', [
      '--as',
      'agency',
      '--duration',
      seconds,
      '--connections',
      connections,
      '--out',
      new URL(`${scale}.json`, REDMINE_RESULTS).pathname,
    ]);
  } finally {
    await runScript('../redmine/stop.sh', []);
  }
}

function runOne(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', new URL('./scenarios.ts', import.meta.url).pathname, ...args],
      { stdio: 'inherit' },
    );
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`scenarios.ts exited ${code}`))));
  });
}

const fmt = (x: number | undefined | null) =>
  x === undefined || x === null || Number.isNaN(x) ? '—' : x >= 100 ? x.toFixed(0) : x.toFixed(1);

function scenarioRows(run: EngineRun): string[] {
  const rows: string[] = [];
  for (const s of run.scenarios) {
    const sv = s.service;
    const http = (c: number) => s.http?.find((h) => h.connections === c);
    const cell = (c: number) => {
      const h = http(c);
      if (!h) return '—';
      if (h.responses === 0) return `no response completed within the ${fmt(h.seconds)} s run`;
      const failed = h.failed > 0 ? ` (${h.failed} failed)` : '';
      return `${fmt(h.perSecond)}${h.unit === 'pair' ? ' pairs' : ''}/s · p50 ${fmt(h.p50)} · p95 ${fmt(h.p95)} · p99 ${fmt(h.p99)}${failed}`;
    };
    rows.push(
      `| ${s.id} | ${s.label} | ${sv ? `${sv.n}` : '—'} | ${fmt(sv?.p50)} | ${fmt(sv?.p95)} | ${fmt(sv?.p99)} | ${cell(10)} | ${cell(50)} |`,
    );
  }
  return rows;
}

function notes(run: EngineRun): string[] {
  return run.scenarios.filter((s: ScenarioResult) => s.note).map((s) => `- ${s.id}: ${s.note}`);
}

function floorTable(run: EngineRun): string {
  if (run.floor.length === 0) return '';
  const lines = run.floor.map((f) => {
    f.statements = f.statements.filter((x, i, all) => all.findIndex((y) => y.sql === x.sql) === i);
    const psqlSum = f.statements.reduce((a, s) => a + s.psqlP50, 0);
    const explainSum = f.statements.reduce((a, s) => a + s.explainMs, 0);
    return `| ${f.scenario} | ${f.statements.length} | ${fmt(psqlSum)} | ${fmt(explainSum)} | ${fmt(f.serviceP50)} | ${fmt(f.serviceP50 / psqlSum)}× |`;
  });
  const plans = run.floor
    .map(
      (f) =>
        `Scenario ${f.scenario}, the main statement's plan (EXPLAIN ANALYZE, first lines):\n\n\`\`\`\n${(
          f.statements.at(-1)?.plan ?? []
        )
          .slice(0, 14)
          .join('\n')}\n\`\`\``,
    )
    .join('\n\n');
  return `The floor (PostgreSQL): the statements the service sends that read \`assignment\`, captured from the
service itself and run raw with \`psql\` (\`\\timing\`, rows sent to /dev/null; EXPLAIN ANALYZE once):

| scenario | statements | psql p50 ms (sum) | EXPLAIN ANALYZE ms (sum) | service p50 ms | service ÷ psql |
|---|---:|---:|---:|---:|---:|
${lines.join('\n')}

${plans}`;
}

function redmineRatio(runs: EngineRun[], redmine: RedmineRun[]): string {
  const lines: string[] = [];
  for (const run of runs.filter((r) => r.engine === 'postgres')) {
    const assignments = run.data.leadAssignments + run.data.supportAssignments;
    // the Redmine run with the nearest data size, asked as the agency when there is one
    const near = [...redmine].sort(
      (a, b) =>
        Math.abs(Math.log(a.data.issues / assignments)) - Math.abs(Math.log(b.data.issues / assignments)) ||
        (a.listAs === 'agency' ? -1 : 1),
    )[0];
    if (!near || Math.abs(Math.log(near.data.issues / assignments)) > Math.log(2)) continue;
    for (const [scenario, id, what] of [
      ['list', '2', 'scenario 2, the agency list'],
      ['create', '3b', 'scenario 3, one task'],
    ] as const) {
      const ours = run.scenarios.find((s) => s.id === id);
      for (const c of [10, 50]) {
        const d = ours?.http?.find((h) => h.connections === c);
        const same = redmine.filter(
          (x) =>
            Math.abs(Math.log(x.data.issues / near.data.issues)) < Math.log(1.2) &&
            x.runs.some((y) => y.scenario === scenario),
        );
        const source = same.find((x) => x.listAs === 'agency') ?? same[0];
        const r = source?.runs.find((y) => y.scenario === scenario && y.connections === c) ?? null;
        if (!d || !r) continue;
        lines.push(
          `| ${run.scale} | ${what} | ${c} | ${fmt(d.perSecond)} (p99 ${fmt(d.p99)} ms) | ${fmt(r.perSecond)} (p99 ${fmt(r.p99)} ms) | **${fmt(d.perSecond / r.perSecond)}×** | ${source?.data.issues.toLocaleString('en')} issues, ${scenario === 'list' ? `list asked as ${source?.listAs}, ` : ''}${source?.when.slice(0, 16)}, load ${source?.machine.loadAverageBefore.join(' ')} |`,
        );
      }
    }
  }
  if (lines.length === 0) return '';
  return `### Against Redmine 5.0.4 (bench/redmine, PostgreSQL 15, Puma 2 × 5)

dondoc req/s ÷ Redmine req/s at the same connections, dondoc on PostgreSQL. Redmine's numbers come
from bench/redmine/measure.ts's JSON, on the same machine with the same data shape — with
\`--redmine-live\` measured in the same run, right after dondoc's runs of that scale (the load average
of each is given).

| scale | request | connections | dondoc req/s | Redmine req/s | ratio | Redmine run |
|---|---|---:|---:|---:|---:|---|
${lines.join('\n')}`;
}

export function renderSection(runs: EngineRun[], redmine: RedmineRun[]): string {
  const order = (r: EngineRun) => `${String(r.data.leadAssignments).padStart(9, '0')}-${r.engine}`;
  runs.sort((a, b) => order(a).localeCompare(order(b)));
  const first = runs[0];
  const machine = first
    ? `${first.machine.cpus} cores (${first.machine.model}), ${first.machine.ramGiB} GiB RAM, Node ${first.machine.node}, PostgreSQL ${runs.find((r) => r.machine.postgres)?.machine.postgres ?? '—'} (local, as installed here — autovacuum off, so the bench runs vacuum analyze after the generated load and analyze after each bulk write; dondoc sets jit=off and random_page_cost=1.1 for its sessions), PGlite in memory`
    : '';
  const tables = runs.map((run) => {
    const d = run.data;
    return `### ${run.scale} on ${run.engine === 'postgres' ? 'PostgreSQL' : 'PGlite'} — ${run.when.slice(0, 16).replace('T', ' ')} UTC

Data: ${d.plans} plans, ${d.tasks.toLocaleString('en')} tasks, ${d.leadAssignments.toLocaleString('en')} lead + ${d.supportAssignments.toLocaleString('en')} support assignments, ${d.results.toLocaleString('en')} results (${d.pendingResults} pending), ${d.extensions} extensions, ${d.agencies} agencies, ${d.unresolvedCells} unresolved cells; generated in ${run.generateSeconds} s (plans through createPlan ${(d.timings.plans / 1000).toFixed(1)} s). Load average ${run.loadBefore.join(' ')} before, ${run.loadAfter.join(' ')} after; peak RSS ${run.peakRssMb} MB (the bench process: app, ${run.engine === 'pglite' ? 'the PGlite database, ' : ''}service-level loops; autocannon runs in a child); the run took ${run.seconds} s.

| # | scenario | service runs | p50 ms | p95 ms | p99 ms | HTTP ×10 connections (ms) | HTTP ×50 connections (ms) |
|---|---|---:|---:|---:|---:|---|---|
${scenarioRows(run).join('\n')}

${notes(run).join('\n')}

${floorTable(run)}`;
  });
  return `## Scale (issue #9)

Measured by \`npm run bench:scale\` (bench/scale/): a generated authority (bench/scale/generate.ts, seed 9,
as of ${first?.data.asOf ?? '2025-06-30'}) — 26 provincial agencies and 104 communes, the groups "Các sở, ban,
ngành tỉnh" and "UBND các xã", plans of 50 tasks in three sections issued from 2021-01 to 2025-06, each
registered by \`createPlan\` (the service behind POST /api/plans) so that group cells and recurring
deadlines ("Hằng quý", "Hằng tháng") are expanded by the app; extensions and results written in bulk
(the app has no bulk path for them: the rows approveExtension and submitResult write, without audit
rows). Same shape as bench/redmine/load.ts. Service level: the service function called in-process
(p50/p95/p99 over the runs shown). HTTP: the real Fastify app (buildApp, listening on 127.0.0.1,
signed-in session cookie) loaded by autocannon in a child process for the time given, p50/p95/p99
from every response; the server drains what is still queued before the next run. Scenario 3 and 4
write into a second authority of the same database so that the reads and the sweep see the
generated data only.

Machine: ${machine}. The benchmark, PostgreSQL, Redmine and autocannon share the machine's cores; the
load average before and after is given with every table (a load near the number of cores means
nothing else ran).

Reproduce:

\`\`\`sh
TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:scale -- --scale 10k --engines pglite,postgres --http
bash bench/redmine/install.sh                 # once: Debian's redmine 5.0.4 beside dondoc (see bench/redmine)
TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:scale -- --scale 100k --engines pglite,postgres --http \\
  --redmine-live                              # Redmine loaded with the same shape and measured in the same run
npm run bench:scale -- --render-only          # rewrite this section from bench/scale/results/*.json
\`\`\`

${tables.join('\n\n')}

${redmineRatio(runs, redmine)}

${existsSync(FINDINGS) ? readFileSync(FINDINGS, 'utf8').trim() : ''}`;
}

function loadRedmine(files: string[]): RedmineRun[] {
  const all = [...files];
  if (existsSync(REDMINE_RESULTS))
    for (const f of readdirSync(REDMINE_RESULTS))
      if (f.endsWith('.json')) all.push(new URL(f, REDMINE_RESULTS).pathname);
  return all
    .map((f) => JSON.parse(readFileSync(f, 'utf8')) as RedmineRun)
    .filter((r) => Array.isArray(r.runs) && r.data?.issues);
}

function keptRuns(): EngineRun[] {
  if (!existsSync(RESULTS)) return [];
  return readdirSync(RESULTS)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(new URL(f, RESULTS), 'utf8')) as EngineRun);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: '10k' },
      engines: { type: 'string', default: 'pglite,postgres' },
      http: { type: 'boolean', default: false },
      seconds: { type: 'string', default: '10' },
      connections: { type: 'string', default: '10,50' },
      'cold-sweep-seconds': { type: 'string', default: '120' },
      redmine: { type: 'string', default: '' },
      'redmine-live': { type: 'boolean', default: false },
      'render-only': { type: 'boolean', default: false },
    },
  });
  const pgBase = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  mkdirSync(RESULTS, { recursive: true });
  if (!values['render-only']) {
    for (const scale of values.scale.split(',')) {
      for (const engine of values.engines.split(',')) {
        if (engine === 'postgres' && !pgBase) {
          console.error('postgres skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL');
          continue;
        }
        console.error(
          `== ${scale} on ${engine}; load average ${loadavg()
            .map((x) => x.toFixed(1))
            .join(' ')}`,
        );
        await runOne([
          '--scale',
          scale,
          '--engine',
          engine,
          ...(values.http ? ['--http'] : []),
          '--seconds',
          values.seconds,
          '--connections',
          values.connections,
          '--cold-sweep-seconds',
          values['cold-sweep-seconds'],
          '--out',
          new URL(`${scale}-${engine}.json`, RESULTS).pathname,
        ]);
        // kept in the repository: formatted as the project's checker wants it
        execFileSync(
          'npx',
          ['biome', 'format', '--write', new URL(`${scale}-${engine}.json`, RESULTS).pathname],
          {
            stdio: 'ignore',
          },
        );
      }
      if (values['redmine-live']) {
        console.error(`== Redmine at ${scale}`);
        await measureRedmineLive(scale, values.seconds, values.connections);
        execFileSync(
          'npx',
          ['biome', 'format', '--write', new URL(`${scale}.json`, REDMINE_RESULTS).pathname],
          {
            stdio: 'ignore',
          },
        );
      }
    }
  }
  const redmine = loadRedmine(values.redmine.split(',').filter(Boolean));
  writeBenchSection('scale', renderSection(keptRuns(), redmine));
  console.error('docs/benchmarks.md: section "scale" written');
}
