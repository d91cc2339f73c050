import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { LocalDate } from '../../domain/dates.ts';
import { type AssignmentState, assignmentStateAsOf } from '../../domain/state.ts';
import { AppError } from '../../shared/errors.ts';
import { actorName, requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import { listAgencyScope } from '../auth/auth.repo.ts';
import { authorityContext, type ServiceContext } from '../service-context.ts';
import {
  findAgencies,
  findLeadsOfOccurrence,
  findParentAssignment,
  insertSubassignment,
  listChildAssignments,
  listSubassignNotes,
  type ParentAssignment,
} from './subassign.repo.ts';

export interface SubassignItem {
  /** a unit below the assignment's agency (its parent_id chain leads there) */
  agencyId: number;
  /** the internal deadline: on or before the parent's current due date */
  dueOn: LocalDate;
  note: string;
}

export interface SubassignmentsView {
  parent: { id: number; agencyId: number; agencyCode: string; dueOn: LocalDate | null };
  items: {
    id: number;
    agencyId: number;
    agencyCode: string;
    agencyName: string;
    opensOn: LocalDate;
    dueOn: LocalDate | null;
    note: string;
    state: AssignmentState;
    resultStatus: 'pending' | 'accepted' | 'returned' | null;
  }[];
  /** done = children with an accepted result, among the children not cancelled */
  progress: { done: number; total: number };
}

/**
 * Phân công lại cho đơn vị trực thuộc — an agency splits one of its assignments among its own units:
 * one child assignment per unit (lead, same task and occurrence, opened today, due on the internal
 * deadline). Children are internal: statistics and written reminders count only top-level
 * assignments; the child's results are decided by the agency that split it.
 */
export async function subassign(
  c: ServiceContext,
  parentId: number,
  items: readonly SubassignItem[],
): Promise<SubassignmentsView> {
  const { db, actor } = c;
  const { authority, today } = await authorityContext(c);
  const authorityId = authority.id;
  const parent = await findParentAssignment(db, authorityId, parentId);
  if (!parent) throw assignmentNotFound();
  requireAccess(actor, 'subassign', { authorityId, agencyId: parent.agency_id });
  assertOpen(parent);
  await checkItems(db, authorityId, parent, items, today);
  await inTransaction(db, async (trx) => {
    const locked = await findParentAssignment(trx, authorityId, parentId, true);
    if (!locked) throw assignmentNotFound();
    assertOpen(locked);
    const existing = await findLeadsOfOccurrence(
      trx,
      locked,
      items.map((i) => i.agencyId),
    );
    if (existing.length > 0) {
      throw new AppError('CONFLICT', 'Đơn vị đã được phân công nhiệm vụ này.', {
        agencyIds: existing.map((e) => e.agency_id),
      });
    }
    for (const item of items) {
      const child = await insertSubassignment(trx, authorityId, locked, { ...item, opensOn: today });
      await writeAudit(trx, {
        authorityId,
        actor: actorName(actor),
        action: 'assignment.subassign',
        entity: 'assignment',
        entityId: String(child.id),
        data: { parentAssignmentId: locked.id, note: item.note },
        after: child,
        ip: c.ip,
      });
    }
  });
  return loadView(db, authorityId, parent, today);
}

/** The children of an assignment, each with its state as of today, and the parent's rolled-up progress. */
export async function getSubassignments(
  c: Pick<ServiceContext, 'db' | 'actor' | 'now'>,
  parentId: number,
): Promise<SubassignmentsView> {
  const { db, actor } = c;
  const { authority, today } = await authorityContext(c);
  const parent = await findParentAssignment(db, authority.id, parentId);
  if (!parent) throw assignmentNotFound();
  requireAccess(actor, 'assignment.read', { authorityId: authority.id, agencyId: parent.agency_id });
  return loadView(db, authority.id, parent, today);
}

async function loadView(
  db: Kysely<DB>,
  authorityId: number,
  parent: ParentAssignment,
  today: LocalDate,
): Promise<SubassignmentsView> {
  const children = await listChildAssignments(db, authorityId, parent.id);
  const notes = await listSubassignNotes(
    db,
    authorityId,
    children.map((ch) => ch.id),
  );
  const items = children.map((ch) => ({
    id: ch.id,
    agencyId: ch.agency_id,
    agencyCode: ch.agency_code,
    agencyName: ch.agency_name,
    opensOn: ch.opens_on,
    dueOn: ch.current_due_on,
    note: notes.get(ch.id) ?? '',
    state: assignmentStateAsOf(
      { dueOn: ch.current_due_on, doneOn: ch.done_on ?? null, cancelledOn: ch.cancelled_on },
      today,
    ),
    resultStatus: ch.result_status ?? null,
  }));
  const live = children.filter((ch) => ch.cancelled_on === null);
  return {
    parent: {
      id: parent.id,
      agencyId: parent.agency_id,
      agencyCode: parent.agency_code,
      dueOn: parent.current_due_on,
    },
    items,
    progress: { done: live.filter((ch) => (ch.done_on ?? null) !== null).length, total: live.length },
  };
}

function assertOpen(parent: ParentAssignment): void {
  if (parent.cancelled_on !== null || parent.moved_to_assignment_id !== null) {
    throw new AppError('CONFLICT', 'Nhiệm vụ đã bị hủy hoặc đã chuyển cơ quan: không phân công lại được.');
  }
  if (parent.has_accepted) {
    throw new AppError(
      'CONFLICT',
      'Nhiệm vụ đã hoàn thành (kết quả đã được tiếp nhận): không phân công lại.',
    );
  }
}

/** Each unit once, strictly below the parent's agency and still in existence; each deadline within the parent's. */
async function checkItems(
  db: Kysely<DB>,
  authorityId: number,
  parent: ParentAssignment,
  items: readonly SubassignItem[],
  today: LocalDate,
): Promise<void> {
  const ids = items.map((i) => i.agencyId);
  if (items.length === 0 || new Set(ids).size !== ids.length) {
    throw new AppError('VALIDATION_FAILED', 'Danh sách đơn vị trống hoặc có đơn vị lặp lại.');
  }
  const below = new Set(
    (await listAgencyScope(db, parent.agency_id)).filter((id) => id !== parent.agency_id),
  );
  const agencies = await findAgencies(db, authorityId, ids);
  for (const item of items) {
    const agency = agencies.find((a) => a.id === item.agencyId);
    if (!agency || !below.has(agency.id) || (agency.valid_to !== null && agency.valid_to <= today)) {
      throw new AppError('VALIDATION_FAILED', 'Chỉ phân công lại cho đơn vị trực thuộc cơ quan được giao.', {
        agencyId: item.agencyId,
      });
    }
    if (parent.current_due_on !== null && item.dueOn > parent.current_due_on) {
      throw new AppError(
        'VALIDATION_FAILED',
        `Hạn của đơn vị ${agency.code} không được sau hạn của nhiệm vụ (${parent.current_due_on}).`,
        { agencyId: item.agencyId, dueOn: item.dueOn },
      );
    }
  }
}

function assignmentNotFound() {
  return new AppError('ASSIGNMENT_NOT_FOUND', 'Không tìm thấy nhiệm vụ được giao.');
}
