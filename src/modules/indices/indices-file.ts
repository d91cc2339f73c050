/**
 * The results import file (.xlsx or .csv in the template's layout) → its grid of cell texts, row by
 * row as the user sees them. Runs in the parsing pool (src/modules/import/parse-pool.ts) under the
 * same limits as a plan document: the zip and its sheet checked before exceljs loads it, CSV records
 * and cells counted while they are read, the decoded text's length.
 */
import ExcelJS from 'exceljs';
import { AppError } from '../../shared/errors.ts';
import { checkTextLength, DEFAULT_PARSE_LIMITS, type ParseLimits } from '../import/parse-limits.ts';
import { checkZip } from '../import/zip-guard.ts';
import { parseCsvRows } from './csv.ts';

/** The template's column count: every row is read at least this wide. */
const TEMPLATE_COLUMNS = 10;

export interface IndexFile {
  fileName: string;
  bytes: Uint8Array;
}

/** The file's first sheet (.xlsx, or a zip whatever its name unless .csv) or its CSV records. */
export async function readIndexGrid(
  file: IndexFile,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
): Promise<string[][]> {
  const name = file.fileName.toLowerCase();
  const isZip = file.bytes[0] === 0x50 && file.bytes[1] === 0x4b;
  if (name.endsWith('.xlsx') || (isZip && !name.endsWith('.csv'))) return readXlsx(file.bytes, limits);
  if (name.endsWith('.csv') || name.endsWith('.txt'))
    return parseCsvRows(checkTextLength(new TextDecoder().decode(file.bytes), limits), limits);
  throw new AppError('IMPORT_UNSUPPORTED', 'Chỉ nhận tệp .xlsx hoặc .csv (theo mẫu tải về).');
}

async function readXlsx(bytes: Uint8Array, limits: ParseLimits): Promise<string[][]> {
  checkZip(bytes, limits, 'xlsx');
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(new Uint8Array(bytes).buffer);
  } catch {
    throw new AppError('IMPORT_UNREADABLE', 'Không đọc được tệp Excel: tệp không phải .xlsx hợp lệ.');
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw new AppError('IMPORT_UNREADABLE', 'Tệp Excel không có trang tính nào.');
  const grid: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, TEMPLATE_COLUMNS); c++)
      cells.push(cellText(row.getCell(c).value));
    grid.push(cells);
  }
  return grid;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean')
    return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('text' in value) return String(value.text);
  return '';
}
