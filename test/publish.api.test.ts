import { expect, it } from 'vitest';
import { createPlan } from '../src/modules/plans/plans.service.ts';
import { auditEntries } from './support/audit.ts';
import { systemContextFor } from './support/context.ts';
import { describeOnFastestDatabase } from './support/databases.ts';
import { anonymous, expectReply, signIn } from './support/http.ts';
import { useSeedWorld } from './support/world.ts';

const NOW = () => new Date('2021-02-15T10:00:00+07:00');

/** Công khai kế hoạch (docs/domain-rules.md §11): public only once the Office publishes; audited. */
describeOnFastestDatabase('publishing a plan: the switch, its audit, the public page', (t) => {
  const seed = useSeedWorld(t, { now: NOW, signedIn: { office: 'vanphong' } });

  const newPlan = () =>
    createPlan(systemContextFor(t.db, seed.world.authorityId), {
      docType: 'KH',
      number: '9/KH-UBND',
      issuedOn: '2021-02-01',
      title: 'Kế hoạch chưa công khai',
      tasks: [{ no: '1', content: 'Việc mới', leadText: 'Sở Tư pháp', deadlineText: 'Quý II/2021' }],
    });
  const publicNumbers = async () =>
    (await anonymous(seed.world.app).get('/api/public/authorities/UBND-TN/plans'))
      .json()
      .plans.map((p: { number: string }) => p.number);

  it('a new plan is not public until the Office publishes it; unpublishing takes it off again', async () => {
    const { planId } = await newPlan();
    const visitor = anonymous(seed.world.app);
    expect(await publicNumbers()).toEqual(['87/KH-UBND']); // the demo publishes its seed plan
    expect((await visitor.get(`/api/public/plans/${planId}`)).statusCode).toBe(404);
    expect((await seed.office.get(`/api/plans/${planId}`)).json().plan.publishedAt).toBeNull();

    const on = await seed.office.post(`/api/plans/${planId}/publish`, { published: true });
    expectReply(on, 200, { number: '9/KH-UBND', publishedAt: NOW().toISOString(), version: 1 });
    expect(await publicNumbers()).toEqual(['9/KH-UBND', '87/KH-UBND']);
    const page = await visitor.get(`/api/public/plans/${planId}`);
    expect(page.statusCode).toBe(200);
    expect(page.json().plan.authority.name).toMatch(/Tây Ninh/);

    // again: nothing changes, nothing audited
    const again = await seed.office.post(`/api/plans/${planId}/publish`, { published: true });
    expect(again.json()).toMatchObject({ publishedAt: NOW().toISOString(), version: 1 });
    const off = await seed.office.post(`/api/plans/${planId}/publish`, { published: false, version: 1 });
    expect(off.json()).toMatchObject({ publishedAt: null, version: 1 });
    expect(await publicNumbers()).toEqual(['87/KH-UBND']);
    expect((await visitor.get(`/api/public/plans/${planId}`)).statusCode).toBe(404);

    const audit = [
      ...(await auditEntries(t.db, 'plan.publish')),
      ...(await auditEntries(t.db, 'plan.unpublish')),
    ]
      .filter((row) => row.entity_id === String(planId))
      .map((row) => [row.action, row.actor, row.before, row.after]);
    expect(audit).toEqual([
      ['plan.publish', 'vanphong', { publishedAt: null }, { publishedAt: NOW().toISOString() }],
      ['plan.unpublish', 'vanphong', { publishedAt: NOW().toISOString() }, { publishedAt: null }],
    ]);
  });

  it('only the Office switches: a stale version is 409, leadership and agencies 403, the public 401', async () => {
    const { planId } = await newPlan();
    const stale = await seed.office.post(`/api/plans/${planId}/publish`, { published: true, version: 7 });
    expect(stale.statusCode).toBe(409);
    for (const [client, code] of [
      [await signIn(seed.world.app, 'lanhdao'), 403],
      [await signIn(seed.world.app, 'stp'), 403],
      [anonymous(seed.world.app), 401],
    ] as const) {
      expect((await client.post(`/api/plans/${planId}/publish`, { published: true })).statusCode).toBe(code);
    }
    expect((await seed.office.post('/api/plans/999999/publish', { published: true })).statusCode).toBe(404);
    const bad = await seed.office.post(`/api/plans/${planId}/publish`, { published: 'yes' });
    expect(bad.statusCode).toBe(400);
    expect(await publicNumbers()).toEqual(['87/KH-UBND']);
  });
});
