/**
 * The columns of the appendix table: which cell of a row holds STT, nội dung, chủ trì … — found from the
 * header row's titles, in any order, any case, with or without diacritics — and a row's cells → fields.
 * A second header row right under the first ('Cơ quan thực hiện' over 'Chủ trì | Phối hợp') is merged in.
 */
import { foldVietnamese } from '../../domain/vietnamese-text.ts';
import { CELL_LINE_BREAK } from './plan-text-format.ts';
import { splitCells } from './plan-text-header.ts';

export type Field = 'no' | 'content' | 'lead' | 'support' | 'deadline' | 'note' | 'product';
export type Row = Record<Field, string> & { extra: Record<string, string> };
type Kind = { field: Field } | { extra: string } | null;

export interface Columns {
  /** what each cell of a row is, by position */
  kinds: Kind[];
  /** index of the STT column */
  no: number;
  /** number of cells of the header (cells past it are surplus) */
  count: number;
  /** 1, or 2 when a second header row follows the first */
  headerLines: number;
  /** the second header row, folded, to skip it when it is repeated at a page top ('' when none) */
  subheader: string;
  /** where each header cell starts in its line, when the header is aligned with spaces (no tab) */
  starts: number[] | null;
}

const DEFAULT_FIELDS: Field[] = ['no', 'content', 'lead', 'support', 'deadline', 'note'];
const NO_TITLE = /^(?:s\.?\s?t\.?\s?t|t\.?\s?t|so\s+(?:tt|thu\s+tu))\.?$/u;
const CONTENT_ANY = /noi dung|nhiem vu|cong viec/u;
/** Tried in this order, each on the cells not yet taken, each field taken once: strong titles first. */
const TITLES: ReadonlyArray<readonly [Field, RegExp]> = [
  ['lead', /chu tri/u],
  ['support', /phoi hop/u],
  ['deadline', /hoan thanh|thoi han/u],
  ['note', /ghi chu/u],
  ['content', /^(?:noi dung|nhiem vu|cong viec|ten (?:nhiem vu|cong viec))/u],
  ['product', /san pham|ket qua/u],
  ['deadline', /thoi gian|tien do/u],
  ['content', CONTENT_ANY],
  ['lead', /^(?:co quan|don vi).*thuc hien/u],
];

/** 'STT  Nội dung công việc  Cơ quan chủ trì …' in any column order: the table header, also when repeated. */
export function isTableHeader(line: string): boolean {
  const cells = splitCells(line).map(foldVietnamese);
  if (cells.some((cell) => NO_TITLE.test(cell)) && cells.some((cell) => CONTENT_ANY.test(cell))) return true;
  const text = foldVietnamese(line);
  return /^(?:stt|tt|so tt)(?![\p{L}\p{N}])/u.test(text) && CONTENT_ANY.test(text);
}

function isTitle(cell: string): boolean {
  const text = foldVietnamese(cell);
  return text.length <= 40 && (NO_TITLE.test(text) || TITLES.some(([, re]) => re.test(text)));
}

function defaultColumns(count: number): Columns {
  const kinds = DEFAULT_FIELDS.map((field) => ({ field }));
  return { kinds, no: 0, count, headerLines: 1, subheader: '', starts: null };
}

