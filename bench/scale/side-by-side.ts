/**
 * Issue #18 goal 1, live: dondoc and Redmine side by side in one run, the sides alternating run by run
 * (ABBA: dondoc first in odd rounds, Redmine first in even ones), so that both see the same load on a
 * shared machine. Three requests, each at every connection count:
 * - `list-agency`: dondoc GET /api/assignments?asOf=…&state=open_overdue&pageSize=50 signed in as STP
 *   ↔ Redmine GET /issues.json?assigned_to_id=<stp>&status_id=open&due_date=<=…&sort=due_date&limit=50
 *   with stp's own API key (measure.ts `--as agency`);
 * - `list-admin`: the same list asked by the Office (dondoc `&agencyId=<STP>` as vanphong) ↔ Redmine's
 *   admin key;
 * - `create`: one task for one agency (dondoc POST /api/plans as w.vanphong) ↔ POST /issues.json as admin.
 * autocannon runs in a child process (cannon.ts); each side's server is its own process (dondoc:
 * serve.ts, one process; Redmine: Puma 2 × 5 from bench/redmine/start.sh), so the CPU of a run is read
 * from /proc for the server's processes and for the PostgreSQL backends of its database, per 2xx
 * response. Between runs both servers drain: no CPU used by either and no active statement in either
 * database, three times in a row 300 ms apart.
 *   bash bench/redmine/install.sh; node --import tsx bench/redmine/load.ts --issues 100000; bench/redmine/start.sh
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node --import tsx bench/scale/profile-http.ts \
 *     --scale 100k --database redmine_dondoc_100k --only 2 --seconds 1 --connections 1   # generates, keeps it
 *   TEST_DATABASE_URL=… node --import tsx bench/scale/side-by-side.ts --database redmine_dondoc_100k \
 *     [--seconds 10] [--rounds 2] [--connections 1,10,50] [--only list-agency,list-admin,create] [--out FILE]
 *   bench/redmine/stop.sh
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { addDays, apiKeyFor, DEFAULT_DATABASE_URL } from '../redmine/load.ts';
import { pumaCpuSeconds } from '../redmine/measure.ts';
import { oneTaskPlan } from './bench-context.ts';
import type { CannonResult, CannonSpec } from './cannon.ts';
import { SCALE_AS_OF } from './generate.ts';
import { backendDelta, backends, procCpu } from './proc-cpu.ts';
import { cannon, signIn } from './scenarios.ts';

const { values } = parseArgs({
  options: {
    database: { type: 'string' },
    'redmine-database': { type: 'string', default: DEFAULT_DATABASE_URL },
    'redmine-url': { type: 'string', default: 'http://127.0.0.1:3000' },
    seconds: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '2' },
    connections: { type: 'string', default: '1,10,50' },
    only: { type: 'string', default: 'list-agency,list-admin,create' },
    warmup: { type: 'string', default: '3' },
    out: { type: 'string' },
    /** prints the table of a kept JSON and exits */
    render: { type: 'string' },
  },
});
const pgBase = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!values.render && (!pgBase || !values.database))
  throw new Error('set TEST_DATABASE_URL and --database (profile-http.ts made it)');
const dondocUrl = Object.assign(new URL(pgBase ?? 'postgres://localhost/'), {
  pathname: `/${values.database}`,
}).toString();
const redmineDb = values['redmine-database'];
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const connections = values.connections.split(',').map(Number);
const asOf = SCALE_AS_OF;
const log = (line: string) => console.error(`[side-by-side] ${line}`);
const round2 = (x: number) => Math.round(x * 100) / 100;
const load1 = () => round2(loadavg()[0] ?? Number.NaN);

/** bench/scale/serve.ts (one process) on the dondoc database; resolves once it listens. */
function startDondoc(): Promise<{ child: ChildProcess; base: string; pid: number }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      new URL('./serve.ts', import.meta.url).pathname,
      '--url',
      dondocUrl,
      '--now',
      `${asOf}T03:00:00.000Z`,
      '--workers',
      '1',
      '--pool',
      '10',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`serve.ts exited with ${code}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const ready = /ready (\d+) (\d+)/.exec(out);
      if (ready) resolve({ child, base: `http://127.0.0.1:${ready[1]}`, pid: Number(ready[2]) });
    });
  });
}

