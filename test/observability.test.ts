import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuild } from '../scripts/ensure-web-build.ts';
import { startScheduler } from '../src/modules/followup/scheduler.ts';
import { buildApp } from '../src/server/app.ts';
import { ServerMetrics } from '../src/server/observability.ts';
import { WEB_DIST } from '../src/server/web.ts';
import { createScratchDatabase, describeOnFastestDatabase } from './support/databases.ts';
import { anonymous, expectReply, signIn } from './support/http.ts';
import { freePort } from './support/net.ts';
import { serverBuild } from './support/server-build.ts';
import { useSeedWorld } from './support/world.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Issue #15, item 5: request ids, Prometheus metrics, liveness and readiness, compression, listen first. */
describeOnFastestDatabase('observability (issue #15)', (t) => {
  // the precompressed assets are the SPA's build (built by the browser project's setup; a run of the
  // db project alone builds it here when it is missing or stale)
  beforeAll(() => ensureWebBuild({ quiet: true }));
  const seed = useSeedWorld(t, { now: () => new Date('2021-02-15T09:00:00+07:00') });

  it('accepts a sane X-Request-Id, replaces anything else with a UUID, and returns it on every answer', async () => {
    const kept = await seed.world.app.inject({
      url: '/api/health',
      headers: { 'x-request-id': 'lb-7f3a.42' },
    });
    expect(kept.headers['x-request-id']).toBe('lb-7f3a.42');
    const refused = await seed.world.app.inject({
      url: '/api/health',
      headers: { 'x-request-id': 'a b\nforged log line' },
    });
    expect(refused.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const missing = await seed.world.app.inject({ url: '/api/public/authorities' });
    expect(missing.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const failed = await seed.world.app.inject({ url: '/api/khong-co' });
    expect(failed.statusCode).toBe(404);
    expect(failed.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves Prometheus metrics at /metrics (not the SPA): latency by route, outbox, jobs; a token when set', async () => {
    const metrics = new ServerMetrics({ db: t.db });
    const app = await buildApp({
      db: t.db,
      databaseKind: t.backend,
      metrics,
      metricsToken: 'metrics-token-0123456789',
    });
    try {
      const office = await signIn(app, 'vanphong');
      expect((await office.get('/api/plans')).statusCode).toBe(200);
      await t.db
        .insertInto('outbox_message')
        .values({
          authority_id: seed.world.authorityId,
          business_key: 'test:dead',
          kind: 'reminder',
          to_address: 'a@example.org',
          subject: 's',
          body_text: 'b',
          status: 'dead',
        })
        .execute();
      const scheduler = startScheduler(
        [
          {
            name: 'always-fails',
            everyMs: 60_000,
            run: async () => {
              throw new Error('boom');
            },
          },
        ],
        { db: t.db, followup: {} as never, now: () => new Date(), log: { info() {}, warn() {}, error() {} } },
        { tickMs: 3_600_000, observer: metrics },
      );
      await scheduler.tick();
      await scheduler.stop();
      expect((await app.inject({ url: '/metrics' })).statusCode).toBe(401);
      const reply = await app.inject({
        url: '/metrics',
        headers: { authorization: 'Bearer metrics-token-0123456789' },
      });
      expect(reply.statusCode).toBe(200);
      expect(reply.headers['content-type']).toMatch(/^text\/plain/);
      expect(reply.body).toMatch(
        /dondoc_http_request_duration_seconds_count\{method="GET",route="\/api\/plans",status_code="200"\} 1/,
      );
      expect(reply.body).toMatch(/dondoc_outbox_messages\{state="dead"\} 1/);
      expect(reply.body).toMatch(/dondoc_job_last_success\{job="always-fails"\} 0/);
      expect(reply.body).toMatch(/dondoc_job_runs_total\{job="always-fails",outcome="failed"\} 1/);
    } finally {
      await app.close();
    }
  });

  it('live always; ready checks database, schema and file store, and reports the scheduler', async () => {
    const live = await anonymous(seed.world.app).get('/api/health/live');
    expect(live.statusCode).toBe(200);
    expect(live.json().status).toBe('live');
    const ready = await anonymous(seed.world.app).get('/api/health/ready');
    expectReply(ready, 200, {
      status: 'ready',
      checks: {
        database: { ok: true },
        migrations: { ok: true },
        files: { ok: true },
        scheduler: { detail: 'off' },
      },
    });
    // a file where the store's folder should be: not writable, not ready
    const notAFolder = join(tmpdir(), `dondoc-not-a-folder-${process.pid}`);
    writeFileSync(notAFolder, 'x');
    const broken = await buildApp({
      db: t.db,
      databaseKind: t.backend,
      web: false,
      http: { filesDir: notAFolder },
    });
    // … and a migration the code has but the database has not: not ready either
    const last = await t.db
      .selectFrom('kysely_migration' as never)
      .select('name' as never)
      .orderBy('name' as never, 'desc')
      .executeTakeFirstOrThrow();
    const name = (last as { name: string }).name;
    await sql`delete from kysely_migration where name = ${name}`.execute(t.db);
    try {
      const answer = await broken.inject({ url: '/api/health/ready' });
      expectReply(answer, 503, {
        status: 'not-ready',
        checks: { database: { ok: true }, files: { ok: false }, migrations: { ok: false } },
      });
      expect(answer.json().checks.migrations.detail).toContain(name);
    } finally {
      await sql`insert into kysely_migration (name, timestamp) values (${name}, ${new Date().toISOString()})`.execute(
        t.db,
      );
      await broken.close();
    }
  });

  it('compresses JSON answers over 1 KB, and sends the SPA assets precompressed at build', async () => {
    const office = await signIn(seed.world.app, 'vanphong');
    const plain = await office.get('/api/assignments?pageSize=50');
    const compressed = await office.request({
      method: 'GET',
      url: '/api/assignments?pageSize=50',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(compressed.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect(JSON.parse(brotliDecompressSync(compressed.rawPayload).toString('utf8'))).toEqual(plain.json());
    const index = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(index)?.[1];
    expect(script).toBeDefined();
    const asset = await seed.world.app.inject({
      url: script as string,
      headers: { 'accept-encoding': 'br' },
    });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-encoding']).toBe('br');
    expect(asset.rawPayload.equals(readFileSync(join(WEB_DIST, `${script}.br`)))).toBe(true);
  });
});

describe('start-up (issue #15)', () => {
  let child: ChildProcess | null = null;
  let drop: (() => Promise<void>) | null = null;
  // the run's build of these sources (test/support/server-build.ts), not tsx: a third of the CPU;
  // waited for here, so that the test's bound is its own work's
  let build = '';
  beforeAll(async () => {
    build = await serverBuild();
  });
  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child?.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await drop?.();
  });

  // the server may take up to 480 polls of 250 ms to be ready on a loaded machine: the test waits as long
  it('listens before the catch-up sweep runs, and readiness says what the scheduler does', {
    timeout: 180_000,
  }, async () => {
    let env: NodeJS.ProcessEnv = {
      DONDOC_DATA_DIR: join(tmpdir(), `dondoc-start-${process.pid}-${Date.now()}`),
    };
    if (process.env.TEST_DATABASE_URL) {
      const scratch = await createScratchDatabase();
      drop = scratch.drop;
      env = { DATABASE_URL: scratch.url };
    }
    const port = await freePort();
    const lines: string[] = [];
    child = spawn(process.execPath, [join(build, 'dist/server/main.js')], {
      cwd: ROOT,
      env: {
        ...process.env,
        ...env,
        DONDOC_DEMO: 'on',
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) =>
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)),
    );
    type Ready = { status: string; checks: { scheduler: { detail: string } } };
    let ready = null as Ready | null;
    for (let i = 0; i < 480 && !ready; i++) {
      if (child.exitCode !== null)
        throw new Error(`server exited with ${child.exitCode}: ${lines.join('\n')}`);
      try {
        const reply = await fetch(`http://127.0.0.1:${port}/api/health/ready`);
        if (reply.ok) ready = (await reply.json()) as Ready;
      } catch {
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    expect(ready?.status).toBe('ready');
    expect(['catching-up', 'running']).toContain(ready?.checks.scheduler.detail);
    const messages = lines.map((line) => (JSON.parse(line) as { msg: string }).msg);
    const listening = messages.findIndex((m) => m.startsWith('Server listening'));
    const scheduler = messages.findIndex((m) => m.startsWith('follow-up scheduler'));
    expect(listening).toBeGreaterThanOrEqual(0);
    expect(scheduler).toBeGreaterThan(listening);
  });
});
