/**
 * The write cost of the kept counts' triggers, before and after migration 2026-12-10T0100, in one
 * process on one database (issue #18): the trigger functions live in the database, so ab-http.ts (two
 * apps, one database) cannot compare them. Each round puts the functions of one side in place (the
 * migration's `down` for "before", its `up` for "after"), then on one pool connection creates
 * `--count` plans through createPlan — one task for one agency (as scenario 3b), or `--tasks` tasks
 * of generate.ts's mix — and submits and accepts
 * a result on each new lead assignment, 100 at most (as scenario 4), reading that backend's CPU from /proc before and
 * after each batch. Sides alternate, so both meet the same load of a shared machine. Prints CPU per
 * operation of PostgreSQL (the backend) and of this process, and the wall-clock p50. With `--off`, a
 * third side: the count triggers of `assignment` disabled (what the writes cost without the counts).
 *   TEST_DATABASE_URL=postgres://… node --import tsx bench/scale/trigger-ab.ts --database writes_100k \
 *     [--rounds 4] [--count 100] [--off] [--tasks 50]
 * The database is one of profile-http.ts --database NAME (BENCH-W and its users); it is left with the
 * "after" functions in place.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { type Kysely, sql } from 'kysely';
import { openDatabase } from '../../src/db/database.ts';
import * as migration from '../../src/db/migrations/2026-12-10T0100-count-triggers-by-authority.ts';
import type { Actor } from '../../src/modules/access/access.ts';
import { createLocalFileStore } from '../../src/modules/files/local-file-store.ts';
import { createPlan } from '../../src/modules/plans/plans.service.ts';
import { acceptResult } from '../../src/modules/results/results.review.ts';
import { submitAssignmentResult } from '../../src/modules/results/results.service.ts';
import { DEFAULT_HTTP_OPTIONS } from '../../src/server/http.ts';
import { prng } from '../generate.ts';
import { benchContext, oneTaskPlan } from './bench-context.ts';
import { planInput, SCALE_AS_OF } from './generate.ts';

const { values } = parseArgs({
  options: {
    database: { type: 'string', default: 'writes_100k' },
    rounds: { type: 'string', default: '4' },
    count: { type: 'string', default: '100' },
    /** a third side: the "after" functions with the count triggers of assignment disabled (the floor) */
    off: { type: 'boolean', default: false },
    /** tasks per plan: 1 (one task for Sở Nội vụ, as scenario 3b) or more (generate.ts planInput: many agencies, groups) */
    tasks: { type: 'string', default: '1' },
  },
});
const pgBase = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!pgBase) throw new Error('set TEST_DATABASE_URL');
const url = new URL(pgBase);
url.pathname = `/${values.database}`;
const count = Number(values.count);
const tasks = Number(values.tasks);
const random = prng(11);
const now = new Date(`${SCALE_AS_OF}T03:00:00Z`);

const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 1 });
const db = database.db;
const pid = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db)).rows[0]?.pid;
/** CPU seconds (user + system) of the pool's one backend. */
const backendCpu = () => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
const processCpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

const w = (
  await db.selectFrom('authority').select('id').where('code', '=', 'BENCH-W').executeTakeFirstOrThrow()
).id;
const office = await db
  .selectFrom('app_user')
  .select(['id', 'username', 'agency_id'])
  .where('username', '=', 'w.vanphong')
  .executeTakeFirstOrThrow();
const actor: Actor = {
  kind: 'user',
  userId: office.id,
  username: office.username,
  authorityId: w,
  role: 'office',
  agencyId: office.agency_id,
  agencyScope: [],
  via: 'session',
};
const service = {
  db,
  ip: '127.0.0.1',
  now,
  http: { ...DEFAULT_HTTP_OPTIONS, filesDir: '/tmp/dondoc-scale-files' },
  files: createLocalFileStore('/tmp/dondoc-scale-files'),
};
const installed = async () =>
  (
    await sql<{
      n: number;
    }>`select count(*)::integer as n from pg_proc where proname = 'statistic_overview_refresh'`.execute(db)
  ).rows[0]?.n === 0
    ? 'after'
    : 'before';
