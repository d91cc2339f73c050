import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { freePort } from '../test/support/net.ts';
import { withScratchPostgres } from './scratch-postgres.ts';

/**
 * Issue #18 goal 5 in a real browser: an agency's first page on a phone at 1.6 Mbit/s (docs/benchmarks.md,
 * "Goal 5 in a browser"). Debian's chromium (CHROMIUM_PATH or /usr/bin/chromium; never downloaded) on a
 * 360 × 740 viewport, the link throttled by CDP's Network.emulateNetworkConditions (150 ms latency,
 * 200,000 bytes/s down and up) and its cache off (every run a first visit); the compiled server
 * (`node dist/server/main.js`, built first unless --no-build) on a scratch PostgreSQL database with the
 * demo (BENCH_DATABASE_URL or TEST_DATABASE_URL; BENCH_DB_PREFIX names it). Each run: a fresh context,
 * signed in as `stp` through the API (its session cookie), then the clock runs from the navigation to `/`
 * until the inbox's list (its first card, or its empty state) is shown.
 * Prints one table row: median (min–max) ms, the page's main-thread busy time (CDP's TaskDuration), requests,
 * KB received (CDP's encoded lengths), load average.
 *   node --import tsx bench/phone-first-page.ts [--runs 5] [--no-build] [--path /] [--no-throttle]
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name: string, fallback: string) =>
  args.includes(name) ? (args[args.indexOf(name) + 1] ?? fallback) : fallback;
const runs = Number(option('--runs', '5'));
const path = option('--path', '/');
/** --no-throttle: the same loads on the bare loopback, to tell the browser's and server's own time at this load */
const throttle = !args.includes('--no-throttle');
const PASSWORD = 'dondoc-87-KH-2021';
/** 1.6 Mbit/s in bytes per second, and the round trip of the phone's link (bench/startup.ts's model) */
const BYTES_PER_SECOND = 1_600_000 / 8;
const LATENCY_MS = 150;

const pgBase = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!pgBase) throw new Error('set TEST_DATABASE_URL (or BENCH_DATABASE_URL): the bench runs on PostgreSQL');

if (!args.includes('--no-build') || !existsSync(join(ROOT, 'dist/server/main.js'))) {
  const { buildServer } = await import('../scripts/build.ts');
  const { ensureWebBuild } = await import('../scripts/ensure-web-build.ts');
  buildServer(undefined, { typeCheck: false });
  ensureWebBuild({ quiet: true });
}

async function startServer(
  env: Record<string, string>,
): Promise<{ port: number; stop: () => Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['dist/server/main.js'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { port, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error('server not ready in 180 s');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

interface Run {
  ms: number;
  taskMs: number;
  requests: number;
  apiRequests: number;
  kb: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const load = loadavg()[0]?.toFixed(1);
const results = await withScratchPostgres(
  pgBase,
  process.env.BENCH_DB_PREFIX ?? 'dondoc_bench_phone',
  async (url) => {
    const server = await startServer({ DATABASE_URL: url, DONDOC_DEMO: 'on' });
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-dev-shm-usage'],
    });
    try {
      const done: Run[] = [];
      // one run unmeasured first: the server's first answers (its caches, the JIT) are not the phone's
      for (let i = 0; i <= runs; i++) {
        const context = await browser.newContext({
          baseURL: `http://127.0.0.1:${server.port}`,
          viewport: { width: 360, height: 740 },
          deviceScaleFactor: 1,
          isMobile: true,
          hasTouch: true,
          locale: 'vi-VN',
          timezoneId: 'Asia/Ho_Chi_Minh',
        });
        const login = await context.request.post('/api/auth/login', {
          data: { username: 'stp', password: PASSWORD },
        });
        if (login.status() !== 200) throw new Error(`sign-in failed: ${login.status()}`);
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Performance.enable');
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        await cdp.send('Network.emulateNetworkConditions', {
          offline: false,
          latency: LATENCY_MS,
          downloadThroughput: BYTES_PER_SECOND,
          uploadThroughput: BYTES_PER_SECOND,
        });
        let bytes = 0;
        const urls: string[] = [];
        cdp.on('Network.requestWillBeSent', (event) => urls.push(event.request.url));
        cdp.on('Network.loadingFinished', (event) => {
          bytes += event.encodedDataLength;
        });
        const started = performance.now();
        await page.goto(path, { waitUntil: 'commit' });
        await page
          .locator('main .dd-item, main .ant-empty')
          .first()
          .waitFor({ state: 'visible', timeout: 60_000 });
        const ms = performance.now() - started;
        // the main thread's busy time of the page (CDP's TaskDuration): what a busy machine stretches
        const { metrics } = await cdp.send('Performance.getMetrics');
        const taskMs = (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
        if (i > 0) {
          const apiRequests = urls.filter((u) => u.includes('/api/')).length;
          done.push({ ms, taskMs, requests: urls.length, apiRequests, kb: bytes / 1024 });
          console.error(
            `run ${i}: ${ms.toFixed(0)} ms (main thread busy ${taskMs.toFixed(0)} ms), ${urls.length} requests (${apiRequests} to /api), ${(bytes / 1024).toFixed(1)} KB`,
          );
          if (i === 1) console.error(urls.map((u) => `  ${u.replace(/^https?:\/\/[^/]+/, '')}`).join('\n'));
        }
        await context.close();
      }
      return done;
    } finally {
      await browser.close();
      await server.stop();
    }
  },
);

console.log(
  `| ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC | ${path}${throttle ? '' : ' (not throttled)'} | ${median(results.map((r) => r.ms)).toFixed(0)} (${Math.min(...results.map((r) => r.ms)).toFixed(0)}–${Math.max(...results.map((r) => r.ms)).toFixed(0)}) | ${median(results.map((r) => r.taskMs)).toFixed(0)} | ${median(results.map((r) => r.requests))} (${median(results.map((r) => r.apiRequests))} API) | ${median(results.map((r) => r.kb)).toFixed(1)} | ${load} |`,
);
