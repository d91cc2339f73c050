import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { loadDemo } from '../src/modules/demo/demo.service.ts';
import { getStatus } from '../src/modules/status/status.service.ts';
import { buildApp } from '../src/server/app.ts';
import { describeEachDatabase } from './support/databases.ts';

describeEachDatabase('HTTP API', (t) => {
  let app: FastifyInstance;
  beforeEach(async () => {
    app = await buildApp({ db: t.db, databaseKind: t.backend });
  });
  afterEach(() => app.close());

  it('GET /api/health answers ok with the database kind', async () => {
    const reply = await app.inject({ method: 'GET', url: '/api/health' });
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toEqual({ status: 'ok', database: t.backend });
  });

  it('GET /api/status returns the same JSON as the status service (and the CLI)', async () => {
    await loadDemo(t.db);
    const reply = await app.inject({ method: 'GET', url: '/api/status?asOf=2021-02-15' });
    expect(reply.statusCode).toBe(200);
    const body = reply.json();
    expect(body).toEqual(JSON.parse(JSON.stringify(await getStatus(t.db, 1, { asOf: '2021-02-15' }))));
    expect(body.totals.open_overdue).toBe(68);
    expect(body.agencies[0]).toMatchObject({
      code: 'VP',
      name: 'Văn phòng UBND tỉnh',
      open_overdue: 8,
      reminders: 8,
    });
  });

  it('reads an instant as its calendar day in Asia/Ho_Chi_Minh', async () => {
    await loadDemo(t.db);
    const before = await app.inject({
      url: `/api/status?asOf=${encodeURIComponent('2021-01-20T23:59:00+07:00')}&plan=87/KH-UBND`,
    });
    const after = await app.inject({
      url: `/api/status?asOf=${encodeURIComponent('2021-01-20T17:00:00Z')}&plan=87/KH-UBND`,
    });
    expect(before.json().asOf).toBe('2021-01-20');
    expect(after.json().asOf).toBe('2021-01-21');
    const stp = (r: typeof before) => r.json().agencies.find((a: { code: string }) => a.code === 'STP');
    expect(stp(before).open_overdue).toBe(0);
    expect(stp(after).open_overdue).toBe(2); // I.3 and I.8, both due 20/01
  });

  it('GET /api/reminders lists the written reminders', async () => {
    await loadDemo(t.db);
    const reply = await app.inject({ url: '/api/reminders?asOf=2021-12-31' });
    expect(reply.json().reminders).toHaveLength(111);
  });

  it.each([
    ['/api/status?asOf=2021-02-30', 400, 'INVALID_DATE'],
    ['/api/status?asOf=15/02/2021', 400, 'INVALID_DATE'],
    ['/api/status?asOf=2021-02-15&plan=1/KH-XX', 404, 'PLAN_NOT_FOUND'],
    ['/api/nothing', 404, 'NOT_FOUND'],
  ])('%s → %i %s with a Vietnamese message', async (url, status, code) => {
    await loadDemo(t.db);
    const reply = await app.inject({ url });
    expect(reply.statusCode).toBe(status);
    expect(reply.json().error.code).toBe(code);
    expect(reply.json().error.message).toMatch(/[À-ỹ]/);
  });
});
