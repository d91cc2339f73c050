import { inTransaction } from '../../db/transaction.ts';
import { foldVietnamese } from '../../domain/vietnamese-text.ts';
import { AppError } from '../../shared/errors.ts';
import { authorityOf, can, requireAccess } from '../access/access.ts';
import type { ServiceContext } from '../service-context.ts';
import { INDEX_CODES, type IndexCode } from './definitions.ts';
import { ensureIndexDefinitions, listDefinitions, type StoredDefinition } from './indices.repo.ts';
import { assertValidResult } from './indices.rules.ts';
import { type ResultInput, requireIndexWrite, writeResult } from './indices.shared.ts';
import { listOwners } from './indices-config.repo.ts';
import type { IndexFile } from './indices-file.ts';

/** The columns of the import file, in the template's order; headers are matched without diacritics. */
const COLUMNS = [
  { key: 'index', title: 'Chỉ số' },
  { key: 'year', title: 'Năm' },
  { key: 'component', title: 'Mã thành phần' },
  { key: 'componentName', title: 'Tên thành phần' },
  { key: 'score', title: 'Điểm' },
  { key: 'rank', title: 'Thứ hạng' },
  { key: 'rankedOf', title: 'Số tỉnh xếp hạng' },
  { key: 'group', title: 'Nhóm' },
  { key: 'sourceNote', title: 'Nguồn' },
  { key: 'sourceUrl', title: 'Đường dẫn nguồn' },
] as const;
type ColumnKey = (typeof COLUMNS)[number]['key'];

export const TEMPLATE_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Mẫu nhập kết quả (.xlsx): for each index scored in `year`, a row for the whole index (Mã thành phần
 * empty) and one per component, values blank; a second sheet explains the columns and scales.
 */
