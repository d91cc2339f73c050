import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../shared/errors.ts';
import { actorName, authorityOf, requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import { isUniqueViolation } from '../directory/directory.repo.ts';
import { findAssignmentOfAuthority } from '../extensions/extensions.repo.ts';
import { findPlanById, findTaskById } from '../plans/plans.repo.ts';
import type { ServiceContext } from '../service-context.ts';
import { deleteAudited, indexRefOf, requireComponentCode, requireIndexCode } from './indices.shared.ts';
import {
  deleteLink,
  findLink,
  insertLink,
  type LinkFilter,
  type LinkRow,
  listLinks,
} from './indices-config.repo.ts';

export function toLinkView(row: LinkRow) {
  return {
    ...indexRefOf(row),
    kind: row.assignment_id !== null ? 'assignment' : row.task_id !== null ? 'task' : 'plan',
    planId: row.resolved_plan_id,
    plan: row.plan_number,
    taskId: row.task_id,
    task: row.task_ref,
    taskContent: row.task_content,
    assignmentId: row.assignment_id,
    agency: row.agency_code,
  } as const;
}

export type LinkView = ReturnType<typeof toLinkView>;

/** Liên kết — which plans, tasks and assignments serve which index or component. */
export async function listIndexLinks({ db, actor }: ServiceContext, filter: LinkFilter) {
  const authorityId = authorityOf(actor);
  requireAccess(actor, 'index.read', { authorityId });
  const index = filter.index === undefined ? undefined : requireIndexCode(filter.index);
  return (await listLinks(db, authorityId, { ...filter, index })).map(toLinkView);
}

export interface LinkInput {
  index: string;
  component?: string | null | undefined;
  planId?: number | undefined;
  taskId?: number | undefined;
  assignmentId?: number | undefined;
}

/** Gắn một kế hoạch, nhiệm vụ hoặc nhiệm vụ được giao với chỉ số (hoặc chỉ số thành phần) it serves. */
export async function createIndexLink({ db, actor, ip }: ServiceContext, input: LinkInput) {
  const authorityId = authorityOf(actor);
  requireAccess(actor, 'index.configure', { authorityId });
  const index = requireIndexCode(input.index);
  const component = requireComponentCode(index, input.component);
  const given = [input.planId, input.taskId, input.assignmentId].filter((v) => v !== undefined);
  if (given.length !== 1)
    throw new AppError(
      'VALIDATION_FAILED',
      'Chọn đúng một: kế hoạch (planId), nhiệm vụ (taskId) hoặc nhiệm vụ được giao (assignmentId).',
    );
  if (input.planId !== undefined && !(await findPlanById(db, authorityId, input.planId)))
    throw new AppError('PLAN_NOT_FOUND', 'Không tìm thấy kế hoạch này.');
  if (input.taskId !== undefined && !(await findTaskById(db, authorityId, input.taskId)))
    throw new AppError('TASK_NOT_FOUND', 'Không tìm thấy nhiệm vụ này.');
  if (
    input.assignmentId !== undefined &&
    !(await findAssignmentOfAuthority(db, authorityId, input.assignmentId))
  )
    throw new AppError('ASSIGNMENT_NOT_FOUND', 'Không tìm thấy nhiệm vụ được giao.');
  const values = {
    authority_id: authorityId,
    index_code: index,
    component_code: component,
    plan_id: input.planId ?? null,
    task_id: input.taskId ?? null,
    assignment_id: input.assignmentId ?? null,
    created_by: actorName(actor),
  };
  const id = await inTransaction(db, async (trx) => {
    let id: number;
    try {
      id = await insertLink(trx, values);
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('CONFLICT', 'Liên kết này đã có.');
      throw error;
    }
    await writeAudit(trx, {
      authorityId,
      actor: actorName(actor),
      action: 'index.link_create',
      entity: 'index_link',
      entityId: String(id),
      after: values,
      ip: ip ?? null,
    });
    return id;
  });
  return toLinkView((await findLink(db, authorityId, id)) as LinkRow);
}

export async function deleteIndexLink(ctx: ServiceContext, id: number) {
  const authorityId = authorityOf(ctx.actor);
  requireAccess(ctx.actor, 'index.configure', { authorityId });
  const before = await findLink(ctx.db, authorityId, id);
  if (!before) throw new AppError('NOT_FOUND', 'Không tìm thấy liên kết này.');
  const row = { id, action: 'index.link_delete', entity: 'index_link', before: toLinkView(before) };
  await deleteAudited(ctx, authorityId, row, deleteLink);
}
