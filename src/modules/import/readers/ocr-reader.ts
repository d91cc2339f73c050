/**
 * Scans read by OCR (issue #13): a PDF without a text layer → plan text, through the same layout
 * rules as a PDF's text (pdf-reader.ts positionedPagesToPlanText: tables by position …).
 * Each page is rasterised by poppler's `pdftoppm` (300 dpi, grey), its ruling lines and dust
 * whitened (ocr-image.ts), and recognised by `tesseract -l vie` (TSV: word boxes and confidences):
 * a ruled table's columns stacked one under the other, the rest of the page, then the lone marks.
 * Both run as child processes — never a shell — with a time limit for the whole document
 * (limits.ocrTimeoutMs: killed past it), at most limits.ocrMaxPages pages, at a lower priority than
 * the server, tesseract on one thread. Nothing is downloaded: the engine is Debian's (tesseract-ocr,
 * tesseract-ocr-vie, poppler-utils); when it is missing the error says how to install it.
 * A page with no confident words is blank; a page whose words are mostly not Vietnamese is not
 * read either: both come back as warnings, never as tasks.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors.ts';
import { keepNativeBuiltins } from '../../../shared/native-builtins.ts';
import {
  DEFAULT_PARSE_LIMITS,
  ocrTimedOut,
  ocrTooManyPages,
  ocrUnavailable,
  type ParseLimits,
} from '../parse-limits.ts';
import type { ParseWarning } from '../plan-text.ts';
import {
  findMarks,
  type PixelBox,
  readPgm,
  removeRulingLines,
  removeSpecks,
  stackColumns,
  stripOf,
  tableColumns,
  whitenBoxes,
  writePgm,
} from './ocr-image.ts';
import {
  leftOverWords,
  measureQuality,
  type OcrWord,
  readTesseractTsv,
  textWords,
  wordsToPositionedText,
} from './ocr-words.ts';
import { type PositionedText, positionedPagesToPlanText } from './pdf-reader.ts';

/** Rendering resolution: tesseract reads 10–12 pt body text best at about 300 dpi. */
export const OCR_DPI = 300;
/** below this many confident words a page holds no text (a blank page, a photo, a stamp) */
const MIN_WORDS = 8;
/** Vietnamese prose writes a letter or tone mark of its own in most words; English OCR'd as Vietnamese in few */
const MIN_VIETNAMESE_SHARE = 0.25;

export const OCR_TEXT_WARNING: ParseWarning = {
  line: 0,
  code: 'ocr_text',
  message: 'Nội dung được đọc bằng OCR từ bản quét: hãy đối chiếu với văn bản gốc.',
};

/** The plan text of a scan and what the reader has to say about it (ocr_text, ocr_blank …). */
export interface OcrResult {
  text: string;
  warnings: ParseWarning[];
}

/** Told when the OCR begins: the parsing pool gives the document the OCR's time from there. */
export interface OcrEvents {
  ocrStarted?(): void;
}

