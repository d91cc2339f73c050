/**
 * The reporting periods the Office reports on (docs/domain-rules.md §8): this month, the month before (the
 * report for the monthly meeting), a quarter, a half-year, the year, or any from/to. Calendar dates
 * as 'YYYY-MM-DD' strings, no time zone involved.
 */
export const PERIOD_PRESETS = [
  'this_month',
  'last_month',
  'q1',
  'q2',
  'q3',
  'q4',
  'h1',
  'h2',
  'year',
  'custom',
] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export interface Period {
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const monthPeriod = (year: number, month: number): Period => ({
  from: `${year}-${pad(month)}-01`,
  to: `${year}-${pad(month)}-${pad(lastDay(year, month))}`,
});
const months = (year: number, first: number, last: number): Period => ({
  from: `${year}-${pad(first)}-01`,
  to: `${year}-${pad(last)}-${pad(lastDay(year, last))}`,
});

/** Does the preset need a year (the months are relative to today)? */
export function presetNeedsYear(preset: PeriodPreset): boolean {
  return preset !== 'this_month' && preset !== 'last_month' && preset !== 'custom';
}

/** The dates of a preset: the month ones from `today`, the others in `year`; null for 'custom'. */
export function presetPeriod(preset: PeriodPreset, year: number, today: string): Period | null {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  switch (preset) {
    case 'this_month':
      return monthPeriod(y, m);
    case 'last_month':
      return m === 1 ? monthPeriod(y - 1, 12) : monthPeriod(y, m - 1);
    case 'q1':
      return months(year, 1, 3);
    case 'q2':
      return months(year, 4, 6);
    case 'q3':
      return months(year, 7, 9);
    case 'q4':
      return months(year, 10, 12);
    case 'h1':
      return months(year, 1, 6);
    case 'h2':
      return months(year, 7, 12);
    case 'year':
      return months(year, 1, 12);
    default:
      return null;
  }
}

/** Which preset a period is (the first that matches), else 'custom'; and its year. */
export function presetOf(period: Period, today: string): { preset: PeriodPreset; year: number } {
  const year = Number(period.from.slice(0, 4));
  for (const preset of PERIOD_PRESETS) {
    if (preset === 'custom') break;
    const p = presetPeriod(preset, year, today);
    if (p && p.from === period.from && p.to === period.to) return { preset, year };
  }
  return { preset: 'custom', year };
}

/** The default as-of date of a report: the end of the period, or today while it runs. */
export function defaultAsOf(period: Period, today: string): string {
  return period.to < today ? period.to : today;
}
