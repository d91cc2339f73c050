/**
 * Before/after over HTTP in one process (issue #18): the app of another checkout (`--before DIR`, a
 * tree of the repository with node_modules, e.g. `git archive <commit> | tar -x -C DIR`) and the app of
 * this one, both on the database of profile-http.ts --database NAME, loaded in turn by autocannon for
 * `--seconds` each, `--rounds` times, sides alternating — so that both meet the same load of a shared
 * machine. Prints per run and in sum: req/s, p50/p99, and CPU per 2xx response of the server (this
 * process: only the side under load works) and of PostgreSQL (the backends of the database, /proc).
 *   node --import tsx bench/scale/ab-http.ts --database perf_100k --before /tmp/base \
 *     [--only 2,2a,2o,3b] [--connections 10,50] [--seconds 5] [--rounds 4]
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { oneTaskPlan } from './bench-context.ts';
import { SCALE_AS_OF } from './generate.ts';
import { cannon, signIn } from './scenarios.ts';

const { values } = parseArgs({
  options: {
    database: { type: 'string', default: 'perf_100k' },
    before: { type: 'string' },
    only: { type: 'string', default: '2,3b' },
    connections: { type: 'string', default: '10,50' },
    seconds: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '4' },
  },
});
const pgBase = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!pgBase || !values.before) throw new Error('set TEST_DATABASE_URL and --before DIR');
const url = new URL(pgBase);
url.pathname = `/${values.database}`;
const seconds = Number(values.seconds);
const now = new Date(`${SCALE_AS_OF}T03:00:00Z`);

async function side(name: string, root: string) {
  const { openDatabase } = (await import(
    `${root}/src/db/database.ts`
  )) as typeof import('../../src/db/database.ts');
  const { buildApp } = (await import(
    `${root}/src/server/app.ts`
  )) as typeof import('../../src/server/app.ts');
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 10 });
  const app = await buildApp({
    db: database.db,
    databaseKind: 'postgres',
    now: () => now,
    web: false,
    http: { filesDir: '/tmp/dondoc-scale-files' },
  });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    name,
    base,
    stp: await signIn(base, 'stp'),
    office: await signIn(base, 'vanphong'),
    w: await signIn(base, 'w.vanphong'),
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/**
 * CPU seconds of the database's backends, per pid (from /proc): a run's cost is what the pids alive at
 * its end spent since its start (a backend closed by the pool in between is left out, not subtracted).
 */
async function postgresCpu(): Promise<Map<number, number>> {
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  const { rows } = await client.query<{ pid: number }>(
    'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
  );
  await client.end();
  const ticks = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      ticks.set(pid, (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {}
  }
  return ticks;
}

function postgresCpuSince(before: Map<number, number>, after: Map<number, number>): number {
  let seconds = 0;
  for (const [pid, t] of after) seconds += t - (before.get(pid) ?? 0);
  return seconds;
}

const oneTask = JSON.stringify(oneTaskPlan('__N__/CV-AB'));
/** STP, the agency of scenarios 2, 2a and 2o (generate.ts gives it 3 units) */
const stpId = await (async () => {
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  const { rows } = await client.query<{ agency_id: number }>(
    `select agency_id from app_user where username = 'stp'`,
  );
  await client.end();
  return rows[0]?.agency_id as number;
})();
const sides = [
  await side('before', values.before),
  await side('after', new URL('../..', import.meta.url).pathname),
];
type Sum = { ok: number; seconds: number; server: number; postgres: number; p99: number[]; p50: number[] };
const sums = new Map<string, Sum>();
console.log(
  `load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} at start, ${new Date().toISOString()}`,
);
try {
  for (let round = 1; round <= Number(values.rounds); round++) {
    for (const scenario of values.only.split(',')) {
      for (const c of values.connections.split(',').map(Number)) {
        // sides alternate; the first of a round alternates too
        const order = round % 2 === 1 ? sides : [...sides].reverse();
        for (const s of order) {
          const pgBefore = await postgresCpu();
          const cpuBefore = process.cpuUsage();
          const load = loadavg()[0]?.toFixed(1);
          // 2: STP's open overdue list; 2a: STP's own list, first 20 by due date; 2o: the same rows asked by the Office
          const list = {
            '2': {
              path: `/api/assignments?asOf=${SCALE_AS_OF}&state=open_overdue&pageSize=50`,
              headers: s.stp,
            },
            '2a': { path: `/api/assignments?asOf=${SCALE_AS_OF}&pageSize=20`, headers: s.stp },
            '2o': {
              path: `/api/assignments?asOf=${SCALE_AS_OF}&pageSize=20&agencyId=${stpId}`,
              headers: s.office,
            },
          }[scenario];
          const r =
            list !== undefined
              ? await cannon({ mode: 'get', base: s.base, ...list, connections: c, seconds })
              : await cannon({
                  mode: 'create',
                  base: s.base,
                  path: '/api/plans',
                  headers: s.w,
                  body: oneTask,
                  connections: c,
                  seconds,
                });
          const cpu = process.cpuUsage(cpuBefore);
          const pgCpu = postgresCpuSince(pgBefore, await postgresCpu());
          const server = (cpu.user + cpu.system) / 1e6;
          const key = `${scenario} ×${c} ${s.name}`;
          const sum = sums.get(key) ?? { ok: 0, seconds: 0, server: 0, postgres: 0, p99: [], p50: [] };
          sum.ok += r.ok;
          sum.seconds += r.seconds;
          sum.server += server;
          sum.postgres += pgCpu;
          sum.p50.push(r.p50);
          sum.p99.push(r.p99);
          sums.set(key, sum);
          console.log(
            `round ${round} scenario ${key}: ${r.perSecond}/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.ok} ok, ${r.failed} failed; CPU per 2xx: server ${((1000 * server) / Math.max(1, r.ok)).toFixed(2)} ms, PostgreSQL ${((1000 * pgCpu) / Math.max(1, r.ok)).toFixed(2)} ms (load ${load})`,
          );
        }
      }
    }
  }
} finally {
  for (const s of sides) await s.close();
}
console.log(
  `load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} at end, ${new Date().toISOString()}`,
);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
console.log(
  '| scenario | side | req/s | p50 ms (median of runs) | p99 ms (median of runs) | server CPU ms/2xx | PostgreSQL CPU ms/2xx |',
);
console.log('|---|---|---:|---:|---:|---:|---:|');
for (const [key, s] of sums) {
  const [scenario, conns, name] = key.split(' ');
  console.log(
    `| ${scenario} ${conns} | ${name} | ${(s.ok / s.seconds).toFixed(1)} | ${median(s.p50)} | ${median(s.p99)} | ${((1000 * s.server) / s.ok).toFixed(2)} | ${((1000 * s.postgres) / s.ok).toFixed(2)} |`,
  );
}
process.exit(0);