/** A PDF with no text layer → its plan text read by OCR, within `limits` (pages, time). */
export async function ocrPdfToPlanText(
  bytes: Uint8Array,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
  events: OcrEvents = {},
): Promise<OcrResult> {
  const pages = await pageCountOf(bytes);
  if (pages > limits.ocrMaxPages) throw ocrTooManyPages(limits, pages);
  events.ocrStarted?.();
  const deadline = Date.now() + limits.ocrTimeoutMs;
  await checkEngine(deadline, limits);
  const dir = await mkdtemp(join(tmpdir(), 'dondoc-ocr-'));
  try {
    const pdf = join(dir, 'scan.pdf');
    await writeFile(pdf, bytes);
    const read: PageText[] = [];
    for (let p = 1; p <= pages; p++) {
      const root = join(dir, `page-${p}`);
      const args = ['-r', String(OCR_DPI), '-gray', '-f', String(p), '-l', String(p), '-singlefile'];
      await run(limits.ocrPdftoppm, [...args, pdf, root], deadline, limits);
      read.push(await recognise(`${root}.pgm`, deadline, limits));
    }
    return planTextOf(read);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** tesseract commands found ready (Vietnamese and English data): checked once, a failure every time */
const readyEngines = new Set<string>();

/** tesseract and its data, before any page is rendered: a blank scan must not hide a missing engine. */
async function checkEngine(deadline: number, limits: ParseLimits): Promise<void> {
  if (readyEngines.has(limits.ocrTesseract)) return;
  // tesseract 4 listed the languages on stderr: a missing language is told by its name alone
  const listed = await run(limits.ocrTesseract, ['--list-langs'], deadline, limits, true);
  const missing = ['vie', 'eng'].filter((language) => !new RegExp(`^${language}$`, 'mu').test(listed));
  if (missing.length > 0) {
    const what = `thiếu dữ liệu ngôn ngữ ${missing.map((l) => `${l}.traineddata`).join(', ')}`;
    throw ocrUnavailable('ocrTesseract', limits.ocrTesseract, what);
  }
  readyEngines.add(limits.ocrTesseract);
}

/**
 * A picture of a page (.png, .jpg: a phone's photo, a scanner's image) → its plan text by OCR: put on
 * a page of A4's width in a PDF (pdfkit) and read as a scan, so its size in inches — what the rules,
 * dust and column measures of ocr-image.ts assume — is a printed page's whatever its pixels.
 */
export async function ocrImageToPlanText(
  bytes: Uint8Array,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
  events: OcrEvents = {},
): Promise<OcrResult> {
  return ocrPdfToPlanText(await pdfOfImage(bytes), limits, events);
}

async function pdfOfImage(bytes: Uint8Array): Promise<Uint8Array> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve) =>
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))),
  );
  const size = imageSizeOf(bytes);
  if (!size) throw new AppError('IMPORT_UNREADABLE', 'Ảnh bị hỏng hoặc không phải ảnh PNG/JPEG.');
  const width = A4_WIDTH_POINTS;
  const height = (width * size.height) / size.width;
  doc.addPage({ size: [width, height], margin: 0 });
  try {
    doc.image(Buffer.from(bytes), 0, 0, { width, height });
  } catch {
    throw new AppError('IMPORT_UNREADABLE', 'Ảnh bị hỏng hoặc không phải ảnh PNG/JPEG.');
  }
  doc.end();
  return done;
}

const A4_WIDTH_POINTS = 595.28;

/** A PNG's or a JPEG's size in pixels, from its header (IHDR; the SOF segment); null for anything else. */
export function imageSizeOf(bytes: Uint8Array): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = (i: number) => bytes[i] ?? 0;
  if (bytes.length >= 24 && at(0) === 0x89 && at(1) === 0x50 && at(12) === 0x49 && at(15) === 0x52) {
    const [width, height] = [view.getUint32(16), view.getUint32(20)];
    return width > 0 && height > 0 ? { width, height } : null;
  }
  if (at(0) !== 0xff || at(1) !== 0xd8) return null;
  for (let i = 2; i + 9 < bytes.length; ) {
    if (at(i) !== 0xff) return null;
    const marker = at(i + 1);
    const length = view.getUint16(i + 2);
    const frame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (frame) {
      const [height, width] = [view.getUint16(i + 5), view.getUint16(i + 7)];
      return width > 0 && height > 0 ? { width, height } : null;
    }
    i += 2 + length;
  }
  return null;
}

interface PageText {
  positioned: PositionedText[];
  words: OcrWord[];
}

/**
 * One rendered page (PGM): ruling lines whitened, then recognised in two looks. The first reads the
 * page's layout (blocks, columns: each cell's words with their spaces) but drops a mark that stands
 * alone, like the one-digit STT of a row. The second looks at what is left once the first look's
 * words are whitened too: the marks of a character's size, copied side by side onto one line and
 * read at once (a fraction of a second); what tesseract is sure of goes back where it was.
 */
