/**
 * The plain-text reader of the plan importer: a plan document's text (header, body, Nơi nhận, signer,
 * PHỤ LỤC with the task table) → a structured plan the Office reviews before registering it.
 * Word/PDF/Excel readers produce the same `ParsedPlan`. Never throws: odd input yields warnings.
 */
import type { LocalDate } from '../../domain/dates.ts';
import { collapse, fixOcr, parseHeader, splitCells } from './plan-text-header.ts';

/** One row of the appendix table — a nhiệm vụ. */
export interface ParsedTask {
  /** 'I', 'II' … ('' when the appendix has no sections) */
  sectionCode: string;
  /** STT as written, without a trailing '.' or ')': '1', '2', '3a', '1.2' ('' when the row has none) */
  no: string;
  /** nội dung công việc: continuation lines joined with one space, OCR slips fixed, whitespace collapsed */
  content: string;
  /** cơ quan chủ trì, as written (trimmed) */
  leadText: string;
  /** cơ quan phối hợp, as written (trimmed) */
  supportText: string;
  /** thời gian hoàn thành, as written (trimmed, trailing '.' kept) */
  deadlineText: string;
  /** ghi chú */
  note: string;
  /** the row's original lines (without blank page-break lines), joined with '\n' */
  raw: string;
  /** 1-based line of the row's first line */
  line: number;
}

export interface ParsedSection {
  code: string;
  title: string;
  line: number;
}

/** code: stable English id; message: Vietnamese, for the reviewer; line 0 = the whole document. */
export interface ParseWarning {
  line: number;
  code: string;
  message: string;
}

export interface ParsedPlan {
  docType: 'KH' | 'QĐ' | 'CV' | 'CTr' | 'ĐA' | 'TB' | string;
  number: string | null;
  issuedOn: LocalDate | null;
  place: string | null;
  title: string | null;
  signer: string | null;
  bases: string[];
  recipients: string[];
  sections: ParsedSection[];
  tasks: ParsedTask[];
  warnings: ParseWarning[];
}

type Field = 'no' | 'content' | 'lead' | 'support' | 'deadline' | 'note';
type Row = Record<Field, string>;
type Columns = Record<Field, number> & { count: number };

const DEFAULT_COLUMNS: Columns = { no: 0, content: 1, lead: 2, support: 3, deadline: 4, note: 5, count: 6 };
const COLUMN_TITLES: ReadonlyArray<readonly [Field, RegExp]> = [
  ['no', /^(?:STT|TT|Số\s+TT)$/iu],
  ['lead', /chủ trì/iu],
  ['support', /phối hợp/iu],
  ['deadline', /thời gian|thời hạn|hoàn thành|tiến độ/iu],
  ['note', /ghi chú/iu],
  ['content', /nội dung|nhiệm vụ|công việc/iu],
];
const APPENDIX_HEADING = /^(?:PHỤ LỤC(?![\p{L}])|Phụ lục(?:\s+(?:số\s+)?[\dIVX]+)?\s*:?\s*$)/u;
const TASK_NO = /^(\d+(?:\.\d+)*[a-zđ]?|[a-zđ])[.)]?$/u;
const NO_AND_CONTENT = /^(\d+(?:\.\d+)*[a-zđ]?)[.)]?\s+(\S.*)$/u;
const SECTION = /^(?:(?:Phần|PHẦN|Mục|MỤC)\s+)?([IVX]+)(?:[.:)]\s*|\s+|$)(.*)$/u;
const ROMAN = /^X{0,3}(?:IX|IV|V?I{0,3})$/u;

