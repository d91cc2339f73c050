/**
 * Measures Redmine (started by start.sh, data from load.ts) on the two requests of issue #9:
 * - scenario 2, one agency's open list as of a date, first page of 50 by due date:
 *   GET /issues.json?assigned_to_id=U&status_id=open&due_date=%3C%3DDATE&sort=due_date&limit=50
 * - scenario 3, one task assigned to one agency: POST /issues.json (into project `bench-create`);
 * each with autocannon at 1, 10 and 50 connections (p50/p95/p99 from every response time, req/s
 * from the 2xx responses over the run's duration), and the floor: the SQL statements behind the
 * list, captured from Redmine itself (capture-sql.rb under `rails runner`) and timed raw with psql
 * (\timing, EXPLAIN ANALYZE). Prints JSON.
 *
 *   node --import tsx bench/redmine/measure.ts [--agency stp] [--as admin|agency] [--as-of 2025-06-30]
 *     [--duration 15] [--connections 1,10,50] [--skip-create] [--out result.json]
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { addDays, apiKeyFor, DEFAULT_DATABASE_URL } from './load.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const KEY_FILE = '/var/lib/redmine/default/bench-api-key.txt';

interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  requests: { total: number };
}
interface AutocannonInstance {
  on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
  on(event: 'reqError', listener: (error: Error) => void): void;
}
type Autocannon = (
  options: Record<string, unknown>,
  done: (error: Error | null, result: AutocannonResult) => void,
) => AutocannonInstance;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export interface Run {
  scenario: string;
  connections: number;
  seconds: number;
  responses: number;
  ok: number;
  non2xx: number;
  errors: number;
  errorKinds: Record<string, number>;
  timeouts: number;
  /** Puma's CPU time (all processes) over the run, divided by the 2xx responses */
  pumaCpuMsPerRequest: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  perSecond: number;
}

const round = (x: number) => Math.round(x * 10) / 10;
const PUMA_PIDFILE = '/var/lib/redmine/default/tmp/pids/bench-puma.pid';

/**
 * CPU seconds used so far by Puma (master and workers), from /proc: wall-clock times depend on what
 * else the shared machine runs, CPU time per request much less.
 */
export function pumaCpuSeconds(): number {
  const ticks = 100; // USER_HZ on Linux
  let master: number;
  try {
    master = Number(readFileSync(PUMA_PIDFILE, 'utf8').trim());
  } catch {
    return Number.NaN;
  }
  const pids = [master];
  try {
    pids.push(
      ...readFileSync(`/proc/${master}/task/${master}/children`, 'utf8')
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map(Number),
    );
  } catch {
    return Number.NaN;
  }
  let total = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
    } catch {
      // a worker that exited meanwhile: its time is not counted
    }
  }
  return total / ticks;
}
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Waits until Puma is idle (under 0.15 of a core, three times in a row 300 ms apart; at most 5 min):
 * autocannon stops at its deadline, but the requests still queued in Puma's backlog (up to 40 at 50
 * connections, seconds each for the list at 100k) run on and would be counted in the next run's CPU.
 */
export async function waitForIdlePuma(): Promise<void> {
  const until = performance.now() + 300_000;
  for (let quiet = 0; quiet < 3 && performance.now() < until; ) {
    const before = pumaCpuSeconds();
    await new Promise((r) => setTimeout(r, 300));
    quiet = (pumaCpuSeconds() - before) / 0.3 < 0.15 ? quiet + 1 : 0;
  }
}

export function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number;
}

