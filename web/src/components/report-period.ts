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
const months = (year: number, first: number, last: number): Period => ({
  from: `${year}-${pad(first)}-01`,
  to: `${year}-${pad(last)}-${pad(lastDay(year, last))}`,
});

/** The first and last month of the presets that lie within a chosen year. */
const MONTHS_OF_YEAR_PRESETS: Partial<Record<PeriodPreset, [number, number]>> = {
  q1: [1, 3],
  q2: [4, 6],
  q3: [7, 9],
  q4: [10, 12],
  h1: [1, 6],
  h2: [7, 12],
  year: [1, 12],
};

/** Does the preset need a year (the months are relative to today)? */
export function presetNeedsYear(preset: PeriodPreset): boolean {
  return preset !== 'this_month' && preset !== 'last_month' && preset !== 'custom';
}

/** The dates of a preset: the month ones from `today`, the others in `year`; null for 'custom'. */
export function presetPeriod(preset: PeriodPreset, year: number, today: string): Period | null {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  if (preset === 'this_month') return months(y, m, m);
  if (preset === 'last_month') return m === 1 ? months(y - 1, 12, 12) : months(y, m - 1, m - 1);
  const range = MONTHS_OF_YEAR_PRESETS[preset];
  return range ? months(year, ...range) : null;
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
