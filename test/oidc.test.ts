import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { safeReturnTo } from '../src/modules/auth/oidc.service.ts';
import { buildApp } from '../src/server/app.ts';
import { auditColumns, auditEntries } from './support/audit.ts';
import { describeOnFastestDatabase } from './support/databases.ts';
import { anonymous, DEMO_PASSWORD } from './support/http.ts';
import { signInAtProvider } from './support/identity-provider.ts';
import {
  callback,
  REDIRECT,
  sessionCookie,
  signInThroughProvider,
  start,
  withTestProvider,
} from './support/oidc-flow.ts';
import { useOwnWorld } from './support/world.ts';

/**
 * Đăng nhập một lần: the whole authorisation-code + PKCE flow against a real OpenID provider
 * (oidc-provider on 127.0.0.1), the browser played by hand — start, the provider's login and consent
 * forms, the callback — then the dondoc session; state, cookie (login CSRF) and PKCE tampering
 * refused; local passwords off. Which account a person gets: test/oidc-accounts.test.ts.
 */
const provider = withTestProvider();

describe('safeReturnTo', () => {
  it('keeps a path of this site and turns anything else into /', () => {
    expect(safeReturnTo('/viec-cua-don-vi?trang=2#a')).toBe('/viec-cua-don-vi?trang=2#a');
    for (const unsafe of [
      '//evil.example/x',
      '/\\evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
    ]) {
      expect(safeReturnTo(unsafe)).toBe('/');
    }
    expect(safeReturnTo('/api/auth/session')).toBe('/');
    expect(safeReturnTo('/dang-nhap?loi=X')).toBe('/');
    expect(safeReturnTo('/a\nb')).toBe('/');
    expect(safeReturnTo(undefined)).toBe('/');
  });
});

describe('OIDC configuration', () => {
  it('reads the provider from the environment and stops on what is missing or contradictory', () => {
    const base = { OIDC_ISSUER: 'https://sso.tayninh.gov.vn/realms/tayninh', OIDC_CLIENT_ID: 'dondoc' };
    const { http } = loadConfig({ ...base, OIDC_ROLE_CLAIM: 'dondoc_roles', DONDOC_LOCAL_PASSWORDS: 'off' });
    expect(http.passwordLogin).toBe(false);
    expect(http.oidc).toMatchObject({
      issuer: base.OIDC_ISSUER,
      clientSecret: null,
      redirectUrl: null,
      scopes: 'openid profile email',
      label: 'Đăng nhập một lần (SSO)',
      claims: { username: 'preferred_username', email: 'email', role: 'dondoc_roles', agency: null },
      allowHttp: false,
    });
    expect(loadConfig({}).http).toMatchObject({ passwordLogin: true, oidc: null });
    expect(() => loadConfig({ DONDOC_LOCAL_PASSWORDS: 'off' })).toThrow(/DONDOC_LOCAL_PASSWORDS/);
    expect(() => loadConfig({ OIDC_ISSUER: base.OIDC_ISSUER })).toThrow(/OIDC_CLIENT_ID/);
    expect(() => loadConfig({ ...base, OIDC_ISSUER: 'http://127.0.0.1:8081' })).toThrow(/OIDC_ALLOW_HTTP/);
    expect(
      loadConfig({ ...base, OIDC_ISSUER: 'http://127.0.0.1:8081', OIDC_ALLOW_HTTP: 'on' }).http.oidc
        ?.allowHttp,
    ).toBe(true);
    expect(() => loadConfig({ ...base, OIDC_SCOPES: 'profile email' })).toThrow(/openid/);
  });
});

