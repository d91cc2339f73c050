import { afterEach, describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  formatVietnameseDate,
  isLocalDate,
  lastDayOfMonth,
  localDateOf,
  makeDate,
  maxDate,
  minDate,
} from './dates.ts';

describe('calendar dates', () => {
  it.each([
    ['2021-01-20', true],
    ['2020-02-29', true],
    ['2021-02-29', false],
    ['2021-04-31', false],
    ['2021-13-01', false],
    ['20/01/2021', false],
    ['2021-1-20', false],
  ])('isLocalDate(%s) = %s', (value, ok) => {
    expect(isLocalDate(value)).toBe(ok);
  });

  it('builds only days that exist', () => {
    expect(makeDate(2021, 1, 13)).toBe('2021-01-13');
    expect(makeDate(2021, 2, 29)).toBeNull();
    expect(lastDayOfMonth(2024, 2)).toBe('2024-02-29');
    expect(lastDayOfMonth(2021, 12)).toBe('2021-12-31');
  });

  it('adds days across months and years and counts days between', () => {
    expect(addDays('2021-01-31', 1)).toBe('2021-02-01');
    expect(addDays('2021-12-31', 1)).toBe('2022-01-01');
    expect(addDays('2021-03-01', -1)).toBe('2021-02-28');
    expect(daysBetween('2021-01-20', '2021-02-15')).toBe(26);
    expect(minDate('2021-01-02', '2021-01-01')).toBe('2021-01-01');
    expect(maxDate('2021-01-02', '2021-01-01')).toBe('2021-01-02');
    expect(formatVietnameseDate('2021-01-05')).toBe('05/01/2021');
  });
});

describe('localDateOf: the calendar day of an instant in Asia/Ho_Chi_Minh', () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  it.each(['UTC', 'America/Los_Angeles', 'Asia/Tokyo'])(
    'does not depend on the process time zone (TZ=%s)',
    (tz) => {
      process.env.TZ = tz;
      expect(localDateOf(new Date('2021-01-20T16:59:59Z'))).toBe('2021-01-20');
      expect(localDateOf(new Date('2021-01-20T17:00:00Z'))).toBe('2021-01-21');
      expect(addDays('2021-03-13', 1)).toBe('2021-03-14'); // a US DST change changes nothing
    },
  );
});
