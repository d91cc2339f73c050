import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../test/support/net.ts';
import { writeBenchSection } from './doc-section.ts';
import { withScratchPostgres } from './scratch-postgres.ts';

/**
 * Issue #18 goals 4 and 5 (docs/benchmarks.md, "Issue #18: start-up, CLI, transfer"):
 * - start-up: from the spawn to the first 200 of /api/health, of `/` (the SPA's index.html) and of a
 *   sign-in, on PGlite with the demo already in its folder and on PostgreSQL (BENCH_DATABASE_URL or
 *   TEST_DATABASE_URL: a scratch database), for `npm start`'s command (tsx) and the compiled server
 *   (`node dist/server/main.js`, built first unless --no-build); wall-clock and the process's CPU time
 *   at ready (from /proc), and the phases the server logs with "ready in";
 * - the CLI: `dondoc status` through bin/dondoc.mjs, wall and CPU (bash's `time`), on PGlite alone and
 *   beside its running server (the command sent to it), and on PostgreSQL;
 * - transfer: the bytes of the first page as served (brotli when offered), and the time at 1.6 Mbit/s
 *   with a stated round-trip time; the JSON of the plan page for the seed's 29 tasks.
 * The machine may be shared: CPU time is the figure that does not grow with other processes' load.
 *   node --import tsx bench/startup.ts [--runs 3] [--no-build] [--write] [--transfer-only]
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const runs = Number(args.includes('--runs') ? args[args.indexOf('--runs') + 1] : 3);
const write = args.includes('--write');
const PASSWORD = 'dondoc-87-KH-2021';
/** 1.6 Mbit/s (issue #18 goal 5) in bytes per millisecond */
const PHONE_BYTES_PER_MS = 1_600_000 / 8 / 1000;
/** the round trip assumed for the phone's link (a 3G/4G cell, the server in the province) */
const PHONE_RTT_MS = 150;

const CLOCK_TICK_MS = 1000 / Number(spawnSync('getconf', ['CLK_TCK']).stdout?.toString().trim() || 100);

