/**
 * The part of a plan document around the task table: số/ký hiệu, địa danh và ngày ban hành, trích yếu,
 * căn cứ, nơi nhận, người ký, and the "Ban hành kèm theo …" line of the appendix (phụ lục).
 * Pure text heuristics over the lines of a plain-text extraction; never throws.
 */
import { formatVietnameseDate, type LocalDate, makeDate } from '../../domain/dates.ts';
import type { ParseWarning, PlanHeader } from './parsed-plan.ts';

/** Where the text before the table ends, and the appendix heading lines (PHỤ LỤC … up to the table). */
export interface HeaderBounds {
  bodyEnd: number;
  appendix: { start: number; end: number } | null;
}

const NOT_LETTER = String.raw`(?![\p{L}\p{N}])`;
/** Số, ký hiệu: '87/KH-UBND', '03/2021/QĐ-UBND', '13-CTr/TU', '1234/UBND-KT' (must contain a '/'). */
const SYMBOL = String.raw`\d+(?:[-/][\p{L}\d]+)+`;
const SO_LINE = new RegExp(String.raw`^Số\s*[:.]?\s*(${SYMBOL})`, 'u');
const PLACE_DATE = /^([\p{Lu}][\p{L}.]*(?:\s+[\p{L}.]+){0,5}),\s*ngày(?![\p{L}])\s*(.*)$/u;
const DMY = /^(.*?)\s*tháng\s*(.*?)\s*năm\s*([^\s,;)]+)/u;
const SLASH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})/u;
const APPENDIX_REF = new RegExp(String.raw`kèm theo\s+(.*?)\s*số\s*:?\s*(${SYMBOL})(.*)$`, 'iu');
/** 'Kế hoạch số 12/KH-UBND ngày …' at the start of a line of the appendix heading. */
const DOC_REF = new RegExp(
  String.raw`^\(?\s*((?:kế hoạch|quyết định|chương trình|đề án|thông báo|nghị quyết|chỉ thị|công văn)(?:\s+[\p{L}]+)*?)\s+số\s*:?\s*(${SYMBOL})(.*)$`,
  'iu',
);
/** The heading of an appendix ("PHỤ LỤC", "Phụ lục 2"): where a signature block ends. */
const APPENDIX_START = /^(?:PHỤ LỤC|Phụ lục)(?![\p{L}])/u;
const CAN_CU = new RegExp(`^Căn cứ${NOT_LETTER}`, 'u');
/** The 'Nơi nhận:' line (its first cell); the list may start on the same line. */
export const NOI_NHAN = /^Nơi nhận\s*:?\s*(.*)$/iu;
const PREAMBLE_END = /^(?:(?:[IVX]+|\d+)\.\s|Điều\s+1(?!\d)|QUYẾT ĐỊNH\s*:)/u;
const PERSON_NAME = /^[\p{Lu}][\p{Ll}]*(?:\s[\p{Lu}][\p{Ll}]*){1,4}$/u;
const BULLET = /^[-–—+•*]\s*/u;

/** Headings (tên loại văn bản) and the codes their ký hiệu use. */
const HEADINGS: ReadonlyArray<readonly [string, string]> = [
  ['KẾ HOẠCH', 'KH'],
  ['QUYẾT ĐỊNH', 'QĐ'],
  ['CHƯƠNG TRÌNH', 'CTr'],
  ['ĐỀ ÁN', 'ĐA'],
  ['THÔNG BÁO', 'TB'],
  ['NGHỊ QUYẾT', 'NQ'],
  ['CHỈ THỊ', 'CT'],
  ['BÁO CÁO', 'BC'],
  ['TỜ TRÌNH', 'TTr'],
  ['HƯỚNG DẪN', 'HD'],
  ['CÔNG VĂN', 'CV'],
];
const TYPE_CODES = new Map<string, string>([
  ...HEADINGS.map(([, code]) => [code.toUpperCase(), code] as const),
  ['QD', 'QĐ'],
  ['DA', 'ĐA'],
]);

