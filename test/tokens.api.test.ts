import { expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { auditEntries } from './support/audit.ts';
import { describeOnFastestDatabase } from './support/databases.ts';
import { anonymous, DEMO_PASSWORD, expectReply, signIn } from './support/http.ts';
import { userIdOf } from './support/lookups.ts';
import { useSeedWorld } from './support/world.ts';

const DAY_MS = 86_400_000;
const NEW_PASSWORD = 'Sen-hong-no-giua-dam-Tay-Ninh';

/**
 * Issue #16, finding 4: API tokens expire, are listed and revoked (API), are revoked on a password
 * change when the user asks, and by disabling the account — so re-enabling it never revives them.
 */
describeOnFastestDatabase('API tokens: expiry, list, revoke', (t) => {
  const seed = useSeedWorld(t);

  const bearer = (token: string, url = '/api/auth/session') =>
    seed.world.app.inject({ url, headers: { authorization: `Bearer ${token}` } });

  const userId = (username: string) => userIdOf(t.db, username);

  it('lists my tokens without their secret: created, last used, expiry (default from the setting), state', async () => {
    const snv = await signIn(seed.world.app, 'snv');
    const before = Date.now();
    const plain = await snv.post('/api/auth/tokens', { name: 'Báo cáo tự động' });
    const short = await snv.post('/api/auth/tokens', { name: 'Thử một tuần', days: 7 });
    const after = Date.now();
    expect(plain.statusCode).toBe(201);
    const plainExpiry = Date.parse(plain.json().expiresAt);
    expect(plainExpiry).toBeGreaterThanOrEqual(before + 90 * DAY_MS);
    expect(plainExpiry).toBeLessThanOrEqual(after + 90 * DAY_MS);
    const shortExpiry = Date.parse(short.json().expiresAt);
    expect(shortExpiry).toBeGreaterThanOrEqual(before + 7 * DAY_MS);
    expect(shortExpiry).toBeLessThanOrEqual(after + 7 * DAY_MS);
    expect((await bearer(plain.json().token)).statusCode).toBe(200);

    const list = await snv.get('/api/auth/tokens');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(plain.json().token);
    expect(list.body).not.toContain('hash');
    const { items, total } = list.json();
    expect(total).toBe(2);
    expect(items.map((i: { name: string }) => i.name)).toEqual(['Thử một tuần', 'Báo cáo tự động']);
    const used = items.find((i: { id: number }) => i.id === plain.json().id);
    expect(used).toMatchObject({ username: 'snv', state: 'active', revokedAt: null, scopes: null });
    expect(Date.parse(used.lastUsedAt)).toBeGreaterThanOrEqual(before);
    expect(items.find((i: { id: number }) => i.id === short.json().id).lastUsedAt).toBeNull();
    // another user's list does not show them
    expect((await (await signIn(seed.world.app, 'stp')).get('/api/auth/tokens')).json().total).toBe(0);
    expect((await anonymous(seed.world.app).get('/api/auth/tokens')).statusCode).toBe(401);

    // the default lifetime is a setting (DONDOC_TOKEN_DAYS → http.tokenDays); a lifetime over a year is refused
    const app = await buildApp({ db: t.db, databaseKind: t.backend, http: { tokenDays: 30 } });
    try {
      const client = await signIn(app, 'snv');
      const from = Date.now();
      const thirty = await client.post('/api/auth/tokens', { name: 'Ba mươi ngày' });
      const expiry = Date.parse(thirty.json().expiresAt);
      expect(expiry).toBeGreaterThanOrEqual(from + 30 * DAY_MS);
      expect(expiry).toBeLessThanOrEqual(Date.now() + 30 * DAY_MS);
      expect((await client.post('/api/auth/tokens', { name: 'x', days: 366 })).statusCode).toBe(400);
    } finally {
      await app.close();
    }
  });

  it('refuses an expired token with 401 and says so', async () => {
    const office = await signIn(seed.world.app, 'vanphong');
    const created = (await office.post('/api/auth/tokens', { name: 'Tích hợp cũ', days: 1 })).json();
    expect((await bearer(created.token, '/api/status?asOf=2021-02-15')).statusCode).toBe(200);
    // a day passes: the expiry is moved to the past instead of waiting
    await t.db
      .updateTable('api_token')
      .set({ expires_at: new Date(Date.now() - 60_000) })
      .where('id', '=', created.id)
      .execute();
    const refused = await bearer(created.token, '/api/status?asOf=2021-02-15');
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error).toMatchObject({
      code: 'UNAUTHENTICATED',
      details: { reason: 'token_expired' },
    });
    expect(refused.json().error.message).toContain('đã hết hạn');
    const [listed] = (await office.get('/api/auth/tokens')).json().items;
    expect(listed).toMatchObject({ id: created.id, state: 'expired' });
  });

  it('revokes my own token: it gets 401 from then on; revoking again changes nothing; audited once', async () => {
    const stp = await signIn(seed.world.app, 'stp');
    const created = (await stp.post('/api/auth/tokens', { name: 'Phần mềm một cửa' })).json();
    expect((await bearer(created.token)).statusCode).toBe(200);
    const revoked = await stp.delete(`/api/auth/tokens/${created.id}`);
    expectReply(revoked, 200, { id: created.id, state: 'revoked' });
    const refused = await bearer(created.token);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.message).toContain('thu hồi');
    const again = await stp.delete(`/api/auth/tokens/${created.id}`);
    expect(again.json().revokedAt).toBe(revoked.json().revokedAt);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['actor', 'entity_id'])
      .where('action', '=', 'auth.token_revoke')
      .execute();
    expect(audit).toEqual([{ actor: 'stp', entity_id: String(created.id) }]);
    expect((await stp.delete('/api/auth/tokens/999999')).statusCode).toBe(404);
  });

  it("another user's token is not found; an admin revokes any token of the authority and lists an account's tokens", async () => {
    const stp = await signIn(seed.world.app, 'stp');
    const created = (await stp.post('/api/auth/tokens', { name: 'Của Sở Tư pháp' })).json();
    const stpId = await userId('stp');
    for (const username of ['snv', 'vanphong', 'lanhdao', 'bd.vanphong']) {
      const other = await signIn(seed.world.app, username);
      expect((await other.delete(`/api/auth/tokens/${created.id}`)).statusCode, username).toBe(404);
      expect((await other.get(`/api/auth/tokens?userId=${stpId}`)).statusCode, username).toBe(403);
    }
    expect((await bearer(created.token)).statusCode).toBe(200);
    const admin = await signIn(seed.world.app, 'quantri');
    const listed = await admin.get(`/api/auth/tokens?userId=${stpId}`);
    expect(listed.json().items).toMatchObject([{ id: created.id, username: 'stp', state: 'active' }]);
    expect((await admin.delete(`/api/auth/tokens/${created.id}`)).json()).toMatchObject({ state: 'revoked' });
    expect((await bearer(created.token)).statusCode).toBe(401);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('actor')
      .where('action', '=', 'auth.token_revoke')
      .execute();
    expect(audit).toEqual([{ actor: 'quantri' }]);
  });

  it('a token cannot create tokens (a stolen one could otherwise outlive its revocation); it may revoke itself', async () => {
    const office = await signIn(seed.world.app, 'vanphong');
    const created = (await office.post('/api/auth/tokens', { name: 'Tích hợp' })).json();
    const minted = await seed.world.app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: { authorization: `Bearer ${created.token}` },
      payload: { name: 'mã con' },
    });
    expect(minted.statusCode).toBe(403);
    const self = await seed.world.app.inject({
      method: 'DELETE',
      url: `/api/auth/tokens/${created.id}`,
      headers: { authorization: `Bearer ${created.token}` },
    });
    expect(self.json()).toMatchObject({ state: 'revoked' });
    expect((await bearer(created.token)).statusCode).toBe(401);
  });

  it('finding 4: a password change revokes every token when asked (and only then)', async () => {
    const snv = await signIn(seed.world.app, 'snv');
    const kept = (await snv.post('/api/auth/tokens', { name: 'Giữ lại' })).json();
    const changed = await snv.post('/api/auth/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(changed.statusCode).toBe(204);
    expect((await bearer(kept.token)).statusCode).toBe(200);
    const other = (await snv.post('/api/auth/tokens', { name: 'Cũng thu hồi' })).json();
    const revoking = await snv.post('/api/auth/password', {
      currentPassword: NEW_PASSWORD,
      newPassword: `${NEW_PASSWORD}-2`,
      revokeTokens: true,
    });
    expect(revoking.statusCode).toBe(204);
    expect((await bearer(kept.token)).statusCode).toBe(401);
    expect((await bearer(other.token)).statusCode).toBe(401);
    expect((await snv.get('/api/auth/tokens')).json().items.map((i: { state: string }) => i.state)).toEqual([
      'revoked',
      'revoked',
    ]);
    const audit = await auditEntries(t.db, 'auth.password_change');
    expect(audit.map((a) => a.data)).toMatchObject([{ tokensRevoked: 0 }, { tokensRevoked: 2 }]);
  });

  it('finding 4: a disabled user’s tokens are revoked, and re-enabling the user does not bring them back', async () => {
    const stp = await signIn(seed.world.app, 'stp');
    const created = (await stp.post('/api/auth/tokens', { name: 'Đồng bộ hồ sơ' })).json();
    expect((await bearer(created.token)).statusCode).toBe(200);
    const admin = await signIn(seed.world.app, 'quantri');
    const id = await userId('stp');
    expect((await admin.patch(`/api/users/${id}`, { disabled: true })).statusCode).toBe(200);
    expect((await bearer(created.token)).statusCode).toBe(401);
    expect((await admin.patch(`/api/users/${id}`, { disabled: false })).statusCode).toBe(200);
    // the attack as it was made: the same token, after the account is enabled again
    const afterReEnable = await bearer(created.token);
    expect(afterReEnable.statusCode).toBe(401);
    expect(afterReEnable.json().error.code).toBe('UNAUTHENTICATED');
    const row = await t.db
      .selectFrom('api_token')
      .select('revoked_at')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(row.revoked_at).toBeInstanceOf(Date);
    const audit = await auditEntries(t.db, 'user.update');
    expect(audit[0]?.data).toMatchObject({ tokensRevoked: 1 });
  });

  it('requires the CSRF token on the cookie-authenticated token and password writes', async () => {
    const reply = await seed.world.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'snv', password: DEMO_PASSWORD },
    });
    const cookie = reply.cookies.find((c) => c.name === 'dondoc_session')?.value ?? '';
    const csrf = reply.json().csrfToken as string;
    const created = await seed.world.app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      cookies: { dondoc_session: cookie },
      headers: { 'x-csrf-token': csrf },
      payload: { name: 'CSRF' },
    });
    const writes = [
      { method: 'DELETE' as const, url: `/api/auth/tokens/${created.json().id}` },
      {
        method: 'POST' as const,
        url: '/api/auth/password',
        payload: { currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD, revokeTokens: true },
      },
    ];
    for (const write of writes) {
      const refused = await seed.world.app.inject({ ...write, cookies: { dondoc_session: cookie } });
      expect(refused.statusCode, write.url).toBe(403);
      expect(refused.json().error.code).toBe('CSRF_FAILED');
    }
    expect((await bearer(created.json().token)).statusCode).toBe(200);
    // reads need no CSRF token
    const list = await seed.world.app.inject({
      url: '/api/auth/tokens',
      cookies: { dondoc_session: cookie },
    });
    expect(list.statusCode).toBe(200);
    for (const write of writes) {
      const done = await seed.world.app.inject({
        ...write,
        cookies: { dondoc_session: cookie },
        headers: { 'x-csrf-token': csrf },
      });
      expect(done.statusCode, write.url).toBeLessThan(300);
    }
    expect((await bearer(created.json().token)).statusCode).toBe(401);
  });
});
