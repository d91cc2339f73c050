/**
 * The report as .pdf for printing: pdfkit with the Tinos fonts (metric-compatible with Times New Roman,
 * full Vietnamese coverage, embedded and subset), laid out as the .docx is — A4, margins 20/20/30/15 mm,
 * the same header and foot, the same blocks (report-text.ts), table headers repeated on each page,
 * pages numbered from the second. Pure: a ReportDocument in, bytes out.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { Align, Block, ReportDocument } from './report-text.ts';

const MM = 72 / 25.4;
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
const LEFT = MARGIN.left;
const WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BOTTOM = PAGE.height - MARGIN.bottom;
/** the reminder letter's header columns: 6.35 cm for the issuer, the rest for Quốc hiệu */
const ISSUER_WIDTH = 180;
const NATION_WIDTH = WIDTH - ISSUER_WIDTH;
const RECIPIENTS_WIDTH = 215;
const BODY = 14;
const PAD = 3;
/** the rule under a trích yếu: about a third of the line */
const SUMMARY_RULE = 110;

const FONTS_DIR = dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/tinos/package.json'));
const FONTS = {
  regular: join(FONTS_DIR, '400Regular/Tinos_400Regular.ttf'),
  bold: join(FONTS_DIR, '700Bold/Tinos_700Bold.ttf'),
  italic: join(FONTS_DIR, '400Regular_Italic/Tinos_400Regular_Italic.ttf'),
  boldItalic: join(FONTS_DIR, '700Bold_Italic/Tinos_700Bold_Italic.ttf'),
};
type Face = keyof typeof FONTS;

type Doc = PDFKit.PDFDocument;

function text(
  doc: Doc,
  value: string,
  x: number,
  y: number,
  width: number,
  face: Face,
  size: number,
  align: Align,
) {
  doc.font(face).fontSize(size).text(value, x, y, { width, align, lineGap: 1 });
  return doc.y;
}

function height(doc: Doc, value: string, width: number, face: Face, size: number): number {
  return doc.font(face).fontSize(size).heightOfString(value, { width, lineGap: 1 });
}

function centredRule(doc: Doc, x: number, width: number, length: number, y: number) {
  const start = x + (width - length) / 2;
  doc
    .moveTo(start, y)
    .lineTo(start + length, y)
    .lineWidth(0.5)
    .stroke();
}

