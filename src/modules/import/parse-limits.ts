/**
 * Limits of document parsing (issue #16): what an uploaded .docx/.xlsx/.pdf/.csv/.txt may cost before
 * dondoc refuses it. Each limit is a setting (src/config.ts, docs/security.md); a refusal names the
 * limit and its value: 413 for sizes (bytes once inflated), 422 for content (pages, rows, cells, text,
 * time, memory). The readers check what they can before the expensive step (a zip's central
 * directory before inflating, a PDF's page count before reading pages).
 */
import { AppError } from '../../shared/errors.ts';

/** What one parse may read; the checks every reader makes, in the worker or in-process. */
export interface ParseLimits {
  /** sum of the uncompressed sizes of a zip (.docx, .xlsx), as declared and as inflated */
  maxInflatedBytes: number;
  maxPages: number;
  /** sheet rows (the highest row number of every sheet, summed), CSV records, Word table rows */
  maxRows: number;
  /** sheet cells as the readers lay them out (rows × columns of each sheet), CSV and Word table cells */
  maxCells: number;
  /** characters of decoded text (.txt, .csv) and of the plan text a reader produces */
  maxTextChars: number;
  /** pages of a scan (a PDF without a text layer) read by OCR: a longer scan is refused */
  ocrMaxPages: number;
  /** the OCR of one document (rasterising and recognising every page); the engine is killed past it */
  ocrTimeoutMs: number;
  /** the OCR engine's commands (Debian: tesseract-ocr + tesseract-ocr-vie, poppler-utils): a name on PATH or a path */
  ocrTesseract: string;
  ocrPdftoppm: string;
}

/** The parsing pool: threads, queue, and the limits only a worker can enforce (time, memory). */
export interface ParseOptions extends ParseLimits {
  threads: number;
  /** parses waiting for a thread before new ones are refused (503) */
  queue: number;
  /** per parse, from the moment a thread starts it; the worker is terminated past it */
  timeoutMs: number;
  /** the worker's heap (resourceLimits.maxOldGenerationSizeMb) */
  memoryMb: number;
}

export const DEFAULT_PARSE_LIMITS: Readonly<ParseLimits> = Object.freeze({
  maxInflatedBytes: 100 * 1024 * 1024,
  maxPages: 500,
  maxRows: 5_000,
  maxCells: 100_000,
  maxTextChars: 2_000_000,
  ocrMaxPages: 20,
  ocrTimeoutMs: 180_000,
  ocrTesseract: 'tesseract',
  ocrPdftoppm: 'pdftoppm',
});

export const DEFAULT_PARSE_OPTIONS: Readonly<ParseOptions> = Object.freeze({
  ...DEFAULT_PARSE_LIMITS,
  threads: 1,
  queue: 8,
  timeoutMs: 30_000,
  memoryMb: 512,
});

/** The environment variable behind each limit, named in the refusals (src/config.ts reads them). */
export const PARSE_SETTINGS = {
  maxInflatedBytes: 'DONDOC_PARSE_MAX_INFLATED_MB',
  maxPages: 'DONDOC_PARSE_MAX_PAGES',
  maxRows: 'DONDOC_PARSE_MAX_ROWS',
  maxCells: 'DONDOC_PARSE_MAX_CELLS',
  maxTextChars: 'DONDOC_PARSE_MAX_TEXT_CHARS',
  ocrMaxPages: 'DONDOC_PARSE_OCR_MAX_PAGES',
  ocrTimeoutMs: 'DONDOC_PARSE_OCR_SECONDS',
  ocrTesseract: 'DONDOC_PARSE_OCR_TESSERACT',
  ocrPdftoppm: 'DONDOC_PARSE_OCR_PDFTOPPM',
  threads: 'DONDOC_PARSE_THREADS',
  queue: 'DONDOC_PARSE_QUEUE',
  timeoutMs: 'DONDOC_PARSE_TIMEOUT_SECONDS',
  memoryMb: 'DONDOC_PARSE_MEMORY_MB',
} as const satisfies Record<keyof ParseOptions, string>;

