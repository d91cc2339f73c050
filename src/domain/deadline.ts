/**
 * Parser for the deadline phrases of a plan's appendix (thời hạn / thời gian hoàn thành), docs/domain-rules.md §4.
 * Works on calendar dates only: the result is a LocalDate, a recurrence, "ongoing" or a reason it failed.
 */
import {
  addDays,
  dateParts,
  daysBetween,
  formatVietnameseDate,
  type LocalDate,
  lastDayOfMonth,
  makeDate,
} from './dates.ts';
import { shippedWorkingCalendar } from './holidays.ts';
import { foldVietnamese } from './vietnamese-text.ts';
import { addWorkingDays, type WorkingCalendar } from './working-days.ts';

export type RecurrencePeriod = 'year' | 'half_year' | 'quarter' | 'month';

/** A periodic deadline: due at the end of each period, or on the stated day (and month for yearly). */
export interface PeriodicRecurrence {
  period: RecurrencePeriod;
  month?: number;
  day?: number;
  /** The first year it applies: "Năm 2025 và các năm tiếp theo", "Hằng năm, từ năm 2025". */
  fromYear?: number;
}

/** Due on each listed date, in order: "Trong năm 2023, 2024", "Tháng 6/2021 và tháng 12/2021". */
export interface DatesRecurrence {
  period: 'dates';
  dates: LocalDate[];
}

/** A deadline that falls more than once: every period, or on a few listed dates. */
export type Recurrence = PeriodicRecurrence | DatesRecurrence;

export type ParsedDeadline =
  | { kind: 'once'; dueOn: LocalDate; yearInferred: boolean }
  | { kind: 'recurring'; recurrence: Recurrence }
  | { kind: 'ongoing' }
  | { kind: 'unparsed'; reason: string };

export interface DeadlineContext {
  /** The plan's issue date: gives the year of a date written without one (if that date would fall more than ~1 month before the reference date, use the next year). */
  referenceDate: LocalDate;
  /** `Trước ngày X` is inclusive (due X) by default; when true it is strict (due X − 1 day). */
  beforeIsStrict?: boolean;
  /** The calendar `N ngày làm việc` is counted on (§4a); default the shipped holidays 2020–2030. */
  calendar?: WorkingCalendar;
}

/** A date without a year that falls more than this many days before the reference date belongs to the next year. */
const INFER_GRACE_DAYS = 31;

const ROMAN_QUARTERS: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/** Lowercase, no diacritics, `đ` → `d`, date separators kept only between digits, everything else a single space. */
function normalizeDeadlineText(text: string): string {
  return foldVietnamese(text)
    .replace(/[–—]/g, '-')
    .replace(/(\d)\s*([/.-])\s*(?=\d)/g, '$1$2')
    .replace(/(^|[^\d])[/.-]+|[/.-]+(?!\d)/g, '$1 ')
    .replace(/[^a-z0-9/.-]+/g, ' ')
    .trim();
}

export function parseDeadline(text: string, ctx: DeadlineContext): ParsedDeadline {
  const parsed = parsePhrase(text, ctx);
  if (parsed.kind !== 'unparsed') return parsed;
  // "Quý I/2024 (trình Chính phủ)": a remark in brackets says what is due, not when.
  const bare = text.replace(/\([^()]*\)/g, ' ');
  if (bare === text || normalizeDeadlineText(bare) === '') return parsed;
  const again = parsePhrase(bare, ctx);
  return again.kind === 'unparsed' ? parsed : again;
}

/**
 * In order: a period marker ("hằng năm"), a yearly run ("Năm 2025 và các năm tiếp theo"), one
 * date or period, a list of them, a dated milestone inside a longer phrase, "thường xuyên".
 */
