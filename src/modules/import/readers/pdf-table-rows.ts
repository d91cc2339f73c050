/**
 * The rows of a task table read from a laid-out page: which visual lines make one row.
 *
 * Lines are first grouped into bands, one per page and table row:
 * - by the drawn borders when the page has them: the horizontal rules crossing the STT column cut the
 *   page into bands, and a column whose cell no rule separates from the band above is a vertically
 *   merged cell (its text goes to every row it covers); unless a band holds two row marks (rules
 *   only around the header, or under some rows): then as if nothing were drawn;
 * - else by the lines' positions. A line whose STT cell holds a row mark (1, 2, a, I …) anchors a row.
 *   When the table's STT cells sit at the top of their rows, a row runs from its anchor down to the
 *   next one. When they are vertically centred (text above the first anchor, or anchors whose
 *   content cell starts mid-sentence), the lines between two anchors are cut at one of their widest
 *   vertical gaps: the one nearest to where the upper row would end if its anchor were its middle.
 * A band with a row mark starts a row; a band without one continues the row before (a row split by
 * a page break), or is the first row.
 */
import { CELL_LINE_BREAK } from '../plan-text-format.ts';
import type { Rule } from './pdf-drawn-rules.ts';
import type { Line } from './pdf-lines.ts';

/** A visual line of a table: its runs' texts by column, and whether its STT cell holds a row mark. */
export interface TableEntry {
  line: Line;
  cells: string[][];
  mark: boolean;
  section: boolean;
}

interface Band {
  entries: TableEntry[];
  /** per column: the cell continues the band above (a vertically merged cell) */
  joined: boolean[];
}

/** Extent of a line's glyphs above and below its baseline, in em. */
const [ASCENT, DESCENT] = [0.85, 0.25];
const top = (e: TableEntry) => e.line.y + ASCENT * e.line.size;
const bottom = (e: TableEntry) => e.line.y - DESCENT * e.line.size;
const middle = (e: TableEntry) => e.line.y + ((ASCENT - DESCENT) / 2) * e.line.size;

/**
 * The table's rows, each a list of cells, each cell a list of text fragments in reading order.
 * `spans`: the x ranges of the header's columns (the STT column first); `rulesOf(page)`: the page's
 * drawn horizontal rules (none for a source without drawings).
 */
export function tableRows(
  entries: readonly TableEntry[],
  spans: ReadonlyArray<{ x: number; end: number }>,
  rulesOf: (page: number) => readonly Rule[],
): string[][][] {
  const segments: TableEntry[][] = [];
  for (const entry of entries) {
    const segment = segments.at(-1);
    if (segment && segment[0]?.line.page === entry.line.page) segment.push(entry);
    else segments.push([entry]);
  }
  const centred = isCentred(segments[0] ?? []);
  const bands = segments.flatMap((segment, k) => {
    const byRules = bandsByRules(segment, spans, rulesOf(segment[0]?.line.page ?? 0));
    return byRules ?? bandsByPosition(segment, centred, k === 0);
  });
  return rowsOf(bands, spans.length);
}

/** The rule runs across the column whose header text spans `span`. */
export const covers = (rule: Rule, span: { x: number; end: number }) =>
  rule.x <= span.x + 0.5 && rule.end >= span.end - 0.5;

function bandsByRules(
  segment: TableEntry[],
  spans: ReadonlyArray<{ x: number; end: number }>,
  rules: readonly Rule[],
): Band[] | null {
  const stt = spans[0];
  const [first, last] = [segment[0], segment.at(-1)];
  if (!stt || !first || !last) return null;
  const margin = 3 * first.line.size;
  const cuts = rules
    .filter((r) => covers(r, stt) && r.y <= top(first) + margin && r.y >= bottom(last) - margin)
    .sort((p, q) => q.y - p.y);
  if (cuts.length < 2) return null;
  const bands = new Map<number, Band>();
  for (const entry of segment) {
    const index = cuts.filter((r) => r.y > middle(entry)).length;
    const band = bands.get(index);
    if (band) band.entries.push(entry);
    else {
      const above = cuts[index - 1];
      const joined = spans.map(
        (span) =>
          above !== undefined &&
          bands.has(index - 1) &&
          !rules.some((r) => Math.abs(r.y - above.y) <= 1.5 && covers(r, span)),
      );
      bands.set(index, { entries: [entry], joined });
    }
  }
  // rules that leave two row marks in one band (a table ruled only around its header) cut no rows
  const found = [...bands.values()];
  return found.some((b) => b.entries.filter((e) => e.mark).length > 1) ? null : found;
}

/** Centred STT cells: lines above the first row mark, or most anchors' content cell starting mid-sentence. */
function isCentred(first: TableEntry[]): boolean {
  const firstMark = first.findIndex((e) => e.mark);
  if (firstMark > 0) return true;
  let [mid, start] = [0, 0];
  for (const entry of first.filter((e) => e.mark && !e.section)) {
    const content = entry.cells[1]?.join(' ') ?? '';
    if (content === '' || /^\p{Ll}/u.test(content)) mid++;
    else start++;
  }
  return mid > start;
}

