import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, nextWorkingDay, WEEKENDS_ONLY, weekdayOf } from './working-days.ts';

const tet2021 = ['2021-02-10', '2021-02-11', '2021-02-12', '2021-02-15', '2021-02-16'];
const calendar = { daysOff: new Set(tet2021), workingDays: new Set(['2021-02-20']) };

describe('working days (docs/domain-rules.md §4a)', () => {
  it('reads the weekday of a calendar date without a time zone', () => {
    expect(['2021-01-31', '2021-02-01', '2021-02-06'].map(weekdayOf)).toEqual([0, 1, 6]);
  });

  it('counts weekends and the calendar’s days off as non-working, a swapped Saturday as working', () => {
    expect(isWorkingDay(WEEKENDS_ONLY, '2021-01-30')).toBe(false);
    expect(isWorkingDay(WEEKENDS_ONLY, '2021-02-10')).toBe(true);
    expect(isWorkingDay(calendar, '2021-02-10')).toBe(false);
    expect(isWorkingDay(calendar, '2021-02-20')).toBe(true);
  });

  it('moves a day off to the next working day and keeps a working day', () => {
    expect(nextWorkingDay(calendar, '2021-01-31')).toBe('2021-02-01');
    expect(nextWorkingDay(calendar, '2021-02-10')).toBe('2021-02-17');
    expect(nextWorkingDay(calendar, '2021-02-17')).toBe('2021-02-17');
  });

  it('counts N working days after a date, skipping weekends and days off', () => {
    expect(addWorkingDays(WEEKENDS_ONLY, '2021-01-04', 5)).toBe('2021-01-11');
    expect(addWorkingDays(calendar, '2021-02-08', 3)).toBe('2021-02-18');
    expect(addWorkingDays(calendar, '2021-02-19', 1)).toBe('2021-02-20');
    expect(addWorkingDays(calendar, '2021-01-30', 0)).toBe('2021-02-01');
  });
});