/** user + system CPU milliseconds of a running process (Linux /proc) */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One HTTP request, the body as sent on the wire (not decompressed). */
function http(
  port: number,
  path: string,
  {
    method = 'GET',
    headers = {},
    body,
  }: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

async function signIn(port: number, username: string): Promise<Record<string, string>> {
  const answer = await http(port, '/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (answer.status !== 200) throw new Error(`sign-in ${username}: ${answer.status} ${answer.body}`);
  const cookie = ([] as string[])
    .concat(answer.headers['set-cookie'] ?? [])
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie };
}

interface Start {
  healthMs: number;
  pageMs: number;
  signInMs: number;
  cpuMs: number;
  phases: { phase: string; ms: number; cpuMs: number }[];
}

interface Server {
  port: number;
  child: ChildProcess;
  start: Start;
  stop(): Promise<void>;
}

async function startServer(command: string[], env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, command, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      DONDOC_DEMO: 'off',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let log = '';
  child.stdout?.on('data', (c: Buffer) => {
    log += c.toString();
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}: ${log.slice(-2000)}`);
      const ok = await http(port, '/api/health').then(
        (a) => a.status === 200,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const healthMs = performance.now() - started;
    const cpuMs = cpuMsOf(child.pid ?? 0);
    if ((await http(port, '/')).status !== 200) throw new Error('/ did not answer 200');
    const pageMs = performance.now() - started;
    await signIn(port, 'vanphong');
    const signInMs = performance.now() - started;
    const ready = log.split('\n').find((line) => line.includes('"startup"'));
    const phases = ready ? (JSON.parse(ready).startup as Start['phases']) : [];
    return { port, child, start: { healthMs, pageMs, signInMs, cpuMs, phases }, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const ms = (x: number) => x.toFixed(0);

function startRow(label: string, starts: Start[]): string {
  const phaseNames = starts[0]?.phases.map((p) => p.phase) ?? [];
  const phases = phaseNames
    .map((name) => {
      const of = starts.map((s) => s.phases.find((p) => p.phase === name) ?? { ms: 0, cpuMs: 0 });
      return `${name} ${ms(median(of.map((p) => p.ms)))}/${ms(median(of.map((p) => p.cpuMs)))}`;
    })
    .join(', ');
  return `| ${label} | ${ms(median(starts.map((s) => s.healthMs)))} | ${ms(median(starts.map((s) => s.cpuMs)))} | ${ms(median(starts.map((s) => s.pageMs)))} | ${ms(median(starts.map((s) => s.signInMs)))} | ${phases || '—'} |`;
}

const SERVERS = [
  { name: '`npm start` (tsx)', command: ['--import', 'tsx', 'src/server/main.ts'] },
  { name: '`node dist/server/main.js`', command: ['dist/server/main.js'] },
];

async function benchStarts(
  database: string,
  env: Record<string, string>,
  lines: string[],
  keep?: (server: Server) => Promise<void>,
) {
  for (const server of SERVERS) {
    const starts: Start[] = [];
    for (let i = 0; i < runs; i++) {
      const s = await startServer(server.command, env);
      starts.push(s.start);
      if (i === runs - 1 && keep && server === SERVERS[1]) await keep(s);
      await s.stop();
    }
    lines.push(startRow(`${database}, ${server.name}`, starts));
  }
}

/** `time` of one command through bash: wall, user + system CPU, in ms */
function timeCommand(command: string, env: Record<string, string>): { wallMs: number; cpuMs: number } {
  const result = spawnSync('bash', ['-c', `TIMEFORMAT='%R %U %S'; time ( ${command} > /dev/null )`], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });
  const [real, user, sys] = (result.stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number);
  if (result.status !== 0 || real === undefined || Number.isNaN(real))
    throw new Error(`${command}: ${result.stderr}`);
  return { wallMs: real * 1000, cpuMs: ((user ?? 0) + (sys ?? 0)) * 1000 };
}

function benchCli(database: string, env: Record<string, string>, lines: string[]) {
  for (const [label, command] of [
    ['`dondoc status --as-of 2021-02-15`', 'node bin/dondoc.mjs status --as-of 2021-02-15'],
    ['`dondoc --help` (no database)', 'node bin/dondoc.mjs --help'],
  ] as const) {
    if (label.includes('no database') && database !== 'PGlite') continue;
    const times = Array.from({ length: runs }, () => timeCommand(command, env));
    lines.push(
      `| ${database} | ${label} | ${ms(median(times.map((t) => t.wallMs)))} | ${ms(median(times.map((t) => t.cpuMs)))} |`,
    );
  }
}

/**
 * What the browser fetches for the first page (brotli offered). The public's sign-in page: index.html
 * (carrying the session's 401), its scripts and styles. A signed-in agency's first page: index.html
 * asked with its session cookie, which carries the page's first answers (the session, the menu's count,
 * the bell, the inbox lists: src/server/first-page.ts) and preloads the inbox's chunks, fetched in
 * parallel with the entry's; no API request before the list shows.
 */
async function benchTransfer(port: number, lines: string[], plan: string[]) {
  const accept = { 'accept-encoding': 'br, gzip' };
  const assetsOf = (page: string) =>
    [...page.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1] as string);
  const brotliBytesOf = async (files: string[]) => {
    let bytes = 0;
    for (const file of files) bytes += (await http(port, file, { headers: accept })).body.length;
    return bytes;
  };
  // the entry's scripts and styles, as built (every page downloads them)
  const entry = assetsOf(readFileSync(join(ROOT, 'web/dist/index.html'), 'utf8'));
  let rawBytes = 0;
  for (const asset of entry) rawBytes += (await http(port, asset)).body.length;
  const index = await http(port, '/', { headers: accept });
  const html = (await http(port, '/')).body.toString('utf8');
  if (!html.includes('id="dondoc-first-answers"')) throw new Error("no session's 401 in the public's page");
  // the public's: the entry's and the sign-in page's chunks, preloaded
  const assets = assetsOf(html);
  const loginChunks = assets.filter((asset) => !entry.includes(asset));
  const assetBytes = await brotliBytesOf(assets);
  const agency = await signIn(port, 'stp');
  const agencyIndex = await http(port, '/', { headers: { ...accept, ...agency } });
  const agencyHtml = (await http(port, '/', { headers: agency })).body.toString('utf8');
  if (!agencyHtml.includes('id="dondoc-first-answers"'))
    throw new Error("no first answers in the agency's page");
  // the agency's: the entry's and the inbox's chunks, preloaded
  const agencyAssets = assetsOf(agencyHtml);
  const pageChunks = agencyAssets.filter((asset) => !entry.includes(asset));
  const agencyAssetBytes = await brotliBytesOf(agencyAssets);
  const manifest = JSON.parse(readFileSync(join(ROOT, 'web/dist/.vite/manifest.json'), 'utf8')) as Record<
    string,
    { file: string; imports?: string[]; isEntry?: boolean }
  >;
  const closure = (key: string, into: Set<string>) => {
    if (into.has(key)) return;
    into.add(key);
    for (const child of manifest[key]?.imports ?? []) closure(child, into);
  };
  // on a wider screen the list is antd's Table, loaded once the page runs (one more round trip)
  const table = new Set<string>();
  closure('src/pages/inbox/InboxTable.tsx', table);
  let tableChunkBytes = 0;
  for (const key of table) {
    const file = manifest[key] ? `/${manifest[key].file}` : '';
    if (!file || agencyAssets.includes(file)) continue;
    tableChunkBytes += (await http(port, file, { headers: accept })).body.length;
  }
  const kb = (b: number) => (b / 1024).toFixed(1);
  const shell = index.body.length + assetBytes;
  // connection (1 RTT), TLS 1.3 (1 RTT), index.html with the session's 401 (1 RTT), its assets in parallel (1 RTT)
  const shellMs = 4 * PHONE_RTT_MS + shell / PHONE_BYTES_PER_MS;
  const firstPage = agencyIndex.body.length + agencyAssetBytes;
  // connection, TLS, index.html with the first answers, its assets and the inbox's chunks in parallel
  const firstPageMs = 4 * PHONE_RTT_MS + firstPage / PHONE_BYTES_PER_MS;
  // the table's chunks are asked when the page runs: one more round trip
  const wideMs = firstPageMs + PHONE_RTT_MS + tableChunkBytes / PHONE_BYTES_PER_MS;
  lines.push(
    `| sign-in page: index.html with the session's 401 + the entry's ${entry.length} scripts/styles (${kb(rawBytes)} KB uncompressed) + ${loginChunks.length} preloaded chunks of the sign-in page | ${kb(shell)} | ${ms(shellMs)} |`,
    `| an agency's first page (Việc của đơn vị) on a phone: index.html with its first answers (${kb(agencyIndex.body.length)} KB) + the entry's scripts/styles + ${pageChunks.length} preloaded chunks of the inbox | ${kb(firstPage)} | ${ms(firstPageMs)} |`,
    `| the same on a wider screen: + the list's table (InboxTable's chunks, asked when the page runs) | ${kb(firstPage + tableChunkBytes)} | ${ms(wideMs)} |`,
  );
  // the plan page (Kế hoạch → 87/KH-UBND): GET /api/plans/:id as the Office, the seed's 29 tasks
  const office = await signIn(port, 'vanphong');
  const plans = JSON.parse(
    (await http(port, '/api/plans', { headers: office })).body.toString('utf8'),
  ) as unknown;
  const list = (Array.isArray(plans) ? plans : ((plans as { items?: unknown[] }).items ?? [])) as {
    id: number;
    number?: string;
  }[];
  const seed = list.find((p) => p.number === '87/KH-UBND') ?? list[0];
  if (!seed) throw new Error('no plan to measure');
  for (const path of [`/api/plans/${seed.id}`, '/api/leaders']) {
    const raw = (await http(port, path, { headers: office })).body.length;
    const br = (await http(port, path, { headers: { ...office, ...accept } })).body.length;
    plan.push(`| \`GET ${path.replace(String(seed.id), ':id')}\` | ${kb(raw)} | ${kb(br)} |`);
  }
}

