import { beforeEach, describe, expect, it } from 'vitest';
import { createPlan } from '../src/modules/plans/plans.service.ts';
import { submitResult } from '../src/modules/results/results.service.ts';
import { STAT_KEYS } from '../src/modules/statistics/statistics.rules.ts';
import { getStatus } from '../src/modules/status/status.service.ts';
import { systemContextFor } from './support/context.ts';
import { describeOnFastestDatabase } from './support/databases.ts';
import { anonymous, buildWorld, type Client, signIn, type World } from './support/http.ts';
import { restoredBeforeEach } from './support/snapshot.ts';

interface Group {
  id: number;
  code: string;
  name: string;
  counts: Record<string, number>;
  onTimeRate: number | null;
}

describeOnFastestDatabase('HTTP API: statistics and their drill-down lists', (t) => {
  // the seed world built once and the Office signed in once, before the snapshot (test/support/snapshot.ts):
  // the session is part of the rows put back, so a test that only reads leaves nothing to put back
  let world: World | undefined;
  let office: Client | undefined;
  restoredBeforeEach(
    t,
    async () => {
      world = await buildWorld(t);
      office = await signIn(world.app, 'vanphong');
    },
    async () => {
      await world?.app.close();
    },
  );
  const seed = {
    get world(): World {
      if (!world) throw new Error('the seed world is not built yet');
      return world;
    },
    get office(): Client {
      if (!office) throw new Error('the Office is not signed in yet');
      return office;
    },
  };

  /** Results on time, late, early and pending, a cancellation, and a plan with ongoing and quarterly tasks. */
  async function addActivity() {
    const plan = '87/KH-UBND';
    const submit = (task: string, agency: string, submittedOn: string, accept = true) =>
      submitResult(systemContextFor(t.db, seed.world.authorityId), {
        plan,
        task,
        agency,
        submittedOn,
        accept,
      });
    await submit('I.3', 'STP', '2021-01-18');
    await submit('I.2', 'STP', '2021-02-10');
    await submit('II.6', 'STP', '2021-02-01');
    await submit('I.6', 'SNV', '2021-01-19', false);
    await submit('I.8', 'SNV', '2021-01-20');
    await t.db
      .updateTable('assignment')
      .set({ cancelled_on: '2021-02-01' })
      .where('id', '=', (await submit('I.14', 'VP', '2021-03-01', false)).assignmentId)
      .execute();
    await createPlan(systemContextFor(t.db, seed.world.authorityId), {
      docType: 'KH',
      number: '12/KH-UBND',
      issuedOn: '2021-02-01',
      title: 'Kế hoạch thử nghiệm thống kê',
      tasks: [
        { no: '1', content: 'Theo dõi thường xuyên', leadText: 'Sở Tư pháp', deadlineText: 'Thường xuyên' },
        { no: '2', content: 'Báo cáo hằng quý', leadText: 'Sở Nội vụ', deadlineText: 'Hằng quý' },
      ],
    });
  }

  async function statistics(client: Client, query: string) {
    const reply = await client.get(`/api/statistics?${query}`);
    expect(reply.statusCode, reply.body).toBe(200);
    return reply.json() as { groups: Group[]; totals: Omit<Group, 'id' | 'code' | 'name'>; asOf: string };
  }

  async function itemsTotal(client: Client, query: string) {
    const reply = await client.get(`/api/statistics/items?${query}&pageSize=1`);
    expect(reply.statusCode, reply.body).toBe(200);
    return reply.json().total as number;
  }

  /** Every figure of every group, and every total, equals the `total` of its drill-down list. */
  async function expectEveryFigureDrillsDown(client: Client, filter: string, groupBy: 'agency' | 'plan') {
    const body = await statistics(client, `${filter}&groupBy=${groupBy}`);
    expect(body.groups.length).toBeGreaterThan(0);
    const checks: [string, number, string][] = [];
    for (const key of STAT_KEYS) {
      checks.push([`totals.${key}`, body.totals.counts[key] ?? -1, `${filter}&state=${key}`]);
      for (const group of body.groups) {
        const by = groupBy === 'agency' ? `agencyId=${group.id}` : `planId=${group.id}`;
        const extra = groupBy === 'plan' && filter.includes('planId') ? '' : `&${by}`;
        checks.push([`${group.code}.${key}`, group.counts[key] ?? -1, `${filter}${extra}&state=${key}`]);
      }
    }
    for (let i = 0; i < checks.length; i += 8) {
      const batch = checks.slice(i, i + 8);
      const totals = await Promise.all(batch.map(([, , query]) => itemsTotal(client, query)));
      expect(batch.map(([label, , _q], j) => [label, totals[j]])).toEqual(
        batch.map(([label, figure]) => [label, figure]),
      );
    }
    for (const { counts, onTimeRate } of [...body.groups, body.totals]) {
      expect(onTimeRate).toBe(counts.due ? (counts.due_on_time ?? 0) / counts.due : null);
    }
    return body;
  }

  it('as of 2021-02-15 the Office sees 68 overdue and 68 reminders, and STP its own figures', async () => {
    const body = await statistics(seed.office, 'asOf=2021-02-15');
    expect(body.totals.counts).toMatchObject({
      open_overdue: 68,
      reminders: 68,
      due: 68,
      d0_30: 67,
      d31_90: 1,
    });
    expect(body.totals.onTimeRate).toBe(0);
    expect(body.groups.find((g) => g.code === 'VP')?.counts).toMatchObject({ open_overdue: 8, reminders: 8 });
    const stp = body.groups.find((g) => g.code === 'STP');
    expect(stp).toMatchObject({ id: seed.world.agency('STP'), name: 'Sở Tư pháp', onTimeRate: 0 });
    expect(stp?.counts).toMatchObject({
      total: 4,
      open_overdue: 3,
      open_on_time: 1,
      due: 3,
      reminders: 3,
      d0_30: 3,
    });
  });

  it('agrees with GET /api/status on the six states and the reminders', async () => {
    await addActivity();
    for (const asOf of ['2021-02-15', '2021-12-31']) {
      const status = await getStatus(systemContextFor(t.db, seed.world.authorityId), { asOf });
      const body = await statistics(seed.office, `asOf=${asOf}`);
      expect(body.groups.map((g) => g.code)).toEqual(status.agencies.map((a) => a.code));
      for (const agency of status.agencies) {
        const { code, name: _name, ...counts } = agency;
        expect(body.groups.find((g) => g.code === code)?.counts).toMatchObject(counts);
      }
    }
  });

  // about 500 drill-down requests per scenario
  describe('every figure equals the total of its drill-down list', () => {
    beforeEach(addActivity);
    it.each([
      ['as of 2021-02-15', 'asOf=2021-02-15'],
      ['as of 2021-12-31', 'asOf=2021-12-31'],
      ['for the first quarter, as of 2021-12-31', 'asOf=2021-12-31&from=2021-01-01&to=2021-03-31'],
    ])('per agency, %s', async (_label, filter) => {
      const body = await expectEveryFigureDrillsDown(seed.office, filter, 'agency');
      const sum = (key: string) => body.groups.reduce((n, g) => n + (g.counts[key] ?? 0), 0);
      for (const key of STAT_KEYS) expect(sum(key)).toBe(body.totals.counts[key]);
    });
    it('so that every figure is non-zero somewhere in these scenarios (none is checked vacuously)', async () => {
      const seen = new Set<string>();
      for (const filter of [
        'asOf=2021-02-15',
        'asOf=2021-12-31',
        'asOf=2021-12-31&from=2021-01-01&to=2021-03-31',
      ]) {
        const body = await statistics(seed.office, filter);
        for (const key of STAT_KEYS) if (body.totals.counts[key]) seen.add(key);
      }
      expect([...seen].sort()).toEqual([...STAT_KEYS].sort());
    });
    it('per plan, and per agency within one plan', async () => {
      const plans = await statistics(seed.office, 'asOf=2021-12-31&groupBy=plan');
      expect(plans.groups.map((g) => g.code)).toEqual(['87/KH-UBND', '12/KH-UBND']);
      expect(plans.groups[1]?.counts).toMatchObject({ ongoing: 1, total: 5 });
      await expectEveryFigureDrillsDown(seed.office, 'asOf=2021-12-31', 'plan');
      await expectEveryFigureDrillsDown(
        seed.office,
        `asOf=2021-12-31&planId=${plans.groups[1]?.id}`,
        'agency',
      );
    });
    it('the period report counts only what falls due in it, so nothing ongoing', async () => {
      const body = await statistics(seed.office, 'asOf=2021-12-31&from=2021-01-01&to=2021-03-31');
      expect(body.totals.counts).toMatchObject({ ongoing: 0, cancelled: 1, done_on_time: 2, done_late: 1 });
      const year = await statistics(seed.office, 'asOf=2021-12-31');
      expect(year.totals.counts.ongoing).toBe(1);
      // 111 less I.3/STP and I.8/SNV done on time, II.6/STP done early, I.14/VP cancelled before its due date;
      // plus the quarterly task's first three quarters (the fourth is reminded on 1/1/2022)
      expect(year.totals.counts.reminders).toBe(111 - 4 + 3);
    });
    it('an agency sees its own figures and lists, and every figure drills down', async () => {
      const stp = await signIn(seed.world.app, 'stp');
      const body = await expectEveryFigureDrillsDown(stp, 'asOf=2021-12-31', 'agency');
      expect(body.groups.map((g) => g.code)).toEqual(['STP']);
      expect(body.groups[0]?.counts).toMatchObject({
        done_on_time: 2,
        done_late: 1,
        ongoing: 1,
        open_overdue: 1,
      });
      const list = (await stp.get('/api/statistics/items?asOf=2021-12-31')).json();
      expect(new Set(list.items.map((i: { agency: { code: string } }) => i.agency.code))).toEqual(
        new Set(['STP']),
      );
      const other = await stp.get(
        `/api/statistics/items?asOf=2021-12-31&agencyId=${seed.world.agency('SNV')}`,
      );
      expect(other.statusCode).toBe(403);
    });
  });

  it('pages through a list: every item once, in order, with the page asked for', async () => {
    const all = (
      await seed.office.get('/api/statistics/items?asOf=2021-02-15&state=reminders&pageSize=200')
    ).json();
    expect(all.total).toBe(68);
    const ids: number[] = [];
    for (let page = 1; page <= 3; page++) {
      const reply = (
        await seed.office.get(
          `/api/statistics/items?asOf=2021-02-15&state=reminders&pageSize=30&page=${page}`,
        )
      ).json();
      expect(reply).toMatchObject({ total: 68, page, pageSize: 30 });
      ids.push(...reply.items.map((i: { assignmentId: number }) => i.assignmentId));
    }
    expect(ids).toEqual(all.items.map((i: { assignmentId: number }) => i.assignmentId));
    const item = all.items.find(
      (i: { agency: { code: string }; task: { ref: string } }) =>
        i.agency.code === 'STP' && i.task.ref === 'I.3',
    );
    expect(item).toMatchObject({
      plan: { number: '87/KH-UBND' },
      task: { ref: 'I.3', content: expect.stringMatching(/\S/) },
      state: 'open_overdue',
      dueOn: '2021-01-20',
      daysOverdue: 26,
      remindedOn: '2021-01-21',
    });
  });

  it('the other authority sees only its own agencies and plans', async () => {
    const bd = await signIn(seed.world.app, 'bd.vanphong');
    for (const groupBy of ['agency', 'plan']) {
      const reply = await bd.get(`/api/statistics?asOf=2021-12-31&groupBy=${groupBy}`);
      expect(reply.body).not.toContain('87/KH-UBND');
      expect(reply.json().groups.map((g: Group) => g.code)).toEqual([
        groupBy === 'agency' ? 'STP' : '52/KH-UBND',
      ]);
      expect(reply.json().totals.counts).toMatchObject({ total: 1, reminders: 1 });
    }
    const items = await bd.get('/api/statistics/items?asOf=2021-12-31');
    expect(items.json().items.map((i: { plan: { number: string } }) => i.plan.number)).toEqual([
      '52/KH-UBND',
    ]);
    expect((await bd.get(`/api/statistics/items?agencyId=${seed.world.agency('STP')}`)).statusCode).toBe(404);
  });

  it.each([
    ['/api/statistics?asOf=2021-02-15&from=2021-03-01&to=2021-01-01', 400, 'VALIDATION_FAILED'],
    ['/api/statistics?from=2021-02-30', 400, 'VALIDATION_FAILED'],
    ['/api/statistics?asOf=15/02/2021', 400, 'INVALID_DATE'],
    ['/api/statistics?groupBy=task', 400, 'VALIDATION_FAILED'],
    ['/api/statistics?planId=999999', 404, 'PLAN_NOT_FOUND'],
    ['/api/statistics/items?state=late', 400, 'VALIDATION_FAILED'],
    ['/api/statistics/items?pageSize=500', 400, 'VALIDATION_FAILED'],
    ['/api/statistics/items?agencyId=999999', 404, 'AGENCY_NOT_FOUND'],
  ])('%s → %i %s', async (url, status, code) => {
    const reply = await seed.office.get(url);
    expect(reply.statusCode).toBe(status);
    expect(reply.json().error.code).toBe(code);
  });

  it('is for signed-in users with stats.read: the leader yes, the public no', async () => {
    expect(
      (await (await signIn(seed.world.app, 'lanhdao')).get('/api/statistics?asOf=2021-02-15')).statusCode,
    ).toBe(200);
    expect((await anonymous(seed.world.app).get('/api/statistics')).statusCode).toBe(401);
    expect((await anonymous(seed.world.app).get('/api/statistics/items')).statusCode).toBe(401);
  });
});