function parsePhrase(text: string, ctx: DeadlineContext): ParsedDeadline {
  const original = text.replace(/\s+/g, ' ').trim();
  const s = normalizeDeadlineText(text);
  if (s === '') return unparsed('Chưa có thời hạn');
  const counted = parseWorkingDays(s, original, ctx);
  if (counted) return counted;
  const recurring = parseRecurring(s, original, ctx) ?? parseYearsOnward(s);
  if (recurring) return recurring;
  const once = parseOnce(s, original, ctx);
  if (once.kind === 'once') return once;
  const listed = parseRange(s, original, ctx) ?? parseDateList(text, ctx) ?? parseMilestone(text, ctx);
  if (listed) return listed;
  if (/\b(?:thuong xuyen|lien tuc|hang ngay|moi ngay)\b/.test(s)) return { kind: 'ongoing' };
  return once;
}

function unparsed(reason: string): ParsedDeadline {
  return { kind: 'unparsed', reason };
}

function notUnderstood(original: string): ParsedDeadline {
  return unparsed(notUnderstoodReason(original));
}

// ---------- N ngày làm việc ----------

/** "Trong (vòng|thời hạn) N ngày làm việc(,) kể từ …": N working days after a date (§4, §4a). */
const WORKING_DAYS =
  /^(?:(?:trong|cham nhat) (?:vong |thoi han |thoi gian )?)?(\d{1,3}) ngay lam viec(?: (?:ke tu|tu|sau))? (.+)$/;
/** "… kể từ ngày ký / ban hành (Kế hoạch)": from the plan's issue date */
const FROM_ISSUE = /^(?:ngay )?(?:(?:ke hoach|van ban)(?: nay)? (?:duoc )?)?(?:ky|ban hanh)\b/;

function parseWorkingDays(s: string, original: string, ctx: DeadlineContext): ParsedDeadline | null {
  const m = WORKING_DAYS.exec(s);
  if (!m?.[1] || !m[2]) return null;
  const n = Number(m[1]);
  let from: LocalDate;
  let yearInferred = false;
  if (FROM_ISSUE.test(m[2])) from = ctx.referenceDate;
  else {
    const start = parseOnce(m[2], original, ctx);
    if (start.kind !== 'once') {
      return unparsed(
        `Không rõ mốc tính ${n} ngày làm việc của thời hạn "${original}": cần một ngày, ví dụ "kể từ ngày 04/01/2021"`,
      );
    }
    from = start.dueOn;
    yearInferred = start.yearInferred;
  }
  if (n === 0) return unparsed(`Thời hạn "${original}": số ngày làm việc phải từ 1 trở lên`);
  return {
    kind: 'once',
    dueOn: addWorkingDays(ctx.calendar ?? shippedWorkingCalendar(), from, n),
    yearInferred,
  };
}

// ---------- recurring ----------

/** Period markers, shortest period first: "Báo cáo hằng quý, 6 tháng, năm" is due every quarter. */
const PERIOD_MARKERS: ReadonlyArray<[RecurrencePeriod, RegExp]> = [
  ['month', /\b(?:(?:hang|moi) thang|dinh ky (?:hang )?thang)\b/],
  ['quarter', /\b(?:(?:hang|moi) quy|dinh ky (?:hang )?quy)\b/],
  [
    'half_year',
    /\b(?:(?:hang|moi|dinh ky) 6 thang(?! (?:dau|cuoi))(?: (?:mot|1) lan)?|6 thang (?:mot|1) lan)\b|^(?:bao cao )?6 thang(?: lan)?$/,
  ],
  ['year', /\b(?:(?:hang|moi) nam|dinh ky (?:hang )?nam)\b/],
];