/** Collapses every run of whitespace (tabs, NBSP …) to one space and trims. */
export function collapse(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** OCR slips: 'Churong' (ư read as 'ur') is never a word; 'Chuong'/'Chưong' only before 'trình'. */
export function fixOcr(text: string): string {
  return text.replace(
    /(?<![\p{L}\p{N}])(c)h([uư])(r?)([oơ])ng(?![\p{L}\p{N}])(?=(\s+trình)?)/giu,
    (word: string, _c: string, _u: string, r: string, _o: string, trinh?: string) => {
      if (word.toLowerCase() === 'chương' || (!r && !trinh)) return word;
      if (word === word.toUpperCase()) return 'CHƯƠNG';
      return word[0] === 'C' ? 'Chương' : 'chương';
    },
  );
}

/** Cells of a line: tab-separated, or separated by runs of 2+ spaces when the line has no tab. */
export function splitCells(line: string): string[] {
  if (line.includes('\t')) return line.split('\t').map((cell) => cell.trim());
  const body = line.trim();
  if (body === '') return [];
  return [...(/^\s{2,}/u.test(line) ? [''] : []), ...body.split(/\s{2,}/u)];
}

/** A line's cells, the number and the place/date written on one line split apart ("Số: 12/NQ-CP Hà Nội, ngày …"). */
function headerCells(line: string): string[] {
  return splitCells(line).flatMap((cell) => {
    const so = SO_LINE.exec(cell);
    const rest = so ? cell.slice(so[0].length).replace(/^[\s|,;]+/u, '') : '';
    return rest !== '' && PLACE_DATE.test(rest) ? [so?.[0] ?? '', rest] : [cell];
  });
}

export function parseHeader(lines: string[], bounds: HeaderBounds, warnings: ParseWarning[]): PlanHeader {
  const { bodyEnd } = bounds;
  const at = (i: number) => (lines[i] ?? '').trim();
  const warn = (line: number, code: string, message: string) => warnings.push({ line, code, message });

  let headingIdx = -1;
  let heading: { code: string; rest: string } | null = null;
  for (let i = 0; i < bodyEnd && !heading; i++) {
    heading = matchHeading(at(i));
    if (heading) headingIdx = i;
  }

  let number: string | null = null;
  let place: string | null = null;
  let issuedOn: LocalDate | null = null;
  for (let i = 0; i < bodyEnd; i++) {
    for (const cell of headerCells(lines[i] ?? '')) {
      const so = SO_LINE.exec(cell);
      if (!number && so?.[1]?.includes('/')) number = so[1];
      const pd = place === null ? PLACE_DATE.exec(cell) : null;
      if (!pd) continue;
      place = collapse(pd[1] ?? '');
      const date = parseDateTail(pd[2] ?? '');
      issuedOn = date.date;
      if (!issuedOn) warn(i + 1, 'garbled_date', `Ngày ban hành không đọc được: «${collapse(cell)}».`);
    }
  }

  let title: string | null = null;
  if (heading) {
    const rest = collapse(heading.rest.replace(/^\s*:/u, ''));
    const inHeading = new RegExp(String.raw`^(?:số\s*:?\s*)?(${SYMBOL})$`, 'iu').exec(rest);
    if (inHeading?.[1]?.includes('/')) number ??= inHeading[1];
    const titleStart = inHeading || !/\p{Ll}/u.test(rest) ? '' : rest;
    title = titleAfter(lines, headingIdx, bodyEnd, titleStart);
  } else {
    const vv = lines.slice(0, bodyEnd).findIndex((l) => /^V\/v\s/u.test(l.trim()));
    if (vv >= 0) heading = { code: 'CV', rest: '' };
    if (vv >= 0) title = titleAfter(lines, vv, bodyEnd, at(vv).replace(/^V\/v\s+/u, ''));
  }

  const ref = bounds.appendix ? parseAppendixRef(lines, bounds.appendix) : null;
  if (ref) {
    if (ref.dateText !== null && ref.date === null) {
      const fallback = issuedOn ? `; dùng ngày ban hành ${formatVietnameseDate(issuedOn)} ở đầu văn bản` : '';
      warn(
        ref.line,
        'garbled_appendix_date',
        `Ngày ghi ở phụ lục không đọc được: «${ref.dateText}»${fallback}.`,
      );
    } else if (ref.date && issuedOn && ref.date !== issuedOn) {
      const [a, b] = [formatVietnameseDate(ref.date), formatVietnameseDate(issuedOn)];
      warn(
        ref.line,
        'appendix_date_mismatch',
        `Ngày ở phụ lục (${a}) khác ngày ban hành ở đầu văn bản (${b}).`,
      );
    }
    issuedOn ??= ref.date;
    if (number && ref.number !== number) {
      warn(
        ref.line,
        'number_mismatch',
        `Số ký hiệu ở phụ lục (${ref.number}) khác số ở đầu văn bản (${number}).`,
      );
    }
    number ??= ref.number;
  }

  const fromNumber = number ? docTypeOfNumber(number) : null;
  const fromHeading = heading?.code ?? ref?.docCode ?? null;
  if (fromNumber?.known && fromHeading && fromNumber.code !== fromHeading) {
    warn(
      headingIdx + 1,
      'doc_type_mismatch',
      `Tên loại văn bản (${fromHeading}) không khớp ký hiệu ${number}.`,
    );
  }
  const docType = (fromNumber?.known ? fromNumber.code : null) ?? fromHeading ?? fromNumber?.code ?? '';
  if (!number) warn(0, 'no_number', 'Không tìm thấy số, ký hiệu văn bản.');
  if (!title)
    warn(0, 'missing_title', 'Không tìm thấy trích yếu (tên) của văn bản: hãy nhập trước khi đăng ký.');
  if (!issuedOn) warn(0, 'no_issued_on', 'Không tìm thấy ngày ban hành văn bản.');

  let recipients = parseRecipients(lines, 0, bodyEnd);
  let signerEnd = bodyEnd;
  if (recipients.start < 0) {
    // a table in the body, or a PHỤ LỤC set inside the body (a page copied from the web): Nơi nhận and
    // the signature come after it — up to the next PHỤ LỤC, if one follows
    const after = parseRecipients(lines, bodyEnd, lines.length);
    const next = lines.findIndex((line, i) => i > after.start && APPENDIX_START.test(line.trim()));
    if (after.start >= 0) [recipients, signerEnd] = [after, next >= 0 ? next : lines.length];
  }
  const signerFrom = recipients.start >= 0 ? recipients.start : Math.max(0, bodyEnd - 15);
  return {
    docType,
    number,
    issuedOn,
    place,
    title,
    signer:
      findSigner(lines, signerFrom, signerEnd) ??
      (recipients.start >= 0 ? signerAbove(lines, recipients.start) : null),
    bases: parseBases(lines, headingIdx, bodyEnd),
    recipients: recipients.items,
  };
}

function matchHeading(line: string): { code: string; rest: string } | null {
  const text = fixOcr(line);
  for (const [word, code] of HEADINGS) {
    if (text.startsWith(word) && !/^[\p{L}\p{N}]/u.test(text.slice(word.length))) {
      return { code, rest: text.slice(word.length) };
    }
  }
  return null;
}

/** '87/KH-UBND' → KH; a công văn number ('1234/UBND-KT') has no type code → CV, not "known". */
function docTypeOfNumber(number: string): { code: string; known: boolean } {
  for (const token of number.split(/[-/]/u).slice(1)) {
    const code = TYPE_CODES.get(token.toUpperCase());
    if (code) return { code, known: true };
  }
  return { code: 'CV', known: false };
}

/** The issuer's line of a decision's preamble ("CHÍNH PHỦ", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …"): never a title. */
const ISSUER_LINE =
  /^(?:CHÍNH PHỦ|THỦ TƯỚNG|BỘ TRƯỞNG|CHỦ TỊCH|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|QUYẾT NGHỊ|QUYẾT ĐỊNH|BAN CHẤP HÀNH)(?![\p{L}])/u;

/**
 * The trích yếu: lines after the heading up to a blank line, 'Căn cứ', 'Số …' or an all-caps line —
 * or, when the title is written in capitals ("BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG …"), the capital lines.
 */
function titleAfter(lines: string[], from: number, end: number, firstPart: string): string | null {
  const parts = firstPart ? [firstPart] : [];
  let i = from + 1;
  while (!firstPart && i < end && (lines[i] ?? '').trim() === '') i++;
  if (!firstPart && isCapitals((lines[i] ?? '').trim())) return capitalTitle(lines, i, end);
  for (; i < end; i++) {
    const text = (lines[i] ?? '').trim();
    const allCaps = /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
    if (text === '' || allCaps || CAN_CU.test(text) || SO_LINE.test(text) || PLACE_DATE.test(text)) break;
    parts.push(text);
  }
  return parts.length ? fixOcr(collapse(parts.join(' '))) : null;
}

/** "2023 - 2025", "(2021-2025)": numbers with their dashes and brackets, no letter (a year among them). */
const NUMBERS_LINE = /^[([]?\d{1,4}(?:\s*[-–—/,.]\s*\d{1,4})*[)\]]?$/u;

function isCapitals(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text) && !text.includes('\t');
}

