import { describe, expect, it } from 'vitest';
import { ND335_GRADES } from '../shared/schemas/scoring.ts';
import {
  type AgencyFacts,
  type AgencyScore,
  type Criterion,
  commendationLists,
  formatPercent,
  formatPoints,
  type RuleSet,
  type ScoreItem,
  type ScoreReminder,
  scoreAgencyYear,
} from './scoring.ts';

const GRADES = [
  { minRate: 0.9, label: 'Tốt' },
  { minRate: 0.8, label: 'Khá' },
  { minRate: 0.65, label: 'Trung bình' },
  { minRate: 0, label: 'Yếu' },
];

const ruleSet = (...criteria: Criterion[]): RuleSet => ({
  year: 2021,
  name: 'thử',
  criteria,
  grades: GRADES,
  exclude: [],
  criticismThreshold: 3,
});

const perReminder: Criterion = {
  kind: 'per_reminder',
  id: 'nn',
  name: 'Nhắc nhở',
  max: 2,
  deduction: 0.5,
  floor: 0,
};
const bands: Criterion = {
  kind: 'rate_bands',
  id: 'dh',
  name: 'Đúng hạn',
  max: 2,
  bands: [
    { minRate: 1, points: 2 },
    { minRate: 0.8, points: 1.5 },
    { minRate: 0.5, points: 1 },
    { minRate: 0, points: 0 },
  ],
};
const nd335: Criterion = {
  kind: 'nd335',
  id: 'nd335',
  name: 'NĐ 335',
  max: 100,
  general: { max: 30, points: { STP: 25 } },
  results: { max: 70, deductionPerLateTask: 2, deductionPerOverdueTask: 5 },
  grades: ND335_GRADES,
};

const reminder = (task: string, dueOn: string): ScoreReminder => ({
  plan: '87/KH-UBND',
  task,
  occurrence: 0,
  dueOn,
  remindedOn: `${dueOn.slice(0, 8)}${String(Number(dueOn.slice(8)) + 1).padStart(2, '0')}`,
});
const item = (task: string, state: ScoreItem['state'], doneOn: string | null = null): ScoreItem => ({
  plan: '87/KH-UBND',
  task,
  occurrence: 0,
  dueOn: '2021-01-20',
  doneOn,
  state,
});
const facts = (over: Partial<AgencyFacts> = {}): AgencyFacts => ({
  code: 'STP',
  name: 'Sở Tư pháp',
  reminders: [],
  items: [],
  ...over,
});

function expectTraceable(score: AgencyScore) {
  const lost = score.lost.reduce((sum, l) => sum + l.points, 0);
  expect(Math.round((score.max - score.points) * 100)).toBe(Math.round(lost * 100));
}

describe('scoreAgencyYear — per reminder (the seed criterion)', () => {
  it('takes 0.5 per written reminder from 2 points, each deduction naming its reminder', () => {
    const score = scoreAgencyYear(
      ruleSet(perReminder),
      facts({ reminders: [reminder('I.3', '2021-01-20'), reminder('I.2', '2021-01-31')] }),
    );
    expect(score).toMatchObject({ max: 2, points: 1, rate: 0.5, grade: 'Yếu', reminders: 2 });
    expect(score.lost).toHaveLength(2);
    expect(score.lost[0]).toMatchObject({
      criterion: 'nn',
      points: 0.5,
      because: [{ plan: '87/KH-UBND', task: 'I.3', dueOn: '2021-01-20', remindedOn: '2021-01-21' }],
    });
    expect(score.lost[0]?.reason).toContain('21/01/2021');
    expectTraceable(score);
  });

  it('never goes below the floor, and still lists every reminder', () => {
    const many = ['10', '11', '12', '13', '14', '15'].map((d) => reminder(`I.${d}`, `2021-02-${d}`));
    const score = scoreAgencyYear(ruleSet(perReminder), facts({ reminders: many }));
    expect(score.points).toBe(0);
    expect(score.lost.map((l) => l.points)).toEqual([0.5, 0.5, 0.5, 0.5, 0, 0]);
    expect(score.lost[5]?.reason).toContain('mức sàn');
    expectTraceable(score);
  });

  it('gives full marks with no reminder, and honours a maximum set for one agency', () => {
    expect(scoreAgencyYear(ruleSet(perReminder), facts())).toMatchObject({
      points: 2,
      rate: 1,
      grade: 'Tốt',
      lost: [],
    });
    const wider = { ...perReminder, maxByAgency: { STP: 3 } };
    const score = scoreAgencyYear(ruleSet(wider), facts({ reminders: [reminder('I.3', '2021-01-20')] }));
    expect(score).toMatchObject({ max: 3, points: 2.5, rate: 0.8333, grade: 'Khá' });
    expect(scoreAgencyYear(ruleSet(wider), facts({ code: 'SNV' })).max).toBe(2);
  });
});