if (!args.includes('--no-build') || !existsSync(join(ROOT, 'dist/server/main.js'))) {
  const { buildServer } = await import('../scripts/build.ts');
  const { ensureWebBuild } = await import('../scripts/ensure-web-build.ts');
  buildServer(undefined, { typeCheck: false });
  ensureWebBuild({ quiet: true });
}

const load = loadavg()[0]?.toFixed(1);
const pgBase = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (args.includes('--transfer-only')) {
  // the transfer and JSON tables alone: one start of the compiled server on PostgreSQL with the demo
  if (!pgBase) throw new Error('--transfer-only needs TEST_DATABASE_URL (or BENCH_DATABASE_URL)');
  const transfer: string[] = [];
  const plan: string[] = [];
  await withScratchPostgres(pgBase, process.env.BENCH_DB_PREFIX ?? 'dondoc_bench_startup', async (url) => {
    const server = await startServer(['dist/server/main.js'], { DATABASE_URL: url, DONDOC_DEMO: 'on' });
    try {
      await benchTransfer(server.port, transfer, plan);
    } finally {
      await server.stop();
    }
  });
  console.log(
    `| what | KB on the wire | ms at 1.6 Mbit/s |\n|---|---:|---:|\n${transfer.join('\n')}\n\n| request | KB | KB brotli |\n|---|---:|---:|\n${plan.join('\n')}`,
  );
  process.exit(0);
}
const starts: string[] = [];
const cli: string[] = [];
const transfer: string[] = [];
const plan: string[] = [];

