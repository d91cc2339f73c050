import type { Kysely } from 'kysely';
import { assignmentLabelOf } from '../../db/assignment-facts.ts';
import type { DB } from '../../db/schema.ts';
import { inTransaction, lockRow } from '../../db/transaction.ts';
import { formatVietnameseDate, type LocalDate } from '../../domain/dates.ts';
import { AppError } from '../../shared/errors.ts';
import { actorName, requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import { isUniqueViolation } from '../directory/directory.repo.ts';
import type { ServiceContext } from '../service-context.ts';
import {
  decisionDay,
  listRequests,
  loadForDecision,
  openRequestOn,
  type RequestKind,
  type RequestListQuery,
  type RequestReader,
  viewRequest,
} from './assignment-requests.ts';
import {
  type Decider,
  type DecisionDocument,
  deciderOf,
  loadDecisionSettings,
} from './extension-decisions.ts';
import {
  decidePendingExtension,
  type ExtensionDecision,
  type ExtensionRow,
  findAssignmentOfAuthority,
  findExtension,
  findPendingExtension,
  insertExtension,
  listExtensions,
  moveDueDateVersioned,
  proposePendingExtension,
} from './extensions.repo.ts';

export function toExtensionView(row: ExtensionRow) {
  return {
    id: row.id,
    assignmentId: row.assignment_id,
    ...assignmentLabelOf(row),
    originalDueOn: row.original_due_on,
    currentDueOn: row.current_due_on,
    assignmentVersion: row.assignment_version,
    requestedOn: row.requested_on,
    requestedDueOn: row.requested_due_on,
    reason: row.reason,
    status: row.status,
    decidedOn: row.decided_on,
    decidedBy: row.decided_by,
    decisionNote: row.decision_note,
    ...proposalAndDocumentOf(row),
  };
}

/** The Office's proposal and the leader's decision document of a request (docs/domain-rules.md §10). */
export function proposalAndDocumentOf(row: {
  proposed_on: string | null;
  proposed_by: string | null;
  office_recommends: 'approve' | 'reject' | null;
  office_opinion: string | null;
  decision_number: string | null;
  decision_date: string | null;
}) {
  return {
    proposal:
      row.proposed_on === null
        ? null
        : {
            proposedOn: row.proposed_on,
            proposedBy: row.proposed_by,
            recommends: row.office_recommends ?? 'approve',
            opinion: row.office_opinion ?? '',
          },
    decisionNumber: row.decision_number,
    decisionDate: row.decision_date,
  };
}

export type ExtensionView = ReturnType<typeof toExtensionView>;

const EXTENSION: RequestKind<ExtensionRow, ExtensionView> = {
  action: 'extension.decide',
  list: listExtensions,
  table: 'extension_request',
  find: findExtension,
  view: toExtensionView,
  open: 'pending',
  notFound: 'Không tìm thấy đề nghị gia hạn.',
  decided: (status) => new AppError('CONFLICT', 'Đề nghị gia hạn này đã được quyết định.', { status }),
};

/**
 * The current due date an extension would move, while it still may: the assignment is not done, has
 * one (an ongoing task has none to extend), and the date has not passed (docs/domain-rules.md §6). Asking
 * and approving check the same; `refusals` say why not in the words of each.
 */
function extendableDue(
  assignment: { current_due_on: LocalDate | null; done: boolean },
  today: LocalDate,
  refusals: { done: string; passed: string },
): LocalDate {
  if (assignment.done) throw new AppError('CONFLICT', refusals.done);
  const due = assignment.current_due_on;
  if (due === null) throw new AppError('CONFLICT', 'Nhiệm vụ thường xuyên không có thời hạn để gia hạn.');
  if (today > due) {
    throw new AppError('CONFLICT', `Đã quá thời hạn ${formatVietnameseDate(due)}: ${refusals.passed}`, {
      dueOn: due,
      today,
    });
  }
  return due;
}

/**
 * Xin gia hạn — the lead agency asks to move the due date of an open assignment, before the deadline.
 * One request may be pending per assignment (a partial unique index guarantees it under concurrency).
 */
export async function requestExtension(
  ctx: ServiceContext,
  assignmentId: number,
  input: { requestedDueOn: LocalDate; reason: string },
): Promise<ExtensionView> {
  const { db, actor, ip } = ctx;
  const { authorityId, assignment, today } = await openRequestOn(
    ctx,
    assignmentId,
    'extension.request',
    (a) => {
      if (a.role !== 'lead')
        throw new AppError('CONFLICT', 'Chỉ cơ quan chủ trì mới đề nghị gia hạn nhiệm vụ.');
    },
  );
  const due = extendableDue(assignment, today, {
    done: 'Nhiệm vụ đã hoàn thành, không cần gia hạn.',
    passed: 'chỉ được đề nghị gia hạn trước khi hết hạn.',
  });
  if (input.requestedDueOn <= due) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Thời hạn đề nghị phải sau thời hạn hiện tại (${formatVietnameseDate(due)}).`,
    );
  }
  if (await findPendingExtension(db, assignment.id)) throw pendingExists();
  try {
    const id = await inTransaction(db, async (trx) => {
      const id = await insertExtension(trx, {
        authority_id: authorityId,
        assignment_id: assignment.id,
        requested_on: today,
        requested_due_on: input.requestedDueOn,
        reason: input.reason,
        status: 'pending',
        decided_on: null,
        decided_by: null,
        decision_note: null,
      });
      await writeAudit(trx, {
        authorityId,
        actor: actorName(actor),
        action: 'extension.request',
        entity: 'extension_request',
        entityId: String(id),
        after: { assignmentId: assignment.id, currentDueOn: due, requestedDueOn: input.requestedDueOn },
        ip,
      });
      return id;
    });
    return viewRequest(db, authorityId, id, EXTENSION);
  } catch (error) {
    if (isUniqueViolation(error, 'extension_request_one_pending')) throw pendingExists();
    throw error;
  }
}

function pendingExists() {
  return new AppError('CONFLICT', 'Nhiệm vụ này đã có một đề nghị gia hạn đang chờ quyết định.');
}

/** Danh sách đề nghị gia hạn: the Office, leadership and admins see all; an agency its own scope. */
export function listExtensionsFor(ctx: RequestReader, query: RequestListQuery<ExtensionRow['status']>) {
  return listRequests(ctx, query, EXTENSION);
}

/** The extension requests decided in [from, to], as listExtensionsFor lists them (a report's period: its rows only). */
export function listExtensionsDecidedIn(
  ctx: RequestReader,
  period: { from: LocalDate; to: LocalDate },
  query: RequestListQuery<ExtensionRow['status']>,
) {
  return listRequests(ctx, query, {
    ...EXTENSION,
    list: (db, authorityId, filter, page) =>
      listExtensions(db, authorityId, { ...filter, decidedIn: period }, page),
  });
}

/**
 * Duyệt gia hạn — moves the assignment's current due date to the requested one; the original due
 * date stays as it was. Refused once the current due date has passed: by then the deadline went by
 * without a result and the written reminder already fell due (docs/domain-rules.md §6: only an extension approved
 * on or before the deadline prevents it, the rule `effectiveDueOn` encodes). Since status and
 * reminders read `current_due_on`, moving it afterwards would silently erase a reminder incurred.
 */
export async function approveExtension(
  ctx: ServiceContext,
  id: number,
  input: DecisionDocument & { note?: string | undefined; version?: number | undefined },
): Promise<ExtensionView> {
  const { db, actor, ip } = ctx;
  const { authorityId, today } = await decisionDay(ctx);
  await inTransaction(db, async (trx) => {
    const { extension, decider } = await loadWithDecider(trx, ctx, authorityId, id, input, today);
    await lockRow(trx, 'assignment', extension.assignment_id);
    const assignment = await findAssignmentOfAuthority(trx, authorityId, extension.assignment_id);
    if (!assignment) throw new AppError('ASSIGNMENT_NOT_FOUND', 'Không tìm thấy nhiệm vụ được giao.');
    if (input.version !== undefined && input.version !== assignment.version) throw versionConflict();
    if (assignment.cancelled_on !== null)
      throw new AppError('CONFLICT', 'Nhiệm vụ đã bị hủy hoặc đã chuyển giao.');
    const due = extendableDue(assignment, today, {
      done: 'Nhiệm vụ đã hoàn thành: hãy từ chối đề nghị này.',
      passed: 'nhắc nhở bằng văn bản đã phát sinh, không thể duyệt gia hạn sau hạn.',
    });
    if (extension.requested_due_on <= due) {
      throw new AppError(
        'CONFLICT',
        `Thời hạn đề nghị không còn sau thời hạn hiện tại (${formatVietnameseDate(due)}).`,
      );
    }
    const moved = await moveDueDateVersioned(
      trx,
      assignment.id,
      assignment.version,
      extension.requested_due_on,
    );
    if (!moved) throw versionConflict();
    await decide(trx, id, { status: 'approved', today, ...decider, note: input.note ?? null });
    await writeAudit(trx, {
      authorityId,
      actor: actorName(actor),
      action: 'extension.approve',
      entity: 'assignment',
      entityId: String(assignment.id),
      data: { extensionId: id, note: input.note ?? null, ...documentOf(decider) },
      before: { currentDueOn: due, originalDueOn: assignment.original_due_on, version: assignment.version },
      after: {
        currentDueOn: extension.requested_due_on,
        originalDueOn: assignment.original_due_on,
        version: assignment.version + 1,
      },
      ip,
    });
  });
  return viewRequest(db, authorityId, id, EXTENSION);
}

/** Từ chối gia hạn — the due date stays; a note says why. */
export async function rejectExtension(
  ctx: ServiceContext,
  id: number,
  input: DecisionDocument & { note: string },
): Promise<ExtensionView> {
  const { db, actor, ip } = ctx;
  const { authorityId, today } = await decisionDay(ctx);
  await inTransaction(db, async (trx) => {
    const { extension, decider } = await loadWithDecider(trx, ctx, authorityId, id, input, today);
    await decide(trx, id, { status: 'rejected', today, ...decider, note: input.note });
    await writeAudit(trx, {
      authorityId,
      actor: actorName(actor),
      action: 'extension.reject',
      entity: 'extension_request',
      entityId: String(id),
      before: { status: 'pending' },
      after: {
        status: 'rejected',
        note: input.note,
        assignmentId: extension.assignment_id,
        ...documentOf(decider),
      },
      ip,
    });
  });
  return viewRequest(db, authorityId, id, EXTENSION);
}

/**
 * Trình — the Office proposes a decision on a pending request to the leader, with its opinion
 * (docs/domain-rules.md §10): once per request; the request stays pending until the leader decides.
 */
export async function proposeExtension(
  ctx: ServiceContext,
  id: number,
  input: { recommends: 'approve' | 'reject'; opinion: string },
): Promise<ExtensionView> {
  const { db, actor, ip } = ctx;
  const { authorityId, today } = await decisionDay(ctx);
  await inTransaction(db, async (trx) => {
    const extension = await loadForDecision(trx, ctx, authorityId, id, EXTENSION);
    requireAccess(actor, 'extension.propose', { authorityId, agencyId: extension.agency_id });
    const proposal = { today, by: actorName(actor), ...input };
    if (!(await proposePendingExtension(trx, id, proposal))) {
      throw new AppError('CONFLICT', 'Văn phòng đã trình đề nghị gia hạn này.', {
        proposedOn: extension.proposed_on,
      });
    }
    await writeAudit(trx, {
      authorityId,
      actor: actorName(actor),
      action: 'extension.propose',
      entity: 'extension_request',
      entityId: String(id),
      after: { recommends: input.recommends, opinion: input.opinion, assignmentId: extension.assignment_id },
      ip,
    });
  });
  return viewRequest(db, authorityId, id, EXTENSION);
}

/**
 * A request to decide and who decides it, inside the deciding transaction: another authority's request
 * is NOT_FOUND, then who may decide (by the authority's settings, docs/domain-rules.md §10) before
 * "already decided" — the Office is refused even a request decided meanwhile.
 */
async function loadWithDecider(
  trx: Kysely<DB>,
  ctx: ServiceContext,
  authorityId: number,
  id: number,
  document: DecisionDocument,
  today: LocalDate,
) {
  const deciders: Decider[] = [];
  const extension = await loadForDecision(trx, ctx, authorityId, id, EXTENSION, async () => {
    const settings = await loadDecisionSettings(trx, authorityId);
    deciders.push(deciderOf(ctx.actor, settings, document, today));
  });
  return { extension, decider: deciders[0] as Decider };
}

function documentOf(d: { userId: number | null; number: string | null; date: string | null }) {
  return { decidedByUserId: d.userId, decisionNumber: d.number, decisionDate: d.date };
}

async function decide(trx: Kysely<DB>, id: number, d: ExtensionDecision) {
  if (!(await decidePendingExtension(trx, id, d))) {
    throw new AppError('CONFLICT', 'Đề nghị gia hạn này đã được quyết định.');
  }
}

function versionConflict() {
  return new AppError('VERSION_CONFLICT', 'Nhiệm vụ vừa được người khác cập nhật: hãy tải lại và thử lại.');
}
