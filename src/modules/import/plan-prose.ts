/**
 * Plans whose tasks are written as paragraphs, not as a table (most Quyết định / Nghị quyết / Kế hoạch):
 * roman-numbered headings are sections; numbered items "1.", lettered items "a)" and dash items "-" that
 * assign work (attribute lines "- Cơ quan chủ trì: …" or an inline "…, giao X chủ trì …") are tasks.
 * Numbering: item 2 → '2'; its "a)" → '2a'; the assigning dash items of item 3 → '3.1', '3.2' ….
 * Items that assign nothing stay text; one warning lists the numbered ones of sections that have tasks.
 */

import type { ParsedSection } from './parsed-plan.ts';
import {
  type AttributeField,
  attributesInText,
  findAddressee,
  findAssignment,
  matchAttributes,
} from './plan-prose-clause.ts';
import { assemble, type Item, type Kind, type ProseResult, setAttributes } from './plan-prose-tasks.ts';
import { CELL_LINE_BREAK } from './plan-text-format.ts';
import { collapse, fixOcr, NOI_NHAN } from './plan-text-header.ts';

/** Where a plain line goes: the open item's text, one of its attributes, a section title, or nowhere. */
type Target = { item: Item; field: 'text' | AttributeField } | { section: ParsedSection } | null;

/** A paragraph that may close the document rather than continue the item: where it starts in the item. */
interface Detached {
  item: Item;
  text: number;
  raw: number;
}

const ROMAN_HEADING = /^((?:X{0,3})(?:IX|IV|V?I{0,3}))\s*[.):–-]\s*(\S.*)$/u;
const NUMBERED = /^(\d{1,2}(?:\.\d{1,2})*)(?:[.)]\s*|\s+(?=\p{Lu}))(\S.*)?$/u;
const DOTTED = /^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(\S.*)$/u;
const LETTERED = /^([a-zđ])(?:\)\s*|\.\s+)(\S.*)?$/u;
/** A page number left in the text ("12", "- 12 -"): no part of any item. */
const PAGE_NUMBER = /^[-–]?\s*\d{1,3}\s*[-–]?$/u;
const DASH = /^[-–—•]\s*(\S.*)$/u;
const PLUS = /^[+*]\s*(\S.*)$/u;
const DOC_HEADING =
  /^(?:KẾ HOẠCH|CHƯƠNG TRÌNH|QUYẾT ĐỊNH|NGHỊ QUYẾT|ĐỀ ÁN|PHỤ LỤC|CHỈ THỊ|THÔNG BÁO)(?![\p{L}])/u;
const DIEU = /^Điều\s+\d+/u;

/** Reads the prose items of lines [from, to) (0-based). */
export function parseProse(lines: string[], from: number, to: number): ProseResult {
  const sections: ParsedSection[] = [];
  const items: Item[] = [];
  let sectionCode = '';
  let stack: Item[] = [];
  let target: Target = null;
  let skipping = false;
  let blank = false;
  let detached: Detached | null = null;
  const endItems = () => {
    if (detached) dropClosing(detached);
    detached = null;
  };

  for (let i = from; i < to; i++) {
    // cells of a layout table (a signature block beside the Nơi nhận list); runs of spaces are text
    const cells = (lines[i] ?? '')
      .split('\t')
      .map((cell) => cell.trim())
      .filter((cell) => cell !== '');
    if (cells.length === 0) {
      blank = true;
      continue;
    }
    const afterBlank = blank;
    blank = false;
    const text = collapse(cells.join(' ').split(CELL_LINE_BREAK).join(' '));
    const n = i + 1;
    const roman = ROMAN_HEADING.exec(text);
    if (roman?.[1] && cells.length === 1) {
      const section = { code: roman[1], title: fixOcr(collapse(roman[2] ?? '')), line: n };
      endItems();
      sections.push(section);
      sectionCode = section.code;
      stack = [];
      target = { section };
      skipping = false;
      continue;
    }
    if (NOI_NHAN.test(cells[0] ?? '')) skipping = true;
    if (skipping || cells.length > 1 || DIEU.test(text)) {
      endItems();
      if (DOC_HEADING.test(text)) skipping = false;
      target = null;
      continue;
    }
    if (PAGE_NUMBER.test(text)) continue;
    const attributes = matchAttributes(text);
    if (attributes) {
      const owner = ownerOf(stack, /^[+*]/u.test(text));
      if (owner) {
        detached = null;
        owner.raw.push(text);
        target = { item: owner, field: setAttributes(owner, attributes) };
      } else target = null;
      continue;
    }
    const marker = brokenName(target, text) ? null : matchMarker(text);
    if (marker) {
      detached = null;
      stack = stack.filter((open) => encloses(open, marker.depth));
      const item: Item = {
        ...marker,
        parent: stack.at(-1) ?? null,
        children: [],
        sectionCode,
        text: [marker.body],
        attributes: {},
        raw: [text],
        line: n,
      };
      items.push(item);
      item.parent?.children.push(item);
      stack.push(item);
      target = { item, field: 'text' };
      continue;
    }
    if (isCapsLine(text, target)) {
      target = null;
      continue;
    }
    if (!detached && target && 'item' in target && target.field === 'text') {
      const { item } = target;
      if (startsParagraph(item.text.at(-1) ?? '', text, afterBlank))
        detached = { item, text: item.text.length, raw: item.raw.length };
    }
    target = continueWith(target, text);
  }
  endItems();
  return assemble(items, sections);
}

