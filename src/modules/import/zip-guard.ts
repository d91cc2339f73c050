/**
 * The zip check of .docx and .xlsx before jszip or exceljs sees them (issue #16): a 1 MB document
 * can inflate to gigabytes, and a few bytes of sheet XML (a cell at row 1,048,576, a merged range
 * over the whole sheet) make exceljs build millions of rows. So, before any library inflates:
 * 1. the central directory's uncompressed sizes are summed: over the limit → refused at once,
 *    nothing inflated;
 * 2. every entry is inflated with its declared size as the ceiling (zlib's maxOutputLength): an
 *    entry that inflates beyond what it declares is refused when it crosses it, so memory never
 *    exceeds the declared (and already bounded) total;
 * 3. the inflated XML is counted: worksheet rows, the grid the readers lay out (rows × columns),
 *    the cells of merged and validated ranges exceljs expands one by one; Word table rows and cells
 *    (gridSpan included). Counting stops at the first limit crossed.
 * Bytes that are not a zip pass through: the reader refuses them with its own message.
 */
import { inflateRawSync } from 'node:zlib';
import { AppError } from '../../shared/errors.ts';
import { inflatedTooLarge, type ParseLimits, tooManyCells, tooManyRows } from './parse-limits.ts';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64 = 0xffffffff;

interface Entry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const corrupt = () => new AppError('IMPORT_UNREADABLE', 'Tệp bị hỏng: cấu trúc tệp nén (zip) không hợp lệ.');
/** Office never writes ZIP64 below 4 GB; a document that needs it is far over every limit. */
const zip64 = () =>
  new AppError('IMPORT_UNREADABLE', 'Tệp nén dạng ZIP64 không được hỗ trợ: hãy lưu lại tệp bằng Word/Excel.');

/** Checks a .docx/.xlsx against the limits (see above); throws the refusal, returns when it passes. */
export function checkZip(bytes: Uint8Array, limits: ParseLimits, kind: 'docx' | 'xlsx'): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = centralDirectory(buf);
  if (!entries) return;
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > limits.maxInflatedBytes) throw inflatedTooLarge(limits, declared);
  const counter = kind === 'xlsx' ? new SheetCounter(limits) : new WordCounter(limits);
  for (const entry of entries) {
    if (entry.encrypted || (entry.method !== 0 && entry.method !== 8)) continue; // the reader refuses these
    const data = entryData(buf, entry);
    let content: Buffer;
    if (entry.method === 0) content = data;
    else {
      try {
        content = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
          throw inflatedTooLarge(limits, null);
        throw corrupt();
      }
      if (content.length > entry.size) throw inflatedTooLarge(limits, null);
    }
    counter.scan(entry.name, content);
  }
}

/** The entries of the central directory, or null when the bytes hold no end-of-central-directory record. */
function centralDirectory(buf: Buffer): Entry[] | null {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  const offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === ZIP64) throw zip64();
  const entries: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) throw corrupt();
    const nameLength = buf.readUInt16LE(at + 28);
    const entry: Entry = {
      name: buf.toString('utf8', at + 46, at + 46 + nameLength),
      method: buf.readUInt16LE(at + 10),
      encrypted: (buf.readUInt16LE(at + 8) & 1) === 1,
      compressedSize: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      localOffset: buf.readUInt32LE(at + 42),
    };
    if (entry.compressedSize === ZIP64 || entry.size === ZIP64 || entry.localOffset === ZIP64) {
      throw zip64();
    }
    entries.push(entry);
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return entries;
}

function entryData(buf: Buffer, entry: Entry): Buffer {
  const at = entry.localOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL) throw corrupt();
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  if (start + entry.compressedSize > buf.length) throw corrupt();
  return buf.subarray(start, start + entry.compressedSize);
}

/** Column letters → number: A = 1, Z = 26, AA = 27, XFD = 16384. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const TAG_ATTRIBUTES = /([\w:.-]+)="([^"]*)"/gu;

function attribute(attributes: string, name: string): string | undefined {
  for (const [, key, value] of attributes.matchAll(TAG_ATTRIBUTES)) {
    if (key === name || key?.endsWith(`:${name}`)) return value;
  }
  return undefined;
}

/**
 * Worksheets: rows = the highest row number (exceljs keeps a row object per number up to it, and the
 * readers walk them all); cells = rows × columns of the grid the readers pad to, plus the cells of
 * merged ranges and data validations (exceljs creates or records each). Summed over the sheets.
 */
