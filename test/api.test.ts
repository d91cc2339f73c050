import { expect, it } from 'vitest';
import { getStatus } from '../src/modules/status/status.service.ts';
import { systemContextFor } from './support/context.ts';
import { describeOnFastestDatabase } from './support/databases.ts';
import { anonymous, signIn } from './support/http.ts';
import { useSeedWorld } from './support/world.ts';

describeOnFastestDatabase('HTTP API: health, status, reminders', (t) => {
  const seed = useSeedWorld(t, { signedIn: { office: 'vanphong' } });

  it('GET /api/health answers ok with the database kind, to anyone', async () => {
    const reply = await anonymous(seed.world.app).get('/api/health');
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toEqual({ status: 'ok', database: t.backend });
  });

  it('GET /api/status returns the same JSON as the status service (and the CLI)', async () => {
    const reply = await seed.office.get('/api/status?asOf=2021-02-15');
    expect(reply.statusCode).toBe(200);
    const body = reply.json();
    expect(body).toEqual(
      JSON.parse(
        JSON.stringify(
          await getStatus(systemContextFor(t.db, seed.world.authorityId), { asOf: '2021-02-15' }),
        ),
      ),
    );
    expect(body.totals.open_overdue).toBe(68);
    expect(body.agencies[0]).toMatchObject({
      code: 'VP',
      name: 'Văn phòng UBND tỉnh',
      open_overdue: 8,
      reminders: 8,
    });
  });

  it('shows an agency only its own line', async () => {
    const stp = await signIn(seed.world.app, 'stp');
    const body = (await stp.get('/api/status?asOf=2021-02-15')).json();
    expect(body.agencies).toEqual([expect.objectContaining({ code: 'STP', open_overdue: 3, reminders: 3 })]);
    expect(body.totals.open_overdue).toBe(3);
    const reminders = (await stp.get('/api/reminders?asOf=2021-12-31')).json().reminders;
    expect(new Set(reminders.map((r: { agency: string }) => r.agency))).toEqual(new Set(['STP']));
  });

  it('asks the public to sign in', async () => {
    const reply = await anonymous(seed.world.app).get('/api/status?asOf=2021-02-15');
    expect(reply.statusCode).toBe(401);
    expect(reply.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('reads an instant as its calendar day in Asia/Ho_Chi_Minh', async () => {
    const before = await seed.office.get(
      `/api/status?asOf=${encodeURIComponent('2021-01-20T23:59:00+07:00')}&plan=87/KH-UBND`,
    );
    const after = await seed.office.get(
      `/api/status?asOf=${encodeURIComponent('2021-01-20T17:00:00Z')}&plan=87/KH-UBND`,
    );
    expect(before.json().asOf).toBe('2021-01-20');
    expect(after.json().asOf).toBe('2021-01-21');
    const stp = (r: typeof before) => r.json().agencies.find((a: { code: string }) => a.code === 'STP');
    expect(stp(before).open_overdue).toBe(0);
    expect(stp(after).open_overdue).toBe(2); // I.3 and I.8, both due 20/01
  });

  it('GET /api/reminders lists the written reminders', async () => {
    const reply = await seed.office.get('/api/reminders?asOf=2021-12-31');
    expect(reply.json().reminders).toHaveLength(111);
  });

  it('serves the OpenAPI document generated from the schemas', async () => {
    const doc = (await anonymous(seed.world.app).get('/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/status'].get.parameters.map((p: { name: string }) => p.name)).toEqual([
      'asOf',
      'plan',
    ]);
    expect((await anonymous(seed.world.app).get('/api/docs')).statusCode).toBeLessThan(400);
  });

  it.each([
    ['/api/status?asOf=2021-02-30', 400, 'INVALID_DATE'],
    ['/api/status?asOf=15/02/2021', 400, 'INVALID_DATE'],
    ['/api/status?asOf=2021-02-15&plan=1/KH-XX', 404, 'PLAN_NOT_FOUND'],
    ['/api/nothing', 404, 'NOT_FOUND'],
    ['/api/statistics/items?agencyId=999999999999', 400, 'VALIDATION_FAILED'], // past int4: found by the fuzzer
  ])('%s → %i %s with a Vietnamese message', async (url, status, code) => {
    const reply = await seed.office.get(url);
    expect(reply.statusCode).toBe(status);
    expect(reply.json().error.code).toBe(code);
    expect(reply.json().error.message).toMatch(/[À-ỹ]/);
  });
});
