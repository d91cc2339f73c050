import { describe, expect, it } from 'vitest';
import { monthsOf, periodsOwed } from './report-periodic.ts';

describe('periodsOwed (Thường xuyên, báo cáo định kỳ hằng tháng; docs/domain-rules.md §8)', () => {
  const q1 = { from: '2021-01-01', to: '2021-03-31', asOf: '2021-03-31' };

  it('owes each month of the report from the plan’s issue, up to the as-of date', () => {
    expect(periodsOwed(q1, { issuedOn: '2021-01-13', followupFrom: null })).toEqual([
      '2021-01',
      '2021-02',
      '2021-03',
    ]);
    expect(
      periodsOwed({ ...q1, asOf: '2021-02-10' }, { issuedOn: '2021-01-13', followupFrom: null }),
    ).toEqual(['2021-01', '2021-02']);
    expect(periodsOwed(q1, { issuedOn: '2021-02-20', followupFrom: null })).toEqual(['2021-02', '2021-03']);
  });

  it('owes nothing before the plan’s follow-up start (§6)', () => {
    expect(periodsOwed(q1, { issuedOn: '2020-06-01', followupFrom: '2021-03-05' })).toEqual(['2021-03']);
    expect(periodsOwed(q1, { issuedOn: '2020-06-01', followupFrom: '2021-06-01' })).toEqual([]);
  });

  it('runs over the turn of a year', () => {
    expect(monthsOf('2020-11-15', '2021-02-01')).toEqual(['2020-11', '2020-12', '2021-01', '2021-02']);
  });
});
