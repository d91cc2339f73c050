/**
 * The layout rules of the PDF reader: visual lines of positioned text (pdf-lines.ts) → plan text
 * (see plan-text-format.ts), for a PDF's text layer and OCR word boxes alike.
 *
 * - Running headers and footers are dropped (pdf-running-lines.ts); a table continues across them.
 * - Outside a table each visual line is one line of plan text ('\t' where a gap exceeds 2 em, a blank
 *   line before a line more than 1.55 em below the previous one), except that a line starting in
 *   lower case right under another (≤ 1.55 em) continues its paragraph. 'Nơi nhận:' beside the
 *   signature block is read column by column.
 * - A task table is read by position:
 *   - header: a line whose first run is 'STT'/'TT'/'Số TT', widened up and down over lines ≤ 1.5 em
 *     apart whose STT column is empty or holds a short word ('Số' above 'TT'); the band must say nội
 *     dung/nhiệm vụ/công việc. Runs (words < 0.5 em apart, not parted by a drawn cell side) of the
 *     band overlapping in x form one column (a run over two runs of another line, 'Cơ quan thực
 *     hiện', is a super-header: skipped). A text item drawn across a cell side is split there first.
 *   - column borders: a drawn cell side between two header columns; else, in the gap between them,
 *     the x covered by the fewest text runs of the lines below: the blank corridor between the
 *     cells' texts, whatever their alignment.
 *   - rows: see pdf-table-rows.ts (drawn borders when there are, else the lines' positions around
 *     the STT column's row marks — 1, 'a', a roman numeral, 'A', 'Phần'/'Mục' — top-aligned or
 *     vertically centred). Header bands repeated at a page top and column-number rows ('1 2 3 …',
 *     '(1) (2) …') are dropped.
 *   - end: a line more than 4 em below the previous table line; a line below the table's drawn bottom
 *     border; a run across 2+ column borders (a paragraph) when the STT column holds no row mark,
 *     unless it continues a section title; another header; the end of the document.
 */
import { CELL_LINE_BREAK } from '../plan-text-format.ts';
import type { Drawing } from './pdf-drawn-rules.ts';
import { type Line, lineText, type Run, runsOf, type Token } from './pdf-lines.ts';
import { runningLines } from './pdf-running-lines.ts';
import { covers, type TableEntry, tableRows } from './pdf-table-rows.ts';

interface Header {
  top: number;
  bottom: number;
  titles: string[];
  /** x ranges of the header's columns, left to right */
  spans: Array<{ x: number; end: number }>;
}
type Table = Header & { borders: number[]; entries: TableEntry[]; section: boolean; y: number; page: number };

const TAB_GAP = 2;
const SECTION_MARK = /^(?:[IVXLC]+|[A-ZĐ]|Phần|PHẦN|Mục|MỤC)(?:[.):]|\s|$)/u;
const ROW_MARK = /^(?:\d+(?:\.\d+)*[a-zđ]?|[a-zđ]|[IVXLC]+|[A-ZĐ]|Phần|PHẦN|Mục|MỤC)(?:[.):]|\s|$)/u;

/** Visual lines of all pages, in reading order → plan text; `drawingOf(page)`: the page's drawn rules. */
export function renderPlanText(
  given: Line[],
  drawingOf: (page: number) => Drawing = () => ({ rules: [], sides: [] }),
): string {
  const lines = given.map((line) => {
    const middle = line.y + 0.3 * line.size;
    const sides = drawingOf(line.page).sides.filter((s) => s.bottom <= middle && middle <= s.top);
    const cuts = sides.map((s) => s.x).sort((p, q) => p - q);
    return cuts.length ? { ...line, cuts, tokens: line.tokens.flatMap((t) => splitAt(t, cuts)) } : line;
  });
  const headers = new Map<number, Header>();
  lines.forEach((_, i) => {
    const header = headerAt(lines, i);
    if (header && !headers.has(header.top)) headers.set(header.top, header);
  });
  const inHeaders = new Set([...headers.values()].flatMap((h) => range(h.top, h.bottom)));
  const running = runningLines(lines, inHeaders);
  const kept = lines.filter((_, i) => !running.has(i));
  const shifted = new Map<number, Header>();
  const index = new Map(kept.map((line, i) => [line, i]));
  for (const header of headers.values()) {
    const [top, bottom] = [index.get(lines[header.top] as Line), index.get(lines[header.bottom] as Line)];
    if (top !== undefined && bottom !== undefined) shifted.set(top, { ...header, top, bottom });
  }
  return render(kept, shifted, drawingOf);
}