/**
 * A title in capitals: up to 4 lines of capitals, ended by a blank line or the issuer's line; a line of
 * numbers only continues it ("… GIAI ĐOẠN" / "2023 - 2025").
 */
function capitalTitle(lines: string[], from: number, end: number): string | null {
  const parts: string[] = [];
  for (let i = from; i < Math.min(end, from + 4); i++) {
    const text = (lines[i] ?? '').trim();
    const numbers = parts.length > 0 && NUMBERS_LINE.test(text) && /\d{4}/u.test(text);
    if (!numbers && (!isCapitals(text) || ISSUER_LINE.test(text) || /:$/u.test(text) || SO_LINE.test(text)))
      break;
    parts.push(text);
  }
  return parts.length ? fixOcr(collapse(parts.join(' '))) : null;
}

function parseDateTail(tail: string): { date: LocalDate | null; text: string } {
  const m = DMY.exec(tail) ?? SLASH_DATE.exec(tail);
  if (!m) return { date: null, text: collapse(`ngày ${tail}`) };
  const [day, month, year] = [m[1] ?? '', m[2] ?? '', m[3] ?? ''];
  const digits = [day, month, year].every((part) => /^\d{1,4}$/u.test(part));
  return {
    date: digits ? makeDate(Number(year), Number(month), Number(day)) : null,
    text: collapse(`ngày ${m[0]}`),
  };
}

