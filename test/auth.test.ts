import { expect, it } from 'vitest';
import { auditEntries } from './support/audit.ts';
import { describeOnFastestDatabase } from './support/databases.ts';
import { anonymous, DEMO_PASSWORD, signIn } from './support/http.ts';
import { useSeedWorld } from './support/world.ts';

describeOnFastestDatabase('sign-in, sessions, CSRF and API tokens', (t) => {
  const seed = useSeedWorld(t);

  const login = (username: string, password: string) =>
    seed.world.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

  it('sets an HttpOnly, SameSite=Lax session cookie and answers who is signed in', async () => {
    const reply = await login('stp', DEMO_PASSWORD);
    expect(reply.statusCode).toBe(200);
    const cookie = reply.cookies.find((c) => c.name === 'dondoc_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    // X-Forwarded-Proto is believed only from a trusted proxy (TRUSTED_PROXIES)
    const forged = await seed.world.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { username: 'stp', password: DEMO_PASSWORD },
    });
    expect(forged.cookies.find((c) => c.name === 'dondoc_session')?.secure).toBeFalsy();
    const { buildApp } = await import('../src/server/app.ts');
    const proxied = await buildApp({
      db: t.db,
      databaseKind: t.backend,
      web: false,
      http: { trustedProxies: ['127.0.0.1'] },
    });
    const behindHttps = await proxied.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { username: 'stp', password: DEMO_PASSWORD },
    });
    await proxied.close();
    expect(behindHttps.cookies.find((c) => c.name === 'dondoc_session')?.secure).toBe(true);
    const session = await seed.world.app.inject({
      url: '/api/auth/session',
      cookies: { dondoc_session: cookie?.value ?? '' },
    });
    expect(session.json().user).toMatchObject({
      username: 'stp',
      role: 'agency',
      agencyId: seed.world.agency('STP'),
    });
  });

  it('refuses a wrong password with one message for unknown and known users, and delays the pair after four', async () => {
    const unknown = await login('khongco', 'sai-mat-khau');
    const wrong = await login('stp', 'sai-mat-khau');
    expect(unknown.json().error).toEqual(wrong.json().error);
    expect(wrong.statusCode).toBe(401);
    for (let i = 0; i < 4; i++) await login('stp', 'sai-mat-khau');
    // the fifth failure set a wait: even the right password is not looked at now
    const delayed = await login('stp', DEMO_PASSWORD);
    expect(delayed.statusCode).toBe(429);
    expect(delayed.json().error.code).toBe('LOGIN_DELAYED');
    expect(Number(delayed.headers['retry-after'])).toBeGreaterThan(0);
    for (let i = 0; i < 4; i++) await login('khongco', 'sai-mat-khau');
    const unknownDelayed = await login('khongco', 'sai-mat-khau');
    expect(unknownDelayed.statusCode).toBe(429);
    expect(unknownDelayed.json().error.code).toBe('LOGIN_DELAYED');
    expect(await auditEntries(t.db, 'auth.lockout', 'stp')).toHaveLength(1);
  });

  it('rate-limits sign-in attempts per address', async () => {
    const { buildApp } = await import('../src/server/app.ts');
    const app = await buildApp({ db: t.db, databaseKind: t.backend, http: { loginAttemptsPerIp: 3 } });
    const statuses = [];
    for (let i = 0; i < 5; i++) {
      statuses.push(
        (
          await app.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { username: 'x', password: 'y' },
          })
        ).statusCode,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    await app.close();
  });

  it('requires the CSRF token on cookie-authenticated writes', async () => {
    const reply = await login('vanphong', DEMO_PASSWORD);
    const cookie = reply.cookies.find((c) => c.name === 'dondoc_session')?.value ?? '';
    const withoutToken = await seed.world.app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      cookies: { dondoc_session: cookie },
      payload: { name: 'x' },
    });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json().error.code).toBe('CSRF_FAILED');
    const withToken = await seed.world.app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      cookies: { dondoc_session: cookie },
      headers: { 'x-csrf-token': reply.json().csrfToken },
      payload: { name: 'x' },
    });
    expect(withToken.statusCode).toBe(201);
  });

  it('issues API tokens stored hashed and usable without CSRF; refuses unknown ones', async () => {
    const office = await signIn(seed.world.app, 'vanphong');
    const { token } = (await office.post('/api/auth/tokens', { name: 'Hệ thống báo cáo' })).json();
    expect(token).toMatch(/^dd_/);
    const stored = await t.db.selectFrom('api_token').select('token_hash').executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    const viaToken = await seed.world.app.inject({
      url: '/api/status?asOf=2021-02-15',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(viaToken.statusCode).toBe(200);
    const bogus = await seed.world.app.inject({
      url: '/api/status',
      headers: { authorization: 'Bearer dd_nope' },
    });
    expect(bogus.statusCode).toBe(401);
  });

  it('changes the password, signs out the other sessions and keeps this one', async () => {
    const here = await signIn(seed.world.app, 'snv');
    const elsewhere = await signIn(seed.world.app, 'snv');
    const short = await here.post('/api/auth/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'ngan',
    });
    expect(short.statusCode).toBe(400);
    const changed = await here.post('/api/auth/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'mat-khau-moi-2021',
    });
    expect(changed.statusCode).toBe(204);
    expect((await here.get('/api/auth/session')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/auth/session')).statusCode).toBe(401);
    expect((await login('snv', DEMO_PASSWORD)).statusCode).toBe(401);
    expect((await login('snv', 'mat-khau-moi-2021')).statusCode).toBe(200);
  });

  it('signs out', async () => {
    const stp = await signIn(seed.world.app, 'stp');
    expect((await stp.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await stp.get('/api/auth/session')).statusCode).toBe(401);
    expect((await anonymous(seed.world.app).get('/api/auth/session')).statusCode).toBe(401);
  });
});
