/**
 * Ngày nghỉ lễ, tết — the public holidays shipped with dondoc for 2020–2030 (docs/domain-rules.md §4a).
 * A year the Government has announced (Thông báo of the Ministry of Labour for công chức, viên chức)
 * ships its announced days off and swapped working days; every other year ships what the Labour Code
 * gives (Bộ luật Lao động 2019 art. 112, in force from 2021; the 2012 Code's art. 115 for 2020), which
 * the Office corrects when the year's announcement comes (`dondoc calendar add|remove`). Pure.
 */
import { addDays, type LocalDate } from './dates.ts';
import { lunarToSolar, tetOf } from './lunar-calendar.ts';
import {
  isWorkingDay,
  nextWorkingDay,
  WEEKENDS_ONLY,
  type WorkingCalendar,
  weekdayOf,
} from './working-days.ts';

/** day_off: a weekday not worked (or a weekend day named for its holiday); working_day: a weekend day worked. */
export type CalendarDayKind = 'day_off' | 'working_day';

export interface CalendarDay {
  date: LocalDate;
  kind: CalendarDayKind;
  name: string;
}

export const SHIPPED_FIRST_YEAR = 2020;
export const SHIPPED_LAST_YEAR = 2030;

const NEW_YEAR = 'Tết Dương lịch';
const TET = 'Tết Nguyên đán';
const HUNG_KINGS = 'Giỗ Tổ Hùng Vương';
const REUNIFICATION = 'Ngày Chiến thắng 30/4';
const LABOUR_DAY = 'Ngày Quốc tế Lao động 1/5';
const NATIONAL_DAY = 'Quốc khánh 2/9';
const COMPENSATORY = 'nghỉ bù';

interface Announced {
  /** days off, each range inclusive (its weekend days included, named for the holiday) */
  daysOff: readonly (readonly [from: LocalDate, to: LocalDate, name: string])[];
  /** Saturdays worked to swap a day off: [date, name] */
  workingDays: readonly (readonly [date: LocalDate, name: string])[];
}

/** The years whose days off the Government has announced, as announced (verified facts only). */
const ANNOUNCED: Readonly<Record<number, Announced>> = {
  2020: {
    daysOff: [
      ['2020-01-01', '2020-01-01', NEW_YEAR],
      ['2020-01-23', '2020-01-29', TET],
      ['2020-04-02', '2020-04-02', HUNG_KINGS],
      ['2020-04-30', '2020-04-30', REUNIFICATION],
      ['2020-05-01', '2020-05-03', LABOUR_DAY],
      ['2020-09-02', '2020-09-02', NATIONAL_DAY],
    ],
    workingDays: [],
  },
  2021: {
    daysOff: [
      ['2021-01-01', '2021-01-03', NEW_YEAR],
      ['2021-02-10', '2021-02-16', TET],
      ['2021-04-21', '2021-04-21', HUNG_KINGS],
      ['2021-04-30', '2021-04-30', REUNIFICATION],
      ['2021-05-01', '2021-05-02', LABOUR_DAY],
      ['2021-05-03', '2021-05-03', `${LABOUR_DAY} (${COMPENSATORY})`],
      ['2021-09-02', '2021-09-05', NATIONAL_DAY],
    ],
    workingDays: [],
  },
  2025: {
    daysOff: [
      ['2025-01-01', '2025-01-01', NEW_YEAR],
      ['2025-01-25', '2025-02-02', TET],
      ['2025-04-07', '2025-04-07', HUNG_KINGS],
      ['2025-04-30', '2025-04-30', REUNIFICATION],
      ['2025-05-01', '2025-05-01', LABOUR_DAY],
      ['2025-05-02', '2025-05-04', `${LABOUR_DAY} (hoán đổi ngày làm việc sang thứ Bảy 26/4)`],
      ['2025-08-30', '2025-09-02', NATIONAL_DAY],
    ],
    workingDays: [['2025-04-26', 'Làm việc bù cho thứ Sáu 02/5/2025']],
  },
};