/**
 * '(Ban hành kèm theo Kế hoạch số 87/KH-UBND ngày 13 tháng 01 năm 2021 của …)', possibly over several lines,
 * or a title line of a spreadsheet appendix that names the document: 'Kế hoạch số 12/KH-UBND ngày …'.
 */
export function parseAppendixRef(
  lines: string[],
  range: { start: number; end: number },
): {
  number: string;
  docCode: string | null;
  date: LocalDate | null;
  dateText: string | null;
  line: number;
} | null {
  for (let i = range.start; i < range.end; i++) {
    const text = collapse(lines.slice(i, range.end).join(' '));
    const kemTheo = /kèm theo/iu.test(lines[i] ?? '');
    const m = kemTheo ? APPENDIX_REF.exec(text) : DOC_REF.exec(text);
    if (!m?.[2]?.includes('/')) continue;
    const tail = /^\s*ngày\s*(.*)$/u.exec(m[3] ?? '');
    const date = tail ? parseDateTail(tail[1] ?? '') : null;
    return {
      number: m[2],
      docCode: matchHeading((m[1] ?? '').toUpperCase())?.code ?? null,
      date: date?.date ?? null,
      dateText: date?.text ?? null,
      line: i + 1,
    };
  }
  return null;
}

/** Each 'Căn cứ …' paragraph of the preamble (before 'I.', 'Điều 1', 'QUYẾT ĐỊNH:'), without the trailing ';'. */
function parseBases(lines: string[], from: number, end: number): string[] {
  const bases: string[] = [];
  let current: string[] | null = null;
  for (let i = from + 1; i < end; i++) {
    const text = (lines[i] ?? '').trim();
    if (PREAMBLE_END.test(text) || NOI_NHAN.test(text)) break;
    if (CAN_CU.test(text)) {
      current = [text];
      bases.push('');
    } else if (current && text !== '' && !/[;.:]$/u.test(current.at(-1) ?? '')) {
      current.push(text);
    } else {
      current = null;
    }
    if (current) bases[bases.length - 1] = collapse(current.join(' ')).replace(/\s*[;,]$/u, '');
  }
  return bases;
}

