import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { LocalDate } from '../../domain/dates.ts';
import { foldVietnamese } from '../../domain/vietnamese-text.ts';
import { AppError } from '../../shared/errors.ts';
import { type Actor, actorName, authorityOf, can, requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import { listAgencies } from '../directory/directory.repo.ts';
import {
  attachFilesToResult,
  checkUploads,
  discardUploads,
  publishUploads,
  stageUploads,
  type Upload,
} from '../files/files.service.ts';
import { withdrawRemindersNoLongerDue } from '../followup/reminder-withdrawal.ts';
import { findPlanByNumber, findTaskByRef } from '../plans/plans.repo.ts';
import { authorityContext, type ServiceContext } from '../service-context.ts';
import {
  type AssignmentForResult,
  countOpenResults,
  findAssignmentForResult,
  findResultView,
  insertResultSubmission,
  listAssignmentsOfTaskAgency,
  type ResultView,
} from './results.repo.ts';
import { assignmentForResults, assignmentNotFound } from './results-access.ts';

export interface SubmitResultInput {
  plan: string;
  /** 'I.3' */
  task: string;
  /** agency code ('STP') or name ('Sở Tư pháp', accents optional) */
  agency: string;
  submittedOn: LocalDate;
  accept: boolean;
  documentNumber?: string | null;
  note?: string;
  /** For a recurring task: which occurrence (1-based); default the earliest without an accepted result. */
  occurrence?: number;
  /** kỳ báo cáo YYYY-MM of a periodic result of an ongoing task */
  period?: string;
}

export interface SubmittedResult {
  resultId: number;
  assignmentId: number;
  status: 'pending' | 'accepted';
}

/**
 * Báo cáo kết quả by reference (the CLI `dondoc submit`, scripts, tests): finds the assignment of
 * plan, task and agency (for a recurring task, the occurrence asked for, else the earliest without
 * an accepted result), then records the result through `submitAssignmentResult`, the use case the
 * API calls: the access check (the CLI as its authority's system actor), the dates, the
 * assignment's row lock, "already accepted", "already pending", cancelled or moved. The audit
 * trail and the decider name `ctx.actor` ('cli' for the CLI).
 */
export async function submitResult(ctx: ServiceContext, input: SubmitResultInput): Promise<SubmittedResult> {
  const assignmentId = await findAssignmentByRef(ctx.db, authorityOf(ctx.actor), input);
  const fields: SubmissionFields = {
    documentNumber: input.documentNumber ?? '',
    note: input.note ?? '',
    submittedOn: input.submittedOn,
    accept: input.accept,
    ...(input.period !== undefined ? { period: input.period } : {}),
  };
  const view = await submitAssignmentResult(ctx, assignmentId, async () => ({ fields, files: [] }));
  return { resultId: view.id, assignmentId, status: view.status === 'accepted' ? 'accepted' : 'pending' };
}

/** The assignment a result by reference is for (read only: the checks and the lock come after). */
async function findAssignmentByRef(db: Kysely<DB>, authorityId: number, input: SubmitResultInput) {
  const plan = await findPlanByNumber(db, authorityId, input.plan);
  if (!plan) throw new AppError('PLAN_NOT_FOUND', `Không tìm thấy kế hoạch số ${input.plan}.`);
  const task = await findTaskByRef(db, plan.id, input.task.trim().toUpperCase());
  if (!task) {
    throw new AppError('TASK_NOT_FOUND', `Kế hoạch ${plan.number} không có nhiệm vụ ${input.task}.`);
  }
  const agency = findAgency(await listAgencies(db, authorityId), input.agency);
  const candidates = await listAssignmentsOfTaskAgency(db, task.id, agency.id);
  if (candidates.length === 0) {
    throw new AppError(
      'ASSIGNMENT_NOT_FOUND',
      `${agency.name} không được giao nhiệm vụ ${task.ref} của kế hoạch ${plan.number}.`,
    );
  }
  const leads = candidates.filter((c) => c.role === 'lead');
  const pool = leads.length > 0 ? leads : candidates;
  const assignment =
    input.occurrence !== undefined
      ? pool.find((c) => c.occurrence === input.occurrence)
      : (pool.find((c) => !c.has_accepted) ?? pool[0]);
  if (!assignment) {
    throw new AppError('ASSIGNMENT_NOT_FOUND', `Nhiệm vụ ${task.ref} không có kỳ thứ ${input.occurrence}.`);
  }
  return assignment.id;
}

function findAgency<T extends { code: string; name: string; aliases: string[] }>(
  agencies: T[],
  key: string,
): T {
  const code = key.trim().toUpperCase();
  const folded = foldVietnamese(key);
  const agency =
    agencies.find((a) => a.code.toUpperCase() === code) ??
    agencies.find(
      (a) => foldVietnamese(a.name) === folded || a.aliases.some((x) => foldVietnamese(x) === folded),
    );
  if (!agency) throw new AppError('AGENCY_NOT_FOUND', `Không tìm thấy cơ quan "${key}" trong danh mục.`);
  return agency;
}

/** What an agency (or the Office on its behalf) sends with a result; files come separately. */
export interface SubmissionFields {
  /** số văn bản báo cáo */
  documentNumber: string;
  note: string;
  /** the receipt date: only the Office may record one other than today */
  submittedOn?: LocalDate | undefined;
  /** record and accept at once (whoever may decide the result) */
  accept: boolean;
  /** kỳ báo cáo YYYY-MM: a periodic result of an ongoing (Thường xuyên) assignment (docs/domain-rules.md §5) */
  period?: string | undefined;
}

export interface SubmissionBody {
  fields: SubmissionFields;
  files: Upload[];
}

/**
 * Who decides (accepts or returns) a result. For a top-level assignment: `result.decide`, i.e. the
 * Office (and admin). For a sub-assignment (phân công lại), the agency that split its own assignment
 * decides on its units' work, so the check is `subassign` on the *parent* assignment's agency: the
 * users of that agency (or of an agency above it), and the Office/admin, who hold every agency's
 * `subassign`. A unit's own users (their scope does not reach up to the parent agency) and
 * leadership (no `subassign`) may not; nor may an agency ever decide its own top-level result.
 */
export function requireDecideAccess(
  actor: Actor,
  authorityId: number,
  assignment: Pick<AssignmentForResult, 'agency_id' | 'parent_agency_id'>,
): void {
  if (assignment.parent_agency_id === null) {
    requireAccess(actor, 'result.decide', { authorityId, agencyId: assignment.agency_id });
  } else {
    requireAccess(actor, 'subassign', { authorityId, agencyId: assignment.parent_agency_id });
  }
}

/**
 * Refuses a new result while one is pending or accepted, or when the assignment is closed; for a
 * periodic result (`period`), while one of that period is pending or accepted.
 */
export function assertOpenForResult(
  assignment: Pick<AssignmentForResult, 'cancelled_on' | 'moved_to_assignment_id'>,
  open: { accepted: number; pending: number },
  period: string | null = null,
): void {
  const refuse = (reason: string, message: string) => {
    throw new AppError('CONFLICT', message, { reason });
  };
  if (assignment.cancelled_on !== null) refuse('cancelled', 'Nhiệm vụ đã bị hủy: không nhận kết quả.');
  if (assignment.moved_to_assignment_id !== null) {
    refuse('moved', 'Nhiệm vụ đã chuyển cho cơ quan kế thừa: hãy báo cáo trên nhiệm vụ mới.');
  }
  const of = period === null ? 'Nhiệm vụ' : `Kỳ báo cáo ${periodLabel(period)}`;
  if (open.accepted > 0) refuse('accepted', `${of} đã có kết quả được tiếp nhận.`);
  if (open.pending > 0) refuse('pending', `${of} đang có kết quả chờ Văn phòng xem xét.`);
}

/** '2021-03' → 'tháng 03/2021' */
export function periodLabel(period: string): string {
  return `tháng ${period.slice(5, 7)}/${period.slice(0, 4)}`;
}

/**
 * Báo cáo định kỳ (docs/domain-rules.md §5, issue #14 §4): a periodic result is for an ongoing
 * (Thường xuyên) assignment only, and for a month from the plan's issue to the current one.
 */
function assertPeriodAllowed(
  assignment: Pick<AssignmentForResult, 'current_due_on' | 'plan_issued_on'>,
  period: string,
  today: LocalDate,
): void {
  if (assignment.current_due_on !== null) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Chỉ nhiệm vụ thực hiện thường xuyên mới báo cáo định kỳ theo kỳ; nhiệm vụ có thời hạn báo cáo kết quả hoàn thành.',
      { field: 'period' },
    );
  }
  if (period < assignment.plan_issued_on.slice(0, 7) || period > today.slice(0, 7)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Kỳ báo cáo ${periodLabel(period)} phải từ tháng ban hành kế hoạch đến tháng hiện tại.`,
      { field: 'period', period },
    );
  }
}

/**
 * Báo cáo kết quả (web) — an agency's result for one assignment: a document number, a note, up to
 * five files checked by content. The submission date is today in the authority's time zone; only
 * the Office may record an earlier receipt date, and only whoever decides the result may accept it
 * at once. Files are staged before the transaction and moved into place as its last step; the
 * result, its files and the audit row are written together, under the assignment's row lock.
 * The one path that records a result, whoever calls: the API (with files), `submitResult` (the CLI,
 * by reference). Nothing else inserts into result_submission; the partial unique indexes of
 * migration 2026-12-06T1200 (one accepted, one pending per assignment occurrence) back it up.
 */
export async function submitAssignmentResult(
  c: ServiceContext,
  assignmentId: number,
  readBody: () => Promise<SubmissionBody>,
): Promise<ResultView> {
  const { db, actor } = c;
  const { authority, today } = await authorityContext(c);
  const authorityId = authority.id;
  const assignment = await assignmentForResults(c, assignmentId, 'result.submit');
  const { fields, files } = await readBody();
  const submittedOn = fields.submittedOn ?? today;
  if (submittedOn !== today && !can(actor, 'result.decide', { authorityId })) {
    throw new AppError('FORBIDDEN', 'Chỉ Văn phòng được ghi ngày nhận kết quả khác ngày hôm nay.', {
      field: 'submittedOn',
    });
  }
  if (submittedOn > today || submittedOn < assignment.plan_issued_on) {
    throw new AppError('VALIDATION_FAILED', 'Ngày nhận kết quả phải từ ngày ban hành kế hoạch đến hôm nay.', {
      field: 'submittedOn',
    });
  }
  const period = fields.period ?? null;
  if (period !== null) assertPeriodAllowed(assignment, period, today);
  if (fields.accept) requireDecideAccess(actor, authorityId, assignment);
  const checked = checkUploads(files);
  const by = actorName(actor);
  // refused before any file is stored; without files the check under the lock below is the same one
  if (checked.length > 0) {
    assertOpenForResult(assignment, await countOpenResults(db, assignment.id, period), period);
  }
  // written under temporary names now, moved into place as the transaction's last step (files.service.ts)
  const staged = checked.length > 0 ? await stageUploads(c.files, checked) : null;
  try {
    return await inTransaction(db, async (trx) => {
      const locked = await findAssignmentForResult(trx, authorityId, assignmentId, true);
      if (!locked) throw assignmentNotFound();
      assertOpenForResult(locked, await countOpenResults(trx, locked.id, period), period);
      const resultId = await insertResultSubmission(trx, {
        authority_id: authorityId,
        assignment_id: locked.id,
        submitted_on: submittedOn,
        period,
        document_number: fields.documentNumber || null,
        note: fields.note,
        status: fields.accept ? 'accepted' : 'pending',
        decided_on: fields.accept ? today : null,
        decided_by: fields.accept ? by : null,
        return_reason: null,
      });
      await attachFilesToResult(trx, {
        authorityId,
        resultId,
        uploadedBy: actor.kind === 'user' ? actor.userId : null,
        files: staged?.uploads ?? [],
      });
      const view = (await findResultView(trx, authorityId, resultId)) as ResultView;
      await writeAudit(trx, {
        authorityId,
        actor: by,
        action: fields.accept ? 'result.submit_accepted' : 'result.submit',
        entity: 'result_submission',
        entityId: String(resultId),
        after: view,
        ip: c.ip,
      });
      if (fields.accept) {
        const withdrawal = { assignmentIds: [locked.id], actor: by, now: c.now, ip: c.ip };
        await withdrawRemindersNoLongerDue(trx, authorityId, withdrawal);
      }
      if (staged) await publishUploads(c.files, staged);
      return view;
    });
  } finally {
    if (staged) await discardUploads(c.files, staged);
  }
}