interface Side {
  name: 'dondoc' | 'redmine';
  serverCpu: () => number;
  db: pg.Client;
}

interface Run extends CannonResult {
  side: Side['name'];
  request: string;
  round: number;
  load1Before: number;
  load1After: number;
  /** the server's processes' CPU ms over the run ÷ 2xx responses */
  serverCpuMs: number;
  /** the PostgreSQL backends of the side's database, CPU ms ÷ 2xx responses */
  postgresCpuMs: number;
}

const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

/**
 * The markdown table of a run: per request and connection count, each side over its rounds — req/s
 * (2xx ÷ seconds, all rounds), p50 (median of the rounds'), p99 (the worst round's), CPU ms per 2xx
 * response (server + PostgreSQL, all rounds) — and the ratios dondoc ÷ Redmine.
 */
export function renderTable(runs: Run[]): string {
  const rows: string[] = [];
  const keys = [...new Set(runs.map((r) => `${r.request}|${r.connections}`))];
  for (const k of keys) {
    const [request, c] = k.split('|');
    const of = (side: string) =>
      runs.filter((r) => r.request === request && `${r.connections}` === c && r.side === side);
    const sum = (xs: Run[], f: (r: Run) => number) => xs.reduce((a, r) => a + f(r), 0);
    const cell = (xs: Run[]) => {
      const ok = sum(xs, (r) => r.ok);
      const answered = xs.filter((r) => r.ok > 0); // a run without a response has no percentiles (null)
      const p50s = answered.map((r) => r.p50).sort((a, b) => a - b);
      return {
        ok,
        seconds: sum(xs, (r) => r.seconds),
        perSecond: ok / sum(xs, (r) => r.seconds),
        p50: p50s[Math.floor((p50s.length - 1) / 2)] ?? Number.NaN,
        p99: Math.max(...answered.map((r) => r.p99)),
        server: sum(answered, (r) => r.serverCpuMs * r.ok) / ok,
        postgres: sum(answered, (r) => r.postgresCpuMs * r.ok) / ok,
        failed: sum(xs, (r) => r.failed),
        load: xs.flatMap((r) => [r.load1Before, r.load1After]),
      };
    };
    const d = cell(of('dondoc'));
    const m = cell(of('redmine'));
    const side = (x: typeof d) =>
      x.ok === 0
        ? `0 (none in ${fmt(x.seconds)} s) | — | —`
        : `${fmt(x.perSecond)} | ${fmt(x.p50)} / ${fmt(x.p99)} | ${x.server.toFixed(2)} + ${x.postgres.toFixed(2)}${x.failed ? ` (${x.failed} failed)` : ''}`;
    // no Redmine response in the runs' seconds: its rate is below 1 ÷ those seconds
    const ratio = m.ok === 0 ? `> ${fmt(d.perSecond * m.seconds)}` : fmt(d.perSecond / m.perSecond);
    const cpuRatio = m.ok === 0 ? '—' : `${fmt((m.server + m.postgres) / (d.server + d.postgres))}×`;
    const load = [...d.load, ...m.load];
    rows.push(
      `| ${request} | ${c} | ${side(d)} | ${side(m)} | **${ratio}×** | ${cpuRatio} | ${Math.min(...load).toFixed(1)}–${Math.max(...load).toFixed(1)} |`,
    );
  }
  return [
    '| request | conns | dondoc req/s | dondoc p50 / p99 ms | dondoc CPU ms (server + PG) | Redmine req/s | Redmine p50 / p99 ms | Redmine CPU ms (Puma + PG) | req/s ratio | CPU ratio | load (1 min) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows,
  ].join('\n');
}

if (values.render) {
  const kept = JSON.parse(readFileSync(values.render, 'utf8')) as { runs: Run[] };
  console.log(renderTable(kept.runs));
  process.exit(0);
}

