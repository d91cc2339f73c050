/**
 * Tooling shared by the fixture generators (scripts/make-real-plan-fixtures.ts, make-import-fixtures.ts,
 * scripts/make-holdout-fixtures.ts): docx layout tables and pinned zips, Chromium's print to PDF
 * with pinned dates and ids, pdfkit PDFs with pinned dates, grey images (PGM in, PNG out), a seeded
 * PRNG and the lookup of an agency's canonical name in a directory. Only tooling: what a fixture
 * says and what its expected JSON holds stay in each generator.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import JSZip from 'jszip';
import PDFDocument from 'pdfkit';
import { printToPdf as printWithChromium } from './make-pdf-fixtures.ts';

/** The date every generated file carries, so a rerun writes the same bytes. */
export const PINNED = new Date(Date.UTC(2024, 0, 1, 0, 0, 0));

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));

// ── agency names ────────────────────────────────────────────────────────────────────────────────

export interface DirectoryJson {
  agencies: { name: string; aliases?: string[] }[];
  groups: { name: string; aliases?: string[] }[];
}

export const fold = (text: string) => text.normalize('NFC').toLocaleLowerCase('vi');

/** The directory's name for an agency written by its name or one of its aliases; else as written. */
export function canonicalIn(directory: DirectoryJson, written: string): string {
  const key = fold(written);
  for (const entry of [...directory.agencies, ...directory.groups]) {
    if (fold(entry.name) === key || (entry.aliases ?? []).some((alias) => fold(alias) === key))
      return entry.name;
  }
  return written;
}

// ── the parts of an administrative document ──────────────────────────────────────────────────────

export const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';

/** The issuer block, the document type and title, and what comes before the body. */
export interface Front {
  issuer: string[];
  numberLine: string;
  placeDate: string;
  heading: string;
  title: string[];
}

/** Signature block: "Nơi nhận" on the left, the signer on the right. */
export interface Sign {
  recipients: string[];
  lines: string[];
  signer: string;
}

// ── docx ────────────────────────────────────────────────────────────────────────────────────────

export const FONT = 'Times New Roman';
export const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
export const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

export interface POptions {
  bold?: boolean;
  italics?: boolean;
  center?: boolean;
  size?: number;
  pageBreakBefore?: boolean;
  indent?: boolean;
}

/** A paragraph in 13 pt Times New Roman (unless `size`), justified unless centred. */
export function p(text: string, o: POptions = {}): Paragraph {
  return new Paragraph({
    alignment: o.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    pageBreakBefore: o.pageBreakBefore,
    spacing: { after: 60 },
    indent: o.indent ? { firstLine: 567 } : undefined,
    children: [new TextRun({ text, bold: o.bold, italics: o.italics, font: FONT, size: (o.size ?? 13) * 2 })],
  });
}

/** A borderless table that lays out paragraphs side by side (the header and signature blocks). */
export function layoutTable(cells: Paragraph[][][], widths: number[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: widths,
    borders: {
      top: NONE,
      bottom: NONE,
      left: NONE,
      right: NONE,
      insideHorizontal: NONE,
      insideVertical: NONE,
    },
    rows: cells.map(
      (row) =>
        new TableRow({
          children: row.map(
            (children, i) =>
              new TableCell({
                children,
                width: { size: widths[i] ?? 0, type: WidthType.DXA },
                borders: { top: NONE, bottom: NONE, left: NONE, right: NONE },
              }),
          ),
        }),
    ),
  });
}

/** Rewrites a zip (docx/xlsx) with pinned entry dates and document dates, entries in the same order. */
export async function pinZip(bytes: Uint8Array): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  const stamp = PINNED.toISOString().replace(/\.\d{3}Z$/u, 'Z');
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    let data: Uint8Array | string = await file.async('uint8array');
    if (name === 'docProps/core.xml') {
      data = new TextDecoder()
        .decode(data)
        .replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/gu, `$1${stamp}$2`);
    }
    out.file(name, data, { date: PINNED, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'DOS' });
}

// ── PDF ─────────────────────────────────────────────────────────────────────────────────────────

/** Prints `html` to the PDF `out` with headless Chromium, then pins its dates and ids. */
export function printToPdf(html: string, out: string): void {
  if (!CHROMIUM) throw new Error('Chromium is needed for the printed fixtures: apt-get install chromium');
  printWithChromium(html, out, CHROMIUM);
  pinPdf(out);
}