async function recognise(image: string, deadline: number, limits: ParseLimits): Promise<PageText> {
  const grey = readPgm(await readFile(image));
  if (!grey) throw new AppError('IMPORT_OCR_FAILED', 'Không đọc được trang của bản quét (ảnh hỏng).');
  const { verticals } = removeRulingLines(grey, OCR_DPI);
  // dust costs tesseract minutes on a near-empty page; a page with (almost) nothing dark left is blank
  if (removeSpecks(grey, OCR_DPI) < BLANK_SHARE * grey.pixels.length) {
    return { positioned: [], words: [] };
  }
  const words: OcrWord[] = [];
  // a narrow column (STT) holds lone marks: left on the page for the second look, which reads them best
  const allColumns = tableColumns(verticals, OCR_DPI);
  const columns = allColumns.filter((c) => c.width >= NARROW_COLUMN_INCHES * OCR_DPI);
  if (columns.length > 0) {
    const gap = Math.round(0.2 * OCR_DPI);
    const { stacked, tops } = stackColumns(grey, columns, gap);
    const file = image.replace(/\.pgm$/u, '-columns.pgm');
    await writeFile(file, writePgm(stacked));
    for (const w of textWords(readTesseractTsv(await tesseract(file, '4', deadline, limits)))) {
      const k = tops.findLastIndex((top) => top <= w.top);
      const [column, top] = [columns[k], tops[k] ?? 0];
      if (!column) continue;
      words.push({
        ...w,
        left: w.left - gap + column.left,
        top: w.top - top + column.top,
        line: `column.${k}.${w.line}`,
      });
    }
    whitenBoxes(grey, columns);
  }
  await writeFile(image, writePgm(grey));
  const page = readTesseractTsv(await tesseract(image, '3', deadline, limits));
  words.push(...textWords(page));
  whitenBoxes(grey, words);
  const marks = findMarks(grey, OCR_DPI).slice(0, MAX_MARKS);
  if (marks.length > 0) {
    const { strip, spans } = stripOf(grey, marks);
    const stripFile = image.replace(/\.pgm$/u, '-marks.pgm');
    await writeFile(stripFile, writePgm(strip));
    // marks are digits, roman numerals, a letter: English data reads a lone '8' that Vietnamese takes for 'lộ'
    const read = leftOverWords(readTesseractTsv(await tesseract(stripFile, '7', deadline, limits, 'eng')));
    marks.forEach((mark, i) => {
      const span = spans[i];
      const found = read.filter((w) => span && w.left < span.to && w.left + w.width > span.from);
      if (found.length !== 1 || !found[0]) return;
      words.push({ ...found[0], ...mark, line: `mark.${i}` });
    });
  }
  return { positioned: wordsToPositionedText(page, words, OCR_DPI, tableBottoms(allColumns)), words };
}

/** The bottom of each ruled table: its columns joined where they touch or overlap. */
function tableBottoms(columns: readonly PixelBox[]): number[] {
  const tables: Array<{ top: number; bottom: number }> = [];
  for (const c of [...columns].sort((a, b) => a.top - b.top)) {
    const table = tables.find((t) => c.top <= t.bottom + 0.1 * OCR_DPI && t.top <= c.top + c.height);
    if (table) table.bottom = Math.max(table.bottom, c.top + c.height);
    else tables.push({ top: c.top, bottom: c.top + c.height });
  }
  return tables.map((t) => t.bottom);
}

/** a page whose dark pixels, specks removed, are fewer than this share holds no text (a few letters' worth) */
const BLANK_SHARE = 0.0002;

/** narrower table columns are read with the page: an STT column, a column of ticks */
const NARROW_COLUMN_INCHES = 0.6;

/** marks read in the second look of a page, at most (a noisy scan has many specks) */
const MAX_MARKS = 300;

function tesseract(
  image: string,
  psm: string,
  deadline: number,
  limits: ParseLimits,
  language: 'vie' | 'eng' = 'vie',
): Promise<string> {
  const args = [image, 'stdout', '-l', language, '--dpi', String(OCR_DPI), '--psm', psm, 'tsv'];
  return run(limits.ocrTesseract, args, deadline, limits);
}

