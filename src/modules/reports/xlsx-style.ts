/**
 * What the report and appendix workbooks share: real Excel dates from calendar days, a styled header
 * row frozen under its title rows with an autofilter, column widths, wrapped text.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { dateParts, type LocalDate } from '../../domain/dates.ts';

/** A calendar day as the Excel date of that day (exceljs writes Dates as UTC). */
export function excelDate(day: LocalDate | null): Date | null {
  if (day === null) return null;
  const { year, month, day: d } = dateParts(day);
  return new Date(Date.UTC(year, month - 1, d));
}

export const DATE_FORMAT = 'dd/mm/yyyy';
export const PERCENT_FORMAT = '0.00%';
export const INTEGER_FORMAT = '#,##0';

export interface SheetColumn {
  header: string;
  width: number;
  kind?: 'text' | 'int' | 'date' | 'percent' | 'wrap';
}

const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  bottom: { style: 'thin' },
  left: { style: 'thin' },
  right: { style: 'thin' },
};

/**
 * A table on a sheet: title lines above (row 1…), then the header row (frozen, bold, filtered), then
 * the rows. Returns the header row's number.
 */
export function writeTable(
  sheet: ExcelJS.Worksheet,
  titleLines: string[],
  columns: SheetColumn[],
  rows: unknown[][],
): number {
  const headerRow = headerRowOf(titleLines);
  // styles by column, not by cell: a 50,000-row sheet stays fast to write and small
  sheet.columns = columns.map((c) => ({ width: c.width, style: columnStyle(c) }));
  writeHead(sheet, titleLines, columns);
  sheet.addRows(rows as ExcelJS.CellValue[][]);
  // row heights for wrapped text (Excel and LibreOffice do not grow rows of a generated file by themselves)
  const height = rowHeight(columns);
  rows.forEach((values, r) => {
    const h = height(values);
    if (h !== undefined) sheet.getRow(headerRow + 1 + r).height = h;
  });
  sheet.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }];
  sheet.autoFilter = autoFilterOf(headerRow, rows.length, columns.length);
  sheet.pageSetup = pageSetupOf(headerRow);
  return headerRow;
}

function headerRowOf(titleLines: string[]): number {
  return titleLines.length === 0 ? 1 : titleLines.length + 2;
}

function columnStyle(c: SheetColumn): Partial<ExcelJS.Style> {
  return {
    font: { name: 'Times New Roman', size: 12 },
    alignment: {
      vertical: 'top' as const,
      wrapText: c.kind === 'wrap',
      ...(c.kind === 'date' ? { horizontal: 'center' as const } : {}),
    },
    ...(c.kind === 'date' ? { numFmt: DATE_FORMAT } : {}),
    ...(c.kind === 'percent' ? { numFmt: PERCENT_FORMAT } : {}),
    ...(c.kind === 'int' ? { numFmt: INTEGER_FORMAT } : {}),
  };
}

/** The title lines (row 1…) and the styled header row. */
function writeHead(sheet: ExcelJS.Worksheet, titleLines: string[], columns: SheetColumn[]): void {
  titleLines.forEach((text, i) => {
    const cell = sheet.getRow(i + 1).getCell(1);
    cell.value = text;
    cell.font = { name: 'Times New Roman', size: i === 0 ? 14 : 12, bold: i === 0 };
    cell.alignment = { vertical: 'top', wrapText: false };
    cell.numFmt = 'General';
  });
  const head = sheet.getRow(headerRowOf(titleLines));
  head.height = 48; // three lines of a wrapped title
  columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: 'Times New Roman', size: 12, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
    cell.border = BORDER;
  });
}

/** The height a row of wrapped text needs, or undefined for one line. */
function rowHeight(columns: SheetColumn[]): (values: unknown[]) => number | undefined {
  const wrapped = columns.flatMap((c, i) =>
    c.kind === 'wrap' ? [{ i, perLine: Math.max(1, Math.floor(c.width * 1.15)) }] : [],
  );
  return (values) => {
    let lines = 1;
    for (const { i, perLine } of wrapped) {
      const text = String(values[i] ?? '');
      const n = text
        .split('\n')
        .reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / perLine)), 0);
      if (n > lines) lines = n;
    }
    return lines > 1 ? lines * 15.75 : undefined;
  };
}

function autoFilterOf(headerRow: number, rows: number, columns: number): ExcelJS.AutoFilter {
  return { from: { row: headerRow, column: 1 }, to: { row: headerRow + rows, column: columns } };
}

function pageSetupOf(headerRow: number): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${headerRow}:${headerRow}`,
  };
}

/**
 * A workbook written as a stream (exceljs' WorkbookWriter): each row is serialised and compressed as
 * it is added and then dropped, so a sheet of 50,000 rows never sits in memory as cell objects.
 */
export class StreamedWorkbook {
  readonly book: ExcelJS.stream.xlsx.WorkbookWriter;
  readonly #chunks: Buffer[] = [];

  constructor(meta: { creator: string; created: Date }) {
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => this.#chunks.push(chunk));
    this.book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
    this.book.creator = meta.creator;
    this.book.created = meta.created;
  }

  /**
   * The same table as `writeTable`, on a new sheet, its rows committed one by one. Every cell of a
   * column shares one style object (exceljs caches a style's id by object, so a style is serialised
   * once per column, not once per cell); `cellStyle` may give a cell another (shared) style.
   */
  addTable(
    name: string,
    titleLines: string[],
    columns: SheetColumn[],
    rows: unknown[][],
    cellStyle?: (row: number, column: number) => Partial<ExcelJS.Style> | undefined,
  ): void {
    const headerRow = headerRowOf(titleLines);
    const sheet = this.book.addWorksheet(name, {
      views: [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }],
      pageSetup: pageSetupOf(headerRow),
    });
    const styles = columns.map(columnStyle);
    sheet.columns = columns.map((c, i) => ({ width: c.width, style: styles[i] as Partial<ExcelJS.Style> }));
    writeHead(sheet, titleLines, columns);
    for (let r = 1; r <= headerRow; r++) sheet.getRow(r).commit();
    const height = rowHeight(columns);
    rows.forEach((values, r) => {
      const row = sheet.getRow(headerRow + 1 + r);
      row.values = values as ExcelJS.CellValue[];
      for (let c = 0; c < columns.length; c++) {
        row.getCell(c + 1).style = (cellStyle?.(r, c) ?? styles[c]) as ExcelJS.Style;
      }
      const h = height(values);
      if (h !== undefined) row.height = h;
      row.commit();
    });
    sheet.autoFilter = autoFilterOf(headerRow, rows.length, columns.length);
    sheet.commit();
  }

  /** Finishes the workbook: its bytes. */
  async finish(): Promise<Uint8Array> {
    await this.book.commit();
    return new Uint8Array(Buffer.concat(this.#chunks));
  }
}
