import { guessCsvSeparator, readCsv } from '../../domain/csv.ts';
import { DEFAULT_PARSE_LIMITS, type ParseLimits, tooManyCells, tooManyRows } from '../import/parse-limits.ts';

/**
 * The CSV of the results import and of the agency directory (domain/csv.ts): UTF-8 with or without
 * BOM, separator ',' ';' or tab (whichever splits the first non-empty line into the most cells).
 * Stops at the first record past `limits.maxRows` and at the first `limits.maxCells` cells.
 */
export function parseCsvRows(text: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): string[][] {
  const body = text.replace(/^\uFEFF/u, '');
  let cells = 0;
  return readCsv(body, guessCsvSeparator(body), {
    onCell: () => {
      if (++cells > limits.maxCells) throw tooManyCells(limits, cells, true);
    },
    onRecord: (_, records) => {
      if (records > limits.maxRows) throw tooManyRows(limits, records, true);
    },
  });
}