async function load(
  scenario: string,
  connections: number,
  seconds: number,
  request: { url: string; method: 'GET' | 'POST'; headers: Record<string, string>; body?: string },
): Promise<Run> {
  await waitForIdlePuma();
  return new Promise((resolve, reject) => {
    const times: number[] = [];
    let ok = 0;
    const errorKinds: Record<string, number> = {};
    const cpuBefore = pumaCpuSeconds();
    const instance = autocannon(
      {
        url: request.url,
        method: request.method,
        headers: request.headers,
        body: request.body,
        connections,
        duration: seconds,
        timeout: 120,
      },
      (error, result) => {
        if (error) return reject(error);
        times.sort((a, b) => a - b);
        resolve({
          scenario,
          connections,
          seconds: result.duration,
          responses: times.length,
          ok,
          non2xx: result.non2xx,
          errors: result.errors,
          errorKinds,
          timeouts: result.timeouts,
          pumaCpuMsPerRequest: round(((pumaCpuSeconds() - cpuBefore) * 1000) / ok),
          p50: round(percentile(times, 0.5)),
          p95: round(percentile(times, 0.95)),
          p99: round(percentile(times, 0.99)),
          max: round(times[times.length - 1] ?? Number.NaN),
          perSecond: round(ok / result.duration),
        });
      },
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      times.push(ms);
      if (status >= 200 && status < 300) ok++;
    });
    instance.on('reqError', (error) => {
      const kind = (error as Error & { code?: string }).code ?? error.message;
      errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
    });
  });
}

// --- the SQL floor ------------------------------------------------------------------------------

interface Statement {
  label: string;
  railsMs: number;
  sql: string;
}

