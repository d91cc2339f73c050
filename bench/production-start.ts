import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '../test/support/net.ts';

/**
 * Cold start to ready and idle memory of the compiled server (issue #15, docs/benchmarks.md):
 * `node dist/server/main.js` in a production tree (`--app DIR`: dist/, web/dist, package.json and
 * `npm ci --omit=dev` node_modules, as the Dockerfile lays them out), on an empty database (the first
 * start runs every migration) and again on the same one, on PGlite and, with DATABASE_URL_ADMIN, on a
 * scratch PostgreSQL database. Ready = the first 200 from /api/health; RSS after 10 s idle.
 *   node --import tsx bench/production-start.ts --app /tmp/prodtree [--runs 3]
 */
const args = process.argv.slice(2);
const app = args[args.indexOf('--app') + 1] ?? '';
const runs = Number(args.includes('--runs') ? args[args.indexOf('--runs') + 1] : 3);
if (!app) throw new Error('--app DIR: a production tree');

async function startOnce(env: Record<string, string>): Promise<{ readyMs: number; rssMb: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/server/main.js'], {
    cwd: app,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`exited ${child.exitCode}`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) break;
      } catch {
        // not yet
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    const readyMs = performance.now() - started;
    await new Promise((r) => setTimeout(r, 10_000));
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return { readyMs, rssMb: rssKb / 1024 };
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function measure(
  label: string,
  fresh: () => Promise<{ env: Record<string, string>; drop: () => Promise<void> }>,
) {
  const first: { readyMs: number; rssMb: number }[] = [];
  const again: { readyMs: number; rssMb: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const target = await fresh();
    try {
      first.push(await startOnce(target.env));
      again.push(await startOnce(target.env));
    } finally {
      await target.drop();
    }
  }
  const row = (name: string, xs: typeof first) =>
    `| ${label} | ${name} | ${median(xs.map((x) => x.readyMs)).toFixed(0)} | ${median(xs.map((x) => x.rssMb)).toFixed(0)} |`;
  console.log(row('empty database (migrations)', first));
  console.log(row('existing database', again));
}

console.log(
  `node ${process.version}, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}, median of ${runs}`,
);
console.log('| database | start | ready (ms) | RSS idle (MB) |\n|---|---|---|---|');
await measure('PGlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dondoc-start-'));
  return {
    env: { DONDOC_DATA_DIR: join(dir, 'data') },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
});
const admin = process.env.DATABASE_URL_ADMIN;
if (admin) {
  await measure('PostgreSQL', async () => {
    const name = `dondoc_start_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`create database ${name}`);
    await client.end();
    const url = new URL(admin);
    url.pathname = `/${name}`;
    const dir = mkdtempSync(join(tmpdir(), 'dondoc-start-'));
    return {
      env: { DATABASE_URL: url.toString(), DONDOC_DATA_DIR: dir },
      drop: async () => {
        const c = new pg.Client({ connectionString: admin });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  });
}
console.log(
  `load average after: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