function parseRecurring(s: string, original: string, ctx: DeadlineContext): ParsedDeadline | null {
  const hit = PERIOD_MARKERS.find(([, re]) => re.test(s));
  if (!hit) {
    if (/^(?:dinh ky|bao cao dinh ky)$/.test(s))
      return unparsed(`Không rõ chu kỳ của thời hạn "${original}"`);
    return null;
  }
  const period = hit[0];
  // Everything but the markers: may state a day ("trước ngày 20"), day/month ("15/12") or a month ("tháng 12").
  let rest = s;
  for (const [, re] of PERIOD_MARKERS) rest = rest.replace(re, ' ');
  // "Hằng năm, từ năm 2025 (trở đi)": the first year it applies.
  const from = /\btu (?:nam )?(\d{4})(?: tro di)?\b/.exec(rest);
  if (from) rest = rest.replace(from[0], ' ');
  const fromYear = from ? Number(from[1]) : undefined;
  if (fromYear !== undefined && !makeDate(fromYear, 1, 1)) return unparsed(`Năm không hợp lệ "${fromYear}"`);
  const recurring = (r: PeriodicRecurrence): ParsedDeadline =>
    periodic(fromYear === undefined ? r : { ...r, fromYear });
  // "hằng quý, 6 tháng, năm": the other periods of such a list add nothing.
  rest = rest.replace(/(?<!ngay )\b6 thang\b(?! (?:\d|dau|cuoi))/g, ' ');
  // "… trước ngày 15 tháng 6 và tháng 12" restates the half-year's last months.
  if (period === 'half_year') rest = rest.replace(/\bthang 6 va (?:thang )?12\b/, ' ');
  const before = /\btruoc\b/.test(rest);
  const strict = before && ctx.beforeIsStrict === true;

  const dayMonth =
    /(?:^|\s)(?:ngay )?(\d{1,2})[/.-](\d{1,2})(?:[/.-]\d{4})?(?=\s|$)/.exec(rest) ??
    /\bngay (\d{1,2}) thang (\d{1,2})\b/.exec(rest);
  const dayOnly = dayMonth ? null : /\bngay (\d{1,2})\b/.exec(rest);
  const monthOnly = dayMonth || dayOnly ? null : /\bthang (\d{1,2})\b/.exec(rest);
  // "Quý I hằng năm", "6 tháng đầu năm, hằng năm": the end of that part of each year.
  const partOfYear = /\bquy (iv|i{1,3}|0?[1-4])\b|\b6 thang (dau|cuoi) nam\b/.exec(rest);
  const used = dayMonth ?? dayOnly ?? monthOnly;
  let leftover = used ? rest.replace(used[0], ' ') : rest;
  if (partOfYear) leftover = leftover.replace(partOfYear[0], ' ');
  if (/\b\d{1,2}\b/.test(leftover)) return notUnderstood(original);

  if (period === 'year') {
    if (dayMonth) {
      const day = Number(dayMonth[1]);
      const month = Number(dayMonth[2]);
      // Validate against a leap year so 29/2 is accepted (it clamps in other years).
      const date = makeDate(2000, month, day);
      if (!date) return unparsed(`Ngày không hợp lệ "${day}/${month}"`);
      const due = dateParts(strict ? addDays(date, -1) : date);
      return recurring({ period, month: due.month, day: due.day });
    }
    if (monthOnly) {
      const month = Number(monthOnly[1]);
      if (month < 1 || month > 12) return unparsed(`Tháng không hợp lệ "${month}"`);
      return recurring({ period, month });
    }
    if (partOfYear) {
      const q = partOfYear[1] ? (ROMAN_QUARTERS[partOfYear[1]] ?? Number(partOfYear[1])) : 0;
      return recurring({ period, month: q ? q * 3 : partOfYear[2] === 'dau' ? 6 : 12 });
    }
    if (dayOnly) return unparsed(`Thiếu tháng trong thời hạn hằng năm "${original}"`);
    return recurring({ period });
  }
  if (monthOnly || partOfYear) return notUnderstood(original);
  const dayText = (dayMonth ?? dayOnly)?.[1];
  if (dayText === undefined) return recurring({ period });
  const day = Number(dayText);
  if (day < 1 || day > 31) return unparsed(`Ngày không hợp lệ "${day}"`);
  // A strict "before the 1st" would be the previous month's last day, which a Recurrence cannot say: keep day 1.
  return recurring({ period, day: strict && day > 1 ? day - 1 : day });
}

function periodic(recurrence: PeriodicRecurrence): ParsedDeadline {
  return { kind: 'recurring', recurrence };
}

