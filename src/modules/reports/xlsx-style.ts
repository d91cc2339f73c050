/**
 * What the report and appendix workbooks share: real Excel dates from calendar days, a styled header
 * row frozen under its title rows with an autofilter, column widths, wrapped text.
 */
import type ExcelJS from 'exceljs';
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
  const headerRow = titleLines.length === 0 ? 1 : titleLines.length + 2;
  // styles by column, not by cell: a 50,000-row sheet stays fast to write and small
  sheet.columns = columns.map((c) => ({
    width: c.width,
    style: {
      font: { name: 'Times New Roman', size: 12 },
      alignment: {
        vertical: 'top' as const,
        wrapText: c.kind === 'wrap',
        ...(c.kind === 'date' ? { horizontal: 'center' as const } : {}),
      },
      ...(c.kind === 'date' ? { numFmt: DATE_FORMAT } : {}),
      ...(c.kind === 'percent' ? { numFmt: PERCENT_FORMAT } : {}),
      ...(c.kind === 'int' ? { numFmt: INTEGER_FORMAT } : {}),
    },
  }));
  titleLines.forEach((text, i) => {
    const cell = sheet.getRow(i + 1).getCell(1);
    cell.value = text;
    cell.font = { name: 'Times New Roman', size: i === 0 ? 14 : 12, bold: i === 0 };
    cell.alignment = { vertical: 'top', wrapText: false };
    cell.numFmt = 'General';
  });
  const head = sheet.getRow(headerRow);
  head.height = 48; // three lines of a wrapped title
  columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: 'Times New Roman', size: 12, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
    cell.border = BORDER;
  });
  sheet.addRows(rows as ExcelJS.CellValue[][]);
  // row heights for wrapped text (Excel and LibreOffice do not grow rows of a generated file by themselves)
  const wrapped = columns.flatMap((c, i) => (c.kind === 'wrap' ? [i] : []));
  if (wrapped.length > 0) {
    rows.forEach((values, r) => {
      const lines = Math.max(
        1,
        ...wrapped.map((i) => {
          const text = String(values[i] ?? '');
          const perLine = Math.max(1, Math.floor((columns[i]?.width ?? 10) * 1.15));
          return text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
        }),
      );
      if (lines > 1) sheet.getRow(headerRow + 1 + r).height = lines * 15.75;
    });
  }
  sheet.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }];
  sheet.autoFilter = {
    from: { row: headerRow, column: 1 },
    to: { row: headerRow + Math.max(rows.length, 0), column: columns.length },
  };
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  };
  sheet.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  return headerRow;
}
