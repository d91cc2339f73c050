import { defuseCsvText, quoteCsvField } from '../../domain/csv.ts';
import { isLocalDate, type LocalDate } from '../../domain/dates.ts';
import type { AgencyKind } from '../../domain/directory.ts';
import { AppError, isAppError } from '../../shared/errors.ts';
import { parseCsvRows } from '../indices/csv.ts';
import { assertAgencyKind, nameKey, normaliseAgencyCode, tidyAgencyName } from './agency-names.ts';

/**
 * Danh mục cơ quan dạng CSV — the file `dondoc agencies import|export` reads and writes: a header
 * `code,name,kind,aliases` (aliases separated by ';'), optionally `valid_from,valid_to` (YYYY-MM-DD).
 * An agency's own units (kind 'unit', under a parent) are not in it: they are added on the web.
 */
export const AGENCY_CSV_COLUMNS = ['code', 'name', 'kind', 'aliases', 'valid_from', 'valid_to'] as const;
const REQUIRED = ['code', 'name', 'kind'] as const;

export interface AgencyCsvRow {
  /** the line of the file (1 = the header) */
  line: number;
  code: string;
  name: string;
  kind: AgencyKind;
  aliases: string[];
  validFrom: LocalDate | null;
  validTo: LocalDate | null;
}

export interface CsvProblem {
  line: number;
  message: string;
}

function date(value: string | undefined, column: string): LocalDate | null {
  const text = (value ?? '').trim();
  if (text === '') return null;
  if (!isLocalDate(text))
    throw new AppError('VALIDATION_FAILED', `${column} "${text}" không phải ngày YYYY-MM-DD.`);
  return text;
}

/** The rows of an agency CSV, or the problems of each bad line (nothing is half-read). */
export function readAgencyCsv(text: string): { rows: AgencyCsvRow[]; problems: CsvProblem[] } {
  const records = parseCsvRows(text);
  const header = (records[0] ?? []).map((h) => h.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    return {
      rows: [],
      problems: [
        {
          line: 1,
          message: `Dòng tiêu đề phải có các cột ${AGENCY_CSV_COLUMNS.slice(0, 4).join(',')}; thiếu ${missing.join(', ')}.`,
        },
      ],
    };
  }
  const unknown = header.filter((h) => h !== '' && !(AGENCY_CSV_COLUMNS as readonly string[]).includes(h));
  if (unknown.length > 0) {
    return { rows: [], problems: [{ line: 1, message: `Cột không dùng được: ${unknown.join(', ')}.` }] };
  }
  const at = (record: string[], column: (typeof AGENCY_CSV_COLUMNS)[number]) =>
    record[header.indexOf(column)];
  const rows: AgencyCsvRow[] = [];
  const problems: CsvProblem[] = [];
  const seenCodes = new Map<string, number>();
  const seenNames = new Map<string, number>();
  records.slice(1).forEach((record, i) => {
    const line = i + 2;
    if (record.every((cell) => cell.trim() === '')) return;
    try {
      const code = normaliseAgencyCode(at(record, 'code') ?? '');
      const name = tidyAgencyName(at(record, 'name') ?? '');
      const kind = assertAgencyKind((at(record, 'kind') ?? '').trim());
      if (kind === 'unit') {
        throw new AppError(
          'VALIDATION_FAILED',
          'Đơn vị trực thuộc (unit) được thêm trên web, cùng cơ quan cấp trên.',
        );
      }
      const aliases = (at(record, 'aliases') ?? '')
        .split(';')
        .filter((a) => a.trim() !== '')
        .map((a) => tidyAgencyName(a, 'Tên gọi khác'));
      const validFrom = date(at(record, 'valid_from'), 'valid_from');
      const validTo = date(at(record, 'valid_to'), 'valid_to');
      if (validFrom && validTo && validTo <= validFrom) {
        throw new AppError('VALIDATION_FAILED', 'valid_to phải sau valid_from.');
      }
      const codeLine = seenCodes.get(code);
      if (codeLine) throw new AppError('VALIDATION_FAILED', `Mã ${code} đã có ở dòng ${codeLine}.`);
      for (const n of [name, ...aliases]) {
        const nameLine = seenNames.get(nameKey(n));
        if (nameLine) throw new AppError('VALIDATION_FAILED', `"${n}" đã có ở dòng ${nameLine}.`);
      }
      seenCodes.set(code, line);
      for (const n of [name, ...aliases]) seenNames.set(nameKey(n), line);
      rows.push({ line, code, name, kind, aliases, validFrom, validTo });
    } catch (error) {
      if (!isAppError(error)) throw error;
      problems.push({ line, message: error.message });
    }
  });
  return { rows, problems };
}

/** The agencies as an agency CSV (RFC 4180, CRLF, cells that a spreadsheet would run defused). */
export function writeAgencyCsv(
  agencies: readonly {
    code: string;
    name: string;
    kind: AgencyKind;
    aliases: readonly string[];
    valid_from: LocalDate | null;
    valid_to: LocalDate | null;
  }[],
): string {
  const cell = (text: string) => quoteCsvField(defuseCsvText(text));
  const lines = agencies
    .filter((a) => a.kind !== 'unit')
    .map((a) =>
      [a.code, a.name, a.kind, a.aliases.join(';'), a.valid_from ?? '', a.valid_to ?? ''].map(cell).join(','),
    );
  return `${[AGENCY_CSV_COLUMNS.join(','), ...lines].join('\r\n')}\r\n`;
}
