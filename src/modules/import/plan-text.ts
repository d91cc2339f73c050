/**
 * The plain-text reader of the plan importer: a plan document's text (header, body, Nơi nhận, signer,
 * PHỤ LỤC with the task table — or tasks written as prose items, plan-prose.ts; tables copied from a
 * web page with " | " between cells, plan-text-web.ts) → a structured plan the Office reviews.
 * Word/PDF/Excel readers produce the same `ParsedPlan`. Never throws: odd input yields warnings.
 */
import { foldVietnamese } from '../../domain/vietnamese-text.ts';
import type { ParsedPlan, ParsedSection, ParsedTask, ParseWarning } from './parsed-plan.ts';
import { parseProse } from './plan-prose.ts';
import { unassignedWarning } from './plan-prose-tasks.ts';
import { checkTasks } from './plan-text-checks.ts';
import {
  agencyLines,
  type Columns,
  columnMap,
  columnsOf,
  emptyRow,
  flat,
  isTableHeader,
  type Row,
  rowCells,
  toRow,
} from './plan-text-columns.ts';
import { CELL_LINE_BREAK } from './plan-text-format.ts';
import { collapse, fixOcr, NOI_NHAN, parseHeader, SIGNING_TITLE } from './plan-text-header.ts';
import { normalizeWebLines } from './plan-text-web.ts';

export type { ParsedPlan, ParsedSection, ParsedTask, ParseWarning };

const APPENDIX_HEADING = /^(?:PHỤ LỤC(?![\p{L}])|Phụ lục(?:\s+(?:số\s+)?[\dIVX]+)?\s*:?\s*$)/u;
const TASK_NO = /^(\d+(?:\.\d+)*[a-zđ]?|[a-zđ]|[A-H])[.)]?$/u;
const NO_AND_CONTENT = /^(\d+(?:\.\d+)*[a-zđ]?)[.)]?\s+(\S.*)$/u;
const SECTION = /^(?:(?:Phần|PHẦN|Mục|MỤC)\s+)?([IVX]+|[A-H])(?:[.:)]\s*|\s+|$)(.*)$/u;
const ROMAN = /^X{0,3}(?:IX|IV|V?I{0,3})$/u;

export function parsePlanText(text: string): ParsedPlan {
  const warnings: ParseWarning[] = [];
  try {
    const lines = normalizeWebLines(
      String(text ?? '')
        .replace(/^\uFEFF/u, '')
        .normalize('NFC')
        .split(/\r\n|\r|\n/u),
    );
    const appendixIdx = lines.findIndex((line) => APPENDIX_HEADING.test(line.trim()));
    const headerIdx = lines.findIndex((line, i) => i >= appendixIdx && isTableHeader(line));
    const bodyEnd = appendixIdx >= 0 ? appendixIdx : headerIdx >= 0 ? headerIdx : lines.length;
    const appendix =
      appendixIdx >= 0 ? { start: appendixIdx, end: headerIdx >= 0 ? headerIdx : lines.length } : null;
    const header = parseHeader(lines, { bodyEnd, appendix }, warnings);
    const body = readBody(lines, headerIdx, bodyEnd, warnings);
    return { ...header, ...body, warnings: warnings.sort((a, b) => a.line - b.line) };
  } catch (error) {
    const message = `Không đọc được văn bản: ${error instanceof Error ? error.message : String(error)}.`;
    return {
      ...{ docType: '', number: null, issuedOn: null, place: null, title: null, signer: null },
      ...{ bases: [], recipients: [], sections: [], tasks: [] },
      warnings: [...warnings, { line: 0, code: 'parse_failed', message }],
    };
  }
}

/**
 * The tasks: the prose items of the text before the table that assign work (plan-prose.ts) — all of
 * a document without a task table — then the rows of the table.
 */
function readBody(lines: string[], headerIdx: number, bodyEnd: number, warnings: ParseWarning[]) {
  const prose = parseProse(lines, 0, headerIdx >= 0 ? bodyEnd : lines.length);
  const unassigned = unassignedWarning(prose.unassigned);
  if (unassigned) warnings.push(unassigned);
  const warn = (line: number, code: string, message: string) => warnings.push({ line, code, message });
  // prose items are numbered along with the items that assign nothing: a gap there is no missing row
  checkTasks(prose.tasks, warn, { gaps: false });
  if (headerIdx >= 0) {
    const table = parseTable(lines, headerIdx, warnings);
    checkTasks(table.tasks, warn, { gaps: true });
    return { sections: [...prose.sections, ...table.sections], tasks: [...prose.tasks, ...table.tasks] };
  }
  if (prose.tasks.length === 0) {
    warnings.push({
      line: 0,
      code: 'no_table',
      message:
        'Không tìm thấy bảng nhiệm vụ (dòng tiêu đề «STT – Nội dung công việc – …») hay mục nào giao cơ quan chủ trì.',
    });
  }
  return { sections: prose.sections, tasks: prose.tasks };
}

