/**
 * The Word reader of the plan importer: a .docx → plan text (see plan-text-format.ts).
 * Reads the main document part with jszip and walks its XML with a small tokenizer of its own
 * (mammoth hides w:vMerge, which the task tables rely on). Paragraphs become lines; a task table
 * (header row with STT and Nội dung/Nhiệm vụ/công việc) becomes one tab-joined line per row;
 * any other table (the side-by-side issuer/quốc hiệu block, Nơi nhận/signer) is layout: its
 * paragraphs become lines, cell by cell. Deleted (tracked) and hidden text is ignored.
 */
import JSZip from 'jszip';
import { foldVietnamese } from '../../../domain/vietnamese-text.ts';
import { AppError } from '../../../shared/errors.ts';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from '../parse-limits.ts';
import { CELL_LINE_BREAK } from '../plan-text-format.ts';
import { checkZip } from '../zip-guard.ts';
import { type ListNumbering, listLabel, readListNumbering } from './docx-numbering.ts';

const NOT_WORD = 'Tệp không phải là tài liệu Word (.docx) hợp lệ.';
const ENCRYPTED = 'Tệp Word được bảo vệ bằng mật khẩu: hãy bỏ mật khẩu rồi nhập lại.';
const OLD_OR_ENCRYPTED = 'Tệp Word cũ (.doc) hoặc có mật khẩu: hãy lưu lại dưới dạng .docx không mật khẩu.';
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const W_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);
const MC_NAMESPACE = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
/** Text boxes are read without list numbering. */
const NO_LISTS = readListNumbering(null);

interface XmlElement {
  /** 'w:p', 'mc:Choice' … whatever prefix the document binds to those namespaces; others as written */
  name: string;
  /** by local name (prefix dropped) */
  attrs: Map<string, string>;
  children: XmlNode[];
}
type XmlNode = XmlElement | string;

/** .docx → plan text (see plan-text-format.ts); the zip is checked against `limits` before it is inflated. */
export async function docxToPlanText(
  bytes: Uint8Array,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
): Promise<string> {
  const parts = await documentParts(bytes, limits);
  const root = parseXml(parts.document);
  const body = child(child(root, 'w:document'), 'w:body');
  if (!body) throw new AppError('IMPORT_UNREADABLE', NOT_WORD);
  const out: string[] = [];
  const lists = readListNumbering(parts.numbering === null ? null : parseXml(parts.numbering));
  emitBlocks(body, out, false, { dataWidth: 0, lists });
  const lines: string[] = [];
  for (const line of out.map((l) => l.normalize('NFC'))) {
    if (line.trim() === '' && (lines.length === 0 || lines.at(-1) === '')) continue;
    lines.push(line.trim() === '' ? '' : line);
  }
  while (lines.at(-1) === '') lines.pop();
  return lines.join('\n');
}

// ── the file ────────────────────────────────────────────────────────────────────────────────────

/** The main document part and, when there is one, the list numbering part (word/numbering.xml). */
async function documentParts(
  bytes: Uint8Array,
  limits: ParseLimits,
): Promise<{ document: string; numbering: string | null }> {
  if (bytes.length >= 8 && OLE_MAGIC.every((b, i) => bytes[i] === b)) {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const encrypted = ['EncryptionInfo', 'EncryptedPackage'].some(
      (name) => buffer.indexOf(Buffer.from(name, 'utf16le')) >= 0,
    );
    throw new AppError('IMPORT_UNREADABLE', encrypted ? ENCRYPTED : OLD_OR_ENCRYPTED);
  }
  checkZip(bytes, limits, 'docx');
  try {
    const zip = await JSZip.loadAsync(bytes);
    const rels = await zip.file('_rels/.rels')?.async('uint8array');
    const target = rels ? officeDocumentPath(decodeText(rels)) : null;
    const file = (target ? zip.file(target) : null) ?? zip.file('word/document.xml');
    const numbering = zip.file('word/numbering.xml');
    if (file) {
      return {
        document: decodeText(await file.async('uint8array')),
        numbering: numbering ? decodeText(await numbering.async('uint8array')) : null,
      };
    }
  } catch {
    // not a zip, or a corrupt entry
  }
  throw new AppError('IMPORT_UNREADABLE', NOT_WORD);
}