/** "Năm 2025 và các năm tiếp theo", "Từ năm 2025 trở đi": every year from that one. */
function parseYearsOnward(s: string): ParsedDeadline | null {
  const m =
    /^(?:trong |tu )?nam (\d{4}) (?:va|den) (?:cac|nhung) nam (?:tiep theo|sau|sau do|ke tiep)$/.exec(s) ??
    /^tu (?:nam )?(\d{4}) tro (?:di|ve sau)$/.exec(s);
  if (!m) return null;
  const fromYear = Number(m[1]);
  if (!makeDate(fromYear, 1, 1)) return unparsed(`Năm không hợp lệ "${fromYear}"`);
  return periodic({ period: 'year', fromYear });
}

// ---------- one-off ----------

/** Words that may precede the date itself; `truoc` also marks the "before" form. `Cả năm`: the plan's year. */
const PREFIX =
  /^(?:hoan thanh|thoi han|thoi gian|cham nhat(?: la)?|han chot(?: la)?|truoc|den(?: het)?|toi|vao|trong|cuoi|la|xong|ngay|ca)\s+/;

type Candidate = { due: LocalDate | null; periodStart: LocalDate | null; bad?: string };

/** One date phrase read but not yet dated: its form, and whether it said "trước". */
interface Part {
  match: BodyMatch;
  before: boolean;
}

function readPart(s: string): Part | null {
  let body = s;
  let before = false;
  for (let m = PREFIX.exec(body); m; m = PREFIX.exec(body)) {
    if (m[0].startsWith('truoc')) before = true;
    body = body.slice(m[0].length);
  }
  const match = matchBody(body);
  return match ? { match, before } : null;
}

/** The due date of a part in `year`, or why it has none (`bad` undefined: not a date at all). */
function dueOfPart(part: Part, year: number, ctx: DeadlineContext): { due: LocalDate } | { bad?: string } {
  const cand = part.match.build(year);
  if (!cand.due || !cand.periodStart) return { bad: cand.bad };
  // Strict "trước" ends the day before the date, or before the period starts ("Trước tháng 6/2021" → 31/5).
  return { due: part.before && ctx.beforeIsStrict === true ? addDays(cand.periodStart, -1) : cand.due };
}

/** A part without a year: the plan's year, or the next one if the date would fall well before the plan. */
function inferYear(part: Part, ctx: DeadlineContext): number {
  const refYear = dateParts(ctx.referenceDate).year;
  const due = part.match.build(refYear).due;
  return due && daysBetween(due, ctx.referenceDate) > INFER_GRACE_DAYS ? refYear + 1 : refYear;
}

function parseOnce(s: string, original: string, ctx: DeadlineContext): ParsedDeadline {
  const part = readPart(s);
  if (!part) return notUnderstood(original);
  const year = part.match.year ?? inferYear(part, ctx);
  const dated = dueOfPart(part, year, ctx);
  if (!('due' in dated)) return unparsed(dated.bad ?? notUnderstoodReason(original));
  return { kind: 'once', dueOn: dated.due, yearInferred: part.match.year === null };
}

/**
 * Several dates or periods in one cell: "Trong năm 2023, 2024", "Tháng 6/2021 và tháng 12/2021",
 * "Quý I, II/2022". A part that is a bare number takes the previous part's word (`quý`, `tháng`,
 * `năm`); a part without a year takes the year of the next part that has one ("Tháng 6 và tháng
 * 12/2021"), else the plan's. Null when the cell is not such a list.
 */