/**
 * 'I Chương trình …', 'I.\tChương trình …', 'Phần II', 'Mục III: …', 'A. NHIỆM VỤ CHUNG' → a section row.
 * The code is read in the row's first filled cell (a row merged from the left) or in the STT column;
 * a letter A–H is a section only on a row with no chủ trì and no thời hạn.
 */
function matchSection(cells: string[], cols: Columns): { code: string; title: string } | null {
  const firstFilled = cells.findIndex((cell) => cell !== '');
  // a row merged from the left has an empty STT cell (so an 'X' mark in a column before STT is no section)
  const fromLeft = firstFilled >= 0 && firstFilled < cols.no && (cells[cols.no] ?? '') === '';
  const i = fromLeft ? firstFilled : cols.no;
  const m = SECTION.exec(cells[i] ?? '');
  const code = m?.[1] ?? '';
  const letter = /^[A-H]$/u.test(code) && !ROMAN.test(code);
  if (!code || (!ROMAN.test(code) && !letter)) return null;
  if (letter) {
    const row = toRow(cells, cols);
    if (row.lead !== '' || row.deadline !== '') return null;
  }
  const title =
    m?.[2] ||
    cells
      .slice(i + 1)
      .filter((cell) => cell !== '')
      .join(' ');
  return { code, title: fixOcr(collapse(title)) };
}

function parseTable(lines: string[], headerIdx: number, warnings: ParseWarning[]) {
  const cols = columnsOf(lines, headerIdx);
  const noIdx = cols.no;
  const sections: ParsedSection[] = [];
  const tasks: ParsedTask[] = [];
  const warn = (line: number, code: string, message: string) => warnings.push({ line, code, message });
  let current: ParsedTask | ParsedSection | null = null;
  let sectionCode = '';

  for (let i = headerIdx + cols.headerLines; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const n = i + 1;
    if (line.trim() === '' || (cols.subheader !== '' && foldVietnamese(line) === cols.subheader)) continue;
    let cells = rowCells(line, cols);
    const filled = cells.filter((cell) => cell !== '');
    if (filled.length === 0 || isColumnNumbers(filled)) continue;
    if (isTableHeader(line) && !TASK_NO.test(cells[noIdx] ?? '')) continue;
    if (closesDocument(filled[0] ?? '')) break;
    const afterBlank = (lines[i - 1] ?? '').trim() === '';
    if (cells.length === 1 && endsTable(cells[0] ?? '', sectionCode, afterBlank && cols.starts === null))
      break;
    // a bare paragraph (no cells): read it as if it started in the STT column
    if (cells.length === 1 && noIdx > 0) cells = [...Array<string>(noIdx).fill(''), ...cells];

    const section = matchSection(cells, cols);
    if (section) {
      current = { ...section, line: n };
      sections.push(current);
      sectionCode = section.code;
      continue;
    }

    const first = cells[noIdx] ?? '';
    const lowercaseLine = filled.length === 1 && first === filled[0] && /^\p{Ll}/u.test(first);
    if (first === '' || lowercaseLine) {
      if (!current) {
        warn(n, 'orphan_continuation', `Dòng tiếp nối không thuộc dòng nào của bảng: «${short(line)}».`);
        continue;
      }
      if (lowercaseLine) {
        warn(n, 'continuation_without_indent', `Đã ghép dòng «${short(line)}» vào nội dung của dòng trên.`);
      }
      const row = lowercaseLine ? { ...emptyRow(), content: first } : toRow(cells, cols);
      continueRow(current, row, line);
      continue;
    }

    const split = NO_AND_CONTENT.exec(first);
    if (split && cells.length < cols.count) cells.splice(noIdx, 1, split[1] ?? '', split[2] ?? '');
    const numbered = TASK_NO.exec(cells[noIdx] ?? '');
    if (!numbered) {
      if (filled.length === 1) {
        warn(n, 'unrecognised_line', `Dòng không nhận ra trong bảng, đã bỏ qua: «${short(line)}».`);
        continue;
      }
      warn(n, 'row_without_number', `Dòng không có số thứ tự: «${short(line)}».`);
      if (cells.length < cols.count) cells.splice(noIdx, 0, '');
      else cells[noIdx] = '';
    }
    const row = toRow(cells, cols);
    row.no = numbered?.[1] ?? '';
    if (!row.content && !row.lead && !row.support && !row.deadline && !row.note && !row.product) {
      warn(n, 'stray_number', `Dòng chỉ có số «${short(line)}» (có thể là số trang), đã bỏ qua.`);
      continue;
    }
    const surplus = cells.slice(cols.count).filter((cell) => cell !== '');
    if (surplus.length > 0) {
      const text = surplus.map(flat).join(' | ');
      warn(n, 'extra_cells', `Dòng có nhiều ô hơn tiêu đề bảng; phần thừa đưa vào ghi chú: «${text}».`);
      row.note = [row.note, ...surplus].filter((cell) => cell !== '').join(' ');
    }
    current = {
      sectionCode,
      no: row.no,
      content: fixOcr(collapse(row.content)),
      leadText: agencyLines(row.lead),
      supportText: agencyLines(row.support),
      deadlineText: flat(row.deadline),
      note: flat(row.note),
      product: flat(row.product),
      extra: columnMap(Object.entries(row.extra).map(([key, value]) => [key, flat(value)])),
      raw: rawLine(line),
      line: n,
    };
    tasks.push(current);
  }
  return { sections, tasks };
}

