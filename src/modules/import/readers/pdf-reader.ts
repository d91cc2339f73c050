/**
 * PDF reader of the importer: a .pdf with a text layer → plan text (see plan-text-format.ts).
 * pdfjs' legacy build runs its worker in-process on Node (it imports ./pdf.worker.mjs by itself).
 *
 * Text items of every page are grouped into visual lines (same baseline ± ½ font size) and words
 * (a space where pdfjs gave a space item or the gap exceeds 0.15 em). Outside a table each visual
 * line is one line of plan text ('\t' where a gap exceeds 2 em, a blank line before a line more
 * than 1.55 em below the previous one). A task table is read by position:
 * - header: a line whose first run is 'STT'/'TT'/'Số TT', widened up and down over lines ≤ 1.5 em
 *   apart whose STT column is empty or holds a short word ('Số' above 'TT'); the band must say
 *   nội dung/nhiệm vụ/công việc. Runs (words < 0.5 em apart) of the band overlapping in x form one
 *   column (a run over two runs of another line, 'Cơ quan thực hiện', is a super-header: skipped).
 * - column borders: in the gap between two header columns, the x covered by the fewest text runs of
 *   the lines below: the blank corridor between the cells' texts, whatever their alignment.
 * - rows: a line whose STT column starts with a number, 'a', a roman numeral, 'A', 'Phần'/'Mục'
 *   starts a row; any other line continues the current row cell by cell, across page breaks too.
 *   Header bands repeated at a page top, page numbers (a page's first/last line that is only a
 *   number) and column-number rows ('1 2 3 …', '(1) (2) …') are dropped.
 * - end: a line more than 4 em below the previous table line; or a run across 2+ column borders
 *   (a paragraph) when the STT column holds no row mark, unless it continues a section title;
 *   another header; the end of the document. Known limit: rows are found by their STT cell, so an
 *   STT vertically centred in a tall row splits that row (the drawn borders are not read).
 */
import { AppError } from '../../../shared/errors.ts';
import { keepNativeBuiltins } from '../../../shared/native-builtins.ts';
import { DEFAULT_PARSE_LIMITS, type ParseLimits, tooManyPages } from '../parse-limits.ts';
import { CELL_LINE_BREAK } from '../plan-text-format.ts';

interface Run {
  text: string;
  x: number;
  end: number;
}
/** A text item; `space`: a space separates it from the item before. */
type Token = Run & { space: boolean };
type Item = Run & { y: number; size: number };
interface Line {
  page: number;
  y: number;
  size: number;
  tokens: Token[];
  /** first or last line of its page */
  edge: boolean;
}
interface Header {
  top: number;
  bottom: number;
  titles: string[];
  /** x ranges of the header's columns, left to right */
  spans: Array<{ x: number; end: number }>;
}

const CORRUPT = 'Tệp PDF bị hỏng hoặc không phải PDF.';
const SPACE_GAP = 0.15;
const CELL_GAP = 0.5;
const TAB_GAP = 2;
const SECTION_MARK = /^(?:[IVXLC]+|[A-ZĐ]|Phần|PHẦN|Mục|MỤC)(?:[.):]|\s|$)/u;
const ROW_MARK = /^(?:\d+(?:\.\d+)*[a-zđ]?|[a-zđ]|[IVXLC]+|[A-ZĐ]|Phần|PHẦN|Mục|MỤC)(?:[.):]|\s|$)/u;
const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:Trang\s+)?\d{1,4}(?:\s*\/\s*\d{1,4})?(?:\s*[-–—])?$/iu;
/** Symbol/Wingdings bullets in the Private Use Area; other U+F020–F07E are shifted ASCII. */
const PUA = new Map([...'\uF0B7\uF06C\uF0A7\uF0D8\uF0FC'].map((c, i) => [c, '••▪➢✓'[i] ?? '•']));

/** .pdf with a text layer → plan text (see plan-text-format.ts); more pages than `limits.maxPages` are refused before any is read. */
export async function pdfToPlanText(
  bytes: Uint8Array,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
): Promise<string> {
  const lines = await readLines(bytes, limits);
  const text = lines.flatMap((line) => line.tokens.map((token) => token.text)).join('');
  if (text.replace(/\s/gu, '').length < 20) {
    throw new AppError(
      'IMPORT_NO_TEXT',
      'Bản quét không có lớp chữ (scan without text): hãy chạy OCR trước rồi nhập lại.',
    );
  }
  return renderLines(lines);
}

