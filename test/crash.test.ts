import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { openDatabase } from '../src/db/database.ts';
import type { DB } from '../src/db/schema.ts';
import { pgliteFolderFromTemplate, postgresScratch } from './support/cli.ts';
import { backendNames } from './support/databases.ts';
import { DEMO_PASSWORD } from './support/http.ts';
import { freePort } from './support/net.ts';
import { serverBuild } from './support/server-build.ts';

/**
 * kill -9 of the server in the middle of a large import or a result submission, then a restart:
 * the plan is all there or not at all; the result is recorded or not, never half.
 */
const ROOT = new URL('..', import.meta.url).pathname;
const seed = readFileSync(
  new URL('../src/modules/demo/seed/ke-hoach-87-KH-UBND-2021-tay-ninh.txt', import.meta.url),
  'utf8',
);
const ROWS = 300;

/** The seed's header with a 300-row appendix of group-led tasks (≈ 8,700 assignments). */
function largePlan(number: string): string {
  const head = seed.slice(0, seed.indexOf('STT\t')).replace('87/KH-UBND', number);
  const rows = Array.from(
    { length: ROWS },
    (_, i) =>
      `${i + 1}\tNhiệm vụ thử nghiệm số ${i + 1} về cải cách hành chính\tCác sở, ban, ngành tỉnh và UBND cấp huyện\tVăn phòng UBND tỉnh\tTrước ngày ${(i % 28) + 1}/6/2021.\t`,
  );
  return `${head}STT\tNội dung công việc\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\tGhi chú\nI Nhiệm vụ\t\t\t\t\t\n${rows.join('\n')}\n`;
}

function multipart(fileName: string, content: string) {
  const boundary = `----dondoc${Date.now()}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/plain\r\n\r\n`,
    ),
    Buffer.from(content, 'utf8'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * The run's build of these sources (test/support/server-build.ts): a start is ≈ 1 CPU-s, not ≈ 3.7
 * under tsx. Waited for in a hook of its own, so that the tests' bound is their own work's.
 */
let build = '';
beforeAll(async () => {
  build = await serverBuild();
});

async function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(build, 'dist/server/main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      DONDOC_DEMO: 'on',
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const base = `http://127.0.0.1:${port}`;
  // up to 90 s: a loaded machine opens an embedded database slowly (the data dir is replayed after a kill)
  for (let i = 0; i < 360; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { child, base };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not start');
}

async function signInHttp(base: string, username: string) {
  const reply = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const cookie = (reply.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await reply.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

async function killHard(child: ChildProcess) {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

async function countPlan(db: Kysely<DB>, number: string) {
  const plan = await db.selectFrom('plan').select('id').where('number', '=', number).executeTakeFirst();
  if (!plan) return null;
  const tasks = await db
    .selectFrom('task')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('plan_id', '=', plan.id)
    .executeTakeFirstOrThrow();
  const assignments = await db
    .selectFrom('assignment as a')
    .innerJoin('task as t', 't.id', 'a.task_id')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('t.plan_id', '=', plan.id)
    .executeTakeFirstOrThrow();
  const source = await db
    .selectFrom('plan_source')
    .select('id')
    .where('plan_id', '=', plan.id)
    .executeTakeFirst();
  return { tasks: Number(tasks.n), assignments: Number(assignments.n), source: source !== undefined };
}

// the two databases at once: each test waits on its own servers (child processes), so together they
// take the time of the longer one instead of the sum
describe.concurrent('kill -9 during writes', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  for (const backend of backendNames()) {
    it(`leaves each import whole or absent, and the server restarts on the same data [${backend}]`, async ({
      expect,
    }) => {
      let env: NodeJS.ProcessEnv;
      let open: () => Promise<{ db: Kysely<DB>; close: () => Promise<void> }>;
      if (backend === 'postgres') {
        // the run's migrated template: the servers' first start loads the demo and serves, migrating nothing
        const scratch = await postgresScratch(true);
        cleanups.push(scratch.drop);
        env = { DATABASE_URL: scratch.url };
        open = () => openDatabase({ kind: 'postgres', url: scratch.url, poolSize: 2 });
      } else {
        const dir = mkdtempSync(join(tmpdir(), 'dondoc-crash-'));
        cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
        await pgliteFolderFromTemplate(join(dir, 'data'), 'migrated');
        env = { DONDOC_DATA_DIR: join(dir, 'data') };
        open = () => openDatabase({ kind: 'pglite', dataDir: join(dir, 'data') });
      }
      const outcomes: string[] = [];
      let complete: { tasks: number; assignments: number } | null = null;
      let fullMs = 0;
      // round 0 runs to the end and measures the import; the others are killed at a fraction of it
      for (const [round, fraction] of [1, 0.4, 0.9].entries()) {
        const number = `${900 + round}/KH-UBND`;
        const server = await startServer(env);
        const { cookie, csrfToken } = await signInHttp(server.base, 'vanphong');
        const { body, contentType } = multipart(`ke-hoach-${round}.txt`, largePlan(number));
        const started = Date.now();
        const request = fetch(`${server.base}/api/plans/import`, {
          method: 'POST',
          headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': contentType },
          body,
        }).then(
          (r) => r.status,
          () => 'killed',
        );
        if (round > 0) {
          await new Promise((r) => setTimeout(r, Math.round(fullMs * fraction)));
          await killHard(server.child);
        }
        const status = await request;
        if (round === 0) {
          fullMs = Date.now() - started;
          await killHard(server.child);
        }
        const database = await open();
        const found = await countPlan(database.db, number);
        await database.close();
        outcomes.push(
          `${Math.round(fullMs * fraction)} ms: ${status} → ${found ? `${found.tasks} tasks` : 'absent'}`,
        );
        if (found) {
          expect(found.tasks).toBe(ROWS);
          expect(found.source).toBe(true);
          if (complete) expect(found.assignments).toBe(complete.assignments);
          complete ??= found;
        }
        if (status === 201) expect(found).not.toBeNull();
      }
      // the first round was not killed: it must have completed
      expect(complete?.tasks).toBe(ROWS);
      // after all the kills the server still starts and answers on the same data
      const server = await startServer(env);
      const { cookie } = await signInHttp(server.base, 'vanphong');
      const status = await fetch(`${server.base}/api/status?asOf=2021-02-15&plan=87/KH-UBND`, {
        headers: { cookie },
      });
      expect(((await status.json()) as { totals: { open_overdue: number } }).totals.open_overdue).toBe(68);
      await killHard(server.child);
      console.log(`[${backend}] ${outcomes.join('; ')}`);
    });
  }
});
