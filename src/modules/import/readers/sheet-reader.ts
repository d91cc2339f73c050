/**
 * Spreadsheets → plan text (plan-text-format.ts): an .xlsx workbook (exceljs) or a .csv file. The sheet's
 * task table (the row with the STT and Nội dung/Nhiệm vụ titles, then every row under it) becomes table
 * lines; the rows above it (PHỤ LỤC, Kế hoạch số …) become paragraphs.
 */
import ExcelJS from 'exceljs';
import { CSV_SEPARATORS, guessCsvSeparator, readCsv } from '../../../domain/csv.ts';
import { AppError } from '../../../shared/errors.ts';
import { DEFAULT_PARSE_LIMITS, type ParseLimits, tooManyCells, tooManyRows } from '../parse-limits.ts';
import { isTableHeader } from '../plan-text-columns.ts';
import { CELL_LINE_BREAK } from '../plan-text-format.ts';
import { checkZip } from '../zip-guard.ts';

type Grid = string[][];

/**
 * .xlsx → plan text: the first worksheet that holds a task table (a row with STT and Nội dung/Nhiệm vụ
 * titles); rows above the header (title lines such as 'PHỤ LỤC', 'Kế hoạch số 12/KH-UBND ngày …') become
 * paragraphs. Merged cells follow the contract (horizontal: text then empty cells; vertical: repeated).
 * Dates in cells (Excel date values) become 'dd/mm/yyyy' (UTC parts: exceljs returns UTC-midnight Dates).
 * Numbers become their plain string. Rich text and formulas use their text/result. The zip and its
 * sheets are checked against `limits` (zip-guard.ts) before exceljs loads them.
 */
export async function xlsxToPlanText(
  bytes: Uint8Array,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
): Promise<string> {
  checkZip(bytes, limits, 'xlsx');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch (error) {
    const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
    const reason = ole
      ? 'tệp được đặt mật khẩu hoặc là tệp .xls cũ — hãy bỏ mật khẩu và lưu lại dưới dạng .xlsx'
      : `tệp không phải .xlsx hợp lệ (${error instanceof Error ? error.message : String(error)})`;
    throw new AppError('IMPORT_UNREADABLE', `Không đọc được tệp Excel: ${reason}.`);
  }
  const grids = workbook.worksheets.map(gridOf).filter((grid) => grid.length > 0);
  if (grids.length === 0)
    throw new AppError('IMPORT_UNREADABLE', 'Không đọc được tệp Excel: tệp không có dữ liệu.');
  const withTable = grids.find((grid) => grid.some((row) => isTableHeader(row.join('\t'))));
  return gridToPlanText(withTable ?? grids[0] ?? []);
}

/**
 * .csv (UTF-8 with or without BOM; separator ',' or ';' — or a tab — detected from the header line;
 * RFC 4180 quotes, quoted line breaks become CELL_LINE_BREAK) → plan text. More records or cells than
 * `limits` allow are refused as soon as the reading crosses them; a separator that would split the
 * file into too many cells is not the file's separator.
 */
export function csvToPlanText(text: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): string {
  const body = String(text ?? '').replace(/^\uFEFF/u, '');
  let best: { grid: Grid; score: number } | null = null;
  let refused: unknown = null;
  for (const separator of CSV_SEPARATORS) {
    let rows: Grid;
    try {
      rows = parseCsv(body, separator, limits);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'IMPORT_TOO_MANY_CELLS')) throw error;
      refused = error;
      continue;
    }
    const grid = tidy(rows.map((row) => row.map(cellText)));
    const header = grid.find((row) => isTableHeader(row.join('\t')));
    const score = header ? header.filter((cell) => cell !== '').length : 0;
    if (!best || score > best.score) best = { grid, score };
  }
  if (!best) throw refused;
  if (best.score === 0) {
    const separator = guessCsvSeparator(body);
    best = { grid: tidy(parseCsv(body, separator, limits).map((row) => row.map(cellText))), score: 0 };
  }
  return gridToPlanText(best.grid);
}