describeOnFastestDatabase('sign-in with the identity provider (OpenID Connect)', (t) => {
  const open = useOwnWorld(t);

  it('walks the code flow with PKCE S256 and opens the same session as the password form', async () => {
    const { app, agency } = await open({ http: { oidc: provider.options() } });
    const { location, cookie } = await start(app, '/viec-cua-don-vi');
    const authorise = new URL(location);
    expect(authorise.origin).toBe(provider.issuer());
    expect(Object.fromEntries(authorise.searchParams)).toMatchObject({
      client_id: 'dondoc',
      redirect_uri: REDIRECT,
      response_type: 'code',
      scope: 'openid profile email',
      code_challenge_method: 'S256',
    });
    expect(authorise.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(authorise.searchParams.get('state')).toBeTruthy();
    expect(authorise.searchParams.get('nonce')).toBeTruthy();
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/auth/oidc' });
    const pending = await t.db.selectFrom('oidc_login').selectAll().executeTakeFirstOrThrow();
    expect(pending.binding_hash).not.toBe(cookie.value);
    expect(location).not.toContain(pending.code_verifier);

    const back = await signInAtProvider(location, 'stp', REDIRECT);
    const reply = await callback(app, back, cookie.value);
    expect(reply.statusCode).toBe(302);
    expect(reply.headers.location).toBe('/viec-cua-don-vi');
    const session = sessionCookie(reply);
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const me = await app.inject({
      url: '/api/auth/session',
      cookies: { dondoc_session: session?.value ?? '' },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ username: 'stp', role: 'agency', agencyId: agency('STP') });
    // the session's CSRF token guards writes exactly as after a password sign-in
    const write = {
      method: 'POST' as const,
      url: '/api/auth/logout',
      cookies: { dondoc_session: session?.value ?? '' },
    };
    expect((await app.inject(write)).json().error.code).toBe('CSRF_FAILED');
    expect(
      (await app.inject({ ...write, headers: { 'x-csrf-token': me.json().csrfToken } })).statusCode,
    ).toBe(204);

    const user = await t.db
      .selectFrom('app_user')
      .select(['id', 'oidc_subject'])
      .where('username', '=', 'stp')
      .executeTakeFirstOrThrow();
    expect(user.oidc_subject).toBe('stp');
    const audit = await auditColumns(t.db, { actor: 'stp' }, ['action', 'data']);
    expect(audit.map((a) => a.action)).toEqual(['user.oidc_bind', 'auth.login']);
    expect(audit[1]?.data).toEqual({ method: 'oidc' });
    expect(await t.db.selectFrom('oidc_login').select('id').execute()).toEqual([]);
    // the same answer from the provider again: the pending sign-in was used up
    const replay = await callback(app, back, cookie.value);
    expect(replay.headers.location).toBe('/dang-nhap?loi=OIDC_STATE_INVALID');
    expect(sessionCookie(replay)).toBeUndefined();
  });

  it('refuses a changed state, a callback without the browser cookie, an injected code and an expired start', async () => {
    const { app } = await open({ http: { oidc: provider.options() } });
    const refusedWith = async (reply: Awaited<ReturnType<typeof callback>>, code: string) => {
      expect(reply.statusCode).toBe(302);
      expect(reply.headers.location).toBe(`/dang-nhap?loi=${code}`);
      expect(sessionCookie(reply)).toBeUndefined();
    };
    // state changed on the way back (the pending sign-in is then spent)
    const a = await start(app);
    const backA = await signInAtProvider(a.location, 'stp', REDIRECT);
    const tampered = new URL(backA);
    tampered.searchParams.set('state', `${backA.searchParams.get('state')}x`);
    await refusedWith(await callback(app, tampered, a.binding), 'OIDC_STATE_INVALID');
    // login CSRF: a genuine answer from the provider, delivered to a browser that did not start it
    const b = await start(app);
    const backB = await signInAtProvider(b.location, 'stp', REDIRECT);
    await refusedWith(await callback(app, backB), 'OIDC_STATE_INVALID');
    await refusedWith(await callback(app, backB, 'gia-mao'), 'OIDC_STATE_INVALID');
    // a code stolen from another sign-in, sent with this browser's own state: PKCE stops it at the provider
    const c = await start(app);
    const d = await start(app);
    const backC = await signInAtProvider(c.location, 'stp', REDIRECT);
    const injected = new URL(backC);
    injected.searchParams.set('state', new URL(d.location).searchParams.get('state') ?? '');
    await refusedWith(await callback(app, injected, d.binding), 'OIDC_FAILED');
    // the verifier kept on the server altered: the provider refuses the code
    const e = await start(app);
    const backE = await signInAtProvider(e.location, 'stp', REDIRECT);
    await t.db
      .updateTable('oidc_login')
      .set({ code_verifier: 'x'.repeat(43) })
      .execute();
    await refusedWith(await callback(app, backE, e.binding), 'OIDC_FAILED');
    // ten minutes after the start the pending sign-in is gone
    const f = await start(app);
    const backF = await signInAtProvider(f.location, 'stp', REDIRECT);
    await t.db
      .updateTable('oidc_login')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .execute();
    await refusedWith(await callback(app, backF, f.binding), 'OIDC_STATE_INVALID');

    const refusals = await auditEntries(t.db, 'auth.oidc_refused');
    const codes = refusals.map((r) => (r.data as { code: string }).code);
    expect(codes).toEqual(['OIDC_STATE_INVALID', 'OIDC_FAILED', 'OIDC_FAILED', 'OIDC_STATE_INVALID']);
    const grants = refusals
      .slice(1, 3)
      .map((r) => (r.data as { details: { providerError?: string } }).details.providerError);
    expect(grants).toEqual(['invalid_grant', 'invalid_grant']);
    expect(
      await t.db.selectFrom('audit_log').select('id').where('action', '=', 'auth.login').execute(),
    ).toEqual([]);
  });

  it('turns local passwords off: the login form answers 403, the provider still signs in', async () => {
    const { app } = await open({ http: { oidc: provider.options(), passwordLogin: false } });
    const providers = await anonymous(app).get('/api/auth/providers');
    expect(providers.json()).toEqual({ password: false, oidc: { label: 'Tài khoản công vụ tỉnh Tây Ninh' } });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'stp', password: DEMO_PASSWORD },
    });
    expect(login.statusCode).toBe(403);
    expect(login.json().error.code).toBe('PASSWORD_LOGIN_DISABLED');
    expect(sessionCookie(login)).toBeUndefined();
    expect(sessionCookie(await signInThroughProvider(app, 'stp'))).toBeDefined();
  });

  it('without a provider: password only, and the start page says so', async () => {
    const { app } = await open();
    expect((await anonymous(app).get('/api/auth/providers')).json()).toEqual({ password: true, oidc: null });
    const startReply = await app.inject({ url: '/api/auth/oidc/start' });
    expect(startReply.statusCode).toBe(302);
    expect(startReply.headers.location).toBe('/dang-nhap?loi=OIDC_NOT_CONFIGURED');
    expect(await t.db.selectFrom('oidc_login').select('id').execute()).toEqual([]);
  });

  it('lands on / for a return address outside this site, and redirects to the provider the request names without OIDC_REDIRECT_URL', async () => {
    const { app } = await open({ http: { oidc: provider.options() } });
    expect((await signInThroughProvider(app, 'stp', '//evil.example/x')).headers.location).toBe('/');
    const derived = await buildApp({
      db: t.db,
      databaseKind: t.backend,
      http: { oidc: provider.options({ redirectUrl: null }) },
      web: false,
    });
    const reply = await derived.inject({ url: '/api/auth/oidc/start', headers: { host: 'dondoc.test' } });
    await derived.close();
    expect(new URL(String(reply.headers.location)).searchParams.get('redirect_uri')).toBe(REDIRECT);
  });
});
