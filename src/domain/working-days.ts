/**
 * Working days (docs/domain-rules.md §4a): a day is a working day unless it is a Saturday or Sunday
 * or the authority's calendar marks it a day off; a day the calendar marks a working day (a Saturday
 * worked to swap a day off) is one whatever its weekday. Pure: the calendar is loaded by the caller.
 */
import { addDays, dateParts, type LocalDate } from './dates.ts';

export interface WorkingCalendar {
  /** Days off that are not weekends (public holidays, the days the Government adds to them). */
  readonly daysOff: ReadonlySet<LocalDate>;
  /** Weekend days worked (a swapped or compensatory working day). */
  readonly workingDays: ReadonlySet<LocalDate>;
}

/** Weekends only: the calendar of an authority that has none, and the behaviour before calendars. */
export const WEEKENDS_ONLY: WorkingCalendar = { daysOff: new Set(), workingDays: new Set() };

/** 0 = Sunday … 6 = Saturday, of a calendar date (no time zone involved). */
export function weekdayOf(date: LocalDate): number {
  const { year, month, day } = dateParts(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function isWorkingDay(calendar: WorkingCalendar, date: LocalDate): boolean {
  if (calendar.workingDays.has(date)) return true;
  if (calendar.daysOff.has(date)) return false;
  const weekday = weekdayOf(date);
  return weekday !== 0 && weekday !== 6;
}

/** The date itself when it is a working day, else the first working day after it. */
export function nextWorkingDay(calendar: WorkingCalendar, date: LocalDate): LocalDate {
  let day = date;
  // a calendar never has a year without working days; the bound keeps a corrupt one from looping
  for (let i = 0; i < 366 && !isWorkingDay(calendar, day); i++) day = addDays(day, 1);
  return day;
}

/** The last working day strictly before `date` (a digest on `date` covers the days since it). */
export function previousWorkingDay(calendar: WorkingCalendar, date: LocalDate): LocalDate {
  let day = addDays(date, -1);
  for (let i = 0; i < 366 && !isWorkingDay(calendar, day); i++) day = addDays(day, -1);
  return day;
}

/**
 * The day a message meant for `day` is sent on (docs/domain-rules.md §4a, §11): the day itself when it
 * is a working day, else the next working day — or, when that comes after `latest` (a "due soon" notice
 * whose deadline would have passed), the last working day before `day`.
 */
export function messageDayOf(calendar: WorkingCalendar, day: LocalDate, latest?: LocalDate): LocalDate {
  const next = nextWorkingDay(calendar, day);
  return latest === undefined || next <= latest ? next : previousWorkingDay(calendar, day);
}

/**
 * `n` working days after `date` (n ≥ 1): the n-th working day strictly after it — "trong 5 ngày làm
 * việc kể từ ngày 04/01" is the fifth working day after 04/01. n = 0 is nextWorkingDay(date).
 */
export function addWorkingDays(calendar: WorkingCalendar, date: LocalDate, n: number): LocalDate {
  if (n <= 0) return nextWorkingDay(calendar, date);
  let day = date;
  for (let left = n; left > 0; ) {
    day = addDays(day, 1);
    if (isWorkingDay(calendar, day)) left--;
  }
  return day;
}

/**
 * An authority's rule for a deadline on a non-working day (docs/domain-rules.md §4a, "Hạn rơi vào
 * ngày nghỉ"): keep it, or move it to the next working day (Bộ luật Dân sự 2015, art. 148).
 */
export const DUE_SHIFTS = ['keep', 'next_working_day'] as const;
export type DueShift = (typeof DUE_SHIFTS)[number];

/** The due date the rules judge by, from the stated one (the database's `next_working_day` trigger is its twin). */
export function effectiveDueOn(calendar: WorkingCalendar, stated: LocalDate, shift: DueShift): LocalDate {
  return shift === 'next_working_day' ? nextWorkingDay(calendar, stated) : stated;
}
