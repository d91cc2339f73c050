/**
 * Positioned text of a page → visual lines of tokens, the units the PDF layout rules (pdf-layout.ts)
 * work on, whatever the source of the text (a PDF's text layer or OCR word boxes).
 *
 * Items are grouped into visual lines (same baseline ± ½ font size). Within a line a space separates
 * two tokens where the source's text has one at their edge or the gap between them exceeds 0.15 em —
 * or, on a line whose gaps fall in two clear groups, the gap between the groups (spaceGap): a PDF
 * printed with a fallback font cuts words where the font changes ('NHI' 'ỆM'), and pdfjs marks such
 * a cut wider than 0.1 em with a space item, which is therefore not trusted.
 */

export interface Run {
  text: string;
  x: number;
  end: number;
}
/** A text item; `space`: a space separates it from the item before. */
export type Token = Run & { space: boolean };
export interface Line {
  page: number;
  /** baseline, measured upwards (PDF user space) */
  y: number;
  size: number;
  tokens: Token[];
  /** x of the drawn cell sides the line crosses, when the source has drawings */
  cuts?: number[];
}
/** A text item as pdfjs gives it: `transform` [a b c d x y], `width` and `height` in user space. */
export interface TextItem {
  str: string;
  transform: number[];
  width?: number;
  height?: number;
}
type Item = Run & { y: number; size: number };

const SPACE_GAP = 0.15;
const CELL_GAP = 0.5;
/** Symbol/Wingdings bullets in the Private Use Area; other U+F020–F07E are shifted ASCII. */
const PUA = new Map([...'\uF0B7\uF06C\uF0A7\uF0D8\uF0FC'].map((c, i) => [c, '••▪➢✓'[i] ?? '•']));

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
export function pageLines(items: readonly object[], page: number): Line[] {
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
  return groups.map((group) => toLine(group, page)).filter((line) => line !== null);
}

function toLine(items: Item[], page: number): Line | null {
  const sorted = [...items].sort((g, h) => g.x - h.x);
  const size = median(sorted.filter((item) => item.text.trim() !== '').map((item) => item.size)) ?? 10;
  const threshold = spaceGap(sorted) * size;
  const tokens: Token[] = [];
  let [space, end] = [false, Number.NEGATIVE_INFINITY];
  for (const item of sorted) {
    const text = item.text.trim();
    const previous = tokens.at(-1);
    // a space-only item (pdfjs' mark of a gap) is no more than the gap: measured below
    if (text === '') continue;
    if (previous?.text === text && Math.abs(previous.x - item.x) < 0.1 * item.size) continue; // fake bold
    const gap = item.x - end > threshold;
    tokens.push({ text, x: item.x, end: item.end, space: space || gap || item.text.startsWith(' ') });
    [space, end] = [item.text.endsWith(' '), Math.max(end, item.end)];
  }
  return tokens.length ? { page, y: Math.max(...items.map((i) => i.y)), size, tokens } : null;
}

const median = (values: number[]) => values.sort((p, q) => p - q)[Math.floor(values.length / 2)];

/**
 * The gap (in em) above which two pieces of a line are two words: 0.15 em, or more on a line whose
 * gaps fall in two clear groups (pieces of a word cut where a fallback font takes over, 0.1–0.15 em
 * apart, and spaces), between the groups, at most 0.22 em.
 */
function spaceGap(sorted: Item[]): number {
  const gaps: number[] = [];
  let previous: Item | undefined;
  for (const item of sorted) {
    if (item.text.trim() === '') continue;
    if (previous && !previous.text.endsWith(' ') && !item.text.startsWith(' ')) {
      const gap = (item.x - previous.end) / item.size;
      if (gap > -0.05 && gap < 0.6) gaps.push(gap);
    }
    previous = item;
  }
  gaps.sort((p, q) => p - q);
  let best = { jump: 0, at: SPACE_GAP };
  for (let k = 1; k < gaps.length; k++) {
    const [lower, upper] = [gaps[k - 1] as number, gaps[k] as number];
    if (lower <= 0.2 && upper >= 0.18 && upper - lower > best.jump)
      best = { jump: upper - lower, at: (lower + upper) / 2 };
  }
  return best.jump >= 0.08 ? Math.min(0.22, Math.max(SPACE_GAP, best.at)) : SPACE_GAP;
}

/** The tokens' text: a space where one separates them, '\t' where a gap exceeds `tabGap` em. */
export function lineText(tokens: Token[], tabGap = Number.POSITIVE_INFINITY, size = 10): string {
  let out = '';
  let end = Number.NEGATIVE_INFINITY;
  for (const t of tokens) {
    if (out !== '') out += t.x - end > tabGap * size ? '\t' : t.space ? ' ' : '';
    out += t.text;
    end = Math.max(end, t.end);
  }
  return out;
}

/**
 * Runs of tokens closer than half the font size and not parted by a drawn cell side: the text of
 * one cell on one visual line.
 */
export function runsOf(line: Line): Run[] {
  const runs: Array<{ tokens: Token[]; x: number; end: number }> = [];
  for (const t of line.tokens) {
    const run = runs.at(-1);
    const parted = (cut: number) => run !== undefined && cut >= run.end - 1 && cut <= t.x + 1;
    if (run && t.x - run.end <= CELL_GAP * line.size && !line.cuts?.some(parted)) {
      run.tokens.push(t);
      run.end = Math.max(run.end, t.end);
    } else runs.push({ tokens: [t], x: t.x, end: t.end });
  }
  return runs.map((r) => ({ text: lineText(r.tokens), x: r.x, end: r.end }));
}
