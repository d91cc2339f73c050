/**
 * The per-request overhead of the HTTP API (issue #9): 10k assignments on a scratch PostgreSQL
 * database, buildApp on 127.0.0.1:0 in this process, autocannon in a child process (cannon.ts) for
 * scenario 2 (one agency's open list), 3b (one task for one agency) and 4 (submit + accept), each
 * for `--seconds` at `--connections`; prints req/s and p50/p99. With `--profile` the server's CPU is
 * sampled with the inspector during each run and the top self-time functions are printed; with
 * `--waits` PostgreSQL's pg_stat_activity of the database is sampled every 100 ms (wait events and
 * states of the app's connections). The scratch database is dropped at the end.
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
 *     node --import tsx bench/scale/profile-http.ts [--scale 10k] [--seconds 10] [--connections 10] \
 *       [--only 2,3b,4] [--profile] [--waits] [--pool 10] [--database perf_100k]
 * With `--database NAME` the data is generated into that database on the first run and reused by the
 * next ones (never dropped): a 100k load is generated once, then each profile starts in seconds.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { SYSTEM_ACTOR } from '../../src/modules/access/access.ts';
import { createAuthorityFromDirectory } from '../../src/modules/directory/directory.service.ts';
import { createPlan } from '../../src/modules/plans/plans.service.ts';
import { buildApp } from '../../src/server/app.ts';
import { prng } from '../generate.ts';
import { benchContext, oneTaskPlan } from './bench-context.ts';
import type { CannonResult } from './cannon.ts';
import { createScaleUsers, generateScaleData, planInput, SCALE_AS_OF, scaleDirectory } from './generate.ts';
import { cannon, SCALES, scratchPostgres, signIn } from './scenarios.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '10k' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    only: { type: 'string', default: '2,3b,4' },
    pool: { type: 'string', default: '10' },
    profile: { type: 'boolean', default: false },
    waits: { type: 'boolean', default: false },
    seed: { type: 'string', default: '9' },
    'w-plans': { type: 'string', default: '12' },
    analyze: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    /** a named database, generated on the first run and reused (kept) by the next ones */
    database: { type: 'string' },
    /** the server as its own process with this many node:cluster workers (bench/scale/serve.ts); 0: in this process */
    workers: { type: 'string', default: '0' },
    /** seconds of load before each measured run, not counted */
    warmup: { type: 'string', default: '0' },
  },
});
const warmup = Number(values.warmup);
const workers = Number(values.workers);
const pgBase = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!pgBase) throw new Error('set BENCH_DATABASE_URL or TEST_DATABASE_URL');
const seconds = Number(values.seconds);
const connections = values.connections.split(',').map(Number);
const only = new Set(values.only.split(','));
const log = (line: string) => console.error(`[profile-http] ${line}`);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** Self time per function (by name and file:line) of one CPU profile, the top `n`, in % of samples. */
function topSelf(profile: { nodes: ProfileNode[]; samples?: number[] }, n = 18): string[] {
  const hits = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const count = node.hitCount ?? 0;
    if (count === 0) continue;
    total += count;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.replace(/^.*\/node_modules\//, '').replace(/^file:\/\/.*\/(src|bench)\//, '$1/');
    const key = `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim();
    hits.set(key, (hits.get(key) ?? 0) + count);
  }
  const byPackage = new Map<string, number>();
  for (const [key, count] of hits) {
    const where = key.split(' ').at(-1) ?? '';
    const pkg = /^(@[^/]+\/[^/]+|[^/:]+)\//.exec(where)?.[1] ?? (where.includes(':') ? 'node' : key);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + count);
  }
  const line = ([key, count]: [string, number]) =>
    `${((100 * count) / total).toFixed(1).padStart(5)}%  ${key}`;
  return [
    ...[...hits.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(line),
    `by package: ${[...byPackage.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([k, c]) => `${k} ${((100 * c) / total).toFixed(1)}%`)
      .join(', ')}`,
  ];
}

/** Samples pg_stat_activity of the database every 100 ms; returns counts of "state/wait event". */
function watchWaits(url: string) {
  const client = new pg.Client({ connectionString: url });
  const counts = new Map<string, number>();
  let samples = 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  return {
    async start() {
      await client.connect();
      const tick = async () => {
        const { rows } = await client.query<{ k: string; n: string }>(
          `select coalesce(state, '?') || ' / ' || coalesce(wait_event_type || ':' || wait_event, 'cpu')
                  || case when state = 'active' then ' / ' || left(regexp_replace(query, '\\s+', ' ', 'g'), 160) else '' end as k,
                  count(*) as n
             from pg_stat_activity
            where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid()
            group by 1`,
        );
        samples += 1;
        for (const r of rows) counts.set(r.k, (counts.get(r.k) ?? 0) + Number(r.n));
        if (!stopped) timer = setTimeout(() => (running = tick()), 100);
      };
      running = tick();
      await running;
    },
    async stop(): Promise<string[]> {
      stopped = true;
      clearTimeout(timer);
      await running;
      await client.end();
      return [...counts.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `${(n / samples).toFixed(2).padStart(6)} conns  ${k}`);
    },
  };
}

/** CPU seconds (user + system) of one process, from /proc; 0 once it has ended. */
function procCpu(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks
  } catch {
    return 0;
  }
}

/** bench/scale/serve.ts as a child process; resolves once every worker listens. */
function startServer(url: string, now: Date, count: number) {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      new URL('./serve.ts', import.meta.url).pathname,
      '--url',
      url,
      '--now',
      now.toISOString(),
      '--workers',
      String(count),
      '--pool',
      String(Math.max(2, Math.ceil(Number(values.pool) / count))),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise<{ child: ChildProcess; base: string; pids: number[] }>((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`serve.ts exited with ${code}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const ready = /ready (\d+) ([\d,]+)/.exec(out);
      if (ready)
        resolve({
          child,
          base: `http://127.0.0.1:${ready[1]}`,
          pids: (ready[2] as string).split(',').map(Number),
        });
    });
  });
}