const count = (n: number) => n.toLocaleString('vi-VN');
const megabytes = (bytes: number) =>
  `${(bytes / 1048576).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;

function details(limit: keyof ParseOptions, value: number | string, found?: number) {
  return { limit, setting: PARSE_SETTINGS[limit], value, ...(found === undefined ? {} : { found }) };
}

/** A zip whose entries declare, or inflate to, more than the limit (a zip bomb): 413. */
export function inflatedTooLarge(limits: ParseLimits, found: number | null): AppError {
  const what =
    found === null ? 'giải nén vượt quá kích thước khai báo' : `khi giải nén là ${megabytes(found)}`;
  return new AppError(
    'IMPORT_INFLATED_TOO_LARGE',
    `Tệp nén quá lớn: nội dung ${what}; tối đa ${megabytes(limits.maxInflatedBytes)} (cài đặt ${PARSE_SETTINGS.maxInflatedBytes} = ${limits.maxInflatedBytes / 1048576}).`,
    details('maxInflatedBytes', limits.maxInflatedBytes, found ?? undefined),
  );
}

export function tooManyPages(limits: ParseLimits, found: number): AppError {
  return new AppError(
    'IMPORT_TOO_MANY_PAGES',
    `Tệp PDF có ${count(found)} trang; tối đa ${count(limits.maxPages)} trang (cài đặt ${PARSE_SETTINGS.maxPages} = ${limits.maxPages}).`,
    details('maxPages', limits.maxPages, found),
  );
}

/** `found`: the count when known, or a lower bound ("more than") when the reader stopped early. */
export function tooManyRows(limits: ParseLimits, found: number, atLeast = false): AppError {
  return new AppError(
    'IMPORT_TOO_MANY_ROWS',
    `Tệp có ${atLeast ? 'hơn ' : ''}${count(found)} dòng; tối đa ${count(limits.maxRows)} dòng (cài đặt ${PARSE_SETTINGS.maxRows} = ${limits.maxRows}).`,
    details('maxRows', limits.maxRows, found),
  );
}

export function tooManyCells(limits: ParseLimits, found: number, atLeast = false): AppError {
  return new AppError(
    'IMPORT_TOO_MANY_CELLS',
    `Bảng trong tệp có ${atLeast ? 'hơn ' : ''}${count(found)} ô; tối đa ${count(limits.maxCells)} ô (cài đặt ${PARSE_SETTINGS.maxCells} = ${limits.maxCells}).`,
    details('maxCells', limits.maxCells, found),
  );
}

export function textTooLong(limits: ParseLimits, found: number): AppError {
  return new AppError(
    'IMPORT_TEXT_TOO_LONG',
    `Nội dung tệp dài ${count(found)} ký tự; tối đa ${count(limits.maxTextChars)} ký tự (cài đặt ${PARSE_SETTINGS.maxTextChars} = ${limits.maxTextChars}).`,
    details('maxTextChars', limits.maxTextChars, found),
  );
}

/** Throws when `text` is longer than the limit; returns it otherwise. */
export function checkTextLength(text: string, limits: ParseLimits): string {
  if (text.length > limits.maxTextChars) throw textTooLong(limits, text.length);
  return text;
}

export function parseTimedOut(options: ParseOptions): AppError {
  const seconds = options.timeoutMs / 1000;
  return new AppError(
    'IMPORT_PARSE_TIMEOUT',
    `Đọc tệp quá ${count(seconds)} giây nên đã dừng (cài đặt ${PARSE_SETTINGS.timeoutMs} = ${seconds}): tệp quá lớn hoặc quá phức tạp.`,
    details('timeoutMs', options.timeoutMs),
  );
}

export function parseOutOfMemory(options: ParseOptions): AppError {
  return new AppError(
    'IMPORT_PARSE_MEMORY',
    `Đọc tệp cần quá ${count(options.memoryMb)} MB bộ nhớ nên đã dừng (cài đặt ${PARSE_SETTINGS.memoryMb} = ${options.memoryMb}): tệp quá lớn hoặc quá phức tạp.`,
    details('memoryMb', options.memoryMb),
  );
}

export function ocrTooManyPages(limits: ParseLimits, found: number): AppError {
  return new AppError(
    'IMPORT_OCR_TOO_MANY_PAGES',
    `Bản quét có ${count(found)} trang; chỉ đọc bằng OCR tối đa ${count(limits.ocrMaxPages)} trang (cài đặt ${PARSE_SETTINGS.ocrMaxPages} = ${limits.ocrMaxPages}): hãy tách tệp, hoặc nhập bản có lớp chữ.`,
    details('ocrMaxPages', limits.ocrMaxPages, found),
  );
}

export function ocrTimedOut(limits: ParseLimits): AppError {
  const seconds = limits.ocrTimeoutMs / 1000;
  return new AppError(
    'IMPORT_OCR_TIMEOUT',
    `Đọc bản quét bằng OCR quá ${count(seconds)} giây nên đã dừng (cài đặt ${PARSE_SETTINGS.ocrTimeoutMs} = ${seconds}): hãy tách tệp thành ít trang hơn.`,
    details('ocrTimeoutMs', limits.ocrTimeoutMs),
  );
}

const OCR_INSTALL = 'apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils';

/** The OCR engine cannot run: `what` says which part is missing (a command, the Vietnamese data). */
export function ocrUnavailable(
  setting: 'ocrTesseract' | 'ocrPdftoppm',
  command: string,
  what: string,
): AppError {
  return new AppError(
    'OCR_UNAVAILABLE',
    `Tệp là bản quét (không có lớp chữ) nhưng máy chủ chưa có công cụ OCR: ${what}. Quản trị viên hãy cài đặt bằng lệnh «${OCR_INSTALL}» (hoặc đặt ${PARSE_SETTINGS[setting]} là đường dẫn tới lệnh ${command}).`,
    { setting: PARSE_SETTINGS[setting], command, install: OCR_INSTALL },
  );
}

export function parseFailed(): AppError {
  return new AppError('IMPORT_PARSE_FAILED', 'Không đọc được tệp: trình đọc tài liệu gặp lỗi và đã dừng.');
}

export function parseBusy(options: ParseOptions): AppError {
  return new AppError(
    'PARSE_BUSY',
    `Máy chủ đang đọc nhiều tệp (${count(options.queue)} tệp chờ, cài đặt ${PARSE_SETTINGS.queue} = ${options.queue}): hãy thử lại sau ít phút.`,
    details('queue', options.queue),
  );
}