class SheetCounter {
  #rows = 0;
  #cells = 0;
  constructor(private readonly limits: ParseLimits) {}

  scan(name: string, content: Buffer): void {
    if (!/^xl\/worksheets\/[^/]+\.xml$/iu.test(name)) return;
    const xml = content.toString('latin1');
    const tags = /<(?:[A-Za-z_][\w.-]*:)?(row|c|mergeCell|dataValidation)[\s/>]([^>]*)/gu;
    let maxRow = 0;
    let maxCol = 0;
    let row = 0;
    let col = 0;
    let expanded = 0;
    const check = () => {
      const rows = this.#rows + maxRow;
      if (rows > this.limits.maxRows) throw tooManyRows(this.limits, rows, true);
      const cells = this.#cells + maxRow * maxCol + expanded;
      if (cells > this.limits.maxCells) throw tooManyCells(this.limits, cells, true);
    };
    for (const [, tag, attributes = ''] of xml.matchAll(tags)) {
      if (tag === 'row') {
        const r = Number(attribute(attributes, 'r'));
        row = Number.isInteger(r) && r > 0 ? r : row + 1;
        col = 0;
        maxRow = Math.max(maxRow, row);
      } else if (tag === 'c') {
        const ref = /^([A-Za-z]{1,3})(\d+)$/u.exec(attribute(attributes, 'r') ?? '');
        col = ref ? columnNumber(ref[1] ?? '') : col + 1;
        maxCol = Math.max(maxCol, col);
        if (ref) maxRow = Math.max(maxRow, Number(ref[2]));
      } else {
        const ranges = attribute(attributes, tag === 'mergeCell' ? 'ref' : 'sqref') ?? '';
        for (const range of ranges.split(/\s+/u).filter(Boolean)) {
          const [from, to = from] = range.split(':');
          const a = /^\$?([A-Za-z]{1,3})\$?(\d+)$/u.exec(from ?? '');
          const b = /^\$?([A-Za-z]{1,3})\$?(\d+)$/u.exec(to ?? '');
          if (!a || !b) continue;
          const rows = Math.abs(Number(b[2]) - Number(a[2])) + 1;
          const cols = Math.abs(columnNumber(b[1] ?? '') - columnNumber(a[1] ?? '')) + 1;
          expanded += rows * cols;
          if (tag === 'mergeCell') {
            maxRow = Math.max(maxRow, Number(a[2]), Number(b[2]));
            maxCol = Math.max(maxCol, columnNumber(a[1] ?? ''), columnNumber(b[1] ?? ''));
          }
        }
      }
      check();
    }
    this.#rows += maxRow;
    this.#cells += maxRow * maxCol + expanded;
  }
}

/** Word: table rows (w:tr) and cells, a cell counting for the grid columns it spans (w:gridSpan, w:gridBefore/After). */
class WordCounter {
  #rows = 0;
  #cells = 0;
  constructor(private readonly limits: ParseLimits) {}

  scan(name: string, content: Buffer): void {
    if (!/\.xml$/iu.test(name)) return;
    const xml = content.toString('latin1');
    const tags = /<(?:[A-Za-z_][\w.-]*:)?(tr|tc|gridSpan|gridBefore|gridAfter)[\s/>]([^>]*)/gu;
    for (const [, tag, attributes = ''] of xml.matchAll(tags)) {
      if (tag === 'tr') this.#rows++;
      else if (tag === 'tc') this.#cells++;
      else {
        const span = Number(attribute(attributes, 'val'));
        if (Number.isInteger(span) && span > 0) this.#cells += tag === 'gridSpan' ? span - 1 : span;
      }
      if (this.#rows > this.limits.maxRows) throw tooManyRows(this.limits, this.#rows, true);
      if (this.#cells > this.limits.maxCells) throw tooManyCells(this.limits, this.#cells, true);
    }
  }
}
