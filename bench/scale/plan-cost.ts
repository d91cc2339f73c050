/**
 * What PostgreSQL spends on planning the list's statements (issue #18 goal 1): the statements of one
 * GET /api/assignments (scenario 2, STP's open overdue list) captured from the app's pg clients, then
 * each run `--repeat` times on one connection in three ways — unnamed (parsed and planned on every
 * call), as a named prepared statement (plan_cache_mode auto: what the app's PreparingClient in
 * src/db/database.ts sends) and named with plan_cache_mode = force_generic_plan — with the backend's CPU
 * per call read from /proc (much less sensitive to a loaded machine than wall time), and Planning /
 * Execution Time of EXPLAIN (ANALYZE, SUMMARY) as medians of 20.
 *   node --import tsx bench/scale/plan-cost.ts postgres://postgres@127.0.0.1:5432/redmine_dondoc_100k [--repeat 300]
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase } from '../../src/db/database.ts';
import { buildApp } from '../../src/server/app.ts';
import { SCALE_AS_OF } from './generate.ts';
import { procCpu } from './proc-cpu.ts';
import { signIn } from './scenarios.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { repeat: { type: 'string', default: '300' } },
});
const url = positionals[0];
if (!url) throw new Error('usage: plan-cost.ts DATABASE_URL [--repeat 300]');
const repeat = Number(values.repeat);

let sent: { text: string; values: unknown[] }[] | null = null;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const config = args[0] as string | { text: string; values?: unknown[] };
  if (sent && typeof config !== 'string') sent.push({ text: config.text, values: config.values ?? [] });
  else if (sent && typeof config === 'string')
    sent.push({ text: config, values: (args[1] as unknown[]) ?? [] });
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as never;

const database = await openDatabase({ kind: 'postgres', url });
const now = new Date(`${SCALE_AS_OF}T03:00:00Z`);
const app = await buildApp({ db: database.db, databaseKind: 'postgres', now: () => now, web: false });
const base = await app.listen({ host: '127.0.0.1', port: 0 });
const stp = await signIn(base, 'stp');
const path = `/api/assignments?asOf=${SCALE_AS_OF}&state=open_overdue&pageSize=50`;
await (await fetch(base + path, { headers: stp })).text(); // warm
sent = [];
await (await fetch(base + path, { headers: stp })).text();
const statements = sent.filter((s) => /^\s*select/i.test(s.text));
sent = null;
await app.close();
await database.close();
pg.Client.prototype.query = query;

// the app's session settings (src/db/database.ts)
const client = new pg.Client({ connectionString: url, options: '-c jit=off -c random_page_cost=1.1' });
await client.connect();
const pid = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid as number;
const backendCpuMs = () => procCpu(pid) * 1000;
const perCall = async (run: (i: number) => Promise<unknown>) => {
  for (let i = 0; i < 10; i++) await run(i);
  const before = backendCpuMs();
  for (let i = 0; i < repeat; i++) await run(i);
  return Math.round(((backendCpuMs() - before) / repeat) * 1000) / 1000;
};
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

console.log(
  `load ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}; ${repeat} calls per way`,
);
let n = 0;
for (const s of statements) {
  n += 1;
  const summary = { planning: [] as number[], execution: [] as number[] };
  for (let i = 0; i < 20; i++) {
    const plan = await client.query<{ 'QUERY PLAN': string }>(
      `explain (analyze, summary) ${s.text}`,
      s.values,
    );
    const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
    summary.planning.push(Number(/Planning Time: ([\d.]+)/.exec(text)?.[1]));
    summary.execution.push(Number(/Execution Time: ([\d.]+)/.exec(text)?.[1]));
  }
  const unnamed = await perCall(() => client.query(s.text, s.values));
  await client.query('set plan_cache_mode = auto');
  const named = await perCall(() => client.query({ name: `s${n}`, text: s.text, values: s.values }));
  await client.query('set plan_cache_mode = force_generic_plan');
  const generic = await perCall(() => client.query({ name: `g${n}`, text: s.text, values: s.values }));
  await client.query('set plan_cache_mode = auto');
  console.log(
    `${s.text.replace(/\s+/g, ' ').slice(0, 90)}…\n` +
      `  EXPLAIN median: planning ${median(summary.planning)} ms, execution ${median(summary.execution)} ms\n` +
      `  backend CPU per call: unnamed ${unnamed} ms, prepared (auto) ${named} ms, prepared generic ${generic} ms`,
  );
}
console.log(
  `load ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
await client.end();