function parseDateList(text: string, ctx: DeadlineContext): ParsedDeadline | null {
  const pieces = text
    .normalize('NFC')
    .split(/[,;]|\s(?:và|va|hoặc|hoac)\s/iu)
    .map(normalizeDeadlineText)
    .filter((piece) => piece !== '');
  if (pieces.length < 2) return null;
  const parts: Part[] = [];
  let word = '';
  for (const piece of pieces) {
    const part = readPart(piece) ?? (word ? readPart(`${word} ${piece}`) : null);
    if (!part) return null;
    parts.push(part);
    word = /^(?:(?:\S+ )*?)(quy|thang|nam)\b/.exec(piece)?.[1] ?? word;
  }
  const dates: LocalDate[] = [];
  for (const [i, part] of parts.entries()) {
    const year = part.match.year ?? parts.slice(i + 1).find((p) => p.match.year !== null)?.match.year;
    const dated = dueOfPart(part, year ?? inferYear(part, ctx), ctx);
    if (!('due' in dated))
      return unparsed(dated.bad ?? notUnderstoodReason(text.replace(/\s+/g, ' ').trim()));
    if (!dates.includes(dated.due)) dates.push(dated.due);
  }
  dates.sort();
  const [only] = dates;
  if (dates.length === 1 && only) return { kind: 'once', dueOn: only, yearInferred: false };
  return { kind: 'recurring', recurrence: { period: 'dates', dates } };
}

/** "Từ ngày 15/4 đến ngày 15/5/2024", "Từ tháng 3 đến hết tháng 6/2024": due at the end of the span. */
function parseRange(s: string, original: string, ctx: DeadlineContext): ParsedDeadline | null {
  const m = /^tu (.+?) (den (?:het )?.+)$/.exec(s);
  if (!m?.[2] || !readPart(m[1] ?? '')) return null;
  const end = parseOnce(m[2], original, ctx);
  return end.kind === 'unparsed' && end.reason === notUnderstoodReason(original) ? null : end;
}

/**
 * A dated milestone after other words: "Theo lộ trình …, hoàn thành trong năm 2025", "Thực hiện
 * thường xuyên, riêng … hoàn thành trong quý II/2020" — the date is what the Office chases.
 */
function parseMilestone(text: string, ctx: DeadlineContext): ParsedDeadline | null {
  const nfc = text.normalize('NFC');
  const at = [...nfc.matchAll(/\bho[aà]n\s+th[aà]nh\b/giu)].at(-1)?.index;
  if (at === undefined || at === 0) return null;
  const milestone = parsePhrase(nfc.slice(at), ctx);
  return milestone.kind === 'once' || milestone.kind === 'recurring' ? milestone : null;
}

function notUnderstoodReason(original: string): string {
  return `Không hiểu thời hạn "${original}"`;
}

interface BodyMatch {
  /** The year written in the phrase, or null when it must be inferred. */
  year: number | null;
  build(year: number): Candidate;
}

const YEAR_SUFFIX = '(?:\\s*[/.-]\\s*|\\s+nam\\s+|\\s+)(\\d{4})';

