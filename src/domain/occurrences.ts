/**
 * Occurrences of a recurring deadline (docs/domain-rules.md §4): one per period, each with its own due date.
 */
import {
  addDays,
  dateParts,
  daysInMonth,
  formatVietnameseDate,
  type LocalDate,
  lastDayOfMonth,
  makeDate,
  maxDate,
} from './dates.ts';
import type { PeriodicRecurrence, Recurrence, RecurrencePeriod } from './deadline.ts';
import { foldVietnamese } from './vietnamese-text.ts';

export interface Occurrence {
  /** 1-based, in date order */
  index: number;
  /** e.g. 'Năm 2021', 'Quý I/2021', '6 tháng đầu năm 2021', 'Tháng 1/2021' */
  label: string;
  /** first day of the period (or `from` if later): the occurrence exists from then */
  opensOn: LocalDate;
  dueOn: LocalDate;
}

const MONTHS_PER_PERIOD: Record<RecurrencePeriod, number> = { year: 12, half_year: 6, quarter: 3, month: 1 };
const ROMAN = ['I', 'II', 'III', 'IV'];

/**
 * All occurrences whose due date falls in [from, to], in order. Days beyond a month's length clamp to
 * its last day; a recurrence `fromYear` has none before that year; listed dates are taken as they are.
 */
export function listOccurrences(recurrence: Recurrence, from: LocalDate, to: LocalDate): Occurrence[] {
  if (recurrence.period === 'dates') return listDateOccurrences(recurrence.dates, from, to);
  const first = recurrence.fromYear === undefined ? from : maxDate(from, `${recurrence.fromYear}-01-01`);
  return listPeriodOccurrences(recurrence, first, to);
}

function listPeriodOccurrences(recurrence: PeriodicRecurrence, from: LocalDate, to: LocalDate): Occurrence[] {
  if (from > to) return [];
  const step = MONTHS_PER_PERIOD[recurrence.period];
  const start = dateParts(from);
  const end = dateParts(to);
  const out: Occurrence[] = [];
  // Every due date lies inside its own period, so the periods containing `from` … `to` are enough.
  let year = start.year;
  let month = Math.floor((start.month - 1) / step) * step + 1;
  while (year < end.year || (year === end.year && month <= end.month)) {
    const dueOn = dueDate(recurrence, year, month, step);
    if (dueOn >= from && dueOn <= to) {
      const periodStart = makeDate(year, month, 1) ?? from;
      out.push({
        index: out.length + 1,
        label: periodLabel(recurrence.period, year, month),
        opensOn: periodStart > from ? periodStart : from,
        dueOn,
      });
    }
    month += step;
    if (month > 12) {
      month -= 12;
      year += 1;
    }
  }
  return out;
}

/**
 * "Trong năm 2023, 2024": one occurrence per listed date in [from, to]; each opens the day after the
 * previous listed date (the first on `from`), labelled by its round and date ('Đợt 2, hạn 31/12/2024').
 */
function listDateOccurrences(dates: LocalDate[], from: LocalDate, to: LocalDate): Occurrence[] {
  const sorted = [...new Set(dates)].sort();
  const out: Occurrence[] = [];
  for (const [i, dueOn] of sorted.entries()) {
    if (dueOn < from || dueOn > to) continue;
    const previous = sorted[i - 1];
    const index = out.length + 1;
    out.push({
      index,
      label: `Đợt ${index}, hạn ${formatVietnameseDate(dueOn)}`,
      opensOn: previous ? maxDate(from, addDays(previous, 1)) : from,
      dueOn,
    });
  }
  return out;
}

/**
 * Where a plan's occurrences stop when the plan gives no end (`ends_on`): 31/12 of the issue year,
 * or later when the recurrence itself says so — its last listed date, or the end of its first year
 * ("Năm 2025 và các năm tiếp theo" in a plan of 2024 has at least the 2025 occurrence).
 */
export function defaultOccurrencesEnd(recurrence: Recurrence, issuedOn: LocalDate): LocalDate {
  const endOfIssueYear = `${dateParts(issuedOn).year}-12-31`;
  if (recurrence.period === 'dates') {
    const last = [...recurrence.dates].sort().at(-1);
    return last ? maxDate(endOfIssueYear, last) : endOfIssueYear;
  }
  return recurrence.fromYear === undefined
    ? endOfIssueYear
    : maxDate(endOfIssueYear, `${recurrence.fromYear}-12-31`);
}

/**
 * The horizon a plan's title states, where its recurring tasks stop when the Office gives no end:
 * `… giai đoạn 2021–2025` (also `2021-2025`, `2021 đến 2025`, without diacritics) → 31/12/2025. Null
 * when the title names no such period (a `nhiệm kỳ` is a term of office, not the plan's horizon).
 */
export function planHorizon(title: string): LocalDate | null {
  const m = /giai doan (\d{4}) ?(?:-|–|—|den|toi) ?(?:nam )?(\d{4})/u.exec(foldVietnamese(title));
  const [from, to] = [Number(m?.[1]), Number(m?.[2])];
  return m && to >= from ? `${to}-12-31` : null;
}

/** The due date of the period of `step` months starting at `firstMonth` of `year`. */
function dueDate(r: PeriodicRecurrence, year: number, firstMonth: number, step: number): LocalDate {
  const lastMonth = firstMonth + step - 1;
  if (r.period === 'year') {
    if (r.month === undefined && r.day === undefined) return lastDayOfMonth(year, 12);
    const month = r.month ?? 12;
    return r.day === undefined ? lastDayOfMonth(year, month) : clampedDate(year, month, r.day);
  }
  return r.day === undefined ? lastDayOfMonth(year, lastMonth) : clampedDate(year, lastMonth, r.day);
}

function clampedDate(year: number, month: number, day: number): LocalDate {
  const d = Math.max(1, Math.min(day, daysInMonth(year, month)));
  const date = makeDate(year, month, d);
  if (!date) throw new RangeError(`invalid recurrence date ${year}-${month}-${day}`);
  return date;
}

function periodLabel(period: RecurrencePeriod, year: number, firstMonth: number): string {
  switch (period) {
    case 'year':
      return `Năm ${year}`;
    case 'half_year':
      return `6 tháng ${firstMonth === 1 ? 'đầu' : 'cuối'} năm ${year}`;
    case 'quarter':
      return `Quý ${ROMAN[(firstMonth - 1) / 3]}/${year}`;
    case 'month':
      return `Tháng ${firstMonth}/${year}`;
  }
}