// PGlite: a folder with the demo, loaded by a first start (its migrations and demo timed apart)
const dataDir = mkdtempSync(join(tmpdir(), 'dondoc-bench-startup-'));
try {
  const env = { DONDOC_DATA_DIR: dataDir };
  const first = await startServer(['dist/server/main.js'], { ...env, DONDOC_DEMO: 'on' });
  await first.stop();
  starts.push(startRow('PGlite, first start (migrations + demo), compiled', [first.start]));
  // the CLI while the compiled server holds the folder: sent to it over dondoc.sock (src/cli/cli-socket.ts)
  await benchStarts('PGlite with the demo', env, starts, async () =>
    benchCli('PGlite, the server running', env, cli),
  );
  benchCli('PGlite', env, cli);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
if (pgBase) {
  await withScratchPostgres(pgBase, process.env.BENCH_DB_PREFIX ?? 'dondoc_bench_startup', async (url) => {
    const env = { DATABASE_URL: url };
    const first = await startServer(['dist/server/main.js'], { ...env, DONDOC_DEMO: 'on' });
    await first.stop();
    await benchStarts('PostgreSQL with the demo', env, starts, (server) =>
      benchTransfer(server.port, transfer, plan),
    );
    benchCli('PostgreSQL', env, cli);
  });
}

const section = `## Issue #18: start-up, CLI, transfer

Measured by \`node --import tsx bench/startup.ts --runs ${runs}\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC,
Node ${process.version}, ${process.platform}/${process.arch}, load average ${load} at the start (a shared machine: the
wall-clock figures grow with other processes' load, the CPU figures much less). Medians of ${runs}.

**Start-up** (goal: ready ≤ 5 s on PGlite with the demo loaded, ≤ 2 s on PostgreSQL). Ready = the first
200 of \`/api/health\`; CPU = the server process's user + system time at that moment; page = the first 200
of \`/\` after it; sign-in = the first \`POST /api/auth/login\` answered (the catch-up sweep already running).
Phases: wall/CPU ms as the server logs them ("ready in …").

| database, server | ready ms | CPU ms | page ms | sign-in ms | phases (wall/CPU ms) |
|---|---:|---:|---:|---:|---|
${starts.join('\n')}

**The CLI** (goal ≤ 1 s), through \`bin/dondoc.mjs\`:

| database | command | wall ms | CPU ms |
|---|---|---:|---:|
${cli.join('\n')}

**Transfer** (goal: the first page ≤ 2 s at 1.6 Mbit/s): bytes as served with \`Accept-Encoding: br, gzip\`;
time = bytes at 1.6 Mbit/s + one round trip of ${PHONE_RTT_MS} ms for the connection, one for TLS, one for
index.html, one for its assets (fetched in parallel); index.html carries the session (the public: its 401),
and a signed-in agency's the page's lists too, and preloads the page's chunks with the assets
(src/server/first-page.ts); TCP slow start not modelled.

| what | KB on the wire | ms at 1.6 Mbit/s |
|---|---:|---:|
${transfer.join('\n') || '| (needs PostgreSQL) | | |'}

**The plan page's JSON** (goal ≤ 50 KB for the seed's 29 tasks):

| request | KB | KB brotli |
|---|---:|---:|
${plan.join('\n') || '| (needs PostgreSQL) | | |'}
`;
console.log(section);
if (write) writeBenchSection('startup', section);
