/**
 * Text copied from a web page: table cells come separated by " | " (or framed "| a | b |", as in a
 * Markdown table) instead of tabs. Such lines become plan-text rows (cells joined by '\t'), so the
 * table and the header fields on one line ("Số: 12/NQ-CP | Hà Nội, ngày …") read as they do from
 * Word. Lines of runs of 2+ spaces need nothing: `splitCells` already reads them as cells.
 */

/** "|---|:---:|" and "+-----+-----+": a rule under a header row, not a row. */
const RULE = /^\s*[|+]?\s*:?-{3,}:?\s*(?:[|+]\s*:?-{3,}:?\s*)*[|+]?\s*$/u;
/** A line is a row when some '|' stands apart (" | ", or framing it: "| a | b |"); "A|B" alone is text. */
const SEPARATOR = /\s\|\s|^\s*\||\|\s*$/u;

export function normalizeWebLines(lines: string[]): string[] {
  return lines.map((line) => {
    if (line.includes('\t') || !line.includes('|')) return line;
    if (RULE.test(line)) return '';
    if (!SEPARATOR.test(line)) return line;
    return line
      .trim()
      .replace(/^\|\s*/u, '')
      .replace(/\s*\|$/u, '')
      .split(/\s*\|\s*/u)
      .join('\t');
  });
}