export function parsePlanText(text: string): ParsedPlan {
  const warnings: ParseWarning[] = [];
  try {
    const lines = String(text ?? '')
      .replace(/^\uFEFF/u, '')
      .normalize('NFC')
      .split(/\r\n|\r|\n/u);
    const appendixIdx = lines.findIndex((line) => APPENDIX_HEADING.test(line.trim()));
    const headerIdx = lines.findIndex((line, i) => i >= appendixIdx && isTableHeader(line));
    const bodyEnd = appendixIdx >= 0 ? appendixIdx : headerIdx >= 0 ? headerIdx : lines.length;
    const appendix =
      appendixIdx >= 0 ? { start: appendixIdx, end: headerIdx >= 0 ? headerIdx : lines.length } : null;
    const header = parseHeader(lines, { bodyEnd, appendix }, warnings);
    const table = headerIdx >= 0 ? parseTable(lines, headerIdx, warnings) : { sections: [], tasks: [] };
    if (headerIdx < 0) {
      warnings.push({
        line: 0,
        code: 'no_table',
        message: 'Không tìm thấy bảng nhiệm vụ (dòng tiêu đề «STT – Nội dung công việc – …»).',
      });
    }
    return { ...header, ...table, warnings: warnings.sort((a, b) => a.line - b.line) };
  } catch (error) {
    const message = `Không đọc được văn bản: ${error instanceof Error ? error.message : String(error)}.`;
    return {
      ...{ docType: '', number: null, issuedOn: null, place: null, title: null, signer: null },
      ...{ bases: [], recipients: [], sections: [], tasks: [] },
      warnings: [...warnings, { line: 0, code: 'parse_failed', message }],
    };
  }
}

/** 'STT  Nội dung công việc  Cơ quan chủ trì …' — the table header, also when repeated at a page top. */
function isTableHeader(line: string): boolean {
  const text = line.trim();
  return /^(?:STT|TT|Số\s+TT)(?![\p{L}\p{N}])/iu.test(text) && /nội dung|nhiệm vụ|công việc/iu.test(text);
}

function columnsOf(headerLine: string): Columns {
  const cells = splitCells(headerLine);
  if (cells.length < 3) return DEFAULT_COLUMNS;
  const cols: Columns = {
    no: -1,
    content: -1,
    lead: -1,
    support: -1,
    deadline: -1,
    note: -1,
    count: cells.length,
  };
  cells.forEach((cell, i) => {
    const hit = COLUMN_TITLES.find(([field, re]) => cols[field] < 0 && re.test(cell));
    if (hit) cols[hit[0]] = i;
  });
  return cols.no === 0 && cols.content > 0 ? cols : { ...DEFAULT_COLUMNS, count: Math.max(cells.length, 2) };
}

function toRow(cells: string[], cols: Columns): Row {
  const at = (i: number) => (i >= 0 ? (cells[i] ?? '') : '');
  return {
    no: at(cols.no),
    content: at(cols.content),
    lead: at(cols.lead),
    support: at(cols.support),
    deadline: at(cols.deadline),
    note: at(cols.note),
  };
}

/** 'I Chương trình …', 'I.\tChương trình …', 'Phần II', 'Mục III: …' → a section row. */
function matchSection(cells: string[]): { code: string; title: string } | null {
  const m = SECTION.exec(cells[0] ?? '');
  if (!m?.[1] || !ROMAN.test(m[1])) return null;
  const title =
    m[2] ||
    cells
      .slice(1)
      .filter((cell) => cell !== '')
      .join(' ');
  return { code: m[1], title: fixOcr(collapse(title)) };
}

