/**
 * "Plan text": the one intermediate form every reader of the importer produces, and the only input
 * of `parsePlanText`. Word, PDF and Excel readers turn their document into plan text; the seed .txt
 * already is plan text (with page breaks and continuation lines the parser also tolerates).
 *
 * 1. A UTF-8 string, lines separated by '\n'.
 * 2. Text outside tables: one paragraph per line, in document order (issuer block, number, place and
 *    date, heading, title, Căn cứ …, body, Nơi nhận list, signer, PHỤ LỤC …). Blank lines optional.
 * 3. A table row is one line: its cells joined by '\t', each cell's whitespace collapsed to single
 *    spaces. A line or paragraph break inside a cell becomes CELL_LINE_BREAK (never '\n').
 *    A horizontally merged cell (gridSpan / colspan / merged range) is the cell's text followed by
 *    (span − 1) empty cells, so columns stay aligned. A vertically merged cell repeats the text of
 *    the merge's first cell on every row it covers.
 * 4. The table's header row (STT, Nội dung công việc, Cơ quan chủ trì …) is emitted as it is written;
 *    a header repeated at the top of a page may be emitted again (the parser skips it); rows of
 *    column numbers ('1 2 3 4 5 6' / '(1) (2) …') may be emitted (the parser skips them).
 * 5. Readers of laid-out formats (PDF) emit whole rows: the fragments of a wrapped cell and a row
 *    continued on the next page are joined into the one row line.
 * 6. A blank line before and after each table.
 */
export const CELL_LINE_BREAK = '\u2028';

/** The file types the importer reads, by extension (pictures of a page: read by OCR, readers/ocr-reader.ts). */
export const IMPORT_EXTENSIONS = ['txt', 'docx', 'pdf', 'xlsx', 'csv', 'png', 'jpg', 'jpeg'] as const;
export type ImportExtension = (typeof IMPORT_EXTENSIONS)[number];

/** Largest file the importer accepts (a 300-row appendix in Word is well under 5 MB). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
