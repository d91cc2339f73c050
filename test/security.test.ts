import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { sha256Hex, storedFilePath } from '../src/modules/files/file-store.ts';
import { ORPHAN_AGE_MS, sweepOrphanUploads } from '../src/modules/files/files.service.ts';
import { buildApp } from '../src/server/app.ts';
import { leadAssignmentId, multipart, SMALL_PDF } from './matrix/results.matrix.ts';
import { auditEntries } from './support/audit.ts';
import { describeOnFastestDatabase } from './support/databases.ts';
import { anonymous, type Client, DEMO_PASSWORD, signIn } from './support/http.ts';
import { useSeedWorld } from './support/world.ts';

/**
 * Issue #16, each finding as the attacker made it and the answer now expected: sign-in brute force
 * (parallel guesses, forged X-Forwarded-For, anyone locking anyone out, weak passwords), CSV formula
 * injection, NUL bytes and broken UTF-8, truncated multipart bodies, missing security headers, sessions
 * without an idle end, and uploaded files left behind by failed transactions.
 */
describeOnFastestDatabase('security regressions (issue #16)', (t) => {
  const seed = useSeedWorld(t, { now: () => new Date('2021-02-15T09:00:00+07:00') });
  /** A server of its own over the suite's database (no SPA), with these HTTP options. */
  const appWith = (http?: Parameters<typeof buildApp>[0]['http']) =>
    buildApp({ db: t.db, databaseKind: t.backend, web: false, ...(http ? { http } : {}) });
  /** vanphong signs in through `app` from a client that says it is `ip` (X-Forwarded-For). */
  const loginFrom = (app: Awaited<ReturnType<typeof buildApp>>, ip: string) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-for': ip },
      payload: { username: 'vanphong', password: DEMO_PASSWORD },
    });
  /** The addresses vanphong's sign-ins were audited from. */
  const auditedLoginIps = async () => (await auditEntries(t.db, 'auth.login', 'vanphong')).map((r) => r.ip);

  const login = (username: string, password: string, remoteAddress = '127.0.0.1') =>
    seed.world.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      remoteAddress,
    });

  it('40 parallel wrong passwords: the password is checked five times, the rest wait; the owner elsewhere is not locked out', async () => {
    const replies = await Promise.all(Array.from({ length: 40 }, () => login('stp', 'doan-mo-12345')));
    const statuses = replies.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(35);
    expect(new Set(replies.filter((r) => r.statusCode === 429).map((r) => r.json().error.code))).toEqual(
      new Set(['LOGIN_DELAYED']),
    );
    const checked = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('actor', '=', 'stp')
      .where('action', 'in', ['auth.login_failed', 'auth.lockout'])
      .execute();
    expect(checked).toHaveLength(5);
    // the right password from the attacker's address waits too …
    expect((await login('stp', DEMO_PASSWORD)).statusCode).toBe(429);
    // … but the owner, from the office's own address, signs in
    expect((await login('stp', DEMO_PASSWORD, '10.20.30.40')).statusCode).toBe(200);
  });

  it('an unknown name is answered exactly as a known one, waits included', async () => {
    for (let i = 0; i < 5; i++) {
      const [known, unknown] = await Promise.all([
        login('stp', 'sai-mat-khau-1'),
        login('khong-co-ai', 'sai-mat-khau-1'),
      ]);
      expect(unknown.statusCode).toBe(known.statusCode);
      expect(unknown.json().error).toEqual(known.json().error);
    }
    const [known, unknown] = await Promise.all([login('stp', 'x'), login('khong-co-ai', 'x')]);
    expect([known.statusCode, unknown.statusCode]).toEqual([429, 429]);
    expect(unknown.json().error.code).toBe(known.json().error.code);
  });

  it('a forged X-Forwarded-For neither lifts the per-address limit nor reaches the audit trail', async () => {
    const app = await appWith({ loginAttemptsPerIp: 3 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const reply = await loginFrom(app, `203.0.113.${i + 1}`);
        statuses.push(reply.statusCode);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(await auditedLoginIps()).toEqual(['127.0.0.1', '127.0.0.1', '127.0.0.1']);
    } finally {
      await app.close();
    }
  });

  it('behind a trusted proxy the forwarded address is the client, and the limit is shared by every server', async () => {
    const http = { loginAttemptsPerIp: 3, trustedProxies: ['127.0.0.1'] };
    const first = await appWith(http);
    const second = await appWith(http);
    try {
      const statuses = [
        (await loginFrom(first, '198.51.100.7')).statusCode,
        (await loginFrom(second, '198.51.100.7')).statusCode,
        (await loginFrom(first, '198.51.100.7')).statusCode,
        (await loginFrom(second, '198.51.100.7')).statusCode,
        (await loginFrom(second, '198.51.100.8')).statusCode,
      ];
      expect(statuses).toEqual([200, 200, 200, 429, 200]);
      expect(new Set(await auditedLoginIps())).toEqual(new Set(['198.51.100.7', '198.51.100.8']));
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('refuses short, common and guessable passwords wherever a password is set', async () => {
    const stp = await signIn(seed.world.app, 'stp');
    for (const weak of ['12345678', '1234567890', 'password123', 'matkhau123', 'stpstpstp1']) {
      const reply = await stp.post('/api/auth/password', {
        currentPassword: DEMO_PASSWORD,
        newPassword: weak,
      });
      expect(reply.statusCode, weak).toBe(400);
      expect(reply.json().error.code, weak).toBe('WEAK_PASSWORD');
    }
    const admin = await signIn(seed.world.app, 'quantri');
    const created = await admin.post('/api/users', {
      username: 'yeu.mk',
      displayName: 'Mật khẩu yếu',
      role: 'leader',
      password: 'matkhau123',
    });
    expect(created.json().error?.code).toBe('WEAK_PASSWORD');
    const strong = await stp.post('/api/auth/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'Bao cao dung han 2021',
    });
    expect(strong.statusCode).toBe(204);
  });

  it('a CSV cell that begins like a formula, "-2+3…" included, is defused in every export', async () => {
    const stp = await signIn(seed.world.app, 'stp');
    const i3 = await leadAssignmentId(t.db, seed.world.authorityId, 'I.3', 'STP');
    const payload = "-2+3+cmd|' /C calc'!A0";
    const reported = await stp.post(`/api/assignments/${i3}/obstacles`, { description: payload });
    expect(reported.statusCode).toBe(201);
    const office = await signIn(seed.world.app, 'vanphong');
    const csv = (await office.get('/api/obstacles?format=csv')).body;
    expect(csv).toContain(`'${payload}`);
    expect(csv).not.toMatch(/(^|,)-2\+3\+cmd/m);
  });

  it('NUL bytes and broken UTF-8 are refused with 400 at the boundary, never a 500 or a stack trace', async () => {
    const stp = await signIn(seed.world.app, 'stp');
    const i3 = await leadAssignmentId(t.db, seed.world.authorityId, 'I.3', 'STP');
    const answers = [
      await anonymous(seed.world.app).get('/api/public/indices?authority=%00'),
      await anonymous(seed.world.app).get('/api/public/authorities/%C3%28/plans'),
      await stp.get('/api/plans?q=ke%00hoach'),
      await seed.world.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'stp\u0000', password: DEMO_PASSWORD },
      }),
      await stp.post(`/api/assignments/${i3}/obstacles`, { description: 'vướng\u0000mắc' }),
      await stp.request({
        method: 'POST',
        url: `/api/assignments/${i3}/obstacles`,
        headers: { 'content-type': 'application/json' },
        // "description": "v\xC3\x28" — a broken two-byte sequence, not UTF-8
        payload: Buffer.concat([
          Buffer.from('{"description":"v'),
          Buffer.from([0xc3, 0x28]),
          Buffer.from('"}'),
        ]),
      }),
    ];
    for (const reply of answers) {
      expect(reply.statusCode, reply.body).toBe(400);
      expect(reply.json().error.code).toBe('VALIDATION_FAILED');
      expect(reply.body).not.toMatch(/\n\s+at /);
    }
    const obstacles = await t.db.selectFrom('obstacle').select('description').execute();
    expect(obstacles).toEqual([]);
  });

  it('a truncated multipart body is a 400, and the database refusing a value is a 4xx without a stack', async () => {
    const stp = await signIn(seed.world.app, 'stp');
    const i3 = await leadAssignmentId(t.db, seed.world.authorityId, 'I.3', 'STP');
    const { payload, headers } = await multipart({ documentNumber: '1/BC' }, [
      { name: 'a.pdf', bytes: SMALL_PDF },
    ]);
    const cut = await stp.request({
      method: 'POST',
      url: `/api/assignments/${i3}/results`,
      headers,
      payload: payload.subarray(0, payload.length - 60),
    });
    expect(cut.statusCode, cut.body).toBe(400);
    expect(cut.body).not.toMatch(/\n\s+at /);

    const app = await appWith();
    app.get('/api/test-sqlstate/:code', async (request) => {
      const { code } = request.params as { code: string };
      await sql
        .raw(
          `do $$ begin raise exception 'refused' using errcode = '${code.replace(/[^0-9A-Z]/g, '')}'; end $$`,
        )
        .execute(t.db);
    });
    try {
      const status = async (code: string) =>
        (await app.inject({ url: `/api/test-sqlstate/${code}` })).statusCode;
      expect(await status('22021')).toBe(400);
      expect(await status('22P02')).toBe(400);
      expect(await status('23505')).toBe(409);
      expect(await status('40001')).toBe(409);
      const internal = await app.inject({ url: '/api/test-sqlstate/XX000' });
      expect(internal.statusCode).toBe(500);
      expect(internal.json().error.code).toBe('INTERNAL');
      expect(internal.body).not.toMatch(/refused|\n\s+at /);
    } finally {
      await app.close();
    }
  });

  it('headers: no-store and nosniff on API answers, no framing, HSTS only over https from a trusted proxy, a CSP on /api/docs', async () => {
    const reply = await anonymous(seed.world.app).get('/api/public/authorities');
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['x-frame-options']).toBe('DENY');
    expect(reply.headers['strict-transport-security']).toBeUndefined();
    const forgedHttps = await seed.world.app.inject({
      url: '/api/public/authorities',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(forgedHttps.headers['strict-transport-security']).toBeUndefined();
    const proxied = await appWith({ trustedProxies: ['127.0.0.1'] });
    try {
      const https = await proxied.inject({
        url: '/api/public/authorities',
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(https.headers['strict-transport-security']).toMatch(/^max-age=\d{7,}/);
    } finally {
      await proxied.close();
    }
    const docs = await seed.world.app.inject({ url: '/api/docs' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(docs.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(docs.headers['x-frame-options']).toBe('DENY');
  });

  it('a session ends after the idle limit and at its absolute end; use keeps it alive', async () => {
    const app = await appWith({ sessionIdleMinutes: 30 });
    try {
      const client: Client = await signIn(app, 'stp');
      expect((await client.get('/api/auth/session')).statusCode).toBe(200);
      // 20 minutes without a request: still alive, and the request moves last_seen_at
      await t.db
        .updateTable('user_session')
        .set({ last_seen_at: new Date(Date.now() - 20 * 60_000) })
        .execute();
      expect((await client.get('/api/auth/session')).statusCode).toBe(200);
      const seen = await t.db.selectFrom('user_session').select('last_seen_at').executeTakeFirstOrThrow();
      expect(Date.now() - seen.last_seen_at.getTime()).toBeLessThan(5 * 60_000);
      // 31 minutes without a request: ended
      await t.db
        .updateTable('user_session')
        .set({ last_seen_at: new Date(Date.now() - 31 * 60_000) })
        .execute();
      expect((await client.get('/api/auth/session')).statusCode).toBe(401);
      const fresh = await signIn(app, 'stp');
      await t.db
        .updateTable('user_session')
        .set({ expires_at: new Date(Date.now() - 1000) })
        .where('last_seen_at', '>', new Date(Date.now() - 60_000))
        .execute();
      expect((await fresh.get('/api/auth/session')).statusCode).toBe(401);
    } finally {
      await app.close();
    }
  });

  it('files of a submission refused inside its transaction are never left in the store', async () => {
    const stp = await signIn(seed.world.app, 'stp');
    const i3 = await leadAssignmentId(t.db, seed.world.authorityId, 'I.3', 'STP');
    const pdf = (n: number) => Buffer.concat([SMALL_PDF, Buffer.from(`% bản ${n}\n`)]);
    const replies = await Promise.all(
      [1, 2, 3].map(async (n) =>
        stp.request({
          method: 'POST',
          url: `/api/assignments/${i3}/results`,
          ...(await multipart({ documentNumber: `${n}/BC-STP` }, [{ name: `ban-${n}.pdf`, bytes: pdf(n) }])),
        }),
      ),
    );
    expect(replies.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(replies.filter((r) => r.statusCode === 409)).toHaveLength(2);
    const referenced = await t.db.selectFrom('stored_file').select('sha256').execute();
    expect(referenced).toHaveLength(1);
    const inStore = [1, 2, 3].filter((n) =>
      existsSync(storedFilePath(seed.world.filesDir, sha256Hex(pdf(n)))),
    );
    expect(inStore.map((n) => sha256Hex(pdf(n)))).toEqual(referenced.map((r) => r.sha256));
    const staging = join(seed.world.filesDir, '.staging');
    expect(existsSync(staging) ? readdirSync(staging) : []).toEqual([]);
  });

  it('the housekeeping sweep removes day-old files nobody references and crash leftovers, nothing else', async () => {
    const stp = await signIn(seed.world.app, 'stp');
    const i3 = await leadAssignmentId(t.db, seed.world.authorityId, 'I.3', 'STP');
    const kept = await stp.request({
      method: 'POST',
      url: `/api/assignments/${i3}/results`,
      ...(await multipart({ documentNumber: '9/BC-STP' }, [{ name: 'giu.pdf', bytes: SMALL_PDF }])),
    });
    expect(kept.statusCode).toBe(201);
    const put = (bytes: Buffer) => {
      const path = storedFilePath(seed.world.filesDir, sha256Hex(bytes));
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, bytes);
      return path;
    };
    const orphan = put(Buffer.from('mồ côi từ một lần gửi bị hủy'));
    const youngOrphan = put(Buffer.from('đang được gửi'));
    mkdirSync(join(seed.world.filesDir, '.staging'), { recursive: true });
    const leftover = join(seed.world.filesDir, '.staging', 'abc.123.tmp');
    writeFileSync(leftover, 'nửa tệp');
    const keptPath = storedFilePath(seed.world.filesDir, sha256Hex(SMALL_PDF));
    const now = new Date();
    const old = new Date(now.getTime() - ORPHAN_AGE_MS - 60_000);
    for (const path of [orphan, leftover, keptPath]) utimesSync(path, old, old);
    const swept = await sweepOrphanUploads(t.db, seed.world.filesDir, now);
    expect(swept).toEqual({ orphans: 1, temporaries: 1 });
    expect([existsSync(orphan), existsSync(leftover), existsSync(youngOrphan), existsSync(keptPath)]).toEqual(
      [false, false, true, true],
    );
    const download = await stp.get(`/api/files/${kept.json().files[0].id}`);
    expect(download.statusCode).toBe(200);
  });
});
