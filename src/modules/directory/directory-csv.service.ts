import { inTransaction } from '../../db/transaction.ts';
import { AppError, isAppError } from '../../shared/errors.ts';
import { type ServiceContext, withDb } from '../service-context.ts';
import { readAgencyCsv, writeAgencyCsv } from './agency-csv.ts';
import { findAgencyByCode, listAgencies } from './directory.repo.ts';
import { createAgency, requireDirectoryAccess } from './directory-edit.service.ts';

/**
 * Danh mục cơ quan qua CSV và theo mã — what the CLI needs beyond the web's calls: find an agency by
 * its code, import a CSV of agencies all or nothing, export the same CSV. Every agency is added by
 * createAgency, the web's own checked function.
 */

/** The id of the agency `code` (directory.read); AGENCY_NOT_FOUND when the directory has none. */
export async function findAgencyIdByCode(c: ServiceContext, code: string): Promise<number> {
  const authorityId = requireDirectoryAccess(c, 'directory.read');
  const agency = await findAgencyByCode(c.db, authorityId, code.trim().toUpperCase());
  if (!agency) throw new AppError('AGENCY_NOT_FOUND', `Không tìm thấy cơ quan mã "${code}" trong danh mục.`);
  return agency.id;
}

/**
 * Nhập danh mục từ CSV — every line checked first (code, name, kind, dates, duplicates in the file,
 * codes and names the directory already has); any bad line refuses the whole file with every bad line
 * listed, and nothing is written. Then all agencies in one transaction.
 */
export async function importAgenciesCsv(c: ServiceContext, text: string) {
  const authorityId = requireDirectoryAccess(c, 'directory.write');
  const { rows, problems } = readAgencyCsv(text);
  const existing = new Set((await listAgencies(c.db, authorityId)).map((a) => a.code));
  for (const row of rows) {
    if (existing.has(row.code))
      problems.push({ line: row.line, message: `Mã ${row.code} đã có trong danh mục.` });
  }
  if (problems.length === 0 && rows.length === 0)
    problems.push({ line: 2, message: 'Tệp không có dòng cơ quan nào.' });
  const refuse = (list: typeof problems) =>
    new AppError('VALIDATION_FAILED', `Tệp CSV có ${list.length} dòng lỗi; không cơ quan nào được thêm.`, {
      problems: list.sort((a, b) => a.line - b.line),
    });
  if (problems.length > 0) throw refuse(problems);
  const created = await inTransaction(c.db, async (trx) => {
    const codes: string[] = [];
    for (const row of rows) {
      try {
        const agency = await createAgency(withDb(c, trx), {
          code: row.code,
          name: row.name,
          aliases: row.aliases,
          kind: row.kind,
          validFrom: row.validFrom,
          validTo: row.validTo,
        });
        codes.push(agency.code);
      } catch (error) {
        // a name another agency of the directory holds: the line, and nothing of the file kept
        if (isAppError(error)) throw refuse([{ line: row.line, message: error.message }]);
        throw error;
      }
    }
    return codes;
  });
  return { created };
}

/** Xuất danh mục ra CSV — the agencies (not their internal units) in the file importAgenciesCsv reads. */
export async function exportAgenciesCsv(c: ServiceContext): Promise<string> {
  const authorityId = requireDirectoryAccess(c, 'directory.read');
  return writeAgencyCsv(await listAgencies(c.db, authorityId));
}