function parseTable(lines: string[], headerIdx: number, warnings: ParseWarning[]) {
  const cols = columnsOf(lines[headerIdx] ?? '');
  const sections: ParsedSection[] = [];
  const tasks: ParsedTask[] = [];
  const warn = (line: number, code: string, message: string) => warnings.push({ line, code, message });
  let current: ParsedTask | ParsedSection | null = null;
  let sectionCode = '';

  for (let i = headerIdx + 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const n = i + 1;
    if (line.trim() === '' || isTableHeader(line)) continue;
    let cells = splitCells(line);
    const filled = cells.filter((cell) => cell !== '');
    if (filled.length === 0 || isColumnNumbers(filled)) continue;

    const section = matchSection(cells);
    if (section) {
      current = { ...section, line: n };
      sections.push(current);
      sectionCode = section.code;
      continue;
    }

    const first = cells[0] ?? '';
    const lowercaseLine = filled.length === 1 && /^\p{Ll}/u.test(first);
    if (first === '' || lowercaseLine) {
      if (!current) {
        warn(n, 'orphan_continuation', `Dòng tiếp nối không thuộc dòng nào của bảng: «${short(line)}».`);
        continue;
      }
      if (lowercaseLine) {
        warn(n, 'continuation_without_indent', `Đã ghép dòng «${short(line)}» vào nội dung của dòng trên.`);
      }
      const row = lowercaseLine ? { ...toRow([], cols), content: first } : toRow(cells, cols);
      continueRow(current, row, line);
      continue;
    }

    const split = NO_AND_CONTENT.exec(first);
    if (split && cells.length < cols.count) cells = [split[1] ?? '', split[2] ?? '', ...cells.slice(1)];
    const numbered = TASK_NO.exec(cells[0] ?? '');
    if (!numbered) {
      if (filled.length === 1) {
        warn(n, 'unrecognised_line', `Dòng không nhận ra trong bảng, đã bỏ qua: «${short(line)}».`);
        continue;
      }
      warn(n, 'row_without_number', `Dòng không có số thứ tự: «${short(line)}».`);
      cells = cells.length < cols.count ? ['', ...cells] : ['', ...cells.slice(1)];
    }
    const row = toRow(cells, cols);
    row.no = numbered?.[1] ?? '';
    if (!row.content && !row.lead && !row.support && !row.deadline && !row.note) {
      warn(n, 'stray_number', `Dòng chỉ có số «${short(line)}» (có thể là số trang), đã bỏ qua.`);
      continue;
    }
    const extra = cells.slice(cols.count).filter((cell) => cell !== '');
    if (extra.length > 0) {
      warn(
        n,
        'extra_cells',
        `Dòng có nhiều ô hơn tiêu đề bảng; phần thừa đưa vào ghi chú: «${extra.join(' | ')}».`,
      );
      row.note = [row.note, ...extra].filter((cell) => cell !== '').join(' ');
    }
    current = {
      sectionCode,
      no: row.no,
      content: fixOcr(collapse(row.content)),
      leadText: row.lead,
      supportText: row.support,
      deadlineText: row.deadline,
      note: row.note,
      raw: line,
      line: n,
    };
    tasks.push(current);
  }
  checkTasks(tasks, warn);
  return { sections, tasks };
}

/** A page break split the row: append each non-empty cell to the same column of the row above. */
function continueRow(target: ParsedTask | ParsedSection, row: Row, line: string): void {
  const join = (a: string, b: string) => (a && b ? `${a} ${b}` : a || b);
  if ('code' in target) {
    const more = [row.no, row.content, row.lead, row.support, row.deadline, row.note].join(' ');
    target.title = fixOcr(collapse(`${target.title} ${more}`));
    return;
  }
  target.content = fixOcr(collapse(`${target.content} ${row.content}`));
  target.leadText = join(target.leadText, row.lead);
  target.supportText = join(target.supportText, row.support);
  target.deadlineText = join(target.deadlineText, row.deadline);
  target.note = join(target.note, row.note);
  target.raw = `${target.raw}\n${line}`;
}

/** '1 2 3 4 5 6' or '(1) (2) (3) …' under the header: column numbers, not a task. */
function isColumnNumbers(filled: string[]): boolean {
  return (
    filled.length >= 3 && filled.every((cell, i) => cell.replace(/^\((\d+)\)$/u, '$1') === String(i + 1))
  );
}

function checkTasks(tasks: ParsedTask[], warn: (line: number, code: string, message: string) => void): void {
  const seen = new Set<string>();
  const last = new Map<string, number>();
  for (const task of tasks) {
    const label = task.sectionCode ? `${task.sectionCode}.${task.no}` : task.no;
    if (!task.content) warn(task.line, 'missing_content', `Nhiệm vụ ${label} không có nội dung công việc.`);
    if (!task.leadText) warn(task.line, 'missing_lead', `Nhiệm vụ ${label} không ghi cơ quan chủ trì.`);
    if (!task.deadlineText)
      warn(task.line, 'missing_deadline', `Nhiệm vụ ${label} không ghi thời gian hoàn thành.`);
    if (!task.no) continue;
    const key = `${task.sectionCode}|${task.no}`;
    if (seen.has(key)) warn(task.line, 'duplicate_number', `Số thứ tự ${label} bị lặp.`);
    seen.add(key);
    if (!/^\d+$/u.test(task.no)) continue;
    const value = Number(task.no);
    const previous = last.get(task.sectionCode);
    if (previous !== undefined && value !== previous && value !== previous + 1) {
      warn(task.line, 'number_gap', `Số thứ tự nhảy từ ${previous} sang ${value}: có thể thiếu dòng.`);
    }
    last.set(task.sectionCode, value);
  }
}

function short(line: string): string {
  const text = collapse(line);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