const dondocDb = new pg.Client({ connectionString: dondocUrl });
const redmineClient = new pg.Client({ connectionString: redmineDb });
await dondocDb.connect();
await redmineClient.connect();
const server = await startDondoc();
try {
  const sides: Record<Side['name'], Side> = {
    dondoc: { name: 'dondoc', serverCpu: () => procCpu(server.pid), db: dondocDb },
    redmine: { name: 'redmine', serverCpu: pumaCpuSeconds, db: redmineClient },
  };
  if (Number.isNaN(pumaCpuSeconds())) throw new Error('Redmine is not running: bench/redmine/start.sh');

  // --- dondoc's requests
  const base = server.base;
  const stpH = await signIn(base, 'stp');
  const officeH = await signIn(base, 'vanphong');
  const wH = await signIn(base, 'w.vanphong');
  const stp = await dondocDb.query<{ id: number }>(
    `select a.id from agency a join app_user u on u.agency_id = a.id where u.username = 'stp'`,
  );
  const stpId = stp.rows[0]?.id;
  const dondocList = `/api/assignments?asOf=${asOf}&state=open_overdue&pageSize=50`;
  const oneTask = JSON.stringify(oneTaskPlan('__N__/CV-SIDE'));

  // --- Redmine's requests (bench/redmine/measure.ts's, same data shape from load.ts)
  const rq = async (text: string) => (await redmineClient.query(text)).rows[0] as { id: number };
  const rUser = await rq("select id from users where login = 'stp'");
  const rCreateUser = await rq("select id from users where login = 'snv'");
  const rProject = await rq("select id from projects where identifier = 'bench-create'");
  const rTracker = await rq("select id from trackers where name = 'Feature'");
  const adminKey = readFileSync('/var/lib/redmine/default/bench-api-key.txt', 'utf8').trim();
  const rBase = values['redmine-url'];
  const rList = `/issues.json?assigned_to_id=${rUser.id}&status_id=open&due_date=%3C%3D${asOf}&sort=due_date&limit=50`;
  const rIssue = JSON.stringify({
    issue: {
      project_id: rProject.id,
      tracker_id: rTracker.id,
      subject: 'Báo cáo kết quả thực hiện nhiệm vụ (benchmark)',
      description: 'Nhiệm vụ giao mới cho một cơ quan, tạo bởi bench/scale/side-by-side.ts',
      assigned_to_id: rCreateUser.id,
      start_date: asOf,
      due_date: addDays(asOf, 30),
    },
  });
  const key = (k: string) => ({ 'X-Redmine-API-Key': k, accept: 'application/json' });

  type Spec = Omit<CannonSpec, 'connections' | 'seconds'>;
  const all: { id: string; dondoc: Spec; redmine: Spec }[] = [
    {
      id: 'list-agency',
      dondoc: { mode: 'get', base, path: dondocList, headers: stpH },
      redmine: { mode: 'get', base: rBase, path: rList, headers: key(apiKeyFor('stp', 9)) },
    },
    {
      id: 'list-admin',
      dondoc: { mode: 'get', base, path: `${dondocList}&agencyId=${stpId}`, headers: officeH },
      redmine: { mode: 'get', base: rBase, path: rList, headers: key(adminKey) },
    },
    {
      id: 'create',
      dondoc: { mode: 'create', base, path: '/api/plans', headers: wH, body: oneTask },
      redmine: {
        mode: 'create',
        base: rBase,
        path: '/issues.json',
        headers: { ...key(adminKey), 'content-type': 'application/json' },
        body: rIssue,
      },
    },
  ];
  const requests = all.filter((r) => values.only.split(',').includes(r.id));

  // what each list holds, checked once: both answer 200 with a first page of 50 sorted by due date
  const checks: Record<string, unknown> = {};
  for (const r of requests.filter((x) => x.dondoc.mode === 'get')) {
    const d = await fetch(base + r.dondoc.path, { headers: r.dondoc.headers });
    const m = await fetch(rBase + r.redmine.path, { headers: r.redmine.headers });
    if (d.status !== 200 || m.status !== 200)
      throw new Error(`${r.id}: dondoc ${d.status}, Redmine ${m.status}`);
    const dj = (await d.json()) as { total: number; items: unknown[] };
    const mj = (await m.json()) as { total_count: number; issues: unknown[] };
    checks[r.id] = {
      dondoc: { total: dj.total, page: dj.items.length },
      redmine: { total: mj.total_count, page: mj.issues.length },
    };
  }
  log(`lists: ${JSON.stringify(checks)}`);

  /** Waits until neither server uses CPU and neither database runs a statement (3 × 300 ms in a row). */
  const drain = async () => {
    const until = performance.now() + 300_000;
    for (let quiet = 0; quiet < 3 && performance.now() < until; ) {
      const before = sides.dondoc.serverCpu() + sides.redmine.serverCpu();
      await new Promise((r) => setTimeout(r, 300));
      const busy = (sides.dondoc.serverCpu() + sides.redmine.serverCpu() - before) / 0.3;
      const active = (await backends(dondocDb)).active + (await backends(redmineClient)).active;
      quiet = busy < 0.15 && active === 0 ? quiet + 1 : 0;
    }
  };

  const measure = async (side: Side, request: string, spec: Spec, c: number, round: number): Promise<Run> => {
    await drain();
    const load1Before = load1();
    const pgBefore = (await backends(side.db)).cpu;
    const cpuBefore = side.serverCpu();
    const r = await cannon({ ...spec, connections: c, seconds });
    const cpu = side.serverCpu() - cpuBefore;
    const pgCpu = backendDelta(pgBefore, (await backends(side.db)).cpu);
    const per = (s: number) => round2((1000 * s) / Math.max(1, r.ok));
    const run: Run = {
      side: side.name,
      request,
      round,
      ...r,
      load1Before,
      load1After: load1(),
      serverCpuMs: per(cpu),
      postgresCpuMs: per(pgCpu),
    };
    log(
      `${request} ×${c} round ${round} ${side.name}: ${r.perSecond}/s p50 ${r.p50} p99 ${r.p99} ` +
        `(${r.ok} ok, ${r.failed} failed) CPU ${run.serverCpuMs} + ${run.postgresCpuMs} ms, load ${load1Before}`,
    );
    return run;
  };

  const started = new Date().toISOString();
  const loadBefore = loadavg().map(round2);
  const runs: Run[] = [];
  for (const r of requests) {
    // not counted: each server's code warmed, its connections opened
    for (const name of ['dondoc', 'redmine'] as const) {
      await drain();
      await cannon({ ...r[name], connections: 2, seconds: Number(values.warmup) });
    }
    for (const c of connections) {
      for (let round = 1; round <= rounds; round++) {
        const order = round % 2 === 1 ? (['dondoc', 'redmine'] as const) : (['redmine', 'dondoc'] as const);
        for (const name of order) runs.push(await measure(sides[name], r.id, r[name], c, round));
      }
    }
  }
  await drain();
  const counts = {
    dondoc: (
      await dondocDb.query<{ n: number }>(
        `select count(*)::int as n from assignment a join authority t on t.id = a.authority_id where t.code <> 'BENCH-W'`,
      )
    ).rows[0]?.n,
    redmine: (await redmineClient.query<{ n: number }>('select count(*)::int as n from issues')).rows[0]?.n,
  };
  const result = {
    started,
    finished: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '', node: process.version },
    loadBefore,
    loadAfter: loadavg().map(round2),
    seconds,
    rounds,
    data: { dondocAssignments: counts.dondoc, redmineIssues: counts.redmine, database: values.database },
    lists: checks,
    runs,
  };
  const json = `${JSON.stringify(result, null, 2)}\n`;
  if (values.out) writeFileSync(values.out, json);
  else console.log(json);
  console.error(renderTable(runs));
} finally {
  server.child.kill('SIGTERM');
  await dondocDb.end();
  await redmineClient.end();
}