/**
 * A token drawn across a cell's side (words of two cells run together by the source, 'STT Nội'):
 * split at the space nearest the side, the glyphs' places estimated evenly over the token's width.
 */
function splitAt(token: Token, cuts: number[]): Token[] {
  const cut = cuts.find((x) => token.x < x - 1 && x + 1 < token.end);
  const chars = [...token.text];
  if (cut === undefined || chars.length < 3) return [token];
  const at = (i: number) => token.x + ((token.end - token.x) * i) / chars.length;
  let best = -1;
  chars.forEach((c, i) => {
    if (c === ' ' && (best < 0 || Math.abs(at(i) - cut) < Math.abs(at(best) - cut))) best = i;
  });
  if (best <= 0) return [token];
  const left = { ...token, text: chars.slice(0, best).join(''), end: Math.min(at(best), cut - 0.5) };
  const right = {
    text: chars.slice(best + 1).join(''),
    x: Math.max(at(best + 1), cut + 0.5),
    end: token.end,
    space: true,
  };
  return [left, ...splitAt(right, cuts)];
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);

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

/**
 * Column borders of a table: a drawn side between two header columns, else the blank corridor
 * between them in the lines below.
 */
function bordersOf(header: Header, lines: Line[]): number[] {
  const below = lines.slice(header.bottom + 1, header.bottom + 400).flatMap(runsOf);
  const cuts = lines.slice(header.top, header.bottom + 1).flatMap((line) => line.cuts ?? []);
  return header.spans.slice(1).map((span, k) => {
    const from = header.spans[k]?.end ?? span.x;
    return cuts.find((x) => x >= from - 1 && x <= span.x + 1) ?? corridor(from, span.x, below);
  });
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

function render(lines: Line[], headers: Map<number, Header>, drawingOf: (page: number) => Drawing): string {
  const out: string[] = [];
  let table: Table | null = null;
  const endTable = () => {
    if (table)
      out.push(...tableRows(table.entries, table.spans, (page) => drawingOf(page).rules).map(rowText), '');
    table = null;
  };
  /** the index of the last line written as plain text */
  let plain = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    const header = headers.get(i);
    if (header) {
      // a header repeated on the next page continues the table; another header starts a new one
      if (table?.titles.join('\t') !== header.titles.join('\t')) {
        endTable();
        out.push('', header.titles.join('\t'));
        const { y, page } = lines[header.bottom] as Line;
        table = { ...header, borders: bordersOf(header, lines), entries: [], section: false, y, page };
      }
      i = header.bottom;
      continue;
    }
    if (table && tableLine(table, line, drawingOf(line.page))) continue;
    endTable();
    const previous = lines[i - 1];
    const gap = previous?.page === line.page ? previous.y - line.y : 0;
    if (gap > 1.55 * line.size && out.length > 0 && out.at(-1) !== '') out.push('');
    const block = signatureBlock(lines, i, headers);
    const text = lineText(line.tokens, TAB_GAP, line.size);
    if (block) {
      out.push(...block.text);
      i = block.end;
    } else if (plain === i - 1 && gap > 0 && gap <= 1.55 * line.size && continues(out.at(-1) ?? '', text))
      out[out.length - 1] += ` ${text}`;
    else out.push(text);
    if (!block) plain = i;
  }
  endTable();
  return `${out
    .join('\n')
    .replace(/ ?\u2028 ?/gu, CELL_LINE_BREAK)
    .normalize('NFC')}\n`;
}

/**
 * A paragraph's next visual line: it starts in lower case (not a list mark 'a)', 'b.'), and neither
 * it nor the line before is split in columns.
 */