/**
 * A word or glyph run placed on a page, as a layout reader (OCR) gives it: `x` its left edge, `y`
 * its baseline measured upwards from the page's bottom (PDF user space), `width` and `height` (the
 * font size) in the same unit.
 */
export interface PositionedText {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Positioned text of each page (page 1 first) → plan text, by the same layout rules as a PDF's text layer. */
export function positionedPagesToPlanText(pages: readonly (readonly PositionedText[])[]): string {
  const items = (page: readonly PositionedText[]) =>
    page.map((t) => ({
      str: t.str,
      transform: [t.height, 0, 0, t.height, t.x, t.y],
      width: t.width,
      height: t.height,
    }));
  return renderLines(pages.flatMap((page, i) => pageLines(items(page), i + 1)));
}

function renderLines(lines: Line[]): string {
  return render(lines.filter((l) => !(l.edge && PAGE_NUMBER.test(lineText(l.tokens)))));
}

/** pdfjs (and its in-process worker) loads on the first PDF read; it replaces built-ins (see native-builtins.ts). */
function readLines(bytes: Uint8Array, limits: ParseLimits): Promise<Line[]> {
  return keepNativeBuiltins(async () => {
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    return readLinesWith(getDocument, bytes, limits);
  });
}

async function readLinesWith(
  getDocument: typeof import('pdfjs-dist/legacy/build/pdf.mjs').getDocument,
  bytes: Uint8Array,
  limits: ParseLimits,
): Promise<Line[]> {
  let task: ReturnType<typeof getDocument>;
  try {
    const options = { disableFontFace: true, useSystemFonts: false, isEvalSupported: false, verbosity: 0 };
    task = getDocument({ data: new Uint8Array(bytes), ...options });
  } catch {
    throw new AppError('IMPORT_UNREADABLE', CORRUPT);
  }
  try {
    const doc = await task.promise;
    if (doc.numPages > limits.maxPages) throw tooManyPages(limits, doc.numPages);
    const lines: Line[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      lines.push(...pageLines((await page.getTextContent()).items, p));
      page.cleanup();
    }
    return lines;
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof Error && error.name === 'PasswordException') {
      throw new AppError('IMPORT_UNREADABLE', 'Tệp PDF có mật khẩu: hãy bỏ mật khẩu rồi nhập lại.');
    }
    throw new AppError('IMPORT_UNREADABLE', CORRUPT);
  } finally {
    await task.destroy();
  }
}

function clean(text: string): string {
  return text
    .replace(/[\uFB00-\uFB06]/gu, (c) => c.normalize('NFKC'))
    .replace(
      /[\uE000-\uF8FF]/gu,
      (c) =>
        PUA.get(c) ?? (c >= '\uF020' && c <= '\uF07E' ? String.fromCharCode(c.charCodeAt(0) - 0xf000) : ''),
    )
    .replace(/[\u00AD\u200B-\u200D\uFEFF]/gu, '')
    .replace(/\s/gu, ' ')
    .normalize('NFC');
}

/** Text items of one page → visual lines, top to bottom, tokens left to right. */
function pageLines(items: readonly object[], page: number): Line[] {
  const found: Item[] = [];
  for (const item of items) {
    if (!('str' in item) || !('transform' in item)) continue;
    const [a = 0, b = 0, , d = 0, x = 0, y = 0] = item.transform as number[];
    if (Math.abs(b) > Math.abs(a) * 0.1) continue; // rotated (a skew in c is a synthetic italic)
    const { width = 0, height = 10 } = item as { width?: number; height?: number };
    const text = clean(String(item.str));
    if (text !== '') found.push({ text, x, end: x + width, y, size: Math.abs(d) || height || 10 });
  }
  found.sort((g, h) => h.y - g.y);
  const groups: Item[][] = [];
  for (const item of found) {
    const first = groups.at(-1)?.[0];
    if (first && Math.abs(first.y - item.y) <= Math.min(first.size, item.size) / 2) groups.at(-1)?.push(item);
    else groups.push([item]);
  }
  const lines = groups.map((group) => toLine(group, page)).filter((line) => line !== null);
  for (const line of [lines[0], lines.at(-1)]) if (line) line.edge = true;
  return lines;
}

