/**
 * Scans read by OCR (issue #13): how long one page takes, and whether the server stays responsive
 * while it reads one. Writes its section of docs/benchmarks.md.
 *   node --import tsx bench/ocr.ts        (also run by `npm run bench`; BENCH_OCR=off skips it)
 * 1. In this process: readPlanFile on the one-page scan fixture (test/fixtures/import/real-scan.pdf:
 *    a ruled table plan at 200 dpi, tilted, specks) and on page 3 of the printed seed scanned at
 *    200 dpi (ocr-test-scans.ts), a few runs each. Goal: ≤ 10 s a page on this 2-core machine.
 * 2. Over HTTP: the server of bench/upload-attack.ts (--serve: PGlite, the demo, default limits, one
 *    parsing thread) answers GET /api/health one request after another for PHASE seconds with nothing
 *    else to do, then for PHASE seconds while the Office previews the scan again and again.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { DEMO_PASSWORD } from '../src/modules/demo/demo.service.ts';
import { readPlanFile } from '../src/modules/import/read-plan-file.ts';
import { PRINTED_PLAN, scanOfPdf } from '../src/modules/import/readers/ocr-test-scans.ts';
import { multipartBody } from '../test/matrix/plans.matrix.ts';
import { writeBenchSection } from './doc-section.ts';

const PHASE_SECONDS = Number(process.env.BENCH_OCR_PHASE_SECONDS ?? 30);
const RUNS = Number(process.env.BENCH_OCR_RUNS ?? 3);
const SCAN = new Uint8Array(readFileSync(new URL('../test/fixtures/import/real-scan.pdf', import.meta.url)));

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;

async function pageTimes(label: string, bytes: Uint8Array) {
  const samples: number[] = [];
  let tasks = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    tasks = (await readPlanFile({ fileName: 'ban-quet.pdf', bytes })).tasks.length;
    samples.push(performance.now() - start);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const s = (ms: number) => (ms / 1000).toFixed(1);
  return `| ${label} | ${tasks} | ${RUNS} | ${s(samples[0] ?? 0)} | ${s(quantile(sorted, 0.5))} | ${s(sorted.at(-1) ?? 0)} |`;
}

async function signIn(base: string): Promise<Record<string, string>> {
  const reply = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'vanphong', password: DEMO_PASSWORD }),
  });
  const cookie = reply.headers
    .getSetCookie()
    .find((c) => c.startsWith('dondoc_session='))
    ?.split(';')[0];
  if (!reply.ok || !cookie) throw new Error(`sign-in: ${reply.status}`);
  return { cookie, 'x-csrf-token': ((await reply.json()) as { csrfToken: string }).csrfToken };
}

/** GET /api/health one after another (20 ms apart) until `until`: latencies in ms. */
async function healthLoop(base: string, until: number): Promise<number[]> {
  const times: number[] = [];
  while (Date.now() < until) {
    const start = performance.now();
    const reply = await fetch(`${base}/api/health`);
    await reply.arrayBuffer();
    times.push(performance.now() - start);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return times.sort((a, b) => a - b);
}

/** Previews of the scan one after another until `until`: each answer's status and time. */
async function ocrLoop(base: string, headers: Record<string, string>, until: number) {
  const form = multipartBody({ fileName: 'ban-quet.pdf', content: SCAN });
  const answers: Array<{ status: string; ms: number }> = [];
  while (Date.now() < until) {
    const start = performance.now();
    const reply = await fetch(`${base}/api/plans/import/preview`, {
      method: 'POST',
      headers: { ...headers, ...form.headers },
      body: form.payload,
    });
    const body = (await reply.json()) as { error?: { code: string }; tasks?: unknown[] };
    answers.push({
      status: `${reply.status}${body.error ? ` ${body.error.code}` : ''}`,
      ms: performance.now() - start,
    });
  }
  return answers;
}

async function responsiveness(): Promise<string[]> {
  const server = spawn(
    process.execPath,
    ['--import', 'tsx', new URL('./upload-attack.ts', import.meta.url).pathname, '--serve'],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: server.stdout });
  const first = await new Promise<string>((resolve) => lines.once('line', resolve));
  const base = `http://127.0.0.1:${(JSON.parse(first) as { port: number }).port}`;
  try {
    const headers = await signIn(base);
    const row = (phase: string, times: number[], ocr: string) =>
      `| ${phase} | ${times.length} | ${quantile(times, 0.5).toFixed(1)} | ${quantile(times, 0.99).toFixed(1)} | ${(times.at(-1) ?? 0).toFixed(1)} | ${ocr} |`;
    const idle = await healthLoop(base, Date.now() + PHASE_SECONDS * 1000);
    const until = Date.now() + PHASE_SECONDS * 1000;
    const [busy, answers] = await Promise.all([healthLoop(base, until), ocrLoop(base, headers, until)]);
    const statuses = [...new Set(answers.map((a) => a.status))]
      .map((s) => `${answers.filter((a) => a.status === s).length} × ${s}`)
      .join(', ');
    const seconds = answers.map((a) => (a.ms / 1000).toFixed(1)).join(', ');
    return [
      row('nothing else', idle, '—'),
      row('OCR of the scan, again and again', busy, `${statuses}; ${seconds} s each`),
    ];
  } finally {
    server.stdin.end();
  }
}

const load = loadavg()[0]?.toFixed(2);
const pages = [
  await pageTimes('real-scan.pdf (fixture: ruled table, 200 dpi, tilted 0.7°, specks)', SCAN),
  await pageTimes(
    'seed plan page 3 scanned at 200 dpi (6 table rows)',
    await scanOfPdf(readFileSync(PRINTED_PLAN), [3]),
  ),
];
const http = await responsiveness();
const pageTable = [
  '| scan (one page) | tasks | runs | first s | p50 s | max s |',
  '|---|---:|---:|---:|---:|---:|',
  ...pages,
].join('\n');
const httpTable = [
  '| phase | /api/health requests | p50 ms | p99 ms | max ms | OCR previews answered |',
  '|---|---:|---:|---:|---:|---|',
  ...http,
].join('\n');
writeBenchSection(
  'ocr',
  `## OCR

\`node --import tsx bench/ocr.ts\` (bench/ocr.ts; also run by \`npm run bench\`) on ${new Date().toISOString().slice(0, 10)},
Node ${process.version}, ${process.platform}/${process.arch}, ${availableParallelism()} cores; load average (1 min) ${load} before the run
(other work on the same cores counts in every figure). Debian's tesseract 5 (\`-l vie\`, one thread) and
pdftoppm, 300 dpi; a page is rendered, its rules and dust whitened, then read in up to three looks
(src/modules/import/readers/ocr-reader.ts). Goal of issue #13: one page ≤ 10 s on this 2-core machine.

${pageTable}

The server stays responsive during OCR: the parse runs in the parsing pool's worker thread and
tesseract/pdftoppm in child processes at nice 10; /api/health asked one request after another
(20 ms apart), ${PHASE_SECONDS} s per phase, the server of bench/upload-attack.ts (PGlite, the demo, one parsing thread):

${httpTable}
`,
);
console.log(pageTable);
console.log(httpTable);
