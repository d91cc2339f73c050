/**
 * PDF reader of the importer: a .pdf with a text layer → plan text (see plan-text-format.ts).
 * pdfjs' legacy build runs its worker in-process on Node (it imports ./pdf.worker.mjs by itself).
 * Each page's text items become visual lines (pdf-lines.ts); the pages that hold a task table also
 * give their drawn horizontal rules (pdf-drawn-rules.ts), the table's row borders. The layout rules
 * (pdf-layout.ts, pdf-table-rows.ts) turn them into plan text; OCR word boxes take the same way
 * (positionedPagesToPlanText), without drawn rules.
 */
import { AppError } from '../../../shared/errors.ts';
import { keepNativeBuiltins } from '../../../shared/native-builtins.ts';
import { DEFAULT_PARSE_LIMITS, type ParseLimits, tooManyPages } from '../parse-limits.ts';
import { type Drawing, drawnRules, type Rule } from './pdf-drawn-rules.ts';
import { renderPlanText } from './pdf-layout.ts';
import { type Line, pageLines } from './pdf-lines.ts';

const CORRUPT = 'Tệp PDF bị hỏng hoặc không phải PDF.';
const NO_DRAWING: Drawing = { rules: [], sides: [] };
const TABLE_HEADER = /^(?:STT|(?:Số\s*)?TT)(?:\s|$)/iu;

/** .pdf with a text layer → plan text (see plan-text-format.ts); more pages than `limits.maxPages` are refused before any is read. */
export async function pdfToPlanText(
  bytes: Uint8Array,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
): Promise<string> {
  const { lines, drawings } = await readPages(bytes, limits);
  const text = lines.flatMap((line) => line.tokens.map((token) => token.text)).join('');
  if (text.replace(/\s/gu, '').length < 20) {
    throw new AppError(
      'IMPORT_NO_TEXT',
      'Bản quét không có lớp chữ (scan without text): hãy chạy OCR trước rồi nhập lại.',
    );
  }
  return renderPlanText(lines, (page) => drawings.get(page) ?? NO_DRAWING);
}

/**
 * A word or glyph run placed on a page, as a layout reader (OCR) gives it: `x` its left edge, `y`
 * its baseline measured upwards from the page's bottom (PDF user space), `width` and `height` (the
 * font size) in the same unit.
 */
export interface PositionedText {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Positioned text of each page (page 1 first) → plan text, by the same layout rules as a PDF's text
 * layer; `rules` (optional): each page's drawn horizontal rules, when the source knows them.
 */
export function positionedPagesToPlanText(
  pages: readonly (readonly PositionedText[])[],
  rules: readonly (readonly Rule[])[] = [],
): string {
  const items = (page: readonly PositionedText[]) =>
    page.map((t) => ({
      str: t.str,
      transform: [t.height, 0, 0, t.height, t.x, t.y],
      width: t.width,
      height: t.height,
    }));
  const lines = pages.flatMap((page, i) => pageLines(items(page), i + 1));
  return renderPlanText(lines, (page) => ({ rules: [...(rules[page - 1] ?? [])], sides: [] }));
}

interface Pages {
  lines: Line[];
  /** the drawn rules of the pages from the first table header on */
  drawings: Map<number, Drawing>;
}

/** pdfjs (and its in-process worker) loads on the first PDF read; it replaces built-ins (see native-builtins.ts). */
function readPages(bytes: Uint8Array, limits: ParseLimits): Promise<Pages> {
  return keepNativeBuiltins(async () =>
    readPagesWith(await import('pdfjs-dist/legacy/build/pdf.mjs'), bytes, limits),
  );
}

async function readPagesWith(
  { getDocument, OPS }: typeof import('pdfjs-dist/legacy/build/pdf.mjs'),
  bytes: Uint8Array,
  limits: ParseLimits,
): Promise<Pages> {
  let task: ReturnType<typeof getDocument>;
  try {
    const options = { disableFontFace: true, useSystemFonts: false, isEvalSupported: false, verbosity: 0 };
    task = getDocument({ data: new Uint8Array(bytes), ...options });
  } catch {
    throw new AppError('IMPORT_UNREADABLE', CORRUPT);
  }
  try {
    const doc = await task.promise;
    if (doc.numPages > limits.maxPages) throw tooManyPages(limits, doc.numPages);
    const [lines, drawings] = [[] as Line[], new Map<number, Drawing>()];
    let tables = false;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const found = pageLines((await page.getTextContent()).items, p);
      lines.push(...found);
      // the drawings are read only where a table may be: from the first page with an STT header on
      tables ||= found.some((line) => TABLE_HEADER.test(line.tokens[0]?.text ?? ''));
      if (tables) {
        const { fnArray, argsArray } = await page.getOperatorList();
        drawings.set(p, drawnRules(fnArray, argsArray, OPS));
      }
      page.cleanup();
    }
    return { lines, drawings };
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof Error && error.name === 'PasswordException') {
      throw new AppError('IMPORT_UNREADABLE', 'Tệp PDF có mật khẩu: hãy bỏ mật khẩu rồi nhập lại.');
    }
    throw new AppError('IMPORT_UNREADABLE', CORRUPT);
  } finally {
    await task.destroy();
  }
}
