/**
 * CSV, read and written in one place (RFC 4180): the plan import (.csv plans), the results import
 * (indices), the agency directory file and the list exports all go through these functions.
 */

/** What a reader may refuse while reading: each hook may throw to stop at the first record or cell too many. */
export interface CsvReadHooks {
  /** after each cell: the cells of the record so far, and whether this cell ended the record (a line break or the end) */
  onCell?: (cellsInRecord: number, endsRecord: boolean) => void;
  /** after each record: the record and how many records have been read */
  onRecord?: (record: readonly string[], records: number) => void;
}

/**
 * The records of a CSV text. A '"' at the start of a field (after spaces only, which are dropped)
 * opens a quoted field, where '""' is a quote and line breaks are kept; CRLF, LF or CR end a record.
 * A trailing line break adds no empty record. No BOM handling: the caller strips it.
 */
export function readCsv(text: string, separator: string, hooks: CsvReadHooks = {}): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  const push = (endsRecord: boolean) => {
    record.push(cell);
    cell = '';
    hooks.onCell?.(record.length, endsRecord);
  };
  const endRecord = () => {
    records.push(record);
    hooks.onRecord?.(record, records.length);
    record = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === separator) push(false);
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      push(true);
      endRecord();
    } else cell += ch;
  }
  if (cell !== '' || record.length > 0) {
    push(true);
    endRecord();
  }
  return records;
}

export const CSV_SEPARATORS = [',', ';', '\t'] as const;

/** ',' ';' or tab: whichever splits the first non-empty line into the most cells (',' on a tie). */
export function guessCsvSeparator(text: string): string {
  const first = text.split(/\r\n|\r|\n/u).find((line) => line.trim() !== '') ?? '';
  return CSV_SEPARATORS.reduce<string>(
    (best, s) => (first.split(s).length > first.split(best).length ? s : best),
    ',',
  );
}

/**
 * Ô CSV an toàn — the one escaper of every CSV dondoc writes (issue #16, finding 3). A spreadsheet
 * runs a cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return as a formula
 * (`-2+3+cmd|' /C calc'!A0`, `=HYPERLINK(…)`), and some also read the full-width forms
 * (＝ ＋ － ＠); such a text gets a leading apostrophe, as OWASP's CSV-injection advice says.
 * Numbers stay numbers: only text is defused.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/u;

export function defuseCsvText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** RFC 4180: quoted when it holds a comma, semicolon, quote, CR or LF; quotes doubled. */
export function quoteCsvField(text: string): string {
  return /[",;\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}