/** The main part named by the package relationships ('word/document.xml' almost always). */
function officeDocumentPath(relsXml: string): string | null {
  const rels = elements(parseXml(relsXml)).flatMap(elements);
  const main = rels.find((el) => /\/officeDocument$/u.test(el.attrs.get('Type') ?? ''));
  return main?.attrs.get('Target')?.replace(/^\//u, '') ?? null;
}

function decodeText(data: Uint8Array): string {
  const le = data[0] === 0xff && data[1] === 0xfe;
  const be = data[0] === 0xfe && data[1] === 0xff;
  return new TextDecoder(le ? 'utf-16le' : be ? 'utf-16be' : 'utf-8').decode(data);
}

// ── XML ─────────────────────────────────────────────────────────────────────────────────────────

const TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<[?!][\s\S]*?>|<\/([^\s>]+)\s*>|<([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/gu;
const ATTR = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gu;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** Elements whose character data is kept (all other text is indentation between tags). */
const TEXT_ELEMENTS = new Set(['w:t']);

/** A lenient XML → tree: a stray '<' is skipped, an unmatched end tag ignored. */
function parseXml(xml: string): XmlElement {
  const rename = nameNormalizer(xml);
  const root: XmlElement = { name: '#root', attrs: new Map(), children: [] };
  const stack = [root];
  for (const m of xml.matchAll(TOKEN)) {
    const top = stack.at(-1) ?? root;
    const [, cdata, end, start, attrText, selfClosing, text] = m;
    if (start) {
      const attrs = new Map<string, string>();
      for (const a of (attrText ?? '').matchAll(ATTR)) {
        attrs.set((a[1] ?? '').replace(/^[^:]*:/u, ''), decodeEntities(a[2] ?? a[3] ?? ''));
      }
      const el: XmlElement = { name: rename(start), attrs, children: [] };
      top.children.push(el);
      if (!selfClosing) stack.push(el);
    } else if (end) {
      const name = rename(end);
      const at = stack.findLastIndex((el) => el.name === name);
      if (at > 0) stack.length = at;
    } else if ((text !== undefined || cdata !== undefined) && TEXT_ELEMENTS.has(top.name)) {
      top.children.push(cdata ?? decodeEntities(text ?? ''));
    }
  }
  return root;
}

/** Maps whatever prefixes the document binds to WordprocessingML / markup compatibility to 'w:' / 'mc:'. */
function nameNormalizer(xml: string): (raw: string) => string {
  const prefixes = new Map<string, string>();
  for (const m of xml.matchAll(/\sxmlns(?::([^\s=]+))?\s*=\s*["']([^"']*)["']/gu)) {
    const uri = m[2] ?? '';
    const canonical = W_NAMESPACES.has(uri) ? 'w' : uri === MC_NAMESPACE ? 'mc' : null;
    if (canonical) prefixes.set(m[1] ?? '', canonical);
  }
  return (raw) => {
    const colon = raw.indexOf(':');
    const prefix = prefixes.get(colon < 0 ? '' : raw.slice(0, colon));
    return prefix ? `${prefix}:${raw.slice(colon + 1)}` : raw;
  };
}

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[xX][\da-fA-F]+|#\d+|\w+);/gu, (whole, entity: string) => {
    if (!entity.startsWith('#')) return ENTITIES[entity] ?? whole;
    const code = /^#[xX]/u.test(entity) ? Number.parseInt(entity.slice(2), 16) : Number(entity.slice(1));
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function elements(el: XmlElement): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string');
}

function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el ? elements(el).find((c) => c.name === name) : undefined;
}

// ── WordprocessingML ────────────────────────────────────────────────────────────────────────────

/** Deleted or moved-away text, field instructions, ruby annotations, and every property element. */
function skipped(el: XmlElement): boolean {
  return (
    /^w:(?:del|moveFrom|delText|delInstrText|instrText|rt|\w*Pr(?:Ex|Change)?)$/u.test(el.name) ||
    el.name === 'mc:Fallback'
  );
}

/** Children to walk: of an mc:AlternateContent only its first choice (else the fallback). */
function contentChildren(el: XmlElement): XmlElement[] {
  const children = elements(el);
  if (el.name !== 'mc:AlternateContent') return children;
  const chosen =
    children.find((c) => c.name === 'mc:Choice') ?? children.find((c) => c.name === 'mc:Fallback');
  return chosen ? [chosen] : [];
}

function isOn(el: XmlElement | undefined): boolean {
  return el !== undefined && !/^(?:false|0|off)$/u.test(el.attrs.get('val') ?? '');
}

/** A paragraph → its lines (split at w:br), then the lines of the text boxes anchored in it. */
function paragraphLines(p: XmlElement): string[] {
  const lines = [''];
  const boxes: string[] = [];
  const add = (text: string) => {
    lines[lines.length - 1] += text;
  };
  const walk = (el: XmlElement) => {
    for (const c of contentChildren(el)) {
      if (c.name === 'w:t') add(c.children.join(''));
      else if (c.name === 'w:tab' || c.name === 'w:ptab') add('\t');
      else if (c.name === 'w:br' || c.name === 'w:cr') lines.push('');
      else if (c.name === 'w:noBreakHyphen') add('-');
      else if (c.name === 'w:txbxContent') emitBlocks(c, boxes, true, { dataWidth: 0, lists: NO_LISTS });
      else if (c.name === 'w:r' && isOn(child(child(c, 'w:rPr'), 'w:vanish'))) continue;
      else if (!skipped(c)) walk(c);
    }
  };
  walk(p);
  return [...lines, ...boxes];
}

interface Cell {
  text: string;
  span: number;
  vMerge: 'restart' | 'continue' | null;
}
interface Context {
  /** grid width of the last task table, to recognise its continuation when the header is not repeated */
  dataWidth: number;
  /** Word's list numbering, counted through the document ("1.", "a)" shown before a paragraph) */
  lists: ListNumbering;
}

/** Paragraphs and tables of a container (body, cell, text box, content control) → lines. `flat`: inside a task-table cell. */
function emitBlocks(el: XmlElement, out: string[], flat: boolean, ctx: Context): void {
  for (const c of contentChildren(el)) {
    if (c.name === 'w:p') out.push(...numbered(paragraphLines(c), c, ctx).map(flat ? collapse : bodyLine));
    else if (c.name === 'w:tbl') emitTable(c, out, flat, ctx);
    else if (!skipped(c)) emitBlocks(c, out, flat, ctx);
  }
}

/** The paragraph's first line with the label Word's numbering shows before it ("1. …", "a) …", "- …"). */
function numbered(lines: string[], p: XmlElement, ctx: Context): string[] {
  const label = listLabel(ctx.lists, child(p, 'w:pPr'));
  if (!label || lines.length === 0) return lines;
  return [`${label} ${lines[0] ?? ''}`, ...lines.slice(1)];
}

function emitTable(tbl: XmlElement, out: string[], flat: boolean, ctx: Context): void {
  const rows = collect(tbl, 'w:tr').filter((tr) => !child(child(tr, 'w:trPr'), 'w:del'));
  const read = rows.map((tr) => ({
    before: count(child(child(tr, 'w:trPr'), 'w:gridBefore'), 0),
    cells: collect(tr, 'w:tc')
      .filter((tc) => !child(child(tc, 'w:tcPr'), 'w:cellDel'))
      .map((tc) => readCell(tc, ctx.lists)),
  }));
  const gridCols = elements(child(tbl, 'w:tblGrid') ?? tbl).filter((c) => c.name === 'w:gridCol').length;
  const width = gridCols || Math.max(0, ...read.map((r) => r.cells.reduce((n, c) => n + c.span, r.before)));
  const isData =
    !flat && (read.slice(0, 5).some((r) => isHeaderRow(r.cells)) || (width >= 3 && width === ctx.dataWidth));
  out.push('');
  if (!isData) {
    for (const tc of rows.flatMap((tr) => collect(tr, 'w:tc'))) {
      emitBlocks(tc, out, flat, ctx);
      out.push('');
    }
    return;
  }
  ctx.dataWidth = width;
  const merged: (string | undefined)[] = [];
  for (const row of read) {
    const cells: string[] = Array<string>(row.before).fill('');
    let col = row.before;
    for (const cell of row.cells) {
      if (cell.vMerge === 'restart') merged[col] = cell.text;
      else if (cell.vMerge === null) merged[col] = undefined;
      cells.push(cell.vMerge === 'continue' ? (merged[col] ?? '') : cell.text);
      cells.push(...Array<string>(cell.span - 1).fill(''));
      col += cell.span;
    }
    out.push(cells.join('\t'));
  }
  out.push('');
}

/** The rows of a table / cells of a row, also when wrapped in content controls or custom XML. */
function collect(el: XmlElement, name: 'w:tr' | 'w:tc'): XmlElement[] {
  return contentChildren(el).flatMap((c) =>
    c.name === name ? [c] : c.name === 'w:tbl' || c.name === 'w:tc' || skipped(c) ? [] : collect(c, name),
  );
}

function readCell(tc: XmlElement, lists: ListNumbering): Cell {
  const tcPr = child(tc, 'w:tcPr');
  const vMerge = child(tcPr, 'w:vMerge');
  const lines: string[] = [];
  emitBlocks(tc, lines, true, { dataWidth: 0, lists });
  return {
    text: lines.filter(Boolean).join(CELL_LINE_BREAK).normalize('NFC'),
    span: count(child(tcPr, 'w:gridSpan'), 1),
    vMerge: !vMerge ? null : vMerge.attrs.get('val') === 'restart' ? 'restart' : 'continue',
  };
}

function count(el: XmlElement | undefined, fallback: number): number {
  const n = Number.parseInt(el?.attrs.get('val') ?? '', 10);
  return Number.isFinite(n) && n >= fallback ? Math.min(n, 64) : fallback;
}

/** 'STT | Nội dung công việc | Cơ quan chủ trì …': the row that makes a table a task table. */
function isHeaderRow(cells: Cell[]): boolean {
  const texts = cells.map((c) => foldVietnamese(c.text));
  return (
    texts.some((t) => /^(?:s\.?\s?t\.?\s?t|t\.?\s?t|so\s*(?:tt|thu\s+tu))\.?$/u.test(t)) &&
    texts.some((t) => /noi dung|nhiem vu|cong viec/u.test(t))
  );
}

function collapse(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** A line outside task tables: whitespace runs → one space, tab runs → one tab, trimmed. */
function bodyLine(text: string): string {
  return text
    .replace(/[^\S\t]+/gu, ' ')
    .replace(/ *\t[\t ]*/gu, '\t')
    .trim();
}
