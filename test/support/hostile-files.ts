/**
 * The uploads of issue #16's attacks, made here rather than stored (a few of them inflate to a
 * gigabyte): a .docx whose document.xml inflates to ~1 GB from ~1.6 MB, a 10,000-page PDF, a
 * 100,000-row .xlsx and .csv. Written by hand so that making them stays small in memory: the zip
 * bomb repeats one deflate segment (flushed to a byte boundary, so each copy decodes on its own).
 * Used by the regression tests and by bench/upload-attack.ts.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** the entry's bytes as stored (deflated unless `method` 0) */
  compressed: Buffer;
  method: 0 | 8;
  /** the uncompressed size the directory declares */
  size: number;
  crc: number;
}

/** An entry deflated from its content. */
export function deflated(name: string, content: string | Buffer): ZipEntry {
  const data = typeof content === 'string' ? Buffer.from(content) : content;
  return { name, compressed: deflateRawSync(data), method: 8, size: data.length, crc: crc32(data) };
}

/** A zip archive of the entries (local headers, data, central directory, end record). */
export function writeZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.compressed.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.compressed.length, 20);
    central.writeUInt32LE(entry.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.compressed);
    centrals.push(central, name);
    offset += 30 + name.length + entry.compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** An OOXML package's [Content_Types].xml: the rels and xml defaults, then `overrides`. */
const contentTypes = (overrides: string): ZipEntry =>
  deflated(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      `${overrides}</Types>`,
  );

/** An OOXML package's _rels/.rels, pointing at its main part `target`. */
const packageRels = (target: string): ZipEntry =>
  deflated(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="${target}"/></Relationships>`,
  );

function docxPackage(document: ZipEntry): Buffer {
  return writeZip([
    contentTypes(
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>',
    ),
    packageRels('word/document.xml'),
    document,
  ]);
}

/**
 * The .docx bomb: word/document.xml is `inflatedBytes` of empty paragraphs (~1 GB by default) in
 * ~1.6 MB. `declared`: 'honest' writes the real size in the zip's directory, 'lying' a small one
 * (the entry then inflates far beyond what it claims).
 */
export function docxBomb(options: { inflatedBytes?: number; declared?: 'honest' | 'lying' } = {}): {
  bytes: Buffer;
  inflatedBytes: number;
} {
  const chunk = Buffer.from('<w:p/>'.repeat(174_763)); // 1 MiB less 2 bytes
  const copies = Math.max(1, Math.round((options.inflatedBytes ?? 1024 * 1024 * 1024) / chunk.length));
  // the deflated document and its CRC made once per size (the CRC of the inflated gigabyte is most
  // of the cost), then packaged for each caller
  let document = bombDocuments.get(copies);
  if (!document) {
    const head = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>`);
    const tail = Buffer.from('</w:body></w:document>');
    const flushed = { finishFlush: constants.Z_FULL_FLUSH, level: 9 };
    const segment = deflateRawSync(chunk, flushed);
    const parts = [deflateRawSync(head, flushed)];
    let crc = crc32(head);
    for (let i = 0; i < copies; i++) {
      parts.push(segment);
      crc = crc32(chunk, crc);
    }
    parts.push(deflateRawSync(tail));
    crc = crc32(tail, crc);
    const inflatedBytes = head.length + copies * chunk.length + tail.length;
    document = { compressed: Buffer.concat(parts), crc, inflatedBytes };
    bombDocuments.set(copies, document);
  }
  const { compressed, crc, inflatedBytes } = document;
  const size = options.declared === 'lying' ? 1024 * 1024 : inflatedBytes;
  const bytes = docxPackage({ name: 'word/document.xml', compressed, method: 8, size, crc });
  return { bytes, inflatedBytes };
}

/** The bomb's word/document.xml by number of copies of its 1 MiB chunk. */
const bombDocuments = new Map<number, { compressed: Buffer; crc: number; inflatedBytes: number }>();

/** A .docx with one task table of `rows` rows (header STT | Nội dung | Cơ quan chủ trì | Thời hạn). */
export function docxWithRows(rows: number): Buffer {
  const cell = (text: string) => `<w:tc><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
  const row = (cells: string[]) => `<w:tr>${cells.map(cell).join('')}</w:tr>`;
  const body = [row(['STT', 'Nội dung công việc', 'Cơ quan chủ trì', 'Thời hạn'])];
  for (let i = 1; i <= rows; i++)
    body.push(row([String(i), `Nhiệm vụ số ${i}`, 'Sở Tư pháp', 'Trước ngày 30/6/2021']));
  const xml = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body><w:tbl>${body.join('')}</w:tbl></w:body></w:document>`;
  return docxPackage(deflated('word/document.xml', xml));
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function columnName(n: number): string {
  let name = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) name = String.fromCharCode(65 + ((k - 1) % 26)) + name;
  return name;
}