function toLine(items: Item[], page: number): Line | null {
  const tokens: Token[] = [];
  let [space, end] = [false, Number.NEGATIVE_INFINITY];
  for (const item of [...items].sort((g, h) => g.x - h.x)) {
    const text = item.text.trim();
    const previous = tokens.at(-1);
    if (text === '' || (previous?.text === text && Math.abs(previous.x - item.x) < 0.1 * item.size)) {
      space ||= text === ''; // a space item, or the same text drawn twice (fake bold)
      continue;
    }
    const gap = item.x - end > SPACE_GAP * item.size;
    tokens.push({ text, x: item.x, end: item.end, space: space || gap || item.text.startsWith(' ') });
    [space, end] = [item.text.endsWith(' '), Math.max(end, item.end)];
  }
  const sizes = items.filter((item) => item.text.trim() !== '').map((item) => item.size);
  const size = sizes.sort((p, q) => p - q)[Math.floor(sizes.length / 2)] ?? 10;
  return tokens.length ? { page, y: Math.max(...items.map((i) => i.y)), size, tokens, edge: false } : null;
}

function lineText(tokens: Token[], tabGap = Number.POSITIVE_INFINITY, size = 10): string {
  let out = '';
  let end = Number.NEGATIVE_INFINITY;
  for (const t of tokens) {
    if (out !== '') out += t.x - end > tabGap * size ? '\t' : t.space ? ' ' : '';
    out += t.text;
    end = Math.max(end, t.end);
  }
  return out;
}

/** Runs of tokens closer than half the font size: the text of one cell on one visual line. */
function runsOf(line: Line): Run[] {
  const runs: Array<{ tokens: Token[]; x: number; end: number }> = [];
  for (const t of line.tokens) {
    const run = runs.at(-1);
    if (run && t.x - run.end <= CELL_GAP * line.size) {
      run.tokens.push(t);
      run.end = Math.max(run.end, t.end);
    } else runs.push({ tokens: [t], x: t.x, end: t.end });
  }
  return runs.map((r) => ({ text: lineText(r.tokens), x: r.x, end: r.end }));
}

function headerAt(lines: Line[], i: number): Header | null {
  const anchor = lines[i];
  const stt = anchor ? runsOf(anchor)[0] : undefined;
  if (!anchor || !stt || !/^(?:STT|(?:Số\s*)?TT)$/iu.test(stt.text)) return null;
  // a close line (≤ 1.5 em) whose STT column is empty or holds a header word ('Số' over 'TT')
  const fits = (j: number, k: number) => {
    const [a, b] = [lines[j], lines[k]];
    if (!a || !b || a.page !== b.page || Math.abs(a.y - b.y) > 1.5 * Math.max(a.size, b.size)) return false;
    return runsOf(a).every(
      (r) => r.x > stt.end + 1 || (/^[\p{L} ]{1,8}$/u.test(r.text) && !ROW_MARK.test(r.text)),
    );
  };
  let [top, bottom] = [i, i];
  while (top > i - 4 && fits(top - 1, top)) top--;
  while (bottom < i + 4 && fits(bottom + 1, bottom)) bottom++;
  const band = lines.slice(top, bottom + 1);
  if (!/nội dung|nhiệm vụ|công việc/iu.test(band.map((l) => lineText(l.tokens, 1, l.size)).join(' ')))
    return null;
  const cells = band.flatMap((line, row) => runsOf(line).map((run) => ({ ...run, row })));
  const overlaps = (p: Run, q: Run) => p.x < q.end && q.x < p.end;
  // a super-header ('Cơ quan thực hiện' over 'Chủ trì' | 'Phối hợp') overlaps two cells of another line
  const spanning = (p: (typeof cells)[number]) =>
    band.some((_, row) => row !== p.row && cells.filter((q) => q.row === row && overlaps(p, q)).length > 1);
  const groups: Array<Run & { parts: typeof cells }> = [];
  for (const cell of cells.filter((c) => !spanning(c))) {
    const hits = groups.filter((g) => overlaps(g, cell));
    const parts = [cell, ...hits.flatMap((g) => g.parts)];
    const [x, end] = [Math.min(...parts.map((q) => q.x)), Math.max(...parts.map((q) => q.end))];
    groups.splice(0, groups.length, ...groups.filter((g) => !hits.includes(g)), { text: '', x, end, parts });
  }
  if (groups.length < 3) return null;
  groups.sort((g, h) => g.x - h.x);
  const titles = groups.map((g) =>
    g.parts
      .sort((p, q) => p.row - q.row || p.x - q.x)
      .map((p) => p.text)
      .join(' '),
  );
  return { top, bottom, titles, spans: groups.map(({ x, end }) => ({ x, end })) };
}