/** One task done on time, one done late, one still overdue. */
const ON_TIME_LATE_OVERDUE = [
  item('I.2', 'done_on_time', '2021-01-19'),
  item('I.3', 'done_late', '2021-02-01'),
  item('I.8', 'open_overdue'),
];

describe('scoreAgencyYear — rate bands', () => {
  it('gives the points of the first band the on-time rate reaches, and names the tasks not on time', () => {
    const items = ON_TIME_LATE_OVERDUE;
    const score = scoreAgencyYear(ruleSet(bands), facts({ items }));
    // 1/3 on time = 33,33% < 50% → the 0-point band
    expect(score).toMatchObject({ max: 2, points: 0, due: 3, onTime: 1 });
    expect(score.lost).toHaveLength(1);
    expect(score.lost[0]?.points).toBe(2);
    expect(score.lost[0]?.because.map((c) => [c.task, c.state, c.doneOn])).toEqual([
      ['I.3', 'done_late', '2021-02-01'],
      ['I.8', 'open_overdue', null],
    ]);
    const half = scoreAgencyYear(ruleSet(bands), facts({ items: items.slice(0, 2) }));
    expect(half).toMatchObject({ points: 1, rate: 0.5 });
    expect(half.criteria[0]?.note).toContain('50%');
    expectTraceable(half);
  });

  it('gives full points when nothing was due, and says so', () => {
    const score = scoreAgencyYear(ruleSet(bands), facts());
    expect(score).toMatchObject({ points: 2, lost: [] });
    expect(score.criteria[0]?.note).toBe('Không có nhiệm vụ đến hạn trong năm: đạt điểm tối đa.');
  });

  it('scales the band points to an agency’s own maximum', () => {
    const score = scoreAgencyYear(
      ruleSet({ ...bands, maxByAgency: { STP: 4 } } as Criterion),
      facts({ items: [item('I.2', 'done_on_time', '2021-01-19'), item('I.3', 'open_overdue')] }),
    );
    expect(score).toMatchObject({ max: 4, points: 2, rate: 0.5 });
  });
});

describe('scoreAgencyYear — NĐ 335/2025 style', () => {
  it('adds the general part (entered, or full) and the results part minus late and overdue tasks', () => {
    const items = ON_TIME_LATE_OVERDUE;
    const stp = scoreAgencyYear(ruleSet(nd335), facts({ items }));
    // 25 entered + (70 − 2 − 5) = 88
    expect(stp).toMatchObject({ max: 100, points: 88, rate: 0.88, grade: 'Hoàn thành tốt nhiệm vụ' });
    expect(stp.lost.map((l) => l.points)).toEqual([5, 2, 5]);
    expect(stp.lost[0]?.because).toEqual([]);
    expect(stp.lost[1]?.because[0]).toMatchObject({ task: 'I.3', doneOn: '2021-02-01', state: 'done_late' });
    expectTraceable(stp);
    const snv = scoreAgencyYear(ruleSet(nd335), facts({ code: 'SNV', items: [] }));
    expect(snv).toMatchObject({ points: 100, grade: 'Hoàn thành xuất sắc nhiệm vụ' });
    expect(snv.criteria[0]?.note).toContain('mặc định đủ điểm');
  });

  it('never takes the results part below 0', () => {
    const items = Array.from({ length: 20 }, (_, i) => item(`II.${i + 1}`, 'open_overdue'));
    const score = scoreAgencyYear(ruleSet(nd335), facts({ code: 'VP', items }));
    expect(score).toMatchObject({ points: 30, grade: 'Không hoàn thành nhiệm vụ' });
    expect(score.lost.filter((l) => l.points === 0)).toHaveLength(6);
    expectTraceable(score);
  });
});

describe('commendationLists', () => {
  it('commends agencies with tasks due and all on time, criticises from the threshold', () => {
    const lists = commendationLists(
      [
        facts({ items: [item('I.3', 'done_on_time', '2021-01-19')] }),
        facts({ code: 'SNV', name: 'Sở Nội vụ', items: [item('I.8', 'done_late', '2021-02-01')] }),
        facts({ code: 'STC', name: 'Sở Tài chính' }),
        facts({
          code: 'VP',
          name: 'Văn phòng UBND tỉnh',
          reminders: [
            reminder('I.1', '2021-01-13'),
            reminder('I.7', '2021-01-20'),
            reminder('I.9', '2021-01-25'),
          ],
        }),
      ],
      3,
    );
    expect(lists.commended).toEqual([{ code: 'STP', name: 'Sở Tư pháp', due: 1 }]);
    expect(lists.criticised.map((a) => [a.code, a.reminders, a.because.length])).toEqual([['VP', 3, 3]]);
  });
});

describe('number formats', () => {
  it('writes points and rates the Vietnamese way', () => {
    expect(formatPoints(0.5)).toBe('0,5');
    expect(formatPoints(12)).toBe('12');
    expect(formatPercent(2 / 3)).toBe('66,67%');
  });
});