/**
 * A heading of the body after a table written in the body ("III. TỔ CHỨC THỰC HIỆN" after sections
 * I–IV of the table): a bare paragraph (no cells) whose roman numeral goes back from the table's last
 * section, or, in a table of tab-separated rows, a bare "III. …" paragraph after a blank line.
 */
/**
 * The document's closing block in a row's first filled cell: 'Nơi nhận:' or a signing title written
 * alone in capitals ('KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'): the table ended before it, whatever its cells.
 */
function closesDocument(cell: string): boolean {
  return NOI_NHAN.test(cell) || (SIGNING_TITLE.test(cell) && cell === cell.toLocaleUpperCase('vi'));
}

function endsTable(paragraph: string, lastSection: string, afterBlankInTabTable: boolean): boolean {
  const m = /^([IVX]+)\.\s+\S/u.exec(paragraph);
  const code = m?.[1] ?? '';
  if (!code || !ROMAN.test(code) || !lastSection || !ROMAN.test(lastSection)) return false;
  return afterBlankInTabTable || romanValue(code) < romanValue(lastSection);
}

function romanValue(numeral: string): number {
  const values: Record<string, number> = { I: 1, V: 5, X: 10 };
  return [...numeral].reduce((sum, letter, i) => {
    const value = values[letter] ?? 0;
    return (values[numeral[i + 1] ?? ''] ?? 0) > value ? sum - value : sum + value;
  }, 0);
}

/** A page break split the row: append each non-empty cell to the same column of the row above. */
function continueRow(target: ParsedTask | ParsedSection, row: Row, line: string): void {
  const join = (a: string, b: string) => (a && b ? `${a} ${b}` : a || b);
  if ('code' in target) {
    const more = [row.no, row.content, row.lead, row.support, row.deadline, row.note, row.product];
    target.title = fixOcr(collapse(`${target.title} ${[...more, ...Object.values(row.extra)].join(' ')}`));
    return;
  }
  target.content = fixOcr(collapse(`${target.content} ${row.content}`));
  target.leadText = join(target.leadText, agencyLines(row.lead));
  target.supportText = join(target.supportText, agencyLines(row.support));
  target.deadlineText = join(target.deadlineText, flat(row.deadline));
  target.note = join(target.note, flat(row.note));
  target.product = join(target.product, flat(row.product));
  for (const [key, value] of Object.entries(row.extra)) {
    target.extra[key] = join(target.extra[key] ?? '', flat(value));
  }
  target.raw = `${target.raw}\n${rawLine(line)}`;
}

function rawLine(line: string): string {
  return line.split(CELL_LINE_BREAK).join('\n');
}

/** '1 2 3 4 5 6' or '(1) (2) (3) …' under the header: column numbers, not a task. */
function isColumnNumbers(filled: string[]): boolean {
  return (
    filled.length >= 3 && filled.every((cell, i) => cell.replace(/^\((\d+)\)$/u, '$1') === String(i + 1))
  );
}

function short(line: string): string {
  const text = collapse(line);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