/** Pages read → plan text; a blank or non-Vietnamese document gives no text and a warning saying so. */
function planTextOf(pages: PageText[]): OcrResult {
  const quality = measureQuality(pages.flatMap((p) => p.words));
  if (quality.confidentWords < MIN_WORDS) {
    const message =
      'Bản quét không có chữ đọc được (trang trắng hoặc ảnh quá mờ): không có nhiệm vụ nào được lấy ra.';
    return { text: '', warnings: [OCR_TEXT_WARNING, { line: 0, code: 'ocr_blank', message }] };
  }
  if (quality.vietnameseShare < MIN_VIETNAMESE_SHARE) {
    const share = Math.round(quality.vietnameseShare * 100);
    const message = `Bản quét không giống văn bản tiếng Việt (chỉ ${share}% số từ có dấu tiếng Việt): không có nhiệm vụ nào được lấy ra; hãy kiểm tra lại tệp.`;
    return { text: '', warnings: [OCR_TEXT_WARNING, { line: 0, code: 'ocr_not_vietnamese', message }] };
  }
  return { text: positionedPagesToPlanText(pages.map((p) => p.positioned)), warnings: [OCR_TEXT_WARNING] };
}

async function pageCountOf(bytes: Uint8Array): Promise<number> {
  return keepNativeBuiltins(async () => {
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const options = { disableFontFace: true, useSystemFonts: false, isEvalSupported: false, verbosity: 0 };
    const task = getDocument({ data: new Uint8Array(bytes), ...options });
    try {
      return (await task.promise).numPages;
    } catch {
      throw new AppError('IMPORT_UNREADABLE', 'Tệp PDF bị hỏng hoặc không phải PDF.');
    } finally {
      await task.destroy();
    }
  });
}

/**
 * The engine's environment: the search path and tesseract's data folder, nothing else of the server's;
 * tesseract on one thread (on a small server OCR leaves the other core to the HTTP server).
 */
const ENGINE_ENV = {
  PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
  ...(process.env.TESSDATA_PREFIX ? { TESSDATA_PREFIX: process.env.TESSDATA_PREFIX } : {}),
  OMP_THREAD_LIMIT: '1',
  LC_ALL: 'C',
};

/** Largest output of one command (tesseract's TSV of a dense page is ≈ 100 kB). */
const MAX_OUTPUT_BYTES = 16 * 1024 * 1024;

/** Runs an engine command (no shell) until `deadline`: its stdout, or the AppError that explains the failure. */
function run(
  command: string,
  args: string[],
  deadline: number,
  limits: ParseLimits,
  withStderr = false,
): Promise<string> {
  const setting = command === limits.ocrTesseract ? 'ocrTesseract' : 'ocrPdftoppm';
  const timeout = deadline - Date.now();
  if (timeout <= 0) return Promise.reject(ocrTimedOut(limits));
  return new Promise((resolve, reject) => {
    const child = execFile(
      command,
      args,
      {
        timeout,
        killSignal: 'SIGKILL',
        maxBuffer: MAX_OUTPUT_BYTES,
        encoding: 'utf8',
        // one thread: on a small server OCR must leave the other core to the HTTP server
        env: ENGINE_ENV,
      },
      (error, stdout, stderr) => {
        const e = error as (NodeJS.ErrnoException & { killed?: boolean; signal?: string | null }) | null;
        if (e?.code === 'ENOENT' || e?.code === 'EACCES') {
          return reject(ocrUnavailable(setting, command, `không chạy được lệnh «${command}»`));
        }
        // past the deadline even a clean exit is a timeout: execFile's timer destroys the pipes before a
        // command that exited meanwhile is reaped, so its "success" may come with its output cut short
        if (e?.killed || Date.now() >= deadline) return reject(ocrTimedOut(limits));
        if (!e) return resolve(withStderr ? `${stdout}\n${stderr}` : stdout);
        const data = /Failed loading language '(\w+)'|(\w+)\.traineddata/iu.exec(stderr);
        if (setting === 'ocrTesseract' && data) {
          const language = data[1] ?? data[2] ?? 'vie';
          return reject(ocrUnavailable(setting, command, `thiếu dữ liệu ngôn ngữ ${language}.traineddata`));
        }
        reject(
          new AppError('IMPORT_OCR_FAILED', 'Không đọc được bản quét: công cụ OCR báo lỗi.', {
            command,
            stderr: stderr.slice(0, 500),
          }),
        );
      },
    );
    // OCR is background work: the server's requests get the CPU first
    try {
      if (child.pid) setPriority(child.pid, 10);
    } catch {
      // exited already, or not allowed: the engine keeps the server's priority
    }
  });
}