function continues(before: string, text: string): boolean {
  return (
    /^\p{Ll}/u.test(text) && !/^[a-zđ][).]/u.test(text) && !`${before}${text}`.includes('\t') && before !== ''
  );
}

/**
 * 'Nơi nhận:' and its list beside the signature block ('TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH' …): the
 * left column's lines, then the right column's, as the document reads (and a Word reader gives them).
 */
function signatureBlock(
  lines: Line[],
  i: number,
  headers: Map<number, Header>,
): { end: number; text: string[] } | null {
  const first = lines[i] as Line;
  if (!/^Nơi nhận/iu.test(lineText(first.tokens.slice(0, 8)))) return null;
  const split = first.tokens.find(
    (t, k) => k > 0 && t.x - (first.tokens[k - 1]?.end ?? t.x) > TAB_GAP * first.size,
  );
  if (!split) return null;
  let end = i;
  for (let j = i + 1; j < lines.length && !headers.has(j); j++) {
    const [above, line] = [lines[j - 1] as Line, lines[j] as Line];
    if (line.page !== above.page || above.y - line.y > 4 * line.size) break;
    end = j;
  }
  const block = lines.slice(i, end + 1);
  const margin = first.tokens[0]?.x ?? 0;
  // each line parts at its own wide gap; a line in one piece goes to the column it starts nearer to
  const halves = block.map((line) => {
    const k = line.tokens.findIndex(
      (t, n) => n > 0 && t.x - (line.tokens[n - 1]?.end ?? t.x) > TAB_GAP * line.size,
    );
    if (k > 0) return [line.tokens.slice(0, k), line.tokens.slice(k)];
    const x = line.tokens[0]?.x ?? 0;
    return Math.abs(x - margin) < Math.abs(x - split.x) ? [line.tokens, []] : [[], line.tokens];
  });
  const column = (side: 0 | 1) =>
    halves
      .map((half) => half[side] ?? [])
      .filter((tokens) => tokens.length > 0)
      .map((tokens) => lineText(tokens, TAB_GAP, first.size));
  return { end, text: [...column(0), ...column(1)] };
}

/** Takes one visual line into the table (true), or says the table ended before it (false). */
function tableLine(table: Table, line: Line, { rules, sides }: Drawing): boolean {
  const far = line.page === table.page && table.y - line.y > 4 * line.size;
  // below the table's drawn bottom border: under the lowest rule across the STT column and beside
  // no cell's side left of the STT column
  const stt = table.spans[0];
  const bottom = Math.min(...rules.filter((r) => stt && covers(r, stt)).map((r) => r.y));
  const closed =
    stt !== undefined &&
    sides.length > 0 &&
    line.page === table.page &&
    table.y > bottom &&
    line.y + 0.85 * line.size < bottom &&
    !sides.some((s) => s.x <= stt.x && s.bottom <= line.y && s.top >= line.y);
  const cells: string[][] = table.titles.map(() => []);
  const runs = runsOf(line);
  for (const run of runs) cells[table.borders.filter((b) => b <= run.x).length]?.push(run.text);
  const number = cells[0]?.join(' ') ?? '';
  const mark = number !== '' && ROW_MARK.test(number);
  const wide = runs.some((r) => table.borders.filter((b) => r.x < b && b < r.end).length >= 2);
  const numbers = cells.filter((c) => c.length > 0).map((c) => c.join(' ').replace(/^\((\d+)\)$/u, '$1'));
  if (far || closed || (wide && (number !== '' ? !mark : table.entries.length > 0 && !table.section)))
    return false;
  [table.y, table.page] = [line.y, line.page];
  if (numbers.length >= 3 && numbers.every((n, k) => n === String(k + 1))) return true;
  const section = mark && SECTION_MARK.test(number);
  if (mark) table.section = section;
  table.entries.push({ line, cells, mark, section });
  return true;
}

/** One row: each cell's fragments joined with a space ('2020-' + '2025' without one), cells with tabs. */
function rowText(row: string[][]): string {
  return row.map((parts) => parts.join(' ').replace(/(\S[-/]) (?=\S)/gu, '$1')).join('\t');
}
