import { describe, expect, it } from 'vitest';
import { inForce } from '../statistics/statistics.rules.ts';
import { countCategories, reportCategoryOf } from './report-categories.ts';

/** docs/domain-rules.md §8: what the report to the Chairman counts, and in which category. */
describe('the report’s scope and categories', () => {
  const period = { from: '2021-04-01', to: '2021-06-30' };
  const facts = (dueOn: string | null, doneOn: string | null = null, cancelledOn: string | null = null) => ({
    dueOn,
    doneOn,
    cancelledOn,
  });

  it('holds every assignment in force: assigned in the period, due in it, or open at its start', () => {
    expect(inForce(facts('2021-05-15', '2021-01-10'), period)).toBe(true); // due in it, done early
    expect(inForce(facts('2021-09-30'), { ...period, scope: 'in_force' })).toBe(true); // due later, open
    expect(inForce(facts('2021-02-28'), period)).toBe(true); // overdue since before, still open
    expect(inForce(facts('2021-02-28', '2021-04-02'), period)).toBe(true); // finished during the period
    expect(inForce(facts(null), period)).toBe(true); // Thường xuyên
    expect(inForce(facts('2021-02-28', '2021-03-31'), period)).toBe(false); // finished before it
    expect(inForce(facts('2021-09-30', null, '2021-03-01'), period)).toBe(false); // withdrawn before it
    expect(inForce(facts('2021-02-28'), {})).toBe(true);
  });

  it('splits open tasks on time into “trong hạn” (due in the period) and “chưa đến hạn” (due after it)', () => {
    const end = period.to;
    expect(reportCategoryOf({ state: 'open_on_time', dueOn: '2021-06-30' }, end)).toBe('open_on_time');
    expect(reportCategoryOf({ state: 'open_on_time', dueOn: '2021-07-01' }, end)).toBe('not_yet_due');
    expect(reportCategoryOf({ state: 'open_overdue', dueOn: '2021-05-01' }, end)).toBe('open_overdue');
    expect(reportCategoryOf({ state: 'done_on_time', dueOn: '2021-12-31' }, end)).toBe('done_on_time');
    expect(reportCategoryOf({ state: 'ongoing', dueOn: null }, end)).toBe('ongoing');
    expect(reportCategoryOf({ state: 'cancelled', dueOn: '2021-05-01' }, end)).toBeNull();

    const items = [
      { agency: 1, state: 'open_on_time' as const, dueOn: '2021-07-01' },
      { agency: 1, state: 'done_late' as const, dueOn: '2021-05-01' },
      { agency: 2, state: 'cancelled' as const, dueOn: '2021-05-01' },
    ];
    const { total, by } = countCategories(items, end, (i) => i.agency);
    expect(total).toMatchObject({ not_yet_due: 1, done_late: 1, open_on_time: 0 });
    expect(by.get(1)).toMatchObject({ not_yet_due: 1, done_late: 1 });
    expect(by.has(2)).toBe(false);
  });
});
