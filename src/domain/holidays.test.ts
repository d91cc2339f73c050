import { describe, expect, it } from 'vitest';
import {
  allShippedCalendarDays,
  isAnnouncedYear,
  labourCodeDays,
  SHIPPED_FIRST_YEAR,
  SHIPPED_LAST_YEAR,
  shippedCalendarDays,
  workingCalendarOf,
} from './holidays.ts';
import { lunarToSolar, tetOf } from './lunar-calendar.ts';
import { addWorkingDays, isWorkingDay, nextWorkingDay } from './working-days.ts';

const daysOff = (days: { date: string; kind: string }[]) =>
  days.filter((d) => d.kind === 'day_off').map((d) => d.date);

describe('the Vietnamese lunar calendar (docs/domain-rules.md §4a)', () => {
  it('dates Tết 2020–2030 as the Vietnamese calendar does (UTC+7)', () => {
    const years = Array.from({ length: 11 }, (_, i) => 2020 + i);
    expect(years.map((y) => tetOf(y))).toEqual([
      '2020-01-25',
      '2021-02-12',
      '2022-02-01',
      '2023-01-22',
      '2024-02-10',
      '2025-01-29',
      '2026-02-17',
      '2027-02-06',
      '2028-01-26',
      '2029-02-13',
      // the new moon is at 23:07 in Hà Nội on 02/02 and 00:07 in Beijing on 03/02: China's New Year is 03/02
      '2030-02-02',
    ]);
  });

  it('differs from the Chinese calendar (UTC+8) where the new moon falls between the two midnights', () => {
    expect([tetOf(1985), tetOf(1985, 8)]).toEqual(['1985-01-21', '1985-02-20']);
    expect([tetOf(2007), tetOf(2007, 8)]).toEqual(['2007-02-17', '2007-02-18']);
    expect([tetOf(2030), tetOf(2030, 8)]).toEqual(['2030-02-02', '2030-02-03']);
  });

  it('dates Giỗ Tổ Hùng Vương (10/3 âm lịch), past a leap month too', () => {
    expect(lunarToSolar(2021, 3, 10)).toBe('2021-04-21');
    expect(lunarToSolar(2023, 3, 10)).toBe('2023-04-29'); // 2023 has a leap 2nd month
    expect(lunarToSolar(2025, 3, 10)).toBe('2025-04-07');
    expect(lunarToSolar(2026, 3, 10)).toBe('2026-04-26');
  });
});

describe('the shipped public holidays (docs/domain-rules.md §4a)', () => {
  it('ships 2020–2030 and nothing outside', () => {
    expect([SHIPPED_FIRST_YEAR, SHIPPED_LAST_YEAR]).toEqual([2020, 2030]);
    expect(shippedCalendarDays(2019)).toEqual([]);
    expect(shippedCalendarDays(2031)).toEqual([]);
    const years = new Set(allShippedCalendarDays().map((d) => d.date.slice(0, 4)));
    expect(years.size).toBe(11);
  });

  it('ships 2021 as announced: Tết 10–16/02, 30/4–3/5, 2–5/9', () => {
    expect(isAnnouncedYear(2021)).toBe(true);
    const off = daysOff(shippedCalendarDays(2021));
    expect(off.filter((d) => d.startsWith('2021-02'))).toEqual([
      '2021-02-10',
      '2021-02-11',
      '2021-02-12',
      '2021-02-13',
      '2021-02-14',
      '2021-02-15',
      '2021-02-16',
    ]);
    expect(off).toEqual(expect.arrayContaining(['2021-04-21', '2021-05-03', '2021-09-02', '2021-09-03']));
  });

  it('ships 2025 as announced, with Saturday 26/4 worked for Friday 2/5', () => {
    const days = shippedCalendarDays(2025);
    const calendar = workingCalendarOf(days);
    expect(days.filter((d) => d.kind === 'working_day').map((d) => d.date)).toEqual(['2025-04-26']);
    expect(isWorkingDay(calendar, '2025-04-26')).toBe(true);
    expect(nextWorkingDay(calendar, '2025-04-30')).toBe('2025-05-05');
    expect(nextWorkingDay(calendar, '2025-01-25')).toBe('2025-02-03');
    expect(isWorkingDay(calendar, '2025-09-01')).toBe(false);
  });

  it('gives an unannounced year the Labour Code’s days: Tết 5 days, 2/9 and the day beside it, compensatory days', () => {
    expect(isAnnouncedYear(2026)).toBe(false);
    const days = labourCodeDays(2023);
    // Tết Quý Mão: Sat 21/01 (30 Tết) to Wed 25/01; Saturday and Sunday are made up on 26 and 27/01
    expect(daysOff(days).filter((d) => d.startsWith('2023-01'))).toEqual([
      '2023-01-01',
      '2023-01-02',
      '2023-01-21',
      '2023-01-22',
      '2023-01-23',
      '2023-01-24',
      '2023-01-25',
      '2023-01-26',
      '2023-01-27',
    ]);
    expect(days.find((d) => d.date === '2023-01-02')?.name).toBe('Tết Dương lịch (nghỉ bù)');
    // Giỗ Tổ on Saturday 29/4 and 30/4 on Sunday: made up on Tuesday 2/5 and Wednesday 3/5
    expect(daysOff(days).filter((d) => d >= '2023-04-29' && d <= '2023-05-31')).toEqual([
      '2023-04-29',
      '2023-04-30',
      '2023-05-01',
      '2023-05-02',
      '2023-05-03',
    ]);
    expect(daysOff(labourCodeDays(2024)).filter((d) => d.startsWith('2024-09'))).toEqual([
      '2024-09-02',
      '2024-09-03',
    ]);
    expect(daysOff(labourCodeDays(2022)).filter((d) => d.startsWith('2022-09'))).toEqual([
      '2022-09-01',
      '2022-09-02',
    ]);
  });

  it('counts working days over Tết 2021 as announced', () => {
    const calendar = workingCalendarOf(shippedCalendarDays(2021));
    expect(addWorkingDays(calendar, '2021-02-08', 3)).toBe('2021-02-18');
    expect(nextWorkingDay(calendar, '2021-01-31')).toBe('2021-02-01');
  });
});