/** The worksheet's cells as text; merged cells per the contract; rows holding only repeats of a vertical merge dropped. */
function gridOf(sheet: ExcelJS.Worksheet): Grid {
  const rows: Grid = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    let own = false;
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.getCell(c);
      const master = cell.isMerged ? cell.master : cell;
      if (master.address === cell.address) {
        const text = cellText(valueText(cell.value));
        own ||= text !== '';
        cells.push(text);
      } else {
        const vertical = Number(master.col) === c && Number(master.row) !== r;
        cells.push(vertical ? cellText(valueText(master.value)) : '');
      }
    }
    rows.push(own ? cells : cells.map(() => ''));
  }
  return tidy(rows);
}

function valueText(value: ExcelJS.CellValue | { richText: ExcelJS.RichText[] }): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return formatDate(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return valueText(value.result ?? null);
  if ('hyperlink' in value) return valueText(value.text as ExcelJS.CellValue);
  return ''; // an error value ('#N/A' …)
}

/** A UTC-midnight Date (exceljs) → 'dd/mm/yyyy'. */
function formatDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
}

/** A cell's text: whitespace collapsed, line breaks → CELL_LINE_BREAK (never '\n'). */
function cellText(text: string): string {
  return text
    .replace(/_x000D_/gu, '')
    .split(/\r\n|\r|\n|\u2028|\u2029|\v/u)
    .map((part) => part.replace(/\s+/gu, ' ').trim())
    .filter((part) => part !== '')
    .join(CELL_LINE_BREAK);
}

/** Drops trailing empty rows and the columns empty in every row (left and right); pads rows to one width. */
function tidy(rows: Grid): Grid {
  let end = rows.length;
  while (end > 0 && (rows[end - 1] ?? []).every((cell) => cell === '')) end--;
  const kept = rows.slice(0, end);
  let left = Number.POSITIVE_INFINITY;
  let right = 0;
  for (const row of kept) {
    const first = row.findIndex((cell) => cell !== '');
    if (first < 0) continue;
    left = Math.min(left, first);
    right = Math.max(right, row.findLastIndex((cell) => cell !== '') + 1);
  }
  if (right === 0) return [];
  return kept.map((row) => Array.from({ length: right - left }, (_, i) => row[left + i] ?? ''));
}

/** Rows above the table header → paragraphs; the header and every non-empty row under it → table lines. */
function gridToPlanText(grid: Grid): string {
  const headerIdx = grid.findIndex((row) => isTableHeader(row.join('\t')));
  const above = headerIdx >= 0 ? grid.slice(0, headerIdx) : grid;
  const out: string[] = [];
  for (const row of above) {
    const filled = row.filter((cell) => cell !== '');
    if (filled.length === 1) out.push(...(filled[0] ?? '').split(CELL_LINE_BREAK));
    else out.push(filled.length === 0 ? '' : row.join('\t').replace(/\t+$/u, ''));
  }
  if (headerIdx >= 0) {
    out.push('');
    for (const row of grid.slice(headerIdx)) if (row.some((cell) => cell !== '')) out.push(row.join('\t'));
    out.push('');
  }
  return out.join('\n');
}

/**
 * The CSV records (domain/csv.ts). Stops at the first record past `limits.maxRows` or the first grid
 * (records × widest record, as `tidy` pads it) past `limits.maxCells`.
 */
function parseCsv(text: string, separator: string, limits: ParseLimits): Grid {
  let width = 0;
  return readCsv(text, separator, {
    onCell: (cellsInRecord, endsRecord) => {
      if (!endsRecord && cellsInRecord > limits.maxCells) throw tooManyCells(limits, cellsInRecord, true);
    },
    onRecord: (record, records) => {
      width = Math.max(width, record.length);
      if (records > limits.maxRows) throw tooManyRows(limits, records, true);
      if (records * width > limits.maxCells) throw tooManyCells(limits, records * width, true);
    },
  });
}