export async function buildResultsTemplate({ db, actor }: ServiceContext, year: number): Promise<Uint8Array> {
  requireAccess(actor, 'index.read', { authorityId: authorityOf(actor) });
  await ensureIndexDefinitions(db);
  const defs = await listDefinitions(db, year);
  // exceljs (a second of a small machine's CPU to load) by the first workbook, not by the server's start
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Kết quả');
  sheet.addRow(COLUMNS.map((c) => c.title)).font = { bold: true };
  for (const def of defs) {
    sheet.addRow([def.code, year, '', def.nameVi]);
    for (const c of def.components) sheet.addRow([def.code, year, c.code, c.nameVi]);
  }
  sheet.columns.forEach((column, i) => {
    column.width = [10, 8, 20, 50, 10, 10, 16, 16, 40, 40][i] ?? 12;
  });
  const help = book.addWorksheet('Hướng dẫn');
  help.addRow(['Điền Điểm và/hoặc Thứ hạng; dòng để trống các ô số liệu được bỏ qua.']);
  help.addRow(['Dòng có "Mã thành phần" trống là điểm tổng của chỉ số; mỗi chỉ số–năm cần dòng tổng.']);
  help.addRow(['Cả tệp được ghi hoặc không ghi gì: một dòng lỗi thì không kết quả nào được ghi.']);
  help.addRow([]);
  help.addRow(['Chỉ số', 'Thang điểm', 'Nhóm xếp loại', 'Phương pháp']).font = { bold: true };
  for (const def of defs)
    help.addRow([
      def.code,
      `0–${def.scaleMax}${def.unit === 'percent' ? ' %' : def.unit === 'points' ? ' điểm' : ''}`,
      def.groups.join(', '),
      def.methodNote,
    ]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

interface RowError {
  row: number;
  message: string;
}

type Cells = Partial<Record<ColumnKey, string>>;

/** Reads the import file into its grid: the HTTP server's parsing pool, or this thread (readIndexGrid). */
export interface IndexFileReader {
  readIndexGrid(file: IndexFile): Promise<string[][]>;
}

/**
 * Who may send a results file at all, before it is read (the upload route's onRequest): the Office
 * and admins, or an agency that owns an index (or component) the Office lets it edit. Which index the
 * file holds is known only once it is read: `importResults` then checks each one (requireIndexWrite).
 */
export async function requireIndexImportAccess({ db, actor }: Pick<ServiceContext, 'db' | 'actor'>) {
  const authorityId = authorityOf(actor);
  if (actor.kind === 'user' && actor.role === 'agency') {
    const editable = (await listOwners(db, authorityId)).find(
      (owner) =>
        owner.owner_can_edit && can(actor, 'index.write', { authorityId, agencyId: owner.agency_id }),
    );
    requireAccess(actor, 'index.write', { authorityId, agencyId: editable?.agency_id ?? null });
    return;
  }
  requireAccess(actor, 'index.write', { authorityId });
}

/**
 * Nhập kết quả từ .xlsx/.csv — every filled row checked first (index, year, component, numbers,
 * scales, ranks); any error rejects the whole file with the list of rows and reasons; otherwise
 * each index–year in the file is written (created or replaced) in one transaction. The file is read
 * by `ctx.parser` (the HTTP server's pool) when there is one.
 */
export async function importResults(ctx: ServiceContext & { parser?: IndexFileReader }, file: IndexFile) {
  const { db, actor, ip } = ctx;
  const authorityId = authorityOf(actor);
  await requireIndexImportAccess(ctx);
  await ensureIndexDefinitions(db);
  const rows = await readRows(file, ctx.parser);
  const errors: RowError[] = [];
  const groups = new Map<
    string,
    {
      index: IndexCode;
      year: number;
      def: StoredDefinition;
      total?: { row: number; cells: Cells };
      parts: { row: number; cells: Cells }[];
    }
  >();
  const defs = await listDefinitions(db);
  for (const { row, cells } of rows) {
    if (!['score', 'rank', 'rankedOf', 'group'].some((k) => (cells[k as ColumnKey] ?? '') !== '')) continue;
    const index = (cells.index ?? '').trim().toUpperCase();
    if (!(INDEX_CODES as readonly string[]).includes(index)) {
      errors.push({
        row,
        message: `Chỉ số "${cells.index ?? ''}" không có (có: ${INDEX_CODES.join(', ')}).`,
      });
      continue;
    }
    const year = Number(cells.year);
    if (!Number.isInteger(year) || year < 1990 || year > 2100) {
      errors.push({ row, message: `Năm "${cells.year ?? ''}" không hợp lệ.` });
      continue;
    }
    const def = defs.find(
      (d) => d.code === index && d.validFrom <= year && (d.validTo === null || year <= d.validTo),
    );
    if (!def) {
      errors.push({ row, message: `Chỉ số ${index} không có phương pháp cho năm ${year}.` });
      continue;
    }
    const key = `${index}:${year}`;
    const group = groups.get(key) ?? { index: index as IndexCode, year, def, parts: [] };
    groups.set(key, group);
    if ((cells.component ?? '') === '') {
      if (group.total)
        errors.push({
          row,
          message: `Dòng tổng ${index} năm ${year} bị lặp (đã có ở dòng ${group.total.row}).`,
        });
      else group.total = { row, cells };
    } else group.parts.push({ row, cells });
  }
  const inputs: { def: StoredDefinition; year: number; input: ResultInput }[] = [];
  for (const group of groups.values()) {
    const input = toInput(group, errors);
    if (input) inputs.push({ def: group.def, year: group.year, input });
  }
  if (errors.length > 0) {
    errors.sort((a, b) => a.row - b.row);
    throw new AppError(
      'INDEX_IMPORT_INVALID',
      `Tệp có ${errors.length} dòng lỗi; không có kết quả nào được ghi. ${errors
        .slice(0, 5)
        .map((e) => `Dòng ${e.row}: ${e.message}`)
        .join(' ')}`,
      { errors },
    );
  }
  if (inputs.length === 0)
    throw new AppError('INDEX_IMPORT_INVALID', 'Tệp không có dòng kết quả nào có số liệu.', { errors: [] });
  for (const { def } of inputs) await requireIndexWrite(db, actor, authorityId, def.code);
  const imported = await inTransaction(db, async (trx) => {
    const out: { index: string; year: number; created: boolean }[] = [];
    for (const { def, year, input } of inputs)
      out.push({
        index: def.code,
        year,
        created: await writeResult(trx, { authorityId, actor, ip, now: ctx.now }, def, year, input),
      });
    return out;
  });
  return { imported };
}

function toInput(
  group: {
    index: IndexCode;
    year: number;
    def: StoredDefinition;
    total?: { row: number; cells: Cells };
    parts: { row: number; cells: Cells }[];
  },
  errors: RowError[],
): ResultInput | null {
  const { def, year } = group;
  if (!group.total) {
    errors.push({
      row: group.parts[0]?.row ?? 0,
      message: `${def.code} năm ${year}: thiếu dòng tổng (Mã thành phần trống) có điểm hoặc thứ hạng.`,
    });
    return null;
  }
  const before = errors.length;
  const total = group.total;
  const num = (row: number, value: string | undefined, what: string, integer = false): number | null => {
    const text = (value ?? '').trim().replace(/\s/gu, '');
    if (text === '') return null;
    const n = Number(text.includes(',') && !text.includes('.') ? text.replace(',', '.') : text);
    if (!Number.isFinite(n) || (integer && !Number.isInteger(n))) {
      errors.push({ row, message: `${what} "${value}" không phải ${integer ? 'số nguyên' : 'số'}.` });
      return null;
    }
    return n;
  };
  const components: { code: string; score: number }[] = [];
  for (const part of group.parts) {
    const score = num(part.row, part.cells.score, 'Điểm');
    if (score === null) {
      if ((part.cells.score ?? '') === '')
        errors.push({ row: part.row, message: 'Dòng thành phần cần có điểm.' });
      continue;
    }
    const code = (part.cells.component ?? '').trim();
    try {
      assertValidResult(def, year, {
        score: null,
        rank: 1,
        rankedOf: null,
        group: null,
        components: [{ code, score }],
      });
      if (components.some((c) => c.code === code))
        errors.push({ row: part.row, message: `Thành phần "${code}" bị lặp.` });
      else components.push({ code, score });
    } catch (error) {
      errors.push({ row: part.row, message: error instanceof Error ? error.message : String(error) });
    }
  }
  const input: ResultInput = {
    score: num(total.row, total.cells.score, 'Điểm'),
    rank: num(total.row, total.cells.rank, 'Thứ hạng', true),
    rankedOf: num(total.row, total.cells.rankedOf, 'Số tỉnh xếp hạng', true),
    group: (total.cells.group ?? '').trim() || null,
    sourceNote: (total.cells.sourceNote ?? '').trim(),
    sourceUrl: (total.cells.sourceUrl ?? '').trim() || null,
    published: true,
    internalNote: '',
    components,
  };
  if (input.sourceUrl !== null && !/^https?:\/\/\S+$/u.test(input.sourceUrl))
    errors.push({
      row: total.row,
      message: `Đường dẫn nguồn "${input.sourceUrl}" không phải địa chỉ http(s).`,
    });
  // the whole-index figures are checked even when a component row failed, so every bad row is named
  try {
    assertValidResult(def, year, { ...input, components: [] });
  } catch (error) {
    errors.push({ row: total.row, message: error instanceof Error ? error.message : String(error) });
  }
  return errors.length > before ? null : input;
}

/** The sheet's rows (1-based row numbers as the user sees them) keyed by column, after the header row. */
async function readRows(file: IndexFile, reader?: IndexFileReader): Promise<{ row: number; cells: Cells }[]> {
  const grid = await (reader ?? (await import('./indices-file.ts'))).readIndexGrid(file);
  const headerAt = grid.findIndex((cells) => {
    const keys = cells.map(columnOf);
    return keys.includes('index') && keys.includes('year');
  });
  if (headerAt < 0)
    throw new AppError(
      'INDEX_IMPORT_INVALID',
      'Không tìm thấy dòng tiêu đề (cần ít nhất các cột "Chỉ số" và "Năm", như tệp mẫu).',
      { errors: [] },
    );
  const header = (grid[headerAt] ?? []).map(columnOf);
  const out: { row: number; cells: Cells }[] = [];
  for (let r = headerAt + 1; r < grid.length; r++) {
    const cells: Cells = {};
    for (const [c, key] of header.entries()) if (key) cells[key] = (grid[r]?.[c] ?? '').trim();
    out.push({ row: r + 1, cells });
  }
  return out;
}

function columnOf(title: string): ColumnKey | undefined {
  const t = foldVietnamese(title);
  return COLUMNS.find((c) => foldVietnamese(c.title) === t)?.key;
}