/** Overwrites the PDF's dates and ids with fixed text of the same length (offsets stay valid). */
function pinPdf(file: string): void {
  const text = readFileSync(file).toString('latin1');
  const same = (s: string, fill: string) => fill.repeat(s.length).slice(0, s.length);
  const pinned = text
    .replace(
      /(\/(?:CreationDate|ModDate)\s*\(D:)([^)]*)\)/gu,
      (_m, a: string, b: string) => `${a}${same(b, '2')})`,
    )
    .replace(
      /(<xmp:\w*Date>)([^<]*)(<)/gu,
      (_m, a: string, b: string, c: string) => `${a}${same(b, '2')}${c}`,
    )
    .replace(/(uuid:)([0-9a-fA-F-]+)/gu, (_m, a: string, b: string) => `${a}${same(b, '0')}`)
    .replace(/(\/ID\s*\[\s*<)([0-9a-fA-F]+)(>\s*<)([0-9a-fA-F]+)(>)/gu, (_m, a, b, c, d, e) =>
      [a, same(b, '0'), c, same(d, '0'), e].join(''),
    );
  writeFileSync(file, Buffer.from(pinned, 'latin1'));
}

export type Pdf = InstanceType<typeof PDFDocument>;

/** An A4 pdfkit document with pinned dates, built by `build`, as bytes. */
export function pdfBytes(build: (doc: Pdf) => void): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    info: { CreationDate: PINNED, ModDate: PINNED },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolveBytes) =>
    doc.on('end', () => resolveBytes(Buffer.concat(chunks))),
  );
  build(doc);
  doc.end();
  return done;
}

/** Images (PNG) → a PDF of full A4 pages with no text layer, as a scanner writes it. */
export function scannedPdf(images: Buffer[]): Promise<Buffer> {
  return pdfBytes((doc) => {
    for (const image of images) {
      doc.addPage({ size: 'A4', margin: 0 });
      doc.image(image, 0, 0, { width: doc.page.width, height: doc.page.height });
    }
  });
}

// ── grey images ─────────────────────────────────────────────────────────────────────────────────

/** An 8-bit grey image. */
export interface Grey {
  width: number;
  height: number;
  data: Uint8Array;
}

/** A binary PGM ("P5\n<w> <h>\n<max>\n" then the pixels), as pdftoppm -gray writes it. */
export function readPgm(file: string): Grey {
  const bytes = readFileSync(file);
  const header: string[] = [];
  let offset = 0;
  while (header.length < 4) {
    while (/\s/u.test(String.fromCharCode(bytes[offset] ?? 0))) offset++;
    let token = '';
    while (!/\s/u.test(String.fromCharCode(bytes[offset] ?? 32)))
      token += String.fromCharCode(bytes[offset++] ?? 0);
    header.push(token);
  }
  offset++;
  if (header[0] !== 'P5' || header[3] !== '255') throw new Error(`unexpected PGM header in ${file}`);
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, data: new Uint8Array(bytes.subarray(offset, offset + width * height)) };
}

/** Seeded PRNG (mulberry32), so the noise is the same on every run. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pngChunk(type: string, body: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])) >>> 0, 0);
  return Buffer.concat([head, body, crc]);
}

/**
 * An 8-bit greyscale PNG, no metadata; `filter` is the row filter of every row ("none" or "up",
 * which differ only in the bytes written).
 */
export function pngBytes(img: Grey, filter: 'none' | 'up'): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(img.width, 0);
  ihdr.writeUInt32BE(img.height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.alloc((img.width + 1) * img.height);
  for (let y = 0; y < img.height; y++) {
    const row = y * (img.width + 1);
    if (filter === 'none') {
      raw.set(img.data.subarray(y * img.width, (y + 1) * img.width), row + 1);
      continue;
    }
    raw[row] = 2; // Up
    for (let x = 0; x < img.width; x++) {
      const v = img.data[y * img.width + x] ?? 0;
      const up = y > 0 ? (img.data[(y - 1) * img.width + x] ?? 0) : 0;
      raw[row + 1 + x] = (v - up) & 0xff;
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw, { level: 9 })),
    pngChunk('IEND', new Uint8Array()),
  ]);
}
