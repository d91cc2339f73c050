/**
 * The blocks a report is written in (headings, paragraphs, tables) and the small helpers its text and
 * annexes share: numbers and dates as Vietnamese write them, numbered tables, the report's category
 * columns, a plan's citation.
 */
import { formatVietnameseDate, type LocalDate } from '../../domain/dates.ts';
import { formatPercent } from '../../domain/scoring.ts';
import { citePlans, shortAuthority } from '../letters/letter-text.ts';
import { type CategoryCounts, REPORT_CATEGORIES } from './report-categories.ts';

export type Align = 'left' | 'center' | 'right';
export interface Column {
  title: string;
  /** relative width */
  width: number;
  align: Align;
}
export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'para'; text: string; italics?: boolean }
  | { kind: 'table'; columns: Column[]; rows: string[][]; totalRow?: string[] };

/** A phụ lục after the signature: 'Phụ lục I', its title, '(Kèm theo Báo cáo số …)', its tables. */
export interface Annex {
  label: string;
  title: string;
  note: string;
  blocks: Block[];
}

export const d = formatVietnameseDate;
export const rate = (r: number | null) => (r === null ? '–' : formatPercent(r));
export const num = (n: number) => n.toLocaleString('vi-VN');

export function paragraphs(text: string): Block[] {
  return text
    .split(/\r?\n/u)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => ({ kind: 'para', text: p }));
}

export const left = (title: string, width: number): Column => ({ title, width, align: 'left' });
export const centre = (title: string, width: number): Column => ({ title, width, align: 'center' });

/** A table whose first column, STT, numbers its rows (and is blank on the total row). */
export function numberedTable(
  sttWidth: number,
  columns: Column[],
  rows: string[][],
  totalRow?: string[],
): Block {
  return {
    kind: 'table',
    columns: [centre('STT', sttWidth), ...columns],
    rows: rows.map((row, i) => [String(i + 1), ...row]),
    ...(totalRow ? { totalRow: ['', ...totalRow] } : {}),
  };
}

export function sumCategories(k: CategoryCounts): number {
  return REPORT_CATEGORIES.reduce((sum, cat) => sum + k[cat], 0);
}

/** The first column, then Tổng số, the six categories (docs/domain-rules.md §8), Nhắc nhở and Tỷ lệ đúng hạn. */
export function categoryColumns(first: string, width: number): Column[] {
  return [
    left(first, width),
    centre('Tổng số', 7),
    centre('Hoàn thành đúng hạn', 8.5),
    centre('Hoàn thành quá hạn', 8.5),
    centre('Đang thực hiện trong hạn', 8.5),
    centre('Đang thực hiện quá hạn', 8.5),
    centre('Chưa đến hạn', 8),
    centre('Thường xuyên', 10),
    centre('Nhắc nhở', 8.5),
    centre('Tỷ lệ đúng hạn', 8.5),
  ];
}

export function categoryCells(g: {
  categories: CategoryCounts;
  counts: { reminders: number };
  onTimeRate: number | null;
}): string[] {
  const k = g.categories;
  return [
    num(sumCategories(k)),
    ...REPORT_CATEGORIES.map((cat) => num(k[cat])),
    num(g.counts.reminders),
    rate(g.onTimeRate),
  ];
}

/**
 * A plan's full citation, as a report names it: 'Kế hoạch số 87/KH-UBND ngày 13/01/2021 của UBND tỉnh'
 * (the issuer read from the symbol: -UBND is the authority's committee; TTg, CP the Government's).
 */
export function planCitation(
  plan: { code: string; issuedOn: LocalDate | null },
  /** the Office's parent as its header writes it: 'UBND TỈNH TÂY NINH' */
  authority: string,
): string {
  const symbol = plan.code.split('/')[1]?.split('-').at(-1) ?? '';
  const name = authority.replace(/^UBND\s+/iu, '');
  const by: Record<string, string> = {
    UBND: shortAuthority({ parent: 'ỦY BAN NHÂN DÂN', name }),
    TTg: 'Thủ tướng Chính phủ',
    CP: 'Chính phủ',
  };
  return (
    citePlans([plan.code]) +
    (plan.issuedOn ? ` ngày ${d(plan.issuedOn)}` : '') +
    (by[symbol] ? ` của ${by[symbol]}` : '')
  );
}

/** a) b) … z) aa) … */
export function letter(i: number): string {
  const abc = 'abcdefghiklmnopqrstuvxy';
  return i < abc.length ? (abc[i] ?? 'a') : `${letter(Math.floor(i / abc.length) - 1)}${abc[i % abc.length]}`;
}

export function endSentence(text: string): string {
  const t = text.trim().replace(/\s+/gu, ' ');
  return /[.!?…]$/u.test(t) ? t : `${t}.`;
}