/**
 * A plain line that starts a paragraph of its own, not a wrapped line: capitalised, after a blank line or
 * after a sentence that ended ("… trước ngày 15/12/2023." / "… Chỉ thị này./.").
 */
function startsParagraph(previous: string, text: string, afterBlank: boolean): boolean {
  return /^\p{Lu}/u.test(text) && (afterBlank || /[.!?]["”)]?$/u.test(previous));
}

/**
 * The items ended (a heading, the Nơi nhận, the end of the text): a paragraph after the last item's own
 * text is the document's closing ("Chủ tịch UBND tỉnh yêu cầu … nghiêm túc thực hiện Chỉ thị này./."),
 * not part of it — when the item assigns work without it (else the paragraph may be where it does).
 */
function dropClosing({ item, text, raw }: Detached): void {
  const head = collapse(item.text.slice(0, text).join(' '));
  if (!assignsWork(item, head)) return;
  item.text.splice(text);
  item.raw.splice(raw);
}

/** The item (with `head` as its text) or an item above it names a lead. */
function assignsWork(item: Item, head: string): boolean {
  const { lead, assignee } = item.attributes;
  if (lead || assignee) return true;
  if (head !== '' && (findAssignment(head) ?? findAddressee(head) ?? attributesInText(head))) return true;
  for (let p = item.parent; p; p = p.parent) {
    if (assignsWork(p, collapse(p.text.join(' ')))) return true;
  }
  return false;
}

/**
 * "…Sở Lao động" / "- Thương binh và Xã hội chủ trì …": a line broken inside a name written with a
 * dash (a PDF's wrapped line), not a dash item.
 */
function brokenName(target: Target, text: string): boolean {
  if (!target || 'section' in target || !/^[-–]\s/u.test(text)) return false;
  const { item, field } = target;
  const last = field === 'text' ? item.text.at(-1) : item.attributes[field]?.at(-1);
  return (
    /(?:Lao động|Phát thanh|[Kk]inh tế|Văn hóa|Văn hoá)$/u.test(last ?? '') &&
    /^[-–]\s+(?:Thương binh|Truyền hình|[Xx]ã hội|Thông tin|Thể thao)/u.test(text)
  );
}

function matchMarker(text: string): { kind: Kind; marker: string; depth: number; body: string } | null {
  const dotted = DOTTED.exec(text) ?? NUMBERED.exec(text);
  if (dotted?.[1]) {
    const depth = dotted[1].split('.').length;
    return { kind: 'number', marker: dotted[1], depth, body: dotted[2] ?? '' };
  }
  const letter = LETTERED.exec(text);
  if (letter?.[1]) return { kind: 'letter', marker: letter[1], depth: 10, body: letter[2] ?? '' };
  const dash = DASH.exec(text);
  if (dash) return { kind: 'dash', marker: '', depth: 20, body: dash[1] ?? '' };
  const plus = PLUS.exec(text);
  if (plus) return { kind: 'plus', marker: '', depth: 30, body: plus[1] ?? '' };
  return null;
}

/** An open item stays open under a new one of a deeper kind ("a)" under "2.", "-" under "a)"). */
function encloses(open: Item, depth: number): boolean {
  return open.depth < depth;
}

/**
 * The item an attribute line belongs to: a '+' line to the dash item above it; a '-' line to the
 * innermost numbered or lettered item — unless the dash items above are tasks of their own: their
 * parent introduces a list ("…, trong đó:") or an earlier dash sibling already assigned work.
 */
function ownerOf(stack: Item[], plus: boolean): Item | null {
  const innermost = stack.at(-1) ?? null;
  if (innermost && (innermost.kind === 'dash' || innermost.kind === 'plus')) {
    const parent = innermost.parent;
    if (plus || !parent || /:$/u.test(parent.text.at(-1) ?? '')) return innermost;
    const siblings = parent.children.filter((item) => item !== innermost && item.kind === innermost.kind);
    if (siblings.some(assigns)) return innermost;
  }
  for (let i = stack.length - 1; i >= 0; i--) {
    const item = stack[i];
    if (item && (item.kind === 'number' || item.kind === 'letter')) return item;
  }
  return innermost;
}

function assigns(item: Item): boolean {
  const { lead, assignee } = item.attributes;
  return Boolean(lead || assignee) || findAssignment(collapse(item.text.join(' '))) !== null;
}

/** A line of capitals (a heading of the signature block, a document type): not part of any item. */
function isCapsLine(text: string, target: Target): boolean {
  if (!/\p{Lu}{2}/u.test(text) || /\p{Ll}/u.test(text)) return false;
  return !(target && 'section' in target && !/[.:;]$/u.test(target.section.title));
}

/**
 * A line without a marker: a wrapped line of the paragraph above, or a new paragraph of the item's text.
 * After an attribute whose value ended a sentence, a capitalised line starts free text, read as nothing.
 */
function continueWith(target: Target, text: string): Target {
  if (!target) return null;
  if ('section' in target) {
    const title = target.section.title;
    if (/[.:;]$/u.test(title) || /\p{Ll}/u.test(text)) return null;
    target.section.title = fixOcr(collapse(`${title} ${text}`));
    return target;
  }
  const { item, field } = target;
  item.raw.push(text);
  if (field === 'text') {
    item.text.push(text);
    return target;
  }
  const values = item.attributes[field] ?? [];
  const last = values.at(-1) ?? '';
  if (/[.;:]$/u.test(last) && /^\p{Lu}/u.test(text)) {
    item.raw.pop();
    return null;
  }
  values[values.length - 1] = `${last} ${text}`;
  return target;
}