function bandsByPosition(segment: TableEntry[], centred: boolean, firstSegment: boolean): Band[] {
  const anchors = segment.flatMap((e, i) => (e.mark ? [i] : []));
  const firstAnchor = anchors[0];
  if (firstAnchor === undefined) return [band(segment)];
  const starts = new Set<number>([0]);
  if (!centred) starts.add(firstAnchor);
  else if (!firstSegment && firstAnchor > 0) {
    // page-top lines before the first mark: a row continued from the page before (cut at a clear
    // gap), or else the top of the marked row
    const anchor = segment[firstAnchor] as TableEntry;
    const cut = widestGapCut(segment, 1, firstAnchor, middle(anchor));
    if (cut !== null && gapAt(segment, cut) > pitchOf(segment) + 0.3 * anchor.line.size) starts.add(cut);
  }
  let rowTop = top(segment[Math.max(...starts)] as TableEntry);
  for (let k = 0; k < anchors.length; k++) {
    const [from, to] = [anchors[k] as number, anchors[k + 1]];
    if (to === undefined) break;
    if (!centred) {
      starts.add(to);
      continue;
    }
    const expectedEnd = 2 * middle(segment[from] as TableEntry) - rowTop;
    const cut = widestGapCut(segment, from + 1, to, expectedEnd) ?? to;
    starts.add(cut);
    rowTop = top(segment[cut] as TableEntry);
  }
  const sorted = [...starts].sort((p, q) => p - q);
  return sorted.map((start, k) => band(segment.slice(start, sorted[k + 1] ?? segment.length)));
}

const band = (entries: TableEntry[]): Band => ({ entries, joined: [] });

/** The vertical gap above entry `i` (between the line before and it). */
function gapAt(segment: TableEntry[], i: number): number {
  const [above, below] = [segment[i - 1], segment[i]];
  return above && below ? bottom(above) - top(below) : 0;
}

/** The usual gap between two lines of the segment (the median). */
function pitchOf(segment: TableEntry[]): number {
  const gaps = segment.slice(1).map((_, i) => gapAt(segment, i + 1));
  return gaps.sort((p, q) => p - q)[Math.floor(gaps.length / 2)] ?? 0;
}

/** Among cuts before entries from..to, the widest gaps (within 0.2 em), the one nearest `expectedY`. */
function widestGapCut(segment: TableEntry[], from: number, to: number, expectedY: number): number | null {
  const candidates: Array<{ at: number; gap: number; y: number }> = [];
  for (let i = from; i <= to; i++) {
    const [above, below] = [segment[i - 1], segment[i]];
    if (above && below)
      candidates.push({ at: i, gap: gapAt(segment, i), y: (bottom(above) + top(below)) / 2 });
  }
  const widest = Math.max(...candidates.map((c) => c.gap));
  const size = segment[from]?.line.size ?? 10;
  const pool = candidates.filter((c) => c.gap >= widest - 0.2 * size);
  pool.sort((p, q) => Math.abs(p.y - expectedY) - Math.abs(q.y - expectedY) || q.at - p.at);
  return pool[0]?.at ?? null;
}

/** Bands → rows: a band with a row mark starts a row; merged cells repeat on every row they cover. */
function rowsOf(bands: Band[], columns: number): string[][][] {
  type Cell = { parts: string[] };
  const rows: Array<Cell[][]> = [];
  let previous: Cell[] | null = null;
  for (const b of bands) {
    // a band without a row mark continues the row before: the same cells
    const continues = rows.length > 0 && !b.entries.some((e) => e.mark);
    const cells: Cell[] = Array.from({ length: columns }, (_, c) =>
      (continues || b.joined[c]) && previous?.[c] ? (previous[c] as Cell) : { parts: [] },
    );
    for (const entry of b.entries)
      entry.cells.forEach((parts, c) => {
        const target = cells[c];
        if (!target || parts.length === 0) return;
        if (target.parts.length > 0 && /^[-–+•]\s/u.test(parts[0] ?? '')) target.parts.push(CELL_LINE_BREAK);
        target.parts.push(...parts);
      });
    if (continues) for (const [c, cell] of cells.entries()) rows.at(-1)?.[c]?.push(cell);
    else rows.push(cells.map((cell) => [cell]));
    previous = cells;
  }
  return rows.map((row) =>
    row.map((cellList) => {
      const unique = [...new Set(cellList)];
      const parts: string[] = [];
      for (const cell of unique) {
        if (parts.length > 0 && /^[-–+•]\s/u.test(cell.parts[0] ?? '')) parts.push(CELL_LINE_BREAK);
        parts.push(...cell.parts);
      }
      return parts;
    }),
  );
}
