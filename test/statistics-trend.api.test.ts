import { afterAll, expect, it } from 'vitest';
import { submitResult } from '../src/modules/results/results.service.ts';
import { monthlyTrend } from '../src/modules/statistics/statistics.rules.ts';
import { systemContextFor } from './support/context.ts';
import { describeOnFastestDatabase } from './support/databases.ts';
import { buildWorld, type Client, signIn, type World } from './support/http.ts';

interface Month {
  month: string;
  due: number;
  done: number;
  doneOnTime: number;
  doneLate: number;
}

it('the monthly trend rule fills empty months and leaves cancelled assignments out', () => {
  const months = monthlyTrend(
    [
      { role: 'lead', dueOn: '2021-01-20', doneOn: '2021-01-18', cancelledOn: null },
      { role: 'lead', dueOn: '2021-01-31', doneOn: '2021-04-02', cancelledOn: null },
      { role: 'lead', dueOn: '2021-03-31', doneOn: null, cancelledOn: '2021-02-01' },
      { role: 'lead', dueOn: null, doneOn: null, cancelledOn: null },
      { role: 'lead', dueOn: '2021-12-31', doneOn: '2021-06-01', cancelledOn: null },
    ],
    '2021-05-15',
  );
  expect(months.map((m) => m.month)).toEqual([
    '2021-01',
    '2021-02',
    '2021-03',
    '2021-04',
    '2021-05',
    '2021-06',
    '2021-07',
    '2021-08',
    '2021-09',
    '2021-10',
    '2021-11',
    '2021-12',
  ]);
  expect(months[0]).toEqual({ month: '2021-01', due: 2, done: 1, doneOnTime: 1, doneLate: 0 });
  expect(months[2]).toMatchObject({ due: 0, done: 0 });
  expect(months[3]).toEqual({ month: '2021-04', due: 0, done: 1, doneOnTime: 0, doneLate: 1 });
  // done on 2021-06-01 is after asOf: not counted yet
  expect(months[5]).toMatchObject({ due: 0, done: 0 });
  expect(months[11]).toMatchObject({ due: 1, done: 0 });
  expect(monthlyTrend([], '2021-05-15')).toEqual([]);
});

describeOnFastestDatabase('HTTP API: GET /api/statistics/trend', (t) => {
  let world: World;
  afterAll(() => world?.app.close());

  async function trend(client: Client, query: string) {
    const reply = await client.get(`/api/statistics/trend?${query}`);
    expect(reply.statusCode, reply.body).toBe(200);
    return reply.json() as { asOf: string; months: Month[] };
  }
  const sum = (months: Month[], key: keyof Omit<Month, 'month'>) => months.reduce((n, m) => n + m[key], 0);

  // one world (the database is emptied before every test): the checks run in one test
  it('adds up to the statistics as of a date, counts nothing done later, scopes an agency and refuses a bad period', async () => {
    world = await buildWorld(t);
    const plan = '87/KH-UBND';
    await submitResult(systemContextFor(t.db, world.authorityId), {
      plan,
      task: 'I.3',
      agency: 'STP',
      submittedOn: '2021-01-18',
      accept: true,
    });
    await submitResult(systemContextFor(t.db, world.authorityId), {
      plan,
      task: 'I.2',
      agency: 'STP',
      submittedOn: '2021-02-10',
      accept: true,
    });
    const office = await signIn(world.app, 'vanphong');

    // due per month sums to the dated items, done per month to the done ones
    const body = await trend(office, 'asOf=2021-12-31');
    const c = (await office.get('/api/statistics?asOf=2021-12-31')).json().totals.counts;
    expect(sum(body.months, 'due')).toBe(c.total - c.ongoing - c.cancelled);
    expect(sum(body.months, 'done')).toBe(c.done_on_time + c.done_late);
    expect(sum(body.months, 'doneOnTime')).toBe(c.done_on_time);
    expect(sum(body.months, 'done')).toBe(2);
    expect(body.months.find((m) => m.month === '2021-01')).toMatchObject({ done: 1, doneOnTime: 1 });
    expect(body.months.find((m) => m.month === '2021-02')?.done).toBe(1);
    const keys = body.months.map((m) => m.month);
    expect(keys).toEqual([...new Set(keys)].sort());

    // as of 01/02 the result of 10/02 is not counted yet
    expect(sum((await trend(office, 'asOf=2021-02-01')).months, 'done')).toBe(1);

    // an agency sees its own months only
    const stp = await signIn(world.app, 'stp');
    const own = await trend(stp, 'asOf=2021-12-31');
    const s = (await stp.get('/api/statistics?asOf=2021-12-31')).json().totals.counts;
    expect(s.total).toBeLessThan(c.total);
    expect(sum(own.months, 'due')).toBe(s.total - s.ongoing - s.cancelled);
    expect(sum(own.months, 'done')).toBe(2);

    // a period that ends before it starts
    const reply = await office.get('/api/statistics/trend?from=2021-03-01&to=2021-01-01');
    expect(reply.statusCode).toBe(400);
    expect(reply.json().error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(reply.json().error.message).toContain('Kỳ báo cáo');
  });
});
