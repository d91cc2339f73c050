import { expect, it } from 'vitest';
import { auditColumns } from './support/audit.ts';
import { describeOnFastestDatabase } from './support/databases.ts';
import { DEMO_PASSWORD, expectReply, signIn } from './support/http.ts';
import { anyAgencyOf, userIdOf } from './support/lookups.ts';
import { useSeedWorld } from './support/world.ts';

describeOnFastestDatabase('users (tài khoản)', (t) => {
  const seed = useSeedWorld(t, { signedIn: { admin: 'quantri' } });

  const userId = (username: string) => userIdOf(t.db, username);
  const login = (username: string, password: string) =>
    seed.world.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

  it('lists the accounts of the admin’s authority, never a password hash, to admins only', async () => {
    const reply = await seed.admin.get('/api/users?pageSize=200');
    expect(reply.statusCode).toBe(200);
    const body = reply.json();
    expect(body.total).toBe(body.items.length);
    expect(body.items.map((u: { username: string }) => u.username)).toEqual(
      expect.arrayContaining(['quantri', 'vanphong', 'stp']),
    );
    expect(body.items.map((u: { username: string }) => u.username)).not.toContain('bd.vanphong');
    expect(body.items.find((u: { username: string }) => u.username === 'stp')).toMatchObject({
      role: 'agency',
      agencyId: seed.world.agency('STP'),
      agencyCode: 'STP',
      disabled: false,
    });
    expect(reply.body).not.toMatch(/password_hash|passwordHash|argon2/);
    expect((await seed.admin.get('/api/users?pageSize=5&page=2')).json().items).toHaveLength(5);
    for (const user of ['vanphong', 'lanhdao', 'stp', 'bd.vanphong']) {
      expect((await (await signIn(seed.world.app, user)).get('/api/users')).statusCode).toBe(403);
    }
  });

  it('creates accounts through createUser and refuses bad ones', async () => {
    const created = await seed.admin.post('/api/users', {
      username: 'Nguyen.Van.A',
      displayName: 'Nguyễn Văn A — Sở Tư pháp',
      role: 'agency',
      agencyId: seed.world.agency('STP'),
      password: 'mat-khau-dai-1',
    });
    expectReply(created, 201, { username: 'nguyen.van.a', role: 'agency', agencyCode: 'STP' });
    expect((await login('nguyen.van.a', 'mat-khau-dai-1')).statusCode).toBe(200);
    const office = await seed.admin.post('/api/users', {
      username: 'cv2',
      displayName: 'CV',
      role: 'office',
      agencyId: seed.world.agency('STP'),
      password: 'mat-khau-dai-1',
    });
    expect(office.json()).toMatchObject({ role: 'office', agencyId: null });

    const bad = { username: 'cv3', displayName: 'CV', role: 'office', password: 'mat-khau-dai-1' };
    expect(
      (await seed.admin.post('/api/users', { ...bad, username: 'nguyen.van.a' })).json().error.code,
    ).toBe('USER_EXISTS');
    expect((await seed.admin.post('/api/users', { ...bad, password: 'ngan' })).statusCode).toBe(400);
    expect((await seed.admin.post('/api/users', { ...bad, role: 'agency' })).statusCode).toBe(400);
    const foreignAgency = await anyAgencyOf(t.db, seed.world.otherAuthorityId);
    expect(
      (await seed.admin.post('/api/users', { ...bad, role: 'agency', agencyId: foreignAgency })).statusCode,
    ).toBe(404);
    expect((await (await signIn(seed.world.app, 'vanphong')).post('/api/users', bad)).statusCode).toBe(403);
  });

  it('disabling signs the user out; re-enabling lets them back in', async () => {
    const stp = await signIn(seed.world.app, 'stp');
    const id = await userId('stp');
    expect((await stp.get('/api/auth/session')).statusCode).toBe(200);
    const disabled = await seed.admin.patch(`/api/users/${id}`, { disabled: true });
    expect(disabled.json()).toMatchObject({ disabled: true });
    expect((await stp.get('/api/auth/session')).statusCode).toBe(401);
    expect(await t.db.selectFrom('user_session').select('id').where('user_id', '=', id).execute()).toEqual(
      [],
    );
    expect((await login('stp', DEMO_PASSWORD)).statusCode).toBe(401);
    await seed.admin.patch(`/api/users/${id}`, { disabled: false });
    expect((await login('stp', DEMO_PASSWORD)).statusCode).toBe(200);
    const audit = await auditColumns(t.db, { action: 'user.update' }, ['before', 'after']);
    expect(audit[0]).toMatchObject({ before: { disabled: false }, after: { disabled: true } });
  });

  it('changes name, role and agency consistently, and keeps an admin from locking themself out', async () => {
    const id = await userId('stp');
    const moved = await seed.admin.patch(`/api/users/${id}`, {
      displayName: 'Đầu mối Sở Nội vụ',
      agencyId: seed.world.agency('SNV'),
    });
    expect(moved.json()).toMatchObject({
      displayName: 'Đầu mối Sở Nội vụ',
      role: 'agency',
      agencyCode: 'SNV',
    });
    expect((await seed.admin.patch(`/api/users/${id}`, { agencyId: null })).statusCode).toBe(400);
    expect((await seed.admin.patch(`/api/users/${id}`, { role: 'leader' })).json()).toMatchObject({
      role: 'leader',
      agencyId: null,
    });
    expect((await seed.admin.patch(`/api/users/${id}`, { role: 'agency' })).statusCode).toBe(400);
    const self = await userId('quantri');
    expect((await seed.admin.patch(`/api/users/${self}`, { disabled: true })).statusCode).toBe(409);
    expect((await seed.admin.patch(`/api/users/${self}`, { role: 'office' })).statusCode).toBe(409);
    expect((await seed.admin.patch(`/api/users/${self}`, { displayName: 'Quản trị' })).statusCode).toBe(200);
    const other = await userId('bd.vanphong');
    expect((await seed.admin.patch(`/api/users/${other}`, { disabled: true })).statusCode).toBe(404);
    expect(
      (await (await signIn(seed.world.app, 'vanphong')).patch(`/api/users/${id}`, { disabled: true }))
        .statusCode,
    ).toBe(403);
  });

  it('resets a password: the old one and every session stop working', async () => {
    const snv = await signIn(seed.world.app, 'snv');
    const id = await userId('snv');
    expect((await seed.admin.post(`/api/users/${id}/password`, { newPassword: 'ngan' })).statusCode).toBe(
      400,
    );
    const reset = await seed.admin.post(`/api/users/${id}/password`, { newPassword: 'mat-khau-moi-2021' });
    expect(reset.statusCode).toBe(204);
    // the service's answer is not sent: No Content has no body (src/server/route.ts)
    expect(reset.body).toBe('');
    expect((await snv.get('/api/auth/session')).statusCode).toBe(401);
    expect((await login('snv', DEMO_PASSWORD)).statusCode).toBe(401);
    expect((await login('snv', 'mat-khau-moi-2021')).statusCode).toBe(200);
    const leader = await signIn(seed.world.app, 'lanhdao');
    expect(
      (await leader.post(`/api/users/${id}/password`, { newPassword: 'mat-khau-moi-2022' })).statusCode,
    ).toBe(403);
    expect(await auditColumns(t.db, { action: 'user.password_reset' }, ['actor'])).toEqual([
      { actor: 'quantri' },
    ]);
  });
});
