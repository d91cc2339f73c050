import { type CellRef, resolveAgencyCell } from '../../domain/agency-cell.ts';
import { formatVietnameseDate, type LocalDate } from '../../domain/dates.ts';
import { parseDeadline, type Recurrence, type RecurrencePeriod } from '../../domain/deadline.ts';
import type { Directory } from '../../domain/directory.ts';
import { severalLeadAgencies } from '../../domain/lead-choice.ts';
import { taskRef } from '../plans/plans.service.ts';
import type { PlanHeader } from './parsed-plan.ts';
import type { ParsedPlan, ParsedTask } from './plan-text.ts';

/** What the Office reviews before a plan is stored: the document as dondoc understood it. */
export interface ImportPreview {
  plan: PlanHeader;
  sections: { code: string; title: string }[];
  tasks: PreviewTask[];
  warnings: PreviewWarning[];
}

export interface PreviewTask {
  section: string;
  no: string;
  content: string;
  /** directory names (agency or group) when matched, the text as written otherwise */
  lead: string[];
  support: string[];
  /** the agency cells as written in the document */
  leadText: string;
  supportText: string;
  deadlineText: string;
  dueOn: LocalDate | null;
  recurrence: PreviewRecurrence | null;
  product: string | null;
  note: string;
  extra: Record<string, string>;
  raw: string;
}

/** A recurrence as the preview shows it: `{every:'year', fromYear:2025}`, `{every:'dates', dates:[…]}`, or ongoing work. */
export type PreviewRecurrence =
  | { every: RecurrencePeriod; month?: number; day?: number; fromYear?: number }
  | { every: 'dates'; dates: LocalDate[] }
  | { kind: 'ongoing' };

export interface PreviewWarning {
  /** 'II.2', or null for the document as a whole */
  task: string | null;
  field: string | null;
  code: string;
  message: string;
  suggestions?: string[];
  /** `several_leads`: the agencies the lead cell names, to keep all or pick one */
  agencies?: string[];
}

/**
 * Resolves a parsed document against the authority's directory and the deadline rules (pure).
 * `today` (the authority's, from ctx.now): a document without an issue date is read as of 1 January
 * of its year.
 */