/** Column borders of a table: a blank corridor between each two header columns, in the lines below. */
function bordersOf(header: Header, lines: Line[]): number[] {
  const below = lines.slice(header.bottom + 1, header.bottom + 400).flatMap(runsOf);
  return header.spans.slice(1).map((span, k) => corridor(header.spans[k]?.end ?? span.x, span.x, below));
}

/** The x in [from, to] covered by the fewest runs: the middle of the widest such stretch. */
function corridor(from: number, to: number, runs: Run[]): number {
  if (to - from < 1) return to;
  const near = runs.filter((r) => r.x <= to && r.end >= from);
  let best = { count: Number.POSITIVE_INFINITY, start: to, width: 0 };
  let current = { count: -1, start: from, width: 0 };
  for (let x = from; x <= to; x += 0.5) {
    const count = near.filter((r) => r.x <= x && x <= r.end).length;
    current =
      count === current.count ? { ...current, width: current.width + 0.5 } : { count, start: x, width: 0 };
    if (count < best.count || (count === best.count && current.width > best.width)) best = { ...current };
  }
  return best.start + best.width / 2;
}

type Table = Header & {
  borders: number[];
  row: string[][] | null;
  section: boolean;
  y: number;
  page: number;
};

function render(lines: Line[]): string {
  const out: string[] = [];
  const headers = new Map<number, Header>();
  lines.forEach((_, i) => {
    const header = headerAt(lines, i);
    if (header && !headers.has(header.top)) headers.set(header.top, header);
  });
  let table: Table | null = null;
  const endTable = () => {
    if (table?.row) out.push(rowText(table.row));
    if (table) out.push('');
    table = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    const header = headers.get(i);
    if (header) {
      // a header repeated on the next page continues the table; another header starts a new one
      if (table?.titles.join('\t') !== header.titles.join('\t')) {
        endTable();
        out.push('', header.titles.join('\t'));
        const { y, page } = lines[header.bottom] as Line;
        table = { ...header, borders: bordersOf(header, lines), row: null, section: false, y, page };
      }
      i = header.bottom;
      continue;
    }
    if (table && tableLine(table, line, out)) continue;
    endTable();
    const previous = lines[i - 1];
    const gap = previous?.page === line.page ? previous.y - line.y : 0;
    if (gap > 1.55 * line.size && out.length > 0 && out.at(-1) !== '') out.push('');
    out.push(lineText(line.tokens, TAB_GAP, line.size));
  }
  endTable();
  return `${out
    .join('\n')
    .replace(/ ?\u2028 ?/gu, CELL_LINE_BREAK)
    .normalize('NFC')}\n`;
}

/** Takes one visual line into the table (true), or says the table ended before it (false). */
function tableLine(table: Table, line: Line, out: string[]): boolean {
  const far = line.page === table.page && table.y - line.y > 4 * line.size;
  const cells: string[][] = table.titles.map(() => []);
  const runs = runsOf(line);
  for (const run of runs) cells[table.borders.filter((b) => b <= run.x).length]?.push(run.text);
  const stt = cells[0]?.join(' ') ?? '';
  const wide = runs.some((r) => table.borders.filter((b) => r.x < b && b < r.end).length >= 2);
  const numbers = cells.filter((c) => c.length > 0).map((c) => c.join(' ').replace(/^\((\d+)\)$/u, '$1'));
  if (far || (wide && (stt !== '' ? !ROW_MARK.test(stt) : table.row !== null && !table.section)))
    return false;
  [table.y, table.page] = [line.y, line.page];
  if (numbers.length >= 3 && numbers.every((n, k) => n === String(k + 1))) return true;
  if ((stt !== '' && ROW_MARK.test(stt)) || !table.row) {
    if (table.row) out.push(rowText(table.row));
    table.row = cells;
    table.section = SECTION_MARK.test(stt);
    return true;
  }
  cells.forEach((parts, k) => {
    const target = table.row?.[k];
    if (target?.length && /^[-–+•]\s/u.test(parts[0] ?? '')) target.push(CELL_LINE_BREAK);
    target?.push(...parts);
  });
  return true;
}

/** One row: each cell's fragments joined with a space ('2020-' + '2025' without one), cells with tabs. */
function rowText(row: string[][]): string {
  return row.map((parts) => parts.join(' ').replace(/(\S[-/]) (?=\S)/gu, '$1')).join('\t');
}
