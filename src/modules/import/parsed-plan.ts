/**
 * What the plan importer reads out of a document (plan-text.ts, plan-prose.ts): the plan's header,
 * its sections and tasks as written, and the warnings for the reviewer. Its own file so the readers
 * of its parts can name these types without importing the parser that assembles them.
 */
import type { LocalDate } from '../../domain/dates.ts';

/** One row of the appendix table, or one prose item that assigns work — a nhiệm vụ. */
export interface ParsedTask {
  /** 'I', 'II' … or 'A', 'B' … ('' when the appendix has no sections) */
  sectionCode: string;
  /** STT as written, without a trailing '.' or ')': '1', '2', '3a', '1.2' ('' when the row has none) */
  no: string;
  /** nội dung công việc: continuation lines joined with one space, OCR slips fixed, whitespace collapsed */
  content: string;
  /** cơ quan chủ trì, as written (trimmed); a line break inside the cell is kept as '\n' */
  leadText: string;
  /** cơ quan phối hợp, as written (trimmed); a line break inside the cell is kept as '\n' */
  supportText: string;
  /** thời gian hoàn thành, as written (trimmed, trailing '.' kept, cell line breaks → one space) */
  deadlineText: string;
  /** ghi chú (cell line breaks → one space) */
  note: string;
  /** sản phẩm / sản phẩm đầu ra / kết quả ('' when the table has no such column) */
  product: string;
  /** every other column, keyed by its header text as written: { 'Lĩnh vực': 'CCHC' } ({} when none) */
  extra: Record<string, string>;
  /** the row's original lines (without blank page-break lines), joined with '\n'; cell line breaks → '\n' */
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

/** The header of a plan document: what stands before its table of tasks. */
export interface PlanHeader {
  docType: 'KH' | 'QĐ' | 'CV' | 'CTr' | 'ĐA' | 'TB' | string;
  number: string | null;
  issuedOn: LocalDate | null;
  place: string | null;
  title: string | null;
  signer: string | null;
  bases: string[];
  recipients: string[];
}

export interface ParsedPlan extends PlanHeader {
  sections: ParsedSection[];
  tasks: ParsedTask[];
  warnings: ParseWarning[];
}