function matchBody(body: string): BodyMatch | null {
  let m: RegExpExecArray | null;
  // 13/1/2021, 13-01-21, 13 thang 1 nam 2021, 20/1, 20 thang 1
  m =
    /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}|\d{2}))?$/.exec(body) ??
    /^(\d{1,2}) thang (\d{1,2})(?: nam (\d{4}))?$/.exec(body);
  if (m) {
    const [, d, mo, y] = m;
    const year = y === undefined ? null : y.length === 2 ? 2000 + Number(y) : Number(y);
    return { year, build: (yy) => dayCandidate(yy, Number(mo), Number(d)) };
  }
  // thang 1/2021, thang 01 nam 2021, thang 3, 01/2021
  m = new RegExp(`^thang (\\d{1,2})(?:${YEAR_SUFFIX})?$`).exec(body) ?? /^(\d{1,2})[/.-](\d{4})$/.exec(body);
  if (m) {
    const month = Number(m[1]);
    return { year: optYear(m[2]), build: (yy) => monthsCandidate(yy, month, month) };
  }
  // quy I/2021, quy 1 nam 2021, quy IV
  m = new RegExp(`^quy (iv|i{1,3}|0?[1-4])(?:${YEAR_SUFFIX})?$`).exec(body);
  if (m?.[1]) {
    const q = ROMAN_QUARTERS[m[1]] ?? Number(m[1]);
    return { year: optYear(m[2]), build: (yy) => monthsCandidate(yy, q * 3 - 2, q * 3) };
  }
  // 6 thang dau nam 2021, 6 thang cuoi nam 2021
  m = /^6 thang (dau|cuoi) nam(?: (\d{4}))?$/.exec(body);
  if (m) {
    const first = m[1] === 'dau';
    return { year: optYear(m[2]), build: (yy) => monthsCandidate(yy, first ? 1 : 7, first ? 6 : 12) };
  }
  // nam 2021, 2021, (trong) nam
  m = /^(?:nam(?: (\d{4}))?|(\d{4}))$/.exec(body);
  if (m) return { year: optYear(m[1] ?? m[2]), build: (yy) => monthsCandidate(yy, 1, 12) };
  // giai doan 2021-2025, 2021 - 2025, tu nam 2021 den nam 2025
  m = /^(?:giai doan )?(?:tu )?(?:nam )?(\d{4})(?:-| den (?:nam )?)(\d{4})$/.exec(body);
  if (m) {
    const from = Number(m[1]);
    const to = Number(m[2]);
    return {
      year: to,
      build: (yy) =>
        from <= yy
          ? monthsCandidate(yy, 1, 12)
          : { due: null, periodStart: null, bad: `Giai đoạn không hợp lệ "${from}-${to}"` },
    };
  }
  return null;
}

function optYear(y: string | undefined): number | null {
  return y === undefined ? null : Number(y);
}

function dayCandidate(year: number, month: number, day: number): Candidate {
  const due = makeDate(year, month, day);
  return { due, periodStart: due, bad: `Ngày không hợp lệ "${day}/${month}/${year}"` };
}

/** The period from the first day of `firstMonth` to the last day of `lastMonth`. */
function monthsCandidate(year: number, firstMonth: number, lastMonth: number): Candidate {
  if (!makeDate(year, 1, 1)) return { due: null, periodStart: null, bad: `Năm không hợp lệ "${year}"` };
  const start = makeDate(year, firstMonth, 1);
  if (!start || lastMonth > 12) {
    return { due: null, periodStart: null, bad: `Tháng không hợp lệ "${lastMonth}/${year}"` };
  }
  return { due: lastDayOfMonth(year, lastMonth), periodStart: start };
}

// ---------- labels ----------

/**
 * Vietnamese label for a recurrence, e.g. 'Hằng năm, trước ngày 15/12', 'Hằng quý', '6 tháng một lần',
 * 'Hằng năm, từ năm 2025', '30/06/2021 và 31/12/2021'. It parses back to the same recurrence.
 */
export function describeRecurrence(r: Recurrence): string {
  if (r.period === 'dates') {
    const dates = r.dates.map(formatVietnameseDate);
    return dates.length < 2 ? dates.join('') : `${dates.slice(0, -1).join(', ')} và ${dates.at(-1)}`;
  }
  const label = describePeriod(r);
  return r.fromYear === undefined ? label : `${label}, từ năm ${r.fromYear}`;
}

function describePeriod(r: PeriodicRecurrence): string {
  switch (r.period) {
    case 'year':
      if (r.month !== undefined && r.day !== undefined)
        return `Hằng năm, trước ngày ${pad2(r.day)}/${pad2(r.month)}`;
      if (r.month !== undefined) return `Hằng năm, trong tháng ${r.month}`;
      return 'Hằng năm';
    case 'half_year':
      return r.day === undefined
        ? '6 tháng một lần'
        : `6 tháng một lần, trước ngày ${pad2(r.day)} tháng 6 và tháng 12`;
    case 'quarter':
      return r.day === undefined ? 'Hằng quý' : `Hằng quý, trước ngày ${pad2(r.day)} tháng cuối quý`;
    case 'month':
      return r.day === undefined ? 'Hằng tháng' : `Hằng tháng, trước ngày ${pad2(r.day)}`;
  }
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
