/**
 * Running headers and footers of laid-out pages, to be dropped: among the first two and last two
 * lines of each page of three lines or more, a line repeated (digits aside) at the same height on at
 * least 40 % of the pages (and 2), the gazette's 'CÔNG BÁO/Số …/Ngày …' line, and a page's first or last line that is only a
 * page number ('12', '- 3 -', 'Trang 3/12').
 */
import { type Line, lineText } from './pdf-lines.ts';

const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:Trang\s+)?\d{1,4}(?:\s*\/\s*\d{1,4})?(?:\s*[-–—])?$/iu;
/** the official gazette's running line: 'CÔNG BÁO/Số 259/Ngày 30-04-2026 59', '58 CÔNG BÁO/Số 259/…' */
const GAZETTE = /^(?:\d{1,4}\s+)?CÔNG\s*BÁO\s*\/\s*Số\b.*$/iu;

/** Indices of the running headers and footers among `lines`, never one of `keep` (a table header's). */
export function runningLines(lines: Line[], keep: Set<number>): Set<number> {
  const byPage = new Map<number, number[]>();
  lines.forEach((line, i) => {
    if (keep.has(i)) return;
    const ids = byPage.get(line.page);
    if (ids) ids.push(i);
    else byPage.set(line.page, [i]);
  });
  // a running line stands above or below a page's body: pages of one or two lines have none
  const edges = [...byPage.values()]
    .filter((ids) => ids.length >= 3)
    .flatMap((ids) => [...new Set([...ids.slice(0, 2), ...ids.slice(-2)])]);
  const key = (i: number) =>
    lineText((lines[i] as Line).tokens)
      .replace(/^\d{1,4}\s+|\s+\d{1,4}$/gu, '')
      .replace(/\d+/gu, '#')
      .replace(/\s+/gu, ' ')
      .toLowerCase();
  const seen = new Map<string, number[]>();
  for (const i of edges) seen.set(key(i), [...(seen.get(key(i)) ?? []), i]);
  const running = new Set<number>();
  const needed = Math.max(2, 0.4 * byPage.size);
  for (const [text, ids] of seen) {
    if ((text.match(/\p{L}/gu) ?? []).length < 3) continue;
    const ys = ids.map((i) => (lines[i] as Line).y).sort((p, q) => p - q);
    const median = ys[Math.floor(ys.length / 2)] ?? 0;
    const level = ids.filter((i) => Math.abs((lines[i] as Line).y - median) <= 1.5 * (lines[i] as Line).size);
    if (new Set(level.map((i) => (lines[i] as Line).page)).size >= needed)
      for (const i of level) running.add(i);
  }
  for (const ids of byPage.values()) {
    const rest = ids.filter((i) => !running.has(i));
    for (const i of new Set([rest[0], rest.at(-1)])) {
      const text = i === undefined ? '' : lineText((lines[i] as Line).tokens);
      if (i !== undefined && (PAGE_NUMBER.test(text) || GAZETTE.test(text))) running.add(i);
    }
    for (const i of ids.slice(0, 2).concat(ids.slice(-2)))
      if (GAZETTE.test(lineText((lines[i] as Line).tokens))) running.add(i);
  }
  return running;
}
