import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type LocalDate, localDateOf } from '../../domain/dates.ts';
import { foldVietnamese } from '../../domain/vietnamese-text.ts';
import type { RequestContext } from '../../server/http.ts';
import { AppError } from '../../shared/errors.ts';
import { type Actor, actorName, authorityOf, can, requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import { findAuthorityById, listAgencies } from '../directory/directory.repo.ts';
import { attachFilesToResult, checkUploads, storeUploads, type Upload } from '../files/files.service.ts';
import { withdrawRemindersNoLongerDue } from '../followup/reminder-withdrawal.ts';
import { findPlanByNumber, findTaskByRef } from '../plans/plans.repo.ts';
import {
  type AssignmentForResult,
  countOpenResults,
  findAssignmentForResult,
  findResultView,
  type ResultView,
} from './results.repo.ts';

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
}

export interface SubmittedResult {
  resultId: number;
  assignmentId: number;
  status: 'pending' | 'accepted';
}

/** Báo cáo kết quả — records an agency's result for one of its assignments (accepted at once if asked). */
export async function submitResult(
  db: Kysely<DB>,
  authorityId: number,
  input: SubmitResultInput,
  actor = 'system',
): Promise<SubmittedResult> {
  return inTransaction(db, async (trx) => {
    const plan = await findPlanByNumber(trx, authorityId, input.plan);
    if (!plan) throw new AppError('PLAN_NOT_FOUND', `Không tìm thấy kế hoạch số ${input.plan}.`);
    const task = await findTaskByRef(trx, plan.id, input.task.trim().toUpperCase());
    if (!task) {
      throw new AppError('TASK_NOT_FOUND', `Kế hoạch ${plan.number} không có nhiệm vụ ${input.task}.`);
    }
    const agency = findAgency(await listAgencies(trx, authorityId), input.agency);
    const candidates = await trx
      .selectFrom('assignment as a')
      .select(['a.id', 'a.role', 'a.occurrence'])
      .select((eb) =>
        eb
          .exists(
            eb
              .selectFrom('result_submission as r')
              .whereRef('r.assignment_id', '=', 'a.id')
              .where('r.status', '=', 'accepted')
              .select('r.id'),
          )
          .as('has_accepted'),
      )
      .where('a.task_id', '=', task.id)
      .where('a.agency_id', '=', agency.id)
      .orderBy('a.role')
      .orderBy('a.occurrence')
      .execute();
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
    const status = input.accept ? 'accepted' : 'pending';
    const { id: resultId } = await trx
      .insertInto('result_submission')
      .values({
        authority_id: authorityId,
        assignment_id: assignment.id,
        submitted_on: input.submittedOn,
        document_number: input.documentNumber ?? null,
        note: input.note ?? '',
        status,
        decided_on: input.accept ? input.submittedOn : null,
        decided_by: input.accept ? actor : null,
        return_reason: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, {
      authorityId,
      actor,
      action: input.accept ? 'result.submit_accepted' : 'result.submit',
      entity: 'result_submission',
      entityId: String(resultId),
      data: { plan: plan.number, task: task.ref, agency: agency.code, submittedOn: input.submittedOn },
    });
    if (input.accept) {
      const withdrawal = { assignmentIds: [assignment.id], actor, now: new Date() };
      await withdrawRemindersNoLongerDue(trx, authorityId, withdrawal);
    }
    return { resultId, assignmentId: assignment.id, status };
  });
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
}

export interface SubmissionBody {
  fields: SubmissionFields;
  files: Upload[];
}

/** The parts of the request context a service needs (tests and background jobs build one by hand). */
export type ServiceContext = Pick<RequestContext, 'db' | 'actor' | 'ip' | 'now'> & {
  http: { filesDir: string };
};

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

/** Refuses a new result while one is pending or accepted, or when the assignment is closed. */
export function assertOpenForResult(
  assignment: Pick<AssignmentForResult, 'cancelled_on' | 'moved_to_assignment_id'>,
  open: { accepted: number; pending: number },
): void {
  const refuse = (reason: string, message: string) => {
    throw new AppError('CONFLICT', message, { reason });
  };
  if (assignment.cancelled_on !== null) refuse('cancelled', 'Nhiệm vụ đã bị hủy: không nhận kết quả.');
  if (assignment.moved_to_assignment_id !== null) {
    refuse('moved', 'Nhiệm vụ đã chuyển cho cơ quan kế thừa: hãy báo cáo trên nhiệm vụ mới.');
  }
  if (open.accepted > 0) refuse('accepted', 'Nhiệm vụ đã có kết quả được tiếp nhận.');
  if (open.pending > 0) refuse('pending', 'Nhiệm vụ đang có kết quả chờ Văn phòng xem xét.');
}

/**
 * Báo cáo kết quả (web) — an agency's result for one assignment: a document number, a note, up to
 * five files checked by content. The submission date is today in the authority's time zone; only
 * the Office may record an earlier receipt date, and only whoever decides the result may accept it
 * at once. Files are stored (content-addressed) before the transaction; the result, its files and
 * the audit row are written together, under the assignment's row lock.
 */
export async function submitAssignmentResult(
  c: ServiceContext,
  assignmentId: number,
  readBody: () => Promise<SubmissionBody>,
): Promise<ResultView> {
  const { db, actor } = c;
  const authority = await findAuthorityById(db, authorityOf(actor));
  const authorityId = authority.id;
  const assignment = await findAssignmentForResult(db, authorityId, assignmentId);
  if (!assignment) throw assignmentNotFound();
  requireAccess(actor, 'result.submit', { authorityId, agencyId: assignment.agency_id });
  const { fields, files } = await readBody();
  const today = localDateOf(c.now, authority.time_zone);
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
  if (fields.accept) requireDecideAccess(actor, authorityId, assignment);
  const checked = checkUploads(files);
  // refused before any file is stored; without files the check under the lock below is the same one
  if (checked.length > 0) assertOpenForResult(assignment, await countOpenResults(db, assignment.id));
  const stored = await storeUploads(c.http.filesDir, checked);
  return inTransaction(db, async (trx) => {
    const locked = await findAssignmentForResult(trx, authorityId, assignmentId, true);
    if (!locked) throw assignmentNotFound();
    assertOpenForResult(locked, await countOpenResults(trx, locked.id));
    const { id: resultId } = await trx
      .insertInto('result_submission')
      .values({
        authority_id: authorityId,
        assignment_id: locked.id,
        submitted_on: submittedOn,
        document_number: fields.documentNumber,
        note: fields.note,
        status: fields.accept ? 'accepted' : 'pending',
        decided_on: fields.accept ? today : null,
        decided_by: fields.accept ? actorName(actor) : null,
        return_reason: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await attachFilesToResult(trx, {
      authorityId,
      resultId,
      uploadedBy: actor.kind === 'user' ? actor.userId : null,
      files: stored,
    });
    const view = (await findResultView(trx, authorityId, resultId)) as ResultView;
    await writeAudit(trx, {
      authorityId,
      actor: actorName(actor),
      action: fields.accept ? 'result.submit_accepted' : 'result.submit',
      entity: 'result_submission',
      entityId: String(resultId),
      after: view,
      ip: c.ip,
    });
    if (fields.accept) {
      const withdrawal = { assignmentIds: [locked.id], actor: actorName(actor), now: c.now, ip: c.ip };
      await withdrawRemindersNoLongerDue(trx, authorityId, withdrawal);
    }
    return view;
  });
}

export function assignmentNotFound() {
  return new AppError('ASSIGNMENT_NOT_FOUND', 'Không tìm thấy nhiệm vụ được giao.');
}
