import type { Task } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { LocalDate } from '../../domain/dates.ts';
import { AppError } from '../../shared/errors.ts';
import { actorName, authorityOf, requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import { authorityContext, type ServiceContext } from '../service-context.ts';
import { findPlanById, findTaskById, moveTaskDueDates, updateTaskVersioned } from './plans.repo.ts';
import { checkLeaderAccount } from './task-leaders.ts';

/** A task as the API shows it after an edit. */
export function taskViewOf(task: Task) {
  return {
    id: task.id,
    planId: task.plan_id,
    ref: task.ref,
    content: task.content,
    note: task.note,
    deadlineText: task.deadline_text,
    deadlineKind: task.deadline_kind,
    dueOn: task.due_on,
    cancelledOn: task.cancelled_on,
    leaderUserId: task.leader_user_id,
    version: task.version,
  };
}

export interface TaskPatch {
  version: number;
  content?: string | undefined;
  note?: string | undefined;
  dueOn?: LocalDate | undefined;
  /** lãnh đạo phụ trách; null clears it */
  leaderUserId?: number | null | undefined;
}

/**
 * Sửa nhiệm vụ: content, note, and the Office's due date (the phrase stays as written). The new
 * date becomes the task's date and the current due date of each of its assignments that
 *  - is still open as of today: not yet due (due today is still on time), no accepted result,
 *    not cancelled — an overdue one keeps its date, so a reminder already incurred stays;
 *  - has no approved extension — leadership's decision for that agency stands;
 *  - is the task's own (not a sub-assignment an agency made for its units, not moved to a successor).
 * `original_due_on` is the first due date the assignment was given and is never rewritten: an
 * override (the first or a later one) only moves `current_due_on`, so original ≠ current shows that
 * the date was moved; an assignment that had no date (an ongoing or unreadable deadline) takes the
 * new date as its original too. A recurring task's dates are per occurrence and are refused here.
 */
export async function updateTask(ctx: ServiceContext, taskId: number, patch: TaskPatch) {
  requireAccess(ctx.actor, 'plan.write', { authorityId: authorityOf(ctx.actor) });
  const { authority, today } = await authorityContext(ctx);
  return inTransaction(ctx.db, async (trx) => {
    const before = await findTaskById(trx, authority.id, taskId);
    if (!before) throw new AppError('TASK_NOT_FOUND', 'Không tìm thấy nhiệm vụ.');
    if (before.version !== patch.version) throw taskConflict(before.version);
    if (patch.dueOn !== undefined) {
      const plan = await findPlanById(trx, authority.id, before.plan_id);
      if (before.deadline_kind === 'recurring') {
        throw new AppError(
          'VALIDATION_FAILED',
          `Nhiệm vụ ${before.ref} thực hiện định kỳ ("${before.deadline_text}"): hạn được tính theo từng kỳ, không đặt một ngày chung.`,
        );
      }
      if ((before.cancelled_on ?? plan?.cancelled_on ?? null) !== null) {
        throw new AppError('CONFLICT', `Nhiệm vụ ${before.ref} đã bị hủy: không đổi hạn được.`);
      }
      if (patch.dueOn < today) {
        throw new AppError(
          'VALIDATION_FAILED',
          `Hạn mới (${patch.dueOn}) không được trước ngày hôm nay (${today}).`,
          {
            dueOn: patch.dueOn,
            today,
          },
        );
      }
    }
    if (patch.leaderUserId !== undefined) await checkLeaderAccount(trx, authority.id, patch.leaderUserId);
    const after = await updateTaskVersioned(trx, before.id, patch.version, {
      ...(patch.leaderUserId !== undefined ? { leader_user_id: patch.leaderUserId } : {}),
      ...(patch.content !== undefined ? { content: patch.content } : {}),
      ...(patch.note !== undefined ? { note: patch.note } : {}),
      ...(patch.dueOn !== undefined ? { due_on: patch.dueOn, deadline_kind: 'once' as const } : {}),
    });
    if (!after) throw taskConflict(null);
    const moved = patch.dueOn !== undefined ? await moveTaskDueDates(trx, after.id, patch.dueOn, today) : [];
    await writeAudit(trx, {
      authorityId: authority.id,
      actor: actorName(ctx.actor),
      action: 'task.update',
      entity: 'task',
      entityId: String(after.id),
      data: { ref: after.ref, ...(patch.dueOn !== undefined ? { movedAssignments: moved } : {}) },
      before: taskViewOf(before),
      after: taskViewOf(after),
      ip: ctx.ip ?? null,
    });
    return { task: taskViewOf(after), movedAssignments: moved.length };
  });
}

/** Hủy nhiệm vụ from `cancelledOn` (default today): its assignments are `cancelled` from then. */
export async function cancelTask(
  ctx: ServiceContext,
  taskId: number,
  body: { cancelledOn?: LocalDate | undefined; version?: number | undefined; reason?: string | undefined },
) {
  requireAccess(ctx.actor, 'plan.write', { authorityId: authorityOf(ctx.actor) });
  const { authority, today } = await authorityContext(ctx);
  return inTransaction(ctx.db, async (trx) => {
    const before = await findTaskById(trx, authority.id, taskId);
    if (!before) throw new AppError('TASK_NOT_FOUND', 'Không tìm thấy nhiệm vụ.');
    if (body.version !== undefined && body.version !== before.version) throw taskConflict(before.version);
    if (before.cancelled_on !== null) {
      throw new AppError('CONFLICT', `Nhiệm vụ ${before.ref} đã bị hủy từ ngày ${before.cancelled_on}.`, {
        cancelledOn: before.cancelled_on,
      });
    }
    const plan = await findPlanById(trx, authority.id, before.plan_id);
    const cancelledOn = body.cancelledOn ?? today;
    if (plan && cancelledOn < plan.issued_on) {
      throw new AppError('VALIDATION_FAILED', 'Ngày hủy không được trước ngày ban hành kế hoạch.', {
        cancelledOn,
        issuedOn: plan.issued_on,
      });
    }
    const after = await updateTaskVersioned(trx, before.id, before.version, { cancelled_on: cancelledOn });
    if (!after) throw taskConflict(null);
    await writeAudit(trx, {
      authorityId: authority.id,
      actor: actorName(ctx.actor),
      action: 'task.cancel',
      entity: 'task',
      entityId: String(after.id),
      data: { ref: after.ref, cancelledOn, reason: body.reason ?? null },
      before: taskViewOf(before),
      after: taskViewOf(after),
      ip: ctx.ip ?? null,
    });
    return taskViewOf(after);
  });
}

function taskConflict(currentVersion: number | null) {
  return new AppError(
    'VERSION_CONFLICT',
    'Nhiệm vụ vừa được người khác sửa: hãy tải lại để xem bản mới nhất rồi sửa lại.',
    currentVersion === null ? undefined : { currentVersion },
  );
}