export function buildImportPreview(
  parsed: ParsedPlan,
  directory: Directory,
  today: LocalDate,
): ImportPreview {
  const referenceDate = parsed.issuedOn ?? `${today.slice(0, 4)}-01-01`;
  const warnings: PreviewWarning[] = [];
  const ordered = [...parsed.tasks].sort((a, b) => a.line - b.line);
  const taskAtLine = (line: number) => {
    let found: ParsedTask | undefined;
    for (const task of ordered) if (task.line <= line) found = task;
    return found;
  };
  for (const w of parsed.warnings) {
    const task = w.line > 0 ? taskAtLine(w.line) : undefined;
    warnings.push({
      task: task ? taskRef(task.sectionCode, task.no) : null,
      field: null,
      code: w.code,
      message: w.message,
    });
  }
  const tasks = parsed.tasks.map((task): PreviewTask => {
    const ref = taskRef(task.sectionCode, task.no);
    const leadCells = resolveAgencyCell(task.leadText, directory);
    const lead = leadCells.map((cell) => nameOf(cell, directory, ref, 'lead', warnings));
    const support = resolveAgencyCell(task.supportText, directory).map((cell) =>
      nameOf(cell, directory, ref, 'support', warnings),
    );
    const severalLeads = severalLeadAgencies(leadCells, directory);
    if (severalLeads.length > 0) {
      // docs/domain-rules.md §3 (issue #14 §3): one lead per task is the norm; the Office decides
      warnings.push({
        task: ref,
        field: 'lead',
        code: 'several_leads',
        message:
          `Ô chủ trì ghi nhiều cơ quan: ${severalLeads.join('; ')}. Mỗi nhiệm vụ thường có một cơ quan ` +
          'chủ trì: giữ tất cả làm chủ trì, hoặc chọn một cơ quan chủ trì, các cơ quan còn lại phối hợp.',
        agencies: severalLeads,
      });
    }
    const deadline = parseDeadline(task.deadlineText, { referenceDate });
    if (deadline.kind === 'unparsed') {
      warnings.push({ task: ref, field: 'deadline', code: 'unparsed_deadline', message: deadline.reason });
    } else if (deadline.kind === 'once' && deadline.yearInferred) {
      warnings.push({
        task: ref,
        field: 'deadline',
        code: 'year_inferred',
        message: `Thời hạn "${task.deadlineText}" không ghi năm: hiểu là năm ${deadline.dueOn.slice(0, 4)}.`,
      });
    } else if (
      deadline.kind === 'recurring' &&
      deadline.recurrence.period === 'dates' &&
      !/\d{4}/.test(task.deadlineText)
    ) {
      // "Tháng 6 và tháng 12": the listed dates took the plan's year
      const years = [...new Set(deadline.recurrence.dates.map((d) => d.slice(0, 4)))].join(', ');
      warnings.push({
        task: ref,
        field: 'deadline',
        code: 'year_inferred',
        message: `Thời hạn "${task.deadlineText}" không ghi năm: hiểu là năm ${years}.`,
      });
    }
    if (parsed.issuedOn !== null && deadline.kind === 'once' && deadline.dueOn <= parsed.issuedOn) {
      // docs/domain-rules.md §4: a deadline on or before the issue date is overdue as soon as it is assigned
      warnings.push({
        task: ref,
        field: 'deadline',
        code: 'deadline_not_after_issue',
        message:
          `Thời hạn "${task.deadlineText}" (${formatVietnameseDate(deadline.dueOn)}) không sau ngày ban hành ` +
          `kế hoạch (${formatVietnameseDate(parsed.issuedOn)}): nhiệm vụ quá hạn ngay khi giao, hãy kiểm tra.`,
      });
    }
    return {
      section: task.sectionCode,
      no: task.no,
      content: task.content,
      lead,
      support,
      leadText: task.leadText,
      supportText: task.supportText,
      deadlineText: task.deadlineText,
      dueOn: deadline.kind === 'once' ? deadline.dueOn : null,
      recurrence:
        deadline.kind === 'recurring'
          ? previewRecurrence(deadline.recurrence)
          : deadline.kind === 'ongoing'
            ? { kind: 'ongoing' }
            : null,
      product: task.product ? task.product : null,
      note: task.note,
      extra: task.extra,
      raw: task.raw,
    };
  });
  return {
    plan: {
      number: parsed.number,
      docType: parsed.docType,
      issuedOn: parsed.issuedOn,
      place: parsed.place,
      title: parsed.title,
      signer: parsed.signer,
      bases: parsed.bases,
      recipients: parsed.recipients,
    },
    sections: parsed.sections.map((s) => ({ code: s.code, title: s.title })),
    tasks,
    warnings,
  };
}

function previewRecurrence(recurrence: Recurrence): PreviewRecurrence {
  if (recurrence.period === 'dates') return { every: 'dates', dates: recurrence.dates };
  const { period, ...rest } = recurrence;
  return { every: period, ...rest };
}

function nameOf(
  cell: CellRef,
  directory: Directory,
  task: string,
  field: string,
  warnings: PreviewWarning[],
): string {
  const warn = (warning: Omit<PreviewWarning, 'task' | 'field'>) =>
    warnings.push({ task, field, ...warning });
  const fuzzy = (name: string) =>
    warn({ code: 'fuzzy_agency', message: `Đọc "${cell.text}" là "${name}": hãy kiểm tra.` });
  switch (cell.kind) {
    case 'agency': {
      const name = directory.agencies.find((a) => a.code === cell.code)?.name ?? cell.text;
      if (cell.fuzzy) fuzzy(name);
      return name;
    }
    case 'group':
      if (cell.fuzzy) fuzzy(cell.name);
      if (cell.open) {
        warn({
          code: 'open_group',
          message: `"${cell.name}" chưa có danh sách đơn vị: Văn phòng sẽ chỉ định khi giao việc.`,
        });
      }
      return cell.name;
    case 'unmatched':
      warn({
        code: 'unmatched_agency',
        message:
          `Không tìm thấy "${cell.text}" trong danh mục cơ quan` +
          (cell.suggestions.length > 0 ? `; gần nhất: ${cell.suggestions.join(', ')}.` : '.'),
        suggestions: cell.suggestions,
      });
      return cell.text;
  }
}