/** The 'Nơi nhận:' list: '- ' items until a blank line; parenthesised drafter marks like '(Tấn)' are dropped. */
function parseRecipients(lines: string[], from: number, end: number): { items: string[]; start: number } {
  let start = -1;
  for (let i = from; i < end; i++) if (NOI_NHAN.test(splitCells(lines[i] ?? '')[0] ?? '')) start = i;
  if (start < 0) return { items: [], start };
  const raw: string[] = [];
  const sameLine = NOI_NHAN.exec(splitCells(lines[start] ?? '')[0] ?? '')?.[1] ?? '';
  if (BULLET.test(sameLine)) raw.push(sameLine);
  for (let i = start + 1; i < end; i++) {
    const cell = splitCells(lines[i] ?? '').find((c) => c !== '') ?? '';
    if (cell === '' && raw.length > 0) break;
    if (cell === '') continue;
    if (BULLET.test(cell)) raw.push(cell);
    else if (raw.length > 0 && /^\p{Ll}/u.test(cell)) raw[raw.length - 1] += ` ${cell}`;
    else break;
  }
  const items = raw
    .map((item) => collapse(item.replace(BULLET, '')).replace(/\s*[;.,]+$/u, ''))
    .filter((item) => item !== '' && !/^\(.*\)$/u.test(item));
  return { items, start };
}

/** The title that heads a signature block: "KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN", "PHÓ CHỦ TỊCH", "THỨ TRƯỞNG" … */
export const SIGNING_TITLE =
  /^(?:(?:KT|TM|TL|TUQ|Q)\.\s*)?(?:PHÓ\s+)?(?:CHỦ TỊCH|GIÁM ĐỐC|BỘ TRƯỞNG|THỨ TRƯỞNG|THỦ TƯỚNG|TỔNG CỤC TRƯỞNG|CỤC TRƯỞNG|CHÁNH VĂN PHÒNG|TRƯỞNG BAN|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN)(?![\p{L}])/u;

/**
 * A signature block written above the Nơi nhận list (a web page that lays the two out one after the
 * other): a person's name within a few lines under a signing title ("KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH").
 */
function signerAbove(lines: string[], recipientsStart: number): string | null {
  for (let i = recipientsStart - 1; i >= Math.max(0, recipientsStart - 8); i--) {
    const name = splitCells(lines[i] ?? '').find((cell) => PERSON_NAME.test(cell));
    if (!name) continue;
    for (let j = i - 1; j >= Math.max(0, i - 5); j--) {
      if (splitCells(lines[j] ?? '').some((cell) => SIGNING_TITLE.test(cell))) return name;
    }
    return null;
  }
  return null;
}

/** The signer: the last line (or cell) between 'Nơi nhận' and the appendix that looks like a person's name. */
function findSigner(lines: string[], from: number, end: number): string | null {
  for (let i = end - 1; i >= from; i--) {
    const cells = splitCells(lines[i] ?? '').reverse();
    const name = cells.find((cell) => PERSON_NAME.test(cell));
    if (name) return name;
  }
  return null;
}
