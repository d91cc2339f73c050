import { afterEach, describe, expect, it } from 'vitest';
import { localDateOf } from './dates.ts';
import {
  type AssignmentFacts,
  ageingBucket,
  assignmentStateAsOf,
  daysOverdue,
  isDueBy,
  onTimeRate,
} from './state.ts';

const open = (dueOn: string | null): AssignmentFacts => ({ dueOn, doneOn: null, cancelledOn: null });

describe('assignmentStateAsOf', () => {
  it.each([
    // facts, asOf, state
    [{ dueOn: '2021-01-20', doneOn: '2021-01-19', cancelledOn: null }, '2021-02-15', 'done_on_time'],
    [{ dueOn: '2021-01-20', doneOn: '2021-01-20', cancelledOn: null }, '2021-02-15', 'done_on_time'],
    [{ dueOn: '2021-01-20', doneOn: '2021-01-25', cancelledOn: null }, '2021-02-15', 'done_late'],
    [{ dueOn: '2021-01-20', doneOn: '2021-01-25', cancelledOn: null }, '2021-01-22', 'open_overdue'],
    [{ dueOn: '2021-01-20', doneOn: '2021-01-19', cancelledOn: null }, '2021-01-18', 'open_on_time'],
    [{ dueOn: '2021-01-20', doneOn: null, cancelledOn: null }, '2021-01-20', 'open_on_time'],
    [{ dueOn: '2021-01-20', doneOn: null, cancelledOn: null }, '2021-01-21', 'open_overdue'],
    [{ dueOn: null, doneOn: null, cancelledOn: null }, '2021-12-31', 'ongoing'],
    [{ dueOn: null, doneOn: '2021-03-01', cancelledOn: null }, '2021-12-31', 'done_on_time'],
    [{ dueOn: '2021-01-20', doneOn: null, cancelledOn: '2021-01-10' }, '2021-02-15', 'cancelled'],
    [{ dueOn: '2021-01-20', doneOn: null, cancelledOn: '2021-03-10' }, '2021-02-15', 'open_overdue'],
  ] as const)('%o as of %s is %s', (facts, asOf, state) => {
    expect(assignmentStateAsOf(facts, asOf)).toBe(state);
  });
});

describe('the deadline boundary in Asia/Ho_Chi_Minh, whatever the process time zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  it.each(['UTC', 'America/Los_Angeles', 'Asia/Ho_Chi_Minh'])('TZ=%s', (tz) => {
    process.env.TZ = tz;
    const justBefore = localDateOf(new Date('2021-01-20T23:59:00+07:00'));
    const midnight = localDateOf(new Date('2021-01-21T00:00:00+07:00'));
    expect(justBefore).toBe('2021-01-20');
    expect(midnight).toBe('2021-01-21');
    expect(assignmentStateAsOf(open('2021-01-20'), justBefore)).toBe('open_on_time');
    expect(assignmentStateAsOf(open('2021-01-20'), midnight)).toBe('open_overdue');
  });
});

describe('on-time rate over due items', () => {
  it('counts done on time among the items due by the date', () => {
    const items: AssignmentFacts[] = [
      { dueOn: '2021-01-20', doneOn: '2021-01-19', cancelledOn: null },
      { dueOn: '2021-01-20', doneOn: '2021-01-25', cancelledOn: null },
      open('2021-01-31'),
      open('2021-03-01'), // not due yet: outside the rate
      { dueOn: '2021-03-01', doneOn: '2021-01-02', cancelledOn: null }, // done early, not due yet
      open(null),
      { dueOn: '2021-01-20', doneOn: null, cancelledOn: '2021-01-05' },
    ];
    expect(items.filter((i) => isDueBy(i, '2021-02-15'))).toHaveLength(3);
    expect(onTimeRate(items, '2021-02-15')).toBeCloseTo(1 / 3);
  });

  it('is null when nothing is due', () => {
    expect(onTimeRate([open('2021-03-01')], '2021-02-15')).toBeNull();
  });
});

describe('ageing of overdue items', () => {
  it.each([
    [1, 'd0_30'],
    [30, 'd0_30'],
    [31, 'd31_90'],
    [90, 'd31_90'],
    [91, 'd91_120'],
    [120, 'd91_120'],
    [121, 'd120_plus'],
  ] as const)('%i days → %s', (days, bucket) => {
    expect(ageingBucket(days)).toBe(bucket);
  });

  it('counts whole calendar days past the due date', () => {
    expect(daysOverdue('2021-01-20', '2021-02-15')).toBe(26);
    expect(daysOverdue('2021-01-20', '2021-01-20')).toBe(0);
    expect(daysOverdue('2020-12-31', '2021-03-01')).toBe(60);
  });
});
