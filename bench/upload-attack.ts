/**
 * Uploads under attack (issue #16): /api/health and the work list under load while hostile uploads
 * are parsed. Loopback only, about 60 s, stops by itself; writes its section of docs/benchmarks.md.
 *   node --import tsx bench/upload-attack.ts        (also the last part of `npm run bench`)
 * Three processes, so the load generators do not share the server's event loop: the server (this
 * file with --serve: PGlite in memory, the demo, default limits: one parsing thread), autocannon
 * (bench/scale/cannon.ts) on /api/health and on the work list, and this process sending the uploads
 * one after the other per kind, as fast as they are answered. Phases of 15 s each:
 * 1. no uploads (the floor);
 * 2. the attacks of the issue: the .docx inflating to 1 GB (declared and lying), the 10,000-page
 *    PDF, the 100,000-row .xlsx and .csv to the plan preview, the 100,000-row .xlsx to the indices
 *    import as the Office and as an agency that may not write;
 * 3. the largest documents the default limits let through (500 pages, 4,999 table rows in .docx,
 *    .xlsx and .csv), read in full and previewed against the directory.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { DEMO_PASSWORD } from '../src/modules/demo/demo.service.ts';
import { multipartBody } from '../test/matrix/plans.matrix.ts';
import {
  csvWithRows,
  docxBomb,
  docxWithRows,
  indexResultRow,
  pdfWithPages,
  xlsxWithRows,
} from '../test/support/hostile-files.ts';
import { writeBenchSection } from './doc-section.ts';
import type { CannonResult, CannonSpec } from './scale/cannon.ts';

const PHASE_SECONDS = Number(process.env.BENCH_UPLOAD_PHASE_SECONDS ?? 15);
const AS_OF = '2021-06-30';

async function serve(): Promise<void> {
  const { openDatabase } = await import('../src/db/database.ts');
  const { migrateToLatest } = await import('../src/db/migrate.ts');
  const { loadDemo } = await import('../src/modules/demo/demo.service.ts');
  const { buildApp } = await import('../src/server/app.ts');
  const database = await openDatabase({ kind: 'pglite' });
  await migrateToLatest(database.db as never);
  await loadDemo(database.db, { users: true });
  const app = await buildApp({
    db: database.db,
    databaseKind: database.kind,
    http: { filesDir: mkdtempSync(join(tmpdir(), 'dondoc-bench-files-')), loginAttemptsPerIp: 1_000_000 },
    web: false,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  console.log(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 }));
  // per phase: how long the event loop was held (delay of a 10 ms timer) and how busy it was
  const delay = monitorEventLoopDelay({ resolution: 10 });
  let busy = performance.eventLoopUtilization();
  createInterface({ input: process.stdin }).on('line', (line) => {
    if (line === 'start') {
      delay.reset();
      delay.enable();
      busy = performance.eventLoopUtilization();
    } else if (line === 'stop') {
      delay.disable();
      const ms = (ns: number) => Math.round(ns / 1e4) / 100;
      const utilization = Math.round(performance.eventLoopUtilization(busy).utilization * 100) / 100;
      console.log(
        JSON.stringify({
          p50: ms(delay.percentile(50)),
          p99: ms(delay.percentile(99)),
          max: ms(delay.max),
          utilization,
        }),
      );
    }
  });
  process.stdin.on('end', async () => {
    await app.close();
    await database.close();
    process.exit(0);
  });
}

function cannon(spec: CannonSpec): Promise<CannonResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', new URL('./scale/cannon.ts', import.meta.url).pathname],
      {
        stdio: ['pipe', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '{}'))
        : reject(new Error(`cannon exited ${code}`)),
    );
    child.stdin.end(JSON.stringify(spec));
  });
}

async function signIn(base: string, username: string): Promise<Record<string, string>> {
  const reply = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const cookie = reply.headers
    .getSetCookie()
    .find((c) => c.startsWith('dondoc_session='))
    ?.split(';')[0];
  if (!reply.ok || !cookie) throw new Error(`sign-in of ${username}: ${reply.status}`);
  return { cookie, 'x-csrf-token': ((await reply.json()) as { csrfToken: string }).csrfToken };
}

interface Upload {
  label: string;
  path: string;
  fileName: string;
  bytes: Uint8Array;
  as: 'office' | 'agency';
}

/** Sends each upload again as soon as it is answered, until `until`; counts the answers by status. */
async function uploadLoop(
  base: string,
  headers: Record<'office' | 'agency', Record<string, string>>,
  upload: Upload,
  until: number,
) {
  const form = multipartBody({ fileName: upload.fileName, content: upload.bytes });
  const statuses: Record<string, number> = {};
  const times: number[] = [];
  while (Date.now() < until) {
    const start = performance.now();
    const reply = await fetch(`${base}${upload.path}`, {
      method: 'POST',
      headers: { ...headers[upload.as], ...form.headers },
      body: form.payload,
    });
    const body = (await reply.json()) as { error?: { code: string } };
    times.push(performance.now() - start);
    const key = `${reply.status}${body.error ? ` ${body.error.code}` : ''}`;
    statuses[key] = (statuses[key] ?? 0) + 1;
  }
  times.sort((a, b) => a - b);
  return {
    label: upload.label,
    statuses,
    answered: times.length,
    p50: times[Math.floor(times.length / 2)] ?? Number.NaN,
  };
}