/**
 * An .xlsx whose first sheet holds `rows(i)` for i in 1..count (strings inline, numbers as numbers);
 * `extra` is XML put after sheetData (merged cells, data validations).
 */
export function xlsxOf(count: number, rowAt: (i: number) => (string | number)[], extra = ''): Buffer {
  const lines: string[] = [];
  for (let i = 1; i <= count; i++) {
    const cells = rowAt(i).map((value, c) => {
      const ref = `${columnName(c + 1)}${i}`;
      return typeof value === 'number'
        ? `<c r="${ref}"><v>${value}</v></c>`
        : `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`;
    });
    lines.push(`<row r="${i}">${cells.join('')}</row>`);
  }
  return xlsxOfSheet(`<sheetData>${lines.join('')}</sheetData>${extra}`);
}

/** A one-cell workbook whose cell sits at `ref` ('A1048576': the last row Excel has). */
export function xlsxWithCellAt(ref: string): Buffer {
  const row = Number(/\d+$/u.exec(ref)?.[0] ?? 1);
  return xlsxOfSheet(
    `<sheetData><row r="${row}"><c r="${ref}" t="inlineStr"><is><t>x</t></is></c></row></sheetData>`,
  );
}

/** A workbook of one worksheet whose content (inside <worksheet>) is `content`. */
export function xlsxOfSheet(content: string): Buffer {
  const sheet =
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `${content}</worksheet>`;
  return writeZip([
    contentTypes(
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>',
    ),
    packageRels('xl/workbook.xml'),
    deflated(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    deflated(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    deflated('xl/worksheets/sheet1.xml', sheet),
  ]);
}

/** The rows of a plan appendix: the header, then numbered tasks. */
export const appendixRow = (i: number): (string | number)[] =>
  i === 1
    ? ['STT', 'Nội dung công việc', 'Cơ quan chủ trì', 'Thời hạn']
    : [i - 1, `Nhiệm vụ số ${i - 1}`, 'Sở Tư pháp', 'Trước ngày 30/6/2021'];

/** The rows of the indices results template: the header, then results. */
export const indexResultRow = (i: number): (string | number)[] =>
  i === 1 ? ['Chỉ số', 'Năm', 'Mã thành phần', 'Tên thành phần', 'Điểm'] : ['PCI', 2020, '', '', 65.5];

/**
 * The 100,000-row .xlsx of the issue (plan appendix layout, ~2 MB). Made once per row count and row
 * function (a 100,000-row workbook takes ≈ 0.4 s to write), a copy given to each caller.
 */
export function xlsxWithRows(rows: number, rowAt = appendixRow): Buffer {
  let byCount = workbooks.get(rowAt);
  if (!byCount) {
    byCount = new Map();
    workbooks.set(rowAt, byCount);
  }
  let made = byCount.get(rows);
  if (!made) {
    made = xlsxOf(rows, rowAt);
    byCount.set(rows, made);
  }
  return Buffer.from(made);
}

const workbooks = new WeakMap<(i: number) => (string | number)[], Map<number, Buffer>>();

/** A CSV of `rows` records in the same layout. */
export function csvWithRows(rows: number, rowAt = appendixRow): Buffer {
  const lines: string[] = [];
  for (let i = 1; i <= rows; i++) lines.push(rowAt(i).join(','));
  return Buffer.from(`${lines.join('\r\n')}\r\n`);
}

/** A PDF of `pages` pages, each one line of text, written by hand (catalog, page tree, xref). */
export function pdfWithPages(pages: number): Buffer {
  const objects: string[] = [];
  const kids = Array.from({ length: pages }, (_, i) => `${5 + i} 0 R`).join(' ');
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  const content = 'BT /F1 12 Tf 72 720 Td (Ke hoach so 1/KH-UBND - trang) Tj ET';
  objects[4] = `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
  for (let i = 0; i < pages; i++) {
    objects[5 + i] =
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>';
  }
  const parts = ['%PDF-1.4\n'];
  let length = parts[0]?.length ?? 0;
  const offsets: number[] = [];
  for (let n = 1; n < objects.length; n++) {
    offsets[n] = length;
    const object = `${n} 0 obj\n${objects[n]}\nendobj\n`;
    parts.push(object);
    length += object.length; // ASCII only: characters are bytes
  }
  parts.push(`xref\n0 ${objects.length}\n0000000000 65535 f \n`);
  for (let n = 1; n < objects.length; n++) parts.push(`${String(offsets[n]).padStart(10, '0')} 00000 n \n`);
  parts.push(`trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`);
  const out = parts.join('');
  return Buffer.from(out, 'latin1');
}