const COUNT_TRIGGERS = [
  'assignment_statistic_insert',
  'assignment_statistic_update',
  'assignment_statistic_delete',
];
const countTriggers = async (state: 'enable' | 'disable') => {
  for (const name of COUNT_TRIGGERS)
    await sql.raw(`alter table assignment ${state} trigger ${name}`).execute(db);
};
type Side = 'before' | 'after' | 'off';
const put = async (side: Side) => {
  await countTriggers(side === 'off' ? 'disable' : 'enable');
  const functions = side === 'before' ? 'before' : 'after';
  if ((await installed()) === functions) return;
  if (functions === 'before') await migration.down(db as Kysely<unknown>);
  else await migration.up(db as Kysely<unknown>);
};

const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const runTag = Date.now().toString(36);
const totals = new Map<string, { pg: number; node: number; n: number; ms: number[] }>();
const add = (key: string, pg: number, node: number, ms: number[]) => {
  const t = totals.get(key) ?? { pg: 0, node: 0, n: 0, ms: [] };
  t.pg += pg;
  t.node += node;
  t.n += ms.length;
  t.ms.push(...ms);
  totals.set(key, t);
};
const line = (key: string, pg: number, node: number, ms: number[]) =>
  `${key.padEnd(20)} PostgreSQL ${((1000 * pg) / ms.length).toFixed(2)} ms  node ${((1000 * node) / ms.length).toFixed(2)} ms  p50 ${p50(ms).toFixed(2)} ms  (n ${ms.length})`;

console.log(
  `load before: ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
try {
  for (let round = 0; round < Number(values.rounds); round++) {
    const sides: Side[] = values.off ? ['before', 'after', 'off'] : ['before', 'after'];
    for (const side of round % 2 === 0 ? sides : [...sides].reverse()) {
      await put(side);
      const ids: number[] = [];
      let ms: number[] = [];
      let pg0 = backendCpu();
      let n0 = processCpu();
      for (let i = 0; i < count; i++) {
        const t = performance.now();
        const number = `${runTag}-${side}-${round}-${i}/CV-T`;
        const plan = await createPlan(
          benchContext(db, w),
          tasks > 1 ? planInput(random, number, '2025-06-02', tasks) : oneTaskPlan(number),
        );
        ms.push(performance.now() - t);
        ids.push(plan.planId);
      }
      let pg = backendCpu() - pg0;
      let node = processCpu() - n0;
      console.log(`round ${round} ${line(`${side} create`, pg, node, ms)}`);
      add(`${side} create`, pg, node, ms);
      const assignments = (
        await db
          .selectFrom('assignment as a')
          .innerJoin('task as t', 't.id', 'a.task_id')
          .where('t.plan_id', 'in', ids)
          .where('a.role', '=', 'lead')
          .select('a.id')
          .execute()
      )
        .map((r) => r.id)
        .slice(0, 100);
      ms = [];
      pg0 = backendCpu();
      n0 = processCpu();
      for (const id of assignments) {
        const t = performance.now();
        const r = await submitAssignmentResult({ ...service, actor }, id, async () => ({
          fields: { documentNumber: `${id}/BC`, note: '', accept: false },
          files: [],
        }));
        await acceptResult({ ...service, actor }, r.id);
        ms.push(performance.now() - t);
      }
      pg = backendCpu() - pg0;
      node = processCpu() - n0;
      console.log(`round ${round} ${line(`${side} submit+accept`, pg, node, ms)}`);
      add(`${side} submit+accept`, pg, node, ms);
    }
  }
  await put('after');
  console.log(
    `load after: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  for (const [key, t] of [...totals.entries()].sort())
    console.log(`all     ${line(key, t.pg, t.node, t.ms)}`);
} finally {
  await database.close();
}
