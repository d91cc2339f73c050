import type { LocalDate } from '../../domain/dates.ts';
import type { Directory } from '../../domain/directory.ts';
import { AppError } from '../../shared/errors.ts';
import type { ImportPreview } from './import-preview.ts';
import { checkTextLength, DEFAULT_PARSE_LIMITS, type ParseLimits } from './parse-limits.ts';
import { type ParsedPlan, type ParseWarning, parsePlanText } from './plan-text.ts';
import { IMPORT_EXTENSIONS, type ImportExtension, MAX_IMPORT_BYTES } from './plan-text-format.ts';
// each format's reader (jszip, exceljs, the PDF reader, the OCR engine) is loaded by the first file
// of that format, not by every process that may read a plan (the server's start, the demo, the CLI)
import type { OcrEvents } from './readers/ocr-reader.ts';

export interface PlanFile {
  fileName: string;
  bytes: Uint8Array;
}

export const MEDIA_TYPES: Record<ImportExtension, string> = {
  txt: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};

/** Reads a plan document into a parsed plan: the server's parsing pool (parse-pool.ts) or this thread. */
export interface PlanReader {
  readPlan(file: PlanFile): Promise<ParsedPlan>;
  /** the preview built where the file is read (the pool's thread), when the reader can */
  previewPlan?(file: PlanFile, directory: Directory, today: LocalDate): Promise<ImportPreview>;
}

/**
 * A plan document of any supported format → the parsed plan (nothing stored), in this thread with
 * the default limits — or through `reader`, the HTTP server's worker pool.
 */
export async function readPlanFile(file: PlanFile, reader?: PlanReader): Promise<ParsedPlan> {
  if (reader) return reader.readPlan(file);
  return parsePlanSource(await planSourceOf(file));
}

/** The plan text of a file and the reader's own warnings about it (ocr_text: the text came from OCR). */
export interface PlanSource {
  text: string;
  warnings: ParseWarning[];
}

/** The plan text parsed, the reader's warnings first. */
export function parsePlanSource(source: PlanSource): ParsedPlan {
  const parsed = parsePlanText(source.text);
  return source.warnings.length ? { ...parsed, warnings: [...source.warnings, ...parsed.warnings] } : parsed;
}

/**
 * The file's "plan text" (plan-text-format.ts), after the checks every format shares; every reader
 * holds to `limits` (parse-limits.ts), and so does the text it returns.
 */
export async function planTextOf(
  file: PlanFile,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
): Promise<string> {
  return (await planSourceOf(file, limits)).text;
}

/** planTextOf with the reader's warnings: a PDF without a text layer is read by OCR (readers/ocr-reader.ts). */
export async function planSourceOf(
  file: PlanFile,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
  events: OcrEvents = {},
): Promise<PlanSource> {
  const source = await readerSourceOf(file, limits, events);
  return { text: checkTextLength(source.text, limits), warnings: source.warnings };
}

async function readerSourceOf(file: PlanFile, limits: ParseLimits, events: OcrEvents): Promise<PlanSource> {
  const extension = extensionOf(file.fileName);
  if (extension === 'png' || extension === 'jpg' || extension === 'jpeg') {
    checkSize(file);
    const { ocrImageToPlanText } = await import('./readers/ocr-reader.ts');
    return ocrImageToPlanText(file.bytes, limits, events);
  }
  if (extension !== 'pdf') return { text: await readerTextOf(file, limits), warnings: [] };
  try {
    return { text: await readerTextOf(file, limits), warnings: [] };
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'IMPORT_NO_TEXT') throw error;
    const { ocrPdfToPlanText } = await import('./readers/ocr-reader.ts');
    return ocrPdfToPlanText(file.bytes, limits, events);
  }
}

/** The checks every format shares: not empty, not over MAX_IMPORT_BYTES. */
function checkSize(file: PlanFile): void {
  if (file.bytes.byteLength === 0) throw new AppError('IMPORT_EMPTY', `Tệp "${file.fileName}" rỗng.`);
  if (file.bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new AppError(
      'IMPORT_TOO_LARGE',
      `Tệp "${file.fileName}" quá lớn (${(file.bytes.byteLength / 1048576).toFixed(1)} MB; tối đa ${MAX_IMPORT_BYTES / 1048576} MB).`,
    );
  }
}

async function readerTextOf(file: PlanFile, limits: ParseLimits): Promise<string> {
  const extension = extensionOf(file.fileName);
  checkSize(file);
  switch (extension) {
    case 'txt':
      return decodeText(file);
    case 'csv':
      return (await import('./readers/sheet-reader.ts')).csvToPlanText(
        checkTextLength(decodeText(file), limits),
        limits,
      );
    case 'docx':
      return (await import('./readers/docx-reader.ts')).docxToPlanText(file.bytes, limits);
    case 'xlsx':
      return (await import('./readers/sheet-reader.ts')).xlsxToPlanText(file.bytes, limits);
    case 'pdf':
      return (await import('./readers/pdf-reader.ts')).pdfToPlanText(file.bytes, limits);
    default:
      // pictures are read by OCR (readerSourceOf), never as text
      throw new AppError('IMPORT_NO_TEXT', `Tệp "${file.fileName}" là ảnh: chỉ đọc được bằng OCR.`);
  }
}

export function extensionOf(fileName: string): ImportExtension {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if ((IMPORT_EXTENSIONS as readonly string[]).includes(extension)) return extension as ImportExtension;
  const hint = extension === 'doc' || extension === 'xls' ? ' Hãy lưu lại dưới dạng .docx/.xlsx.' : '';
  throw new AppError(
    'IMPORT_UNSUPPORTED',
    `Không nhập được tệp "${fileName}": chỉ nhận ${IMPORT_EXTENSIONS.map((e) => `.${e}`).join(', ')}.${hint}`,
  );
}

/** UTF-8 (with or without BOM); Windows-1258 as a fallback for old Vietnamese files; binary refused. */
function decodeText(file: PlanFile): string {
  const { bytes } = file;
  const sample = bytes.subarray(0, 4096);
  if (sample.includes(0)) {
    throw new AppError(
      'IMPORT_UNREADABLE',
      `Tệp "${file.fileName}" không phải văn bản (có dữ liệu nhị phân).`,
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/u, '');
  } catch {
    return new TextDecoder('windows-1258').decode(bytes);
  }
}
