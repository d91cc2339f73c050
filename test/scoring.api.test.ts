import { afterEach, beforeEach, expect, it } from 'vitest';
import type { AgencyScore } from '../src/domain/scoring.ts';
import { submitResult } from '../src/modules/results/results.service.ts';
import { defaultRuleSet, nd335RuleSet } from '../src/modules/scoring/default-rule-set.ts';
import { listWrittenReminders, type ReminderRow } from '../src/modules/status/status.service.ts';
import { systemContextFor } from './support/context.ts';
import { describeOnFastestDatabase, truncateAll } from './support/databases.ts';
import { anonymous, buildWorld, type Client, expectReply, signIn, type World } from './support/http.ts';

const PLAN = '87/KH-UBND';
const ALL_29 = 29;

describeOnFastestDatabase('HTTP API: scoring, commendation and criticism', (t) => {
  let world: World;
  let office: Client;
  beforeEach(async () => {
    world = await buildWorld(t, { now: () => new Date('2022-03-01T03:00:00Z') });
    office = await signIn(world.app, 'vanphong');
  });
  afterEach(() => world.app.close());

  /** The 2021 written reminders per agency, straight from the reminder rule (not hard-coded). */
  async function remindersOf2021(): Promise<Map<string, ReminderRow[]>> {
    const rows = await (
      await listWrittenReminders(systemContextFor(t.db, world.authorityId), { asOf: '2022-01-01' })
    ).reminders;
    const by = new Map<string, ReminderRow[]>();
    for (const r of rows.filter((r) => r.year === 2021)) by.set(r.agency, [...(by.get(r.agency) ?? []), r]);
    return by;
  }

  /** Results on time (on the due date) for each agency's 1st, 3rd, 5th … overdue task in reminder order. */
  async function halfOnTime(): Promise<Map<string, number>> {
    const before = await remindersOf2021();
    for (const rows of before.values()) {
      for (const [i, r] of rows.entries()) {
        if (i % 2 === 0)
          await submitResult(systemContextFor(t.db, world.authorityId), {
            plan: PLAN,
            task: r.task,
            agency: r.agency,
            submittedOn: r.dueOn,
            accept: true,
          });
      }
    }
    return new Map([...before].map(([code, rows]) => [code, rows.length]));
  }

  async function scores(client: Client, year = 2021) {
    const reply = await client.get(`/api/scores?year=${year}`);
    expect(reply.statusCode, reply.body).toBe(200);
    return reply.json() as {
      asOf: string;
      provisional: boolean;
      ruleSet: { source: string };
      agencies: AgencyScore[];
    };
  }

  const byCode = (agencies: AgencyScore[]) => new Map(agencies.map((a) => [a.code, a]));

  it('with no results: every agency gets 2 − 0.5 per 2021 reminder (floor 0), each deduction traced', async () => {
    const body = await scores(office);
    expect(body).toMatchObject({ asOf: '2021-12-31', provisional: false, ruleSet: { source: 'default' } });
    expect(body.agencies).toHaveLength(ALL_29); // the Office (VP) is scored too by default
    const reminders = await remindersOf2021();
    expect([...reminders.values()].flat()).toHaveLength(111); // docs/domain-rules.md §6
    for (const a of body.agencies) {
      const mine = reminders.get(a.code) ?? [];
      const points = Math.max(0, 2 - 0.5 * mine.length);
      expect([a.code, a.max, a.points, a.rate, a.reminders]).toEqual([
        a.code,
        2,
        points,
        points / 2,
        mine.length,
      ]);
      expect(a.lost.map((l) => l.because[0]?.task)).toEqual(mine.map((r) => r.task));
      expect(a.lost.reduce((s, l) => s + l.points, 0)).toBe(2 - points);
    }
    // §6: as of 15/02 the districts had 2 reminders; by the year end they have 3 → 0,5 point, 25%, Yếu
    expect(byCode(body.agencies).get('TPTN')).toMatchObject({
      reminders: 3,
      points: 0.5,
      rate: 0.25,
      grade: 'Yếu',
    });
    expect(byCode(body.agencies).get('VP')).toMatchObject({ points: 0, grade: 'Yếu' });
  });

  it('with half of the tasks done on time the reminders halve and the points follow the rule', async () => {
    const counts = await halfOnTime();
    const body = byCode((await scores(office)).agencies);
    // n overdue tasks, the 1st, 3rd … done on time → ⌊n/2⌋ reminders → 2 − 0,5 × ⌊n/2⌋ points
    const expected: Record<number, Partial<AgencyScore>> = {
      3: { reminders: 1, points: 1.5, rate: 0.75, grade: 'Trung bình', due: 3, onTime: 2 },
      4: { reminders: 2, points: 1, rate: 0.5, grade: 'Yếu', due: 4, onTime: 2 },
      5: { reminders: 2, points: 1, rate: 0.5, grade: 'Yếu', due: 5, onTime: 3 },
    };
    for (const [code, n] of counts) {
      const e = expected[n] ?? {
        reminders: Math.floor(n / 2),
        points: Math.max(0, 2 - 0.5 * Math.floor(n / 2)),
      };
      expect([code, body.get(code)]).toEqual([code, expect.objectContaining(e)]);
    }
    expect(counts.get('STP')).toBe(4); // I.3, I.8, I.2, II.6: I.3 and I.2 on time
    expect(body.get('STP')?.lost.map((l) => [l.because[0]?.task, l.because[0]?.remindedOn])).toEqual([
      ['I.8', '2021-01-21'],
      ['II.6', '2021-04-13'],
    ]);
    const lists = (await office.get('/api/commendations?from=2021-01-01&to=2021-12-31')).json();
    // only VP keeps ≥ 3, and the Office does not propose itself (docs/domain-rules.md §7) …
    expect(lists.criticised).toEqual([]);
    // … unless the rule set says the lists include the monitor
    const withMonitor = { ...defaultRuleSet(2021), listMonitor: true, version: null };
    expect((await office.put('/api/score-rule-sets/2021', withMonitor)).statusCode).toBe(200);
    const listed = (await office.get('/api/commendations?from=2021-01-01&to=2021-12-31')).json();
    expect(listed.criticised.map((a: { code: string }) => a.code)).toEqual(['VP']);
    const q2 = (await office.get('/api/commendations?from=2021-04-01&to=2021-06-30')).json();
    const commended = q2.commended.map((a: { code: string }) => a.code);
    expect(commended).toContain('SCT'); // its only Q2 task, II.6, done on time
    expect(commended).not.toContain('STP'); // II.6 not done
  });

  it('scores the same data with rate bands and with the NĐ 335/2025 style', async () => {
    const counts = await halfOnTime();
    await submitResult(systemContextFor(t.db, world.authorityId), {
      plan: PLAN,
      task: 'I.8',
      agency: 'STP',
      submittedOn: '2021-02-01',
      accept: true,
    });
    const bands = {
      name: 'Tỷ lệ đúng hạn',
      criteria: [
        {
          kind: 'rate_bands',
          id: 'dung-han',
          name: 'Tỷ lệ nhiệm vụ hoàn thành đúng hạn',
          max: 2,
          maxByAgency: { VP: 4 },
          bands: [
            { minRate: 1, points: 2 },
            { minRate: 0.6, points: 1.5 },
            { minRate: 0.5, points: 1 },
            { minRate: 0, points: 0 },
          ],
        },
      ],
    };
    const put = await office.put('/api/score-rule-sets/2021', bands);
    expectReply(put, 200, { source: 'configured', version: 1 });
    const byBands = byCode((await scores(office)).agencies);
    // on time: 2/3 = 66,67% → 1,5; 2/4 = 50% → 1; 3/5 = 60% → 1,5; VP 10/20 = 50% → 1 of 2, scaled to 2 of 4
    for (const [code, n] of counts) {
      const points = code === 'VP' ? 2 : n === 4 ? 1 : 1.5;
      expect([code, byBands.get(code)?.points]).toEqual([code, points]);
    }
    expect(byBands.get('VP')).toMatchObject({ max: 4, rate: 0.5 });
    expect(byBands.get('STP')?.lost[0]?.because.map((c) => [c.task, c.state])).toEqual([
      ['I.8', 'done_late'],
      ['II.6', 'open_overdue'],
    ]);

    const nd = nd335RuleSet(2021);
    const [criterion] = nd.criteria;
    if (criterion?.kind !== 'nd335') throw new Error('template');
    const nd335 = {
      ...nd,
      exclude: ['VP'],
      criteria: [{ ...criterion, general: { max: 30, points: { STP: 25 } } }],
    };
    expect((await office.put('/api/score-rule-sets/2021', { ...nd335, version: 1 })).statusCode).toBe(200);
    const byNd = byCode((await scores(office)).agencies);
    expect(byNd.size).toBe(ALL_29 - 1);
    expect(byNd.has('VP')).toBe(false);
    // STP: 25 entered + 70 − 2 (I.8 late) − 5 (II.6 overdue) = 88; 3 tasks: 30 + 70 − 5 = 95; 5 tasks: 30 + 70 − 10 = 90
    expect(byNd.get('STP')).toMatchObject({ max: 100, points: 88, grade: 'Hoàn thành tốt nhiệm vụ' });
    expect(byNd.get('SCT')).toMatchObject({ points: 95, grade: 'Hoàn thành xuất sắc nhiệm vụ' });
    expect(byNd.get('SNV')).toMatchObject({ points: 90, grade: 'Hoàn thành xuất sắc nhiệm vụ' });
    expect(byNd.get('STP')?.lost.map((l) => l.points)).toEqual([5, 2, 5]);
  });

  it('refuses rule sets that do not add up, with negative deductions or overlapping bands', async () => {
    const nd = nd335RuleSet(2021);
    const [criterion] = nd.criteria;
    if (criterion?.kind !== 'nd335') throw new Error('template');
    const refused = async (body: unknown, ...parts: string[]) => {
      const reply = await office.put('/api/score-rule-sets/2021', body);
      expect(reply.statusCode, reply.body).toBe(400);
      const error = reply.json().error;
      expect(error.code).toBe('VALIDATION_FAILED');
      for (const part of parts) expect(error.message).toContain(part);
    };
    await refused(
      { ...nd, criteria: [{ ...criterion, results: { ...criterion.results, max: 60 } }] },
      'phần đánh giá chung 30 + phần kết quả 60 = 90, điểm tối đa 100',
    );
    const perReminder = {
      kind: 'per_reminder',
      id: 'a',
      name: 'Nhắc nhở',
      max: 2,
      deduction: -0.5,
      floor: 0,
    };
    await refused({ name: 'Âm', criteria: [perReminder] }, 'không được âm (đang là -0,5)');
    const overlapping = [
      { minRate: 1, points: 2 },
      { minRate: 0.5, points: 1 },
      { minRate: 0.5, points: 0.5 },
    ];
    await refused(
      {
        name: 'Chồng lấn',
        criteria: [{ kind: 'rate_bands', id: 'b', name: 'B', max: 2, bands: overlapping }],
      },
      'hai mức cùng ngưỡng 50% (chồng lấn)',
    );
    await refused({ ...nd, exclude: ['XYZ'] }, 'Mã cơ quan không có trong danh mục: XYZ');
    await refused({ ...nd, year: 2022 }, 'khác năm trên đường dẫn');
    const shape = await office.put('/api/score-rule-sets/2021', {
      name: 'x',
      criteria: [{ kind: 'điểm cộng' }],
    });
    expect(shape.statusCode).toBe(400);
    expect((await office.get('/api/score-rule-sets/2021')).json()).toMatchObject({
      source: 'default',
      version: null,
    });

    expect((await office.put('/api/score-rule-sets/2021', nd)).statusCode).toBe(200);
    const stale = await office.put('/api/score-rule-sets/2021', nd);
    expect([stale.statusCode, stale.json().error.code]).toEqual([409, 'VERSION_CONFLICT']);
    const saved = await office.get('/api/score-rule-sets/2021');
    expect(saved.json()).toMatchObject({
      source: 'configured',
      version: 1,
      ruleSet: { name: nd.name, year: 2021 },
    });
  });

  it('shows an agency only itself, another authority nothing of UBND-TN, the public nothing', async () => {
    const stp = await signIn(world.app, 'stp');
    const own = await scores(stp);
    expect(own.agencies.map((a) => a.code)).toEqual(['STP']);
    const lists = (await stp.get('/api/commendations?from=2021-01-01&to=2021-12-31')).json();
    expect(lists.criticised.map((a: { code: string }) => a.code)).toEqual(['STP']);
    expect((await stp.get('/api/score-rule-sets/2021')).statusCode).toBe(403);
    expect((await stp.put('/api/score-rule-sets/2021', nd335RuleSet(2021))).statusCode).toBe(403);
    const leader = await signIn(world.app, 'lanhdao');
    expect((await leader.get('/api/score-rule-sets/2021')).statusCode).toBe(200);
    expect((await leader.put('/api/score-rule-sets/2021', nd335RuleSet(2021))).statusCode).toBe(403);

    const bd = await signIn(world.app, 'bd.vanphong');
    const other = await scores(bd);
    expect(other.agencies.map((a) => [a.code, a.reminders])).toEqual([
      ['VP', 0],
      ['STP', 1], // its own plan 52/KH-UBND, due 30/04/2021
    ]);
    expect(JSON.stringify(other)).not.toContain(PLAN);
    const bdLists = (await bd.get('/api/commendations?from=2021-01-01&to=2021-12-31')).json();
    expect(JSON.stringify(bdLists)).not.toContain(PLAN);

    expect((await anonymous(world.app).get('/api/scores?year=2021')).statusCode).toBe(401);
    expect((await office.get('/api/scores?year=21')).statusCode).toBe(400);
    expect((await office.get('/api/commendations?from=2021-12-31&to=2021-01-01')).statusCode).toBe(400);
  });

  it('says the scores are provisional while the year runs', async () => {
    await world.app.close();
    await truncateAll(t.db);
    world = await buildWorld(t, { now: () => new Date('2021-02-15T03:00:00Z') });
    const body = await scores(await signIn(world.app, 'vanphong'));
    expect(body).toMatchObject({ asOf: '2021-02-15', provisional: true });
    // docs/domain-rules.md §6: 68 reminders by 15/02 (VP 8; STP, STTTT, STC, SNV 3; the others 2)
    expect(body.agencies.reduce((n, a) => n + a.reminders, 0)).toBe(68);
    expect(byCode(body.agencies).get('VP')).toMatchObject({ reminders: 8, points: 0 });
    expect(byCode(body.agencies).get('STP')).toMatchObject({ reminders: 3, points: 0.5 });
    expect(byCode(body.agencies).get('SCT')).toMatchObject({ reminders: 2, points: 1 });
  });
});
