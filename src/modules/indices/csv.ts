import { DEFAULT_PARSE_LIMITS, type ParseLimits, tooManyCells, tooManyRows } from '../import/parse-limits.ts';

/**
 * A small RFC 4180 reader for the results import: UTF-8 with or without BOM, separator ',' ';' or
 * tab (whichever splits the first non-empty line into the most cells), quoted cells with "" escapes
 * and line breaks inside quotes. Stops at the first record past `limits.maxRows` and at the first
 * `limits.maxCells` cells.
 */
export function parseCsvRows(text: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): string[][] {
  const body = text.replace(/^\uFEFF/u, '');
  const first = body.split(/\r\n|\r|\n/u).find((line) => line.trim() !== '') ?? '';
  const separator = [',', ';', '\t'].reduce((best, s) =>
    first.split(s).length > first.split(best).length ? s : best,
  );
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let cells = 0;
  const push = (value: string) => {
    row.push(value);
    if (++cells > limits.maxCells) throw tooManyCells(limits, cells, true);
  };
  const endRecord = () => {
    rows.push(row);
    if (rows.length > limits.maxRows) throw tooManyRows(limits, rows.length, true);
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === separator) {
      push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      push(cell);
      endRecord();
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    push(cell);
    endRecord();
  }
  return rows;
}