function header(doc: Doc, r: ReportDocument) {
  const top = MARGIN.top;
  let left = text(
    doc,
    r.issuer.parent.toLocaleUpperCase('vi'),
    LEFT,
    top,
    ISSUER_WIDTH,
    'regular',
    13,
    'center',
  );
  left = text(doc, r.issuer.name.toLocaleUpperCase('vi'), LEFT, left, ISSUER_WIDTH, 'bold', 13, 'center');
  centredRule(doc, LEFT, ISSUER_WIDTH, 55, left + 2);
  const nx = LEFT + ISSUER_WIDTH;
  let right = text(doc, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', nx, top, NATION_WIDTH, 'bold', 12, 'center');
  right = text(doc, 'Độc lập - Tự do - Hạnh phúc', nx, right, NATION_WIDTH, 'bold', 13, 'center');
  centredRule(
    doc,
    nx,
    NATION_WIDTH,
    doc.font('bold').fontSize(13).widthOfString('Độc lập - Tự do - Hạnh phúc'),
    right + 2,
  );
  const second = Math.max(left, right) + 8;
  let a = text(doc, r.numberLine, LEFT, second, ISSUER_WIDTH, 'regular', 13, 'center');
  if (r.abstract) a = text(doc, r.abstract, LEFT, a + 3, ISSUER_WIDTH, 'regular', 12, 'center');
  const b = text(doc, r.placeAndDate, nx, second, NATION_WIDTH, 'italic', BODY, 'center');
  doc.y = Math.max(a, b) + 18;
  if (r.title !== '') titleBlock(doc, r.title, r.subtitle);
  if (r.addressee) addresseeBlock(doc, r.addressee);
}

/** The title, its trích yếu in bold, an optional note in italics, and the short rule under them (NĐ 30). */
function titleBlock(doc: Doc, title: string, lines: string[], note?: string) {
  for (const line of [title, ...lines]) doc.y = text(doc, line, LEFT, doc.y, WIDTH, 'bold', BODY, 'center');
  if (note) doc.y = text(doc, note, LEFT, doc.y, WIDTH, 'italic', BODY, 'center');
  centredRule(doc, LEFT, WIDTH, SUMMARY_RULE, doc.y + 6);
  doc.y += BODY + 8;
}

/** A công văn's Kính gửi: one line, or 'Kính gửi:' and the addressees listed under it, each on its line. */
function addresseeBlock(doc: Doc, addressee: string) {
  const [salutation = '', ...list] = addressee.split('\n');
  if (list.length === 0) {
    doc.y = text(doc, salutation, LEFT, doc.y, WIDTH, 'regular', BODY, 'center') + 12;
    return;
  }
  doc.y = text(doc, salutation, LEFT + 70, doc.y, WIDTH - 70, 'regular', BODY, 'left');
  for (const line of list) doc.y = text(doc, line, LEFT + 130, doc.y, WIDTH - 130, 'regular', BODY, 'left');
  doc.y += 12;
}

function ensure(doc: Doc, needed: number) {
  if (doc.y + needed > BOTTOM) {
    doc.addPage();
    doc.y = MARGIN.top;
  }
}

function paragraph(doc: Doc, value: string, face: Face, keepWithNext = 0) {
  ensure(doc, Math.min(height(doc, value, WIDTH, face, BODY), 3 * BODY * 1.25) + keepWithNext);
  doc.font(face).fontSize(BODY).text(value, LEFT, doc.y, {
    width: WIDTH,
    align: 'justify',
    indent: 36,
    lineGap: 2,
  });
  doc.y += 6;
}

function table(doc: Doc, block: Extract<Block, { kind: 'table' }>) {
  // 12 pt; 11 pt for the wide tables, as in the .docx
  const TABLE = block.columns.length >= 8 ? 11 : 12;
  const total = block.columns.reduce((s, c) => s + c.width, 0);
  const widths = block.columns.map((c) => (c.width / total) * WIDTH);
  const rowHeight = (cells: string[], face: Face) =>
    Math.max(...cells.map((c, i) => height(doc, c, (widths[i] ?? 0) - 2 * PAD, face, TABLE))) + 2 * PAD;
  const drawRow = (cells: string[], face: Face, aligns: Align[], h = rowHeight(cells, face)) => {
    let x = LEFT;
    const y = doc.y;
    cells.forEach((c, i) => {
      const w = widths[i] ?? 0;
      doc.lineWidth(0.5).rect(x, y, w, h).stroke();
      const inner = height(doc, c, w - 2 * PAD, face, TABLE);
      text(doc, c, x + PAD, y + (h - inner) / 2, w - 2 * PAD, face, TABLE, aligns[i] ?? 'left');
      x += w;
    });
    doc.y = y + h;
  };
  const titles = block.columns.map((c) => c.title);
  const headAligns = block.columns.map(() => 'center' as const);
  const aligns = block.columns.map((c) => c.align);
  const headHeight = rowHeight(titles, 'bold');
  const first = block.rows[0] ?? block.totalRow ?? [];
  ensure(doc, headHeight + rowHeight(first, 'regular'));
  drawRow(titles, 'bold', headAligns);
  const rows: [string[], Face][] = [
    ...block.rows.map((r): [string[], Face] => [r, 'regular']),
    ...(block.totalRow ? [[block.totalRow, 'bold'] as [string[], Face]] : []),
  ];
  for (const [cells, face] of rows) {
    const h = rowHeight(cells, face);
    if (doc.y + h > BOTTOM) {
      doc.addPage();
      doc.y = MARGIN.top;
      drawRow(titles, 'bold', headAligns, headHeight);
    }
    drawRow(cells, face, aligns, h);
  }
  doc.y += 8;
}

function signerTitles(r: ReportDocument): string[] {
  return [...r.signer.authority.split('\n'), ...r.signer.title.split('\n')]
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** Height of the Nơi nhận | signature block, with the room for the signature and seal. */
function footHeight(r: ReportDocument): number {
  return BODY + Math.max(signerTitles(r).length * 17 + 90, 16 + r.recipientLines.length * 13);
}

function foot(doc: Doc, r: ReportDocument) {
  const titles = signerTitles(r);
  ensure(doc, footHeight(r));
  const top = doc.y + BODY;
  let y = text(doc, 'Nơi nhận:', LEFT, top, RECIPIENTS_WIDTH, 'boldItalic', 12, 'left');
  for (const line of r.recipientLines) y = text(doc, line, LEFT, y, RECIPIENTS_WIDTH, 'regular', 11, 'left');
  const sx = LEFT + RECIPIENTS_WIDTH;
  const sw = WIDTH - RECIPIENTS_WIDTH;
  let s = top;
  for (const t of titles) s = text(doc, t.toLocaleUpperCase('vi'), sx, s, sw, 'bold', BODY, 'center');
  if (r.signer.name.trim() !== '') text(doc, r.signer.name, sx, s + 85, sw, 'bold', BODY, 'center');
}

/** Headings, paragraphs and tables; the last paragraph of the report keeps the signature block with it. */
function body(doc: Doc, r: ReportDocument, blocks: Block[]) {
  for (const [i, block] of blocks.entries()) {
    if (block.kind === 'heading' || block.kind === 'subheading') {
      const next = blocks[i + 1];
      const keep = next?.kind === 'table' ? 60 : 3 * BODY * 1.2;
      ensure(doc, height(doc, block.text, WIDTH, 'bold', BODY) + keep);
      doc.y += block.kind === 'heading' ? 6 : 2;
      doc.font('bold').fontSize(BODY).text(block.text, LEFT, doc.y, { width: WIDTH, indent: 36, lineGap: 2 });
      doc.y += 4;
    } else if (block.kind === 'para') {
      // the closing paragraph never leaves the signature block alone on a page
      const keep = blocks === r.blocks && i === blocks.length - 1 ? footHeight(r) : 0;
      if (keep > 0) ensure(doc, height(doc, block.text, WIDTH, 'regular', BODY) + 6 + keep);
      paragraph(doc, block.text, block.italics ? 'italic' : 'regular');
    } else table(doc, block);
  }
}

/** Renders the report as PDF bytes. */
export async function renderReportPdf(r: ReportDocument): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    autoFirstPage: true,
    info: { Title: r.documentTitle, Author: `${r.issuer.parent} ${r.issuer.name}`, Creator: 'dondoc' },
  });
  for (const [name, path] of Object.entries(FONTS)) doc.registerFont(name, path);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  header(doc, r);
  body(doc, r, r.blocks);
  foot(doc, r);
  for (const annex of r.annexes) {
    doc.addPage();
    doc.y = MARGIN.top;
    titleBlock(doc, annex.label.toLocaleUpperCase('vi'), [annex.title], annex.note);
    body(doc, r, annex.blocks);
  }

  const range = doc.bufferedPageRange();
  for (let p = range.start + 1; p < range.start + range.count; p++) {
    doc.switchToPage(p);
    doc
      .font('regular')
      .fontSize(BODY)
      .text(String(p + 1), LEFT, 10 * MM, {
        width: WIDTH,
        align: 'center',
        lineBreak: false,
      });
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
