/**
 * Dates, numbers and text as Vietnamese clerks read them: dd/mm/yyyy, the Asia/Ho_Chi_Minh calendar,
 * comma decimals, and accent-insensitive search (`so noi vu` finds `Sở Nội vụ`).
 */
import { foldVietnamese } from '../../../src/domain/vietnamese-text.ts';

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** 'YYYY-MM-DD' → 'dd/mm/yyyy' (no Date object: a calendar date has no time zone). */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : date;
}

/** An instant (ISO string) → 'dd/mm/yyyy HH:mm' in Vietnam's time. */
export function formatDateTime(instant: string | null | undefined): string {
  if (!instant) return '';
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}

/** Today's calendar date in Vietnam as 'YYYY-MM-DD', whatever the browser's zone. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(now);
}

/**
 * What a date field accepts, as dates are typed in documents (docs/domain-rules.md §11): `15/02/2021`,
 * `15/2/2021`, `15-02-2021`, `15.2.2021` or `2021-02-15`; shown as the first, dd/mm/yyyy.
 */
export const DATE_INPUT_FORMATS = [
  'DD/MM/YYYY',
  'D/M/YYYY',
  'DD-MM-YYYY',
  'D-M-YYYY',
  'D.M.YYYY',
  'YYYY-MM-DD',
];

/** 'dd/mm/yyyy', 'd/m/yyyy', 'dd-mm-yyyy' or 'd.m.yyyy' → 'YYYY-MM-DD', or null when it is not a real date. */
export function parseDate(text: string): string | null {
  const m = /^\s*(\d{1,2})([/.-])(\d{1,2})\2(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[3]), Number(m[4])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day)
    return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 0.8571 → '85,7 %' (null → '—'). */
export function formatRate(rate: number | null | undefined, lang: 'vi' | 'en' = 'vi'): string {
  if (rate === null || rate === undefined) return '—';
  return `${(rate * 100).toLocaleString(lang === 'en' ? 'en-US' : 'vi-VN', { maximumFractionDigits: 1 })} %`;
}

export function formatNumber(value: number | null | undefined, lang: 'vi' | 'en' = 'vi'): string {
  if (value === null || value === undefined) return '—';
  return value.toLocaleString(lang === 'en' ? 'en-US' : 'vi-VN', { maximumFractionDigits: 2 });
}

/** Does `text` contain every word of `query`, accents and case ignored? */
export function matchesSearch(text: string, query: string): boolean {
  const haystack = foldVietnamese(text);
  return foldVietnamese(query)
    .split(' ')
    .every((word) => haystack.includes(word));
}

/** antd Select's `filterOption`: an option matches when its label has every typed word, accents ignored. */
export function matchesOptionLabel(input: string, option?: { label?: unknown }): boolean {
  return matchesSearch(String(option?.label ?? ''), input);
}
