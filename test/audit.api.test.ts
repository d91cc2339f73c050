import { expect, it } from 'vitest';
import { writeAudit } from '../src/modules/audit/audit.repo.ts';
import { describeOnFastestDatabase } from './support/databases.ts';
import { anonymous, signIn } from './support/http.ts';
import { useSeedWorld } from './support/world.ts';

interface Entry {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

describeOnFastestDatabase('HTTP API: audit log', (t) => {
  const seed = useSeedWorld(t, { signedIn: { admin: 'quantri' } });

  const list = async (query = '') => {
    const reply = await seed.admin.get(`/api/audit${query}`);
    expect(reply.statusCode, reply.body).toBe(200);
    return reply.json() as { items: Entry[]; total: number; page: number; pageSize: number };
  };

  it('shows the administrator the authority’s log, newest first, with before, after and ip', async () => {
    await signIn(seed.world.app, 'vanphong');
    const entry = {
      actor: 'vanphong',
      action: 'assignment.due_changed',
      entity: 'assignment',
      entityId: '42',
      before: { dueOn: '2021-01-20', version: 1 },
      after: { dueOn: '2021-01-31', version: 2 },
      ip: '10.0.0.7',
    };
    await writeAudit(t.db, { authorityId: seed.world.authorityId, ...entry });
    const body = await list();
    expect(body).toMatchObject({ page: 1, pageSize: 50 });
    expect(body.items[0]).toMatchObject(entry);
    const login = body.items.find((e) => e.action === 'auth.login' && e.actor === 'vanphong');
    expect(login).toMatchObject({ entity: 'app_user', ip: '127.0.0.1', before: null, after: null });
    const order = body.items.map((e) => [e.at, e.id] as const);
    expect(order).toEqual([...order].sort((a, b) => b[0].localeCompare(a[0]) || b[1] - a[1]));
    expect(body.items.some((e) => e.action === 'demo.load')).toBe(true);
  });

  it('filters by entity, action, actor and local calendar days, and pages', async () => {
    await signIn(seed.world.app, 'vanphong');
    await signIn(seed.world.app, 'lanhdao');
    // 17:30 UTC on 14/02 is 00:30 on 15/02 in Asia/Ho_Chi_Minh
    await t.db
      .insertInto('audit_log')
      .values({
        authority_id: seed.world.authorityId,
        at: '2021-02-14T17:30:00Z',
        actor: 'system',
        action: 'reminder.issue',
        entity: 'written_reminder',
        entity_id: '7',
        data: '{}',
      })
      .execute();
    const logins = await list('?action=auth.login');
    expect(new Set(logins.items.map((e) => e.actor))).toEqual(new Set(['quantri', 'vanphong', 'lanhdao']));
    expect((await list('?action=auth.login&actor=lanhdao')).total).toBe(1);
    expect((await list('?entity=written_reminder')).items.map((e) => e.entityId)).toEqual(['7']);
    expect((await list('?from=2021-02-15&to=2021-02-15')).items.map((e) => e.action)).toEqual([
      'reminder.issue',
    ]);
    expect((await list('?to=2021-02-14')).total).toBe(0);
    const all = await list();
    const first = await list('?pageSize=2');
    const second = await list('?pageSize=2&page=2');
    expect(first.total).toBe(all.total);
    expect([...first.items, ...second.items].map((e) => e.id)).toEqual(
      all.items.slice(0, 4).map((e) => e.id),
    );
    const bad = await seed.admin.get('/api/audit?from=2021-03-01&to=2021-02-01');
    expect(bad.statusCode).toBe(400);
  });

  it('keeps each authority’s log to itself', async () => {
    await signIn(seed.world.app, 'bd.vanphong');
    await writeAudit(t.db, {
      authorityId: seed.world.otherAuthorityId,
      actor: 'bd.vanphong',
      action: 'x.y',
      entity: 'plan',
    });
    const body = await list('?pageSize=200');
    expect(body.items.some((e) => e.actor.startsWith('bd.'))).toBe(false);
  });

  it('is for administrators only', async () => {
    for (const username of ['vanphong', 'lanhdao', 'stp', 'bd.vanphong']) {
      const reply = await (await signIn(seed.world.app, username)).get('/api/audit');
      expect([username, reply.statusCode]).toEqual([username, 403]);
    }
    expect((await anonymous(seed.world.app).get('/api/audit')).statusCode).toBe(401);
  });

  it('is append-only: the API has no route that writes, changes or deletes audit rows', async () => {
    const auditRoutes = seed.world.app.routeTable.filter(
      (r) => r.url === '/api/audit' || r.url.startsWith('/api/audit/'),
    );
    expect(auditRoutes).toEqual([{ method: 'GET', url: '/api/audit' }]);
    const { items, total } = await list();
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      for (const url of ['/api/audit', `/api/audit/${items[0]?.id}`]) {
        expect((await seed.admin.request({ method, url, payload: {} })).statusCode).toBe(404);
      }
    }
    const after = await list();
    expect(after.total).toBe(total);
    expect(after.items).toEqual(items);
  });
});
