import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type LocalDate, localDateOf, maxDate } from '../../domain/dates.ts';
import { isAgencyValidOn } from '../../domain/directory.ts';
import { AppError } from '../../shared/errors.ts';
import { actorName, authorityOf, requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import {
  type AgencyRow,
  findAgencyOfAuthority,
  findAuthorityById,
  upsertSuccessorLink,
} from '../directory/directory.repo.ts';
import type { ServiceContext } from '../service-context.ts';
import {
  closeMovedAssignment,
  closePendingExtensionRequests,
  endAgencyValidity,
  insertSuccessorAssignment,
  listAssignmentsOfAgencyForTasks,
  listTasksOfAuthority,
  lockOpenAssignmentsOfAgency,
  movePendingResult,
  type OpenAssignment,
} from './reorganisation.repo.ts';

export interface ReorganisationInput {
  fromAgencyId: number;
  effectiveOn: LocalDate;
  /** a move with taskIds takes those tasks; the one move without taskIds takes the rest */
  moves: { toAgencyId: number; taskIds?: number[] | undefined; functions?: string | undefined }[];
}

const ref = (a: AgencyRow) => ({ id: a.id, code: a.code, name: a.name });

/**
 * Sắp xếp tổ chức bộ máy — the open assignments of an agency pass to its successor(s) on a date,
 * possibly split by function (task), in one transaction. docs/domain-rules.md §3: "a reminder stays with the
 * agency that held the assignment at its deadline". So:
 * - an open assignment due on or after the effective date, or ongoing, MOVES: the old one is closed
 *   (cancelled_on = effectiveOn, which is on or before its due date, so it incurs no reminder there;
 *   moved_to_assignment_id points to the new one) and the successor gets the same task, role,
 *   occurrence and due dates, opening on the effective date (or later, for a future occurrence);
 * - an open assignment already overdue on the effective date STAYS: its deadline passed while the old
 *   agency held it, its reminder is the old agency's, and copying it would charge the successor a
 *   second reminder for a deadline it never held;
 * - done and cancelled assignments stay as history.
 * If the successor already holds the same task and occurrence (in the same role, or any role for a
 * coordinating assignment) the old one is linked to that instead of duplicating it. Pending results
 * go with the assignment; pending extension requests are closed (the successor asks anew). The
 * from-agency's validity ends on the effective date and the successor links are recorded.
 */
export async function reorganise({ db, actor, ip, now }: ServiceContext, input: ReorganisationInput) {
  const authorityId = authorityOf(actor);
  requireAccess(actor, 'reorganise', { authorityId });
  const authority = await findAuthorityById(db, authorityId);
  const today = localDateOf(now, authority.time_zone);
  const catchAll = input.moves.filter((m) => m.taskIds === undefined);
  if (catchAll.length > 1)
    invalid('Chỉ một hướng chuyển được nhận "các nhiệm vụ còn lại" (không ghi taskIds).');
  const moveOfTask = new Map<number, number>();
  for (const [index, move] of input.moves.entries()) {
    if (move.toAgencyId === input.fromAgencyId) invalid('Cơ quan nhận phải khác cơ quan được sắp xếp.');
    for (const taskId of move.taskIds ?? []) {
      if (moveOfTask.has(taskId)) invalid(`Nhiệm vụ mã số ${taskId} được giao cho hai cơ quan nhận.`);
      moveOfTask.set(taskId, index);
    }
  }
  const effectiveOn = input.effectiveOn;

  return inTransaction(db, async (trx) => {
    const from = await mustFindAgency(trx, authorityId, input.fromAgencyId);
    const targets: AgencyRow[] = [];
    for (const move of input.moves) {
      const to = await mustFindAgency(trx, authorityId, move.toAgencyId);
      if (!isAgencyValidOn({ ...to, validFrom: to.valid_from, validTo: to.valid_to }, effectiveOn)) {
        invalid(`${to.name} không còn (hoặc chưa) hoạt động vào ngày ${effectiveOn}.`);
      }
      targets.push(to);
    }
    const listed = [...moveOfTask.keys()];
    const known = await listTasksOfAuthority(trx, authorityId, listed);
    const unknown = listed.filter((id) => !known.some((t) => t.id === id));
    if (unknown.length > 0)
      throw new AppError('TASK_NOT_FOUND', 'Có nhiệm vụ không tồn tại.', { taskIds: unknown });

    const open = await lockOpenAssignmentsOfAgency(trx, authorityId, from.id);
    const movable = open.filter((a) => a.current_due_on === null || a.current_due_on >= effectiveOn);
    const stayed = open.filter((a) => !movable.includes(a));
    const uncovered = movable.filter((a) => !moveOfTask.has(a.task_id) && catchAll.length === 0);
    if (uncovered.length > 0) {
      invalid('Còn nhiệm vụ chưa có cơ quan nhận: thêm một hướng chuyển không ghi taskIds.', {
        tasks: [...new Set(uncovered.map((a) => a.task_ref))],
      });
    }
    const idle = known.filter((t) => !movable.some((a) => a.task_id === t.id));
    if (idle.length > 0) {
      invalid(`${from.name} không có nhiệm vụ đang mở để chuyển: ${idle.map((t) => t.ref).join(', ')}.`, {
        taskIds: idle.map((t) => t.id),
      });
    }

    const moved = [];
    for (const a of movable) {
      const index =
        moveOfTask.get(a.task_id) ?? input.moves.indexOf(catchAll[0] as (typeof input.moves)[number]);
      const to = targets[index] as AgencyRow;
      const { targetId, merged } = await placeWithSuccessor(trx, authorityId, a, to.id, effectiveOn);
      if (!(await closeMovedAssignment(trx, a, effectiveOn, targetId))) {
        throw new AppError('VERSION_CONFLICT', 'Nhiệm vụ vừa được người khác cập nhật: hãy thử lại.');
      }
      // a pending result follows the work, unless the successor's own assignment (merged) already
      // has one: one pending result per assignment (unique index), the Office decides the one left here
      await movePendingResult(trx, a.id, targetId);
      await closePendingExtensionRequests(trx, a.id, {
        decidedOn: today,
        decidedBy: actorName(actor),
        note: `Nhiệm vụ đã chuyển sang ${to.name} từ ngày ${effectiveOn}; cơ quan kế thừa đề nghị lại nếu cần.`,
      });
      await writeAudit(trx, {
        authorityId,
        actor: actorName(actor),
        action: 'reorganise.move',
        entity: 'assignment',
        entityId: String(a.id),
        before: { agencyId: from.id, cancelledOn: null, movedToAssignmentId: null, version: a.version },
        after: {
          agencyId: to.id,
          cancelledOn: effectiveOn,
          movedToAssignmentId: targetId,
          merged,
          version: a.version + 1,
        },
        ip: ip ?? null,
      });
      moved.push({ ...view(a), toAssignmentId: targetId, toAgency: ref(to), merged });
    }

    await endAgencyValidity(trx, from.id, effectiveOn);
    for (const [index, move] of input.moves.entries()) {
      const to = targets[index] as AgencyRow;
      await upsertSuccessorLink(trx, {
        authorityId,
        fromAgencyId: from.id,
        toAgencyId: to.id,
        functions: move.functions ?? null,
        effectiveOn,
      });
    }
    await writeAudit(trx, {
      authorityId,
      actor: actorName(actor),
      action: 'reorganise',
      entity: 'agency',
      entityId: String(from.id),
      data: {
        effectiveOn,
        moves: input.moves,
        moved: moved.map((m) => [m.assignmentId, m.toAssignmentId]),
        stayed: stayed.map((a) => a.id),
      },
      before: { validTo: from.valid_to },
      after: { validTo: effectiveOn },
      ip: ip ?? null,
    });
    return { fromAgency: ref(from), effectiveOn, moved, stayed: stayed.map(view) };
  });
}

const view = (a: OpenAssignment) => ({
  assignmentId: a.id,
  plan: a.plan_number,
  task: a.task_ref,
  role: a.role,
  occurrence: a.occurrence,
  dueOn: a.current_due_on,
});

/** The successor's assignment for `a`: one it already holds, or a copy opening on the effective date. */
async function placeWithSuccessor(
  trx: Kysely<DB>,
  authorityId: number,
  a: OpenAssignment,
  toAgencyId: number,
  effectiveOn: LocalDate,
): Promise<{ targetId: number; merged: boolean }> {
  const held = (await listAssignmentsOfAgencyForTasks(trx, toAgencyId, [a.task_id])).filter(
    (h) => h.occurrence === a.occurrence,
  );
  const same = held.find((h) => h.role === a.role) ?? (a.role === 'support' ? held[0] : undefined);
  if (same) return { targetId: same.id, merged: true };
  const id = await insertSuccessorAssignment(trx, {
    authority_id: authorityId,
    task_id: a.task_id,
    agency_id: toAgencyId,
    role: a.role,
    occurrence: a.occurrence,
    period_label: a.period_label,
    opens_on: maxDate(a.opens_on, effectiveOn),
    original_due_on: a.original_due_on,
    // the stated date: the successor's trigger moves it by the setting (docs/domain-rules.md §4a)
    current_due_on: a.stated_due_on,
    cancelled_on: null,
    parent_assignment_id: a.parent_assignment_id,
  });
  return { targetId: id, merged: false };
}

async function mustFindAgency(db: Kysely<DB>, authorityId: number, id: number) {
  const agency = await findAgencyOfAuthority(db, authorityId, id);
  if (!agency) throw new AppError('AGENCY_NOT_FOUND', `Không tìm thấy cơ quan mã số ${id} trong danh mục.`);
  return agency;
}

function invalid(message: string, details?: Record<string, unknown>): never {
  throw new AppError('VALIDATION_FAILED', message, details);
}