/** CPU seconds (user + system) of the PostgreSQL backends serving this database, from /proc. */
async function postgresCpu(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ pid: number }>(
    `select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
  );
  await client.end();
  let ticks = 0;
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      // the backend ended or runs elsewhere
    }
  }
  return ticks / 100;
}

/** The database `name` under `base`, created when missing; `fresh` tells whether it was. */
async function namedPostgres(base: string, name: string) {
  if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`--database: a lower-case identifier, not ${name}`);
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  if (!exists) await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), fresh: !exists, drop: async () => {} };
}

const scratch = values.database
  ? await namedPostgres(pgBase, values.database)
  : await scratchPostgres(pgBase);
const fresh = 'fresh' in scratch ? scratch.fresh : true;
const database = await openDatabase({ kind: 'postgres', url: scratch.url, poolSize: Number(values.pool) });
const db = database.db;
const session = values.profile ? new Session() : null;
try {
  await migrateToLatest(db as Kysely<unknown>);
  let w: number;
  if (fresh) {
    const t0 = performance.now();
    const generated = await generateScaleData(db, {
      seed: Number(values.seed),
      assignments: SCALES[values.scale] ?? Number(values.scale),
    });
    log(
      `generated ${generated.leadAssignments + generated.supportAssignments} assignments in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    w = await createAuthorityFromDirectory({ db, actor: SYSTEM_ACTOR }, scaleDirectory('BENCH-W'));
    await createScaleUsers(db, w, 'w.');
    // open assignments for scenario 4: plans of 50 tasks with group cells in BENCH-W
    const t = performance.now();
    const random = prng(Number(values.seed) + 1);
    for (let i = 1; i <= Number(values['w-plans']); i++) {
      await createPlan(benchContext(db, w), planInput(random, `${i}/KH-P`, '2025-06-02'));
    }
    const wCount = await db
      .selectFrom('assignment')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('authority_id', '=', w)
      .executeTakeFirstOrThrow();
    log(
      `BENCH-W: ${values['w-plans']} plans, ${wCount.n} assignments in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
  } else {
    w = (
      await db.selectFrom('authority').select('id').where('code', '=', 'BENCH-W').executeTakeFirstOrThrow()
    ).id;
    log(`reusing ${values.database}`);
  }
  const data = { asOf: SCALE_AS_OF };
  if (values.analyze || (fresh && values.database)) await sql`vacuum analyze`.execute(db);
  const now = new Date(`${data.asOf}T03:00:00Z`);
  // the server in this process, or with --workers in its own (serve.ts: node:cluster workers)
  const external = workers > 0 ? await startServer(scratch.url, now, workers) : null;
  const app = external
    ? null
    : await buildApp({
        db,
        databaseKind: 'postgres',
        now: () => now,
        web: false,
        http: { filesDir: '/tmp/dondoc-scale-files' },
      });
  const base = external
    ? external.base
    : await (app as NonNullable<typeof app>).listen({ host: '127.0.0.1', port: 0 });
  /** CPU seconds of the server so far: this process, or the server's processes from /proc */
  const serverCpu = () => {
    if (!external) {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1e6;
    }
    return [...new Set([external.child.pid as number, ...external.pids])].reduce(
      (sum, pid) => sum + procCpu(pid),
      0,
    );
  };
  if (external) log(`server: ${workers} worker(s), pids ${external.pids.join(', ')}`);
  try {
    const stpH = await signIn(base, 'stp');
    const wH = await signIn(base, 'w.vanphong');
    const oneTask = JSON.stringify(oneTaskPlan('__N__/CV-HTTP'));
    const openIds = async () =>
      (
        await db
          .selectFrom('assignment as a')
          .leftJoin('result_submission as r', 'r.assignment_id', 'a.id')
          .where('a.authority_id', '=', w)
          .where('a.role', '=', 'lead')
          .where('a.opens_on', '<=', data.asOf)
          .where('a.cancelled_on', 'is', null)
          .where('r.id', 'is', null)
          .select('a.id')
          .orderBy('a.id')
          .execute()
      ).map((r) => r.id);
    const runs: { id: string; run: (c: number, s?: number) => Promise<CannonResult> }[] = [
      {
        id: '2',
        run: (c, s = seconds) =>
          cannon({
            mode: 'get',
            base,
            path: `/api/assignments?asOf=${data.asOf}&state=open_overdue&pageSize=50`,
            headers: stpH,
            connections: c,
            seconds: s,
          }),
      },
      {
        id: '3b',
        run: (c, s = seconds) =>
          cannon({
            mode: 'create',
            base,
            path: '/api/plans',
            headers: wH,
            body: oneTask,
            connections: c,
            seconds: s,
          }),
      },
      {
        id: '4',
        run: async (c, s = seconds) =>
          cannon({
            mode: 'submit-accept',
            base,
            path: '/api/assignments',
            headers: wH,
            ids: await openIds(),
            connections: c,
            seconds: s,
          }),
      },
    ];
    await session?.connect();
    for (const { id, run } of runs) {
      if (!only.has(id)) continue;
      for (const c of connections) {
        // a first run not counted: the server's code compiled and its connections opened
        if (warmup > 0) await runs.find((r) => r.id === id)?.run(c, warmup);
        const waits = values.waits ? watchWaits(scratch.url) : null;
        await waits?.start();
        if (session) {
          await session.post('Profiler.setSamplingInterval', { interval: 200 });
          await session.post('Profiler.enable');
          await session.post('Profiler.start');
        }
        const load = loadavg()[0]?.toFixed(1);
        const pgBefore = await postgresCpu(scratch.url);
        const cpuBefore = serverCpu();
        const r = await run(c);
        const cpu = serverCpu() - cpuBefore;
        const pgCpu = (await postgresCpu(scratch.url)) - pgBefore;
        const perRequest = (seconds: number) => ((1000 * seconds) / Math.max(1, r.responses)).toFixed(2);
        const line = `scenario ${id} ×${c}: ${r.perSecond} ${r.unit}/s, p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.max} ms, ${r.ok} ok, ${r.failed} failed ${JSON.stringify(r.failedStatuses)}${r.exhausted ? ' (ids exhausted)' : ''} (load ${load})`;
        console.log(line);
        console.log(
          `    CPU per response: server ${perRequest(cpu)} ms, PostgreSQL ${perRequest(pgCpu)} ms (of ${r.responses} responses in ${r.seconds} s)`,
        );
        if (session) {
          const { profile } = await session.post('Profiler.stop');
          console.log(
            topSelf(profile as never)
              .map((l) => `    ${l}`)
              .join('\n'),
          );
        }
        if (waits) console.log((await waits.stop()).map((l) => `    ${l}`).join('\n'));
      }
    }
  } finally {
    session?.disconnect();
    await app?.close();
    external?.child.kill('SIGTERM');
  }
} finally {
  await database.close();
  if (values.keep) log(`kept ${scratch.url}`);
  else await scratch.drop();
}
