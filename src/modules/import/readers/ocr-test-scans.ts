/**
 * Scans made in memory for the OCR tests and the speed measure (bench/run.ts): pages of a text PDF
 * rasterised by pdftoppm and wrapped, as pictures only, in a new PDF (what a scanner gives). Nothing
 * is written to the repository.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';

/** The printed seed plan (6 pages; page 3 holds table rows 6–11): the source of the test scan. */
export const PRINTED_PLAN = new URL('../../../../test/fixtures/import/seed-87-printed.pdf', import.meta.url);

/** One page (1-based) of the PDF file `pdf` → a grey PNG at `dpi`, written to `<root>.png` and read back. */
function pagePng(pdf: string, page: number, dpi: number, root: string): Buffer {
  const range = ['-f', String(page), '-l', String(page)];
  execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-png', ...range, '-singlefile', pdf, root]);
  return readFileSync(`${root}.png`);
}

/** Pages of a text PDF (1-based) → a PDF of their pictures at `dpi`, A4, no text layer. */
export async function scanOfPdf(pdf: Uint8Array, pages: number[], dpi = 200): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'dondoc-scan-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    const images = pages.map((page) => pagePng(join(dir, 'in.pdf'), page, dpi, join(dir, `page-${page}`)));
    return await pdfOf((doc) => {
      for (const image of images) {
        doc.addPage({ size: 'A4', margin: 0 });
        doc.image(image, 0, 0, { width: doc.page.width, height: doc.page.height });
      }
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A page of a text PDF (1-based) → its picture as a PNG at `dpi`, grey: a page photographed or scanned to an image. */
export function pngOfPage(pdf: Uint8Array, page: number, dpi = 200): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'dondoc-scan-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    return new Uint8Array(pagePng(join(dir, 'in.pdf'), page, dpi, join(dir, 'page')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A PDF of pictures made from pages drawn with pdfkit (`draw` adds the pages). */
export async function scanOfDrawing(draw: (doc: PDFKit.PDFDocument) => void, dpi = 200): Promise<Uint8Array> {
  const drawn = await pdfOf(draw);
  const pages = (new TextDecoder('latin1').decode(drawn).match(/\/Type \/Page\b/gu) ?? []).length;
  return scanOfPdf(
    drawn,
    Array.from({ length: pages }, (_, i) => i + 1),
    dpi,
  );
}

function pdfOf(draw: (doc: PDFKit.PDFDocument) => void): Promise<Uint8Array> {
  const doc = new PDFDocument({ autoFirstPage: false, compress: false });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve) =>
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))),
  );
  draw(doc);
  doc.end();
  return done;
}