/** Parses the ActiveRecord log lines of capture-sql.rb into runnable SQL (binds substituted). */
export function parseSqlLog(log: string): Statement[] {
  const out: Statement[] = [];
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips the ANSI colours of the Rails log
  const plain = log.replace(/\u001b\[[0-9;]*m/g, '');
  for (const line of plain.split('\n')) {
    const m = /^SQLLOG\s+(.*?)\s*\(([\d.]+)ms\)\s{2}(.*)$/.exec(line);
    if (!m) continue;
    const [, label = '', ms = '0', rest = ''] = m;
    if (label.startsWith('CACHE')) continue; // answered by Rails' query cache, not by the database
    let sql = rest;
    const bindAt = rest.lastIndexOf('  [[');
    if (bindAt >= 0) {
      sql = rest.slice(0, bindAt);
      let binds: [string, unknown][];
      try {
        binds = JSON.parse(rest.slice(bindAt + 2)) as [string, unknown][];
      } catch {
        continue; // a bind we cannot read back: leave the statement out rather than time it wrong
      }
      sql = sql.replace(/\$(\d+)/g, (_, n: string) => {
        const value = binds[Number(n) - 1]?.[1];
        if (typeof value === 'number' || typeof value === 'boolean') return String(value);
        if (value === null || value === undefined) return 'NULL';
        return `'${String(value).replace(/'/g, "''")}'`;
      });
    }
    out.push({ label: label.trim() || 'SQL', railsMs: Number(ms), sql: sql.trim() });
  }
  return out;
}

function captureSql(path: string, key: string): Statement[] {
  const script = join(HERE, 'capture-sql.rb');
  const log = execFileSync(
    'su',
    [
      'www-data',
      '-s',
      '/bin/bash',
      '-c',
      'cd /usr/share/redmine && REDMINE_INSTANCE=default RAILS_ENV=production bundle exec rails runner "$0"',
      script,
    ],
    { env: { ...process.env, BENCH_PATH: path, BENCH_KEY: key }, encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  if (!log.includes('STATUS=200'))
    throw new Error(`capture-sql.rb: the request did not answer 200:\n${log.slice(-2000)}`);
  return parseSqlLog(log);
}

function psqlTimes(database: string, sql: string, repeat: number): number[] {
  const script = ['\\timing on', '\\o /dev/null', ...Array.from({ length: repeat }, () => `${sql};`)].join(
    '\n',
  );
  const out = execFileSync('psql', ['-X', '-v', 'ON_ERROR_STOP=1', database], {
    input: script,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  return [...out.matchAll(/^Time: ([\d.]+) ms/gm)].map((m) => Number(m[1]));
}

function explainAnalyze(database: string, sql: string): { executionMs: number; plan: string } {
  const plan = execFileSync('psql', ['-X', '-A', '-t', '-v', 'ON_ERROR_STOP=1', database], {
    input: `explain (analyze, buffers) ${sql};`,
    encoding: 'utf8',
  });
  const m = /Execution Time: ([\d.]+) ms/.exec(plan);
  return { executionMs: m ? Number(m[1]) : Number.NaN, plan: plan.trim() };
}

export interface MeasureOptions {
  url: string;
  database: string;
  /** login of the agency whose list is asked */
  agency: string;
  /** login of the agency the created issues are assigned to */
  createAgency: string;
  /** whose API key asks the list: the admin's, or the agency user's own */
  as: 'admin' | 'agency';
  seed: number;
  asOf: string;
  /** seconds per autocannon run */
  duration: number;
  connections: number[];
  sqlRepeat: number;
  skipCreate: boolean;
}

/** Runs the whole measurement against a running Redmine (start.sh) loaded by load.ts. */
export async function measureRedmine(o: MeasureOptions) {
  const asOf = o.asOf;
  const seconds = o.duration;
  const connections = o.connections;
  const adminKey = readFileSync(KEY_FILE, 'utf8').trim();
  const listKey = o.as === 'agency' ? apiKeyFor(o.agency, o.seed) : adminKey;

  const db = new pg.Client({ connectionString: o.database });
  await db.connect();
  const q = async (sql: string, params: unknown[]) =>
    (await db.query(sql, params)).rows[0] as Record<string, unknown>;
  const user = await q('select id from users where login = $1', [o.agency]);
  const createUser = await q('select id from users where login = $1', [o.createAgency]);
  const project = await q("select id from projects where identifier = 'bench-create'", []);
  const tracker = await q("select id from trackers where name = 'Feature'", []);
  const counts = await q(
    `select count(*)::int as issues, count(*) filter (where not s.is_closed)::int as open,
       count(*) filter (where i.assigned_to_id = $1 and not s.is_closed and i.due_date <= $2)::int as agency_list
     from issues i join issue_statuses s on s.id = i.status_id`,
    [user?.id, asOf],
  );
  const version = (await q("select value from settings where name = 'rest_api_enabled'", []))?.value;
  await db.end();
  if (!user || !createUser || !project || !tracker)
    throw new Error('run load.ts first (agency users, bench-create)');
  if (version !== '1') throw new Error('the REST API is off: run install.sh');

  const listPath = `/issues.json?assigned_to_id=${user.id}&status_id=open&due_date=%3C%3D${asOf}&sort=due_date&limit=50`;
  const listHeaders = { 'X-Redmine-API-Key': listKey, accept: 'application/json' };
  const check = await fetch(o.url + listPath, { headers: listHeaders });
  if (check.status !== 200) throw new Error(`GET ${listPath}: ${check.status}`);
  const page = (await check.json()) as { total_count: number; issues: { due_date: string }[] };
  const sorted = page.issues.every((x, i, xs) => i === 0 || (xs[i - 1]?.due_date ?? '') <= x.due_date);
  const body = JSON.stringify({
    issue: {
      project_id: project.id,
      tracker_id: tracker.id,
      subject: 'Báo cáo kết quả thực hiện nhiệm vụ (benchmark)',
      description: 'Nhiệm vụ giao mới cho một cơ quan, tạo bởi bench/redmine/measure.ts',
      assigned_to_id: createUser.id,
      start_date: asOf,
      due_date: addDays(asOf, 30),
    },
  });
  const createHeaders = { 'X-Redmine-API-Key': adminKey, 'content-type': 'application/json' };
  if (!o.skipCreate) {
    const created = await fetch(`${o.url}/issues.json`, {
      method: 'POST',
      headers: createHeaders,
      body,
    });
    if (created.status !== 201)
      throw new Error(`POST /issues.json: ${created.status} ${await created.text()}`);
  }

  const loadBefore = loadavg().map(round);
  const runs: Run[] = [];
  await load('warm-up', 2, 5, { url: o.url + listPath, method: 'GET', headers: listHeaders });
  for (const c of connections) {
    const run = await load('list', c, seconds, {
      url: o.url + listPath,
      method: 'GET',
      headers: listHeaders,
    });
    runs.push(run);
    console.error(JSON.stringify(run));
  }
  if (!o.skipCreate) {
    for (const c of connections) {
      const run = await load('create', c, seconds, {
        url: `${o.url}/issues.json`,
        method: 'POST',
        headers: createHeaders,
        body,
      });
      runs.push(run);
      console.error(JSON.stringify(run));
    }
  }

  // The floor: the statements that read issues for this request, timed raw.
  const statements = captureSql(listPath, listKey);
  const repeat = o.sqlRepeat;
  const floor = statements
    .filter((s) => /FROM "issues"/.test(s.sql))
    .map((s) => {
      const times = psqlTimes(o.database, s.sql, repeat).sort((a, b) => a - b);
      const explained = explainAnalyze(o.database, s.sql);
      return {
        label: s.label,
        sql: s.sql,
        psqlP50: round2(percentile(times, 0.5)),
        psqlP95: round2(percentile(times, 0.95)),
        explainExecutionMs: explained.executionMs,
        plan: explained.plan,
      };
    });
  const allTimes = psqlTimes(o.database, statements.map((s) => s.sql).join(';\n'), 1);
  const result = {
    when: new Date().toISOString(),
    redmine: '5.0.4 (Debian bookworm, Puma 5.6.5, 2 workers x 5 threads, PostgreSQL 15)',
    machine: { cpus: cpus().length, loadAverageBefore: loadBefore, loadAverageAfter: loadavg().map(round) },
    data: counts,
    agency: o.agency,
    listAs: o.as,
    asOf,
    listPath,
    listCheck: { total_count: page.total_count, returned: page.issues.length, sortedByDueDate: sorted },
    runs,
    sqlFloor: {
      statementsInRequest: statements.length,
      allStatementsOnceMs: round2(allTimes.reduce((a, b) => a + b, 0)),
      issueStatementsP50Ms: round2(floor.reduce((a, s) => a + s.psqlP50, 0)),
      issueStatements: floor,
    },
  };
  // A markdown table for docs/benchmarks.md, on stderr.
  const scale = `${Math.round(counts?.issues as number).toLocaleString('en')} issues`;
  const lines = runs.map((r) => {
    const what = r.scenario === 'list' ? `list (as ${o.as})` : 'create one issue';
    return `| ${scale} | ${what} | ${r.connections} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.perSecond} | ${r.ok} | ${r.non2xx + r.errors} | ${r.pumaCpuMsPerRequest} |`;
  });
  const markdown = [
    '| data | request | connections | p50 ms | p95 ms | p99 ms | req/s | 2xx | failed | Puma CPU ms/req |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...lines,
    `SQL floor: ${result.sqlFloor.issueStatements.map((x) => `${x.psqlP50} ms (EXPLAIN ${x.explainExecutionMs} ms)`).join(' + ')}; ` +
      `${statements.length} statements in the request, ${result.sqlFloor.allStatementsOnceMs} ms together; load ${loadBefore.join(' ')} → ${result.machine.loadAverageAfter.join(' ')}`,
  ].join('\n');
  return { result, markdown };
}

async function main() {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: process.env.REDMINE_URL ?? 'http://127.0.0.1:3000' },
      database: { type: 'string', default: process.env.REDMINE_DATABASE_URL ?? DEFAULT_DATABASE_URL },
      agency: { type: 'string', default: 'stp' },
      'create-agency': { type: 'string', default: 'snv' },
      as: { type: 'string', default: 'admin' },
      seed: { type: 'string', default: '9' },
      'as-of': { type: 'string', default: '2025-06-30' },
      duration: { type: 'string', default: '15' },
      connections: { type: 'string', default: '1,10,50' },
      'sql-repeat': { type: 'string', default: '30' },
      'skip-create': { type: 'boolean', default: false },
      out: { type: 'string' },
    },
  });
  if (values.as !== 'admin' && values.as !== 'agency') throw new Error('--as: admin | agency');
  const connections = values.connections.split(',').map(Number);
  if (connections.some((c) => !Number.isInteger(c) || c < 1))
    throw new Error(`--connections: ${values.connections}`);
  const { result, markdown } = await measureRedmine({
    url: values.url,
    database: values.database,
    agency: values.agency,
    createAgency: values['create-agency'],
    as: values.as,
    seed: Number(values.seed),
    asOf: values['as-of'],
    duration: Number(values.duration),
    connections,
    sqlRepeat: Number(values['sql-repeat']),
    skipCreate: values['skip-create'],
  });
  console.error(markdown);
  const json = JSON.stringify(result, null, 2);
  if (values.out) writeFileSync(values.out, `${json}\n`);
  console.log(json);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