/** by the weekday of 2/9 (0 = Sunday): the day beside it that makes the longer break */
const DAY_BESIDE_NATIONAL_DAY: readonly number[] = [1, 1, -1, 1, 1, -1, -1];

/** The holidays of a year the Labour Code gives, before compensatory days: [date, name]. */
function legalHolidays(year: number): [LocalDate, string][] {
  const tet = tetOf(year);
  const nationalDay = `${year}-09-02`;
  const holidays: [LocalDate, string][] = [
    [`${year}-01-01`, NEW_YEAR],
    // 5 days: the last day of the lunar year and the first four of the new one (the usual choice)
    ...[-1, 0, 1, 2, 3].map((d): [LocalDate, string] => [addDays(tet, d), TET]),
    [lunarToSolar(year, 3, 10), HUNG_KINGS],
    [`${year}-04-30`, REUNIFICATION],
    [`${year}-05-01`, LABOUR_DAY],
    [nationalDay, NATIONAL_DAY],
  ];
  // from 2021 a second day, the one before or after 2/9: the one that joins a weekend (else the day after)
  const beside = DAY_BESIDE_NATIONAL_DAY[weekdayOf(nationalDay)] ?? 1;
  if (year >= 2021) holidays.push([addDays(nationalDay, beside), NATIONAL_DAY]);
  return holidays.sort(([a], [b]) => a.localeCompare(b));
}

/**
 * The Labour Code's days off of a year: its holidays, and for each that falls on a Saturday or Sunday
 * a compensatory day off on the first working day after it (art. 111(3)).
 */
export function labourCodeDays(year: number): CalendarDay[] {
  const holidays = legalHolidays(year);
  const calendar: WorkingCalendar = { daysOff: new Set(holidays.map(([d]) => d)), workingDays: new Set() };
  const days = holidays.map(([date, name]): CalendarDay => ({ date, kind: 'day_off', name }));
  for (const [date, name] of holidays) {
    if (isWorkingDay(WEEKENDS_ONLY, date)) continue;
    const compensatory = nextWorkingDay(calendar, date);
    (calendar.daysOff as Set<LocalDate>).add(compensatory);
    days.push({ date: compensatory, kind: 'day_off', name: `${name} (${COMPENSATORY})` });
  }
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

/** The announced days of a year, one entry a day. */
function announcedDays({ daysOff, workingDays }: Announced): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (const [from, to, name] of daysOff) {
    for (let date = from; date <= to; date = addDays(date, 1)) days.push({ date, kind: 'day_off', name });
  }
  for (const [date, name] of workingDays) days.push({ date, kind: 'working_day', name });
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

/** Whether a year ships the Government's announcement (else the Labour Code's rules). */
export function isAnnouncedYear(year: number): boolean {
  return ANNOUNCED[year] !== undefined;
}

/** The days dondoc ships for a year of 2020–2030 (none outside): announced if known, else the Labour Code's. */
export function shippedCalendarDays(year: number): CalendarDay[] {
  if (year < SHIPPED_FIRST_YEAR || year > SHIPPED_LAST_YEAR) return [];
  const announced = ANNOUNCED[year];
  return announced ? announcedDays(announced) : labourCodeDays(year);
}

/** Every shipped day, 2020–2030. */
export function allShippedCalendarDays(): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (let year = SHIPPED_FIRST_YEAR; year <= SHIPPED_LAST_YEAR; year++)
    days.push(...shippedCalendarDays(year));
  return days;
}

let shipped: WorkingCalendar | undefined;

/** The working calendar of every shipped day (the calendar of an authority that has not edited its own). */
export function shippedWorkingCalendar(): WorkingCalendar {
  shipped ??= workingCalendarOf(allShippedCalendarDays());
  return shipped;
}

/** The working calendar of a list of days (as stored for an authority). */
export function workingCalendarOf(days: readonly Pick<CalendarDay, 'date' | 'kind'>[]): WorkingCalendar {
  return {
    daysOff: new Set(days.filter((d) => d.kind === 'day_off').map((d) => d.date)),
    workingDays: new Set(days.filter((d) => d.kind === 'working_day').map((d) => d.date)),
  };
}