async function main(): Promise<void> {
  const server = spawn(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, '--serve'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const serverLines = createInterface({ input: server.stdout });
  const nextLine = () => new Promise<string>((resolve) => serverLines.once('line', resolve));
  const firstLine = await nextLine();
  const base = `http://127.0.0.1:${(JSON.parse(firstLine) as { port: number }).port}`;
  const headers = { office: await signIn(base, 'vanphong'), agency: await signIn(base, 'stp') };
  const attacks: Upload[] = [
    {
      label: '.docx inflating to 1 GB (1.6 MB)',
      path: '/api/plans/import/preview',
      fileName: 'bom.docx',
      bytes: docxBomb().bytes,
      as: 'office',
    },
    {
      label: '.docx inflating to 1 GB, declaring 1 MB',
      path: '/api/plans/import/preview',
      fileName: 'bom-2.docx',
      bytes: docxBomb({ declared: 'lying' }).bytes,
      as: 'office',
    },
    {
      label: '10,000-page PDF',
      path: '/api/plans/import/preview',
      fileName: 'ke-hoach.pdf',
      bytes: pdfWithPages(10_000),
      as: 'office',
    },
    {
      label: '100,000-row .xlsx (plan)',
      path: '/api/plans/import/preview',
      fileName: 'phu-luc.xlsx',
      bytes: xlsxWithRows(100_000),
      as: 'office',
    },
    {
      label: '100,000-row .csv (plan)',
      path: '/api/plans/import/preview',
      fileName: 'phu-luc.csv',
      bytes: csvWithRows(100_000, (i) => [i, 'x']),
      as: 'office',
    },
    {
      label: '100,000-row .xlsx (indices, Office)',
      path: '/api/indices/import',
      fileName: 'ket-qua.xlsx',
      bytes: xlsxWithRows(100_000, indexResultRow),
      as: 'office',
    },
    {
      label: '100,000-row .xlsx (indices, agency without the right)',
      path: '/api/indices/import',
      fileName: 'ket-qua.xlsx',
      bytes: xlsxWithRows(100_000, indexResultRow),
      as: 'agency',
    },
  ];
  const largest: Upload[] = [
    {
      label: '500-page PDF',
      path: '/api/plans/import/preview',
      fileName: 'ke-hoach.pdf',
      bytes: pdfWithPages(500),
      as: 'office',
    },
    {
      label: '.docx, 4,999 table rows',
      path: '/api/plans/import/preview',
      fileName: 'ke-hoach.docx',
      bytes: docxWithRows(4_998),
      as: 'office',
    },
    {
      label: '.xlsx, 4,999 rows',
      path: '/api/plans/import/preview',
      fileName: 'phu-luc.xlsx',
      bytes: xlsxWithRows(4_999),
      as: 'office',
    },
    {
      label: '.csv, 4,999 rows',
      path: '/api/plans/import/preview',
      fileName: 'phu-luc.csv',
      bytes: csvWithRows(4_999),
      as: 'office',
    },
  ];
  const phases: { name: string; uploads: Upload[] }[] = [
    { name: 'no uploads', uploads: [] },
    { name: 'the attacks of the issue', uploads: attacks },
    { name: 'the largest documents within the limits', uploads: largest },
  ];
  const rows: string[] = [];
  const answers: string[] = [];
  const loadBefore = loadavg()[0]?.toFixed(1);
  for (const phase of phases) {
    server.stdin.write('start\n');
    const until = Date.now() + PHASE_SECONDS * 1000;
    const load = (path: string, extra: Record<string, string> = {}) =>
      cannon({ mode: 'get', base, path, headers: extra, connections: 2, seconds: PHASE_SECONDS });
    const [health, work, ...uploads] = await Promise.all([
      load('/api/health'),
      load(`/api/assignments?asOf=${AS_OF}&pageSize=50`, headers.office),
      ...phase.uploads.map((upload) => uploadLoop(base, headers, upload, until)),
    ]);
    if (!health || !work) throw new Error('no load result');
    const answer = nextLine();
    server.stdin.write('stop\n');
    const loop = JSON.parse(await answer) as { p50: number; p99: number; max: number; utilization: number };
    rows.push(
      `| ${phase.name} | ${health.p50} | ${health.p99} | ${health.max} | ${health.perSecond} | ${work.p50} | ${work.p99} | ${work.perSecond} | ${loop.p99} | ${loop.max} | ${loop.utilization} | ${uploads.reduce((n, u) => n + u.answered, 0)} |`,
    );
    for (const u of uploads) {
      const statuses = Object.entries(u.statuses)
        .map(([status, n]) => `${n} × ${status}`)
        .join(', ');
      answers.push(`| ${phase.name} | ${u.label} | ${statuses} | ${u.p50.toFixed(0)} |`);
    }
  }
  server.stdin.end();
  const table = [
    '| phase | /api/health p50 ms | p99 ms | max ms | per second | work list p50 ms | p99 ms | per second | event loop held p99 ms | max ms | loop busy | uploads answered |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
  const answerTable = ['| phase | upload | answers | p50 ms |', '|---|---|---|---:|', ...answers].join('\n');
  writeBenchSection(
    'uploads',
    `## Uploads under attack (issue #16)

\`node --import tsx bench/upload-attack.ts\` (bench/upload-attack.ts; also run by \`npm run bench\`) on
${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${process.platform}/${process.arch}, ${availableParallelism()} cores
shared by the server, its one parsing thread, two autocannon processes (2 connections each: \`GET /api/health\`
and the Office's work list \`GET /api/assignments?asOf=${AS_OF}&pageSize=50\`) and the uploading process;
PGlite in memory with the demo; default limits. ${PHASE_SECONDS} s per phase, loopback only; the machine's load
average (1 min) was ${loadBefore} before the run (other work on the same cores counts in every figure). "Event loop held":
the server's own delay of a timer (monitorEventLoopDelay) — how long anything kept its event loop from
answering; "loop busy": its event-loop utilization; the rest of a response time is waiting for a CPU
(two cores for five busy processes) and for the database (PGlite answers one query at a time).

${table}

What each upload got (sent again as soon as answered, one at a time per kind):

${answerTable}

Before the fix (the issue): the 100,000-row .xlsx held /api/health 15–35 s, the 1 GB .docx took 2.3 GB RSS,
the 10,000-page PDF 102 s. Limits and settings: docs/security.md.
`,
  );
  console.log(table);
  console.log(answerTable);
}

if (process.argv.includes('--serve')) await serve();
else await main();