/** The columns from the header line at `headerIdx` (and the second header line under it, if any). */
export function columnsOf(lines: string[], headerIdx: number): Columns {
  const top = splitCells(lines[headerIdx] ?? '');
  if (top.length < 3) return defaultColumns(DEFAULT_FIELDS.length);
  const noIdx = top.findIndex((cell) => NO_TITLE.test(foldVietnamese(cell)));
  const sub = splitCells(lines[headerIdx + 1] ?? '');
  const isSub =
    sub.filter((cell) => cell !== '').length >= 2 &&
    sub.every((cell, i) => cell === '' || cell === top[i] || isTitle(cell)) &&
    sub.some((cell, i) => cell !== '' && cell !== top[i]) &&
    (noIdx < 0 || (sub[noIdx] ?? '') === '' || sub[noIdx] === top[noIdx]);
  const count = Math.max(top.length, isSub ? sub.length : 0);
  const titles = Array.from({ length: count }, (_, i) => {
    const parts = [top[i] ?? '', isSub ? (sub[i] ?? '') : ''].filter((cell) => cell !== '');
    return flat([...new Set(parts)].join(' '));
  });

  const fields: Array<Field | null> = titles.map((title) =>
    NO_TITLE.test(foldVietnamese(title)) ? 'no' : null,
  );
  const taken = new Set<Field>(fields.includes('no') ? ['no'] : []);
  for (const [field, re] of TITLES) {
    const i = titles.findIndex(
      (title, j) => fields[j] === null && title !== '' && re.test(foldVietnamese(title)),
    );
    if (i >= 0 && !taken.has(field)) {
      fields[i] = field;
      taken.add(field);
    }
  }
  const no = fields.indexOf('no');
  if (no < 0 || !fields.includes('content')) return defaultColumns(Math.max(top.length, 2));

  const kinds: Kind[] = [];
  titles.forEach((title, i) => {
    const field = fields[i];
    const previous = kinds[i - 1] ?? null;
    const inherit = previous && !('field' in previous && previous.field === 'no') ? previous : null;
    kinds.push(field ? { field } : title ? { extra: title } : inherit);
  });
  const subheader = isSub ? foldVietnamese(lines[headerIdx + 1] ?? '') : '';
  const header = lines[headerIdx] ?? '';
  const starts = !isSub && !header.includes('\t') ? chunks(header).map((chunk) => chunk.start) : null;
  return { kinds, no, count, headerLines: isSub ? 2 : 1, subheader, starts };
}

/** The runs of text of a line separated by 2+ spaces, with where each starts. */
function chunks(line: string): { text: string; start: number }[] {
  return [...line.matchAll(/\S+(?: \S+)*/gu)].map((m) => ({ text: m[0], start: m.index }));
}

/**
 * A row's cells. In a table aligned with spaces (text copied from a web page or a plain-text print),
 * a line with fewer cells than the header — a wrapped line, a row with empty cells — whose runs of
 * text each start under a header cell puts each run in that column; other lines read in order.
 */
export function rowCells(line: string, cols: Columns): string[] {
  const cells = splitCells(line);
  const starts = cols.starts;
  if (!starts || line.includes('\t')) return cells;
  const runs = chunks(line);
  if (runs.length >= starts.length && runs[0]?.start === 0) return cells;
  const aligned = runs.every((run) => starts.some((start) => Math.abs(start - run.start) <= 2));
  if (!aligned) return cells;
  const placed = Array<string>(Math.max(starts.length, 1)).fill('');
  for (const run of runs) {
    const column = starts.reduce((best, start, i) => (start <= run.start + 2 ? i : best), 0);
    placed[column] = placed[column] ? `${placed[column]} ${run.text}` : run.text;
  }
  return placed;
}

/** A row with every field empty. */
export function emptyRow(): Row {
  return {
    no: '',
    content: '',
    lead: '',
    support: '',
    deadline: '',
    note: '',
    product: '',
    extra: columnMap(),
  };
}

/**
 * A map from a column's title to a cell, with no prototype: a column titled «toString», «constructor»
 * or «__proto__» is a column like any other, not a property inherited from Object.
 */
export function columnMap(entries: Iterable<readonly [string, string]> = []): Record<string, string> {
  const map: Record<string, string> = Object.create(null);
  for (const [key, value] of entries) map[key] = value;
  return map;
}

/** A row's cells → its fields (cells as written, line breaks kept); every extra column gets a key. */
export function toRow(cells: string[], cols: Columns): Row {
  const row = emptyRow();
  const join = (a: string | undefined, b: string) => (a && b ? `${a} ${b}` : a || b);
  cols.kinds.forEach((kind, i) => {
    const cell = cells[i] ?? '';
    if (kind && 'field' in kind) row[kind.field] = join(row[kind.field], cell);
    else if (kind) row.extra[kind.extra] = join(row.extra[kind.extra], cell);
  });
  return row;
}

/** Cell line breaks → one space (content, deadline, note, product, extra, section titles). */
export function flat(text: string): string {
  return lines(text).join(' ');
}

/** Cell line breaks → '\n' (lead and support cells: a line break separates agencies). */
export function agencyLines(text: string): string {
  return lines(text).join('\n');
}

function lines(text: string): string[] {
  return text
    .split(CELL_LINE_BREAK)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
