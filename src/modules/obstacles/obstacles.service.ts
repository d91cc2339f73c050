import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { localDateOf } from '../../domain/dates.ts';
import { AppError } from '../../shared/errors.ts';
import type { PageQuery } from '../../shared/schemas/common.ts';
import { actorName, agencyFilterFor, authorityOf, requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import { findAuthorityById } from '../directory/directory.repo.ts';
import { findAssignmentOfAuthority } from '../extensions/extensions.repo.ts';
import type { ServiceContext } from '../extensions/extensions.service.ts';
import { findObstacle, listObstacles, lockObstacle, type ObstacleRow } from './obstacles.repo.ts';

export function toObstacleView(row: ObstacleRow) {
  return {
    id: row.id,
    assignmentId: row.assignment_id,
    agency: { id: row.agency_id, code: row.agency_code, name: row.agency_name },
    plan: row.plan_number,
    task: row.task_ref,
    role: row.role,
    occurrence: row.occurrence,
    reportedOn: row.reported_on,
    description: row.description,
    proposal: row.proposal,
    status: row.status,
    response: row.response,
    respondedOn: row.responded_on,
    respondedBy: row.responded_by,
  };
}

export type ObstacleView = ReturnType<typeof toObstacleView>;

/**
 * Báo cáo khó khăn, vướng mắc — an agency (lead or coordinating) reports what holds an assignment
 * up and may propose a solution; the Office or leadership answers. A cancelled or moved assignment
 * takes no new report.
 */
export async function reportObstacle(
  { db, actor, ip, now }: ServiceContext,
  assignmentId: number,
  input: { description: string; proposal?: string | undefined },
): Promise<ObstacleView> {
  const authority = await findAuthorityById(db, authorityOf(actor));
  const assignment = await findAssignmentOfAuthority(db, authority.id, assignmentId);
  if (!assignment) throw new AppError('ASSIGNMENT_NOT_FOUND', 'Không tìm thấy nhiệm vụ được giao.');
  requireAccess(actor, 'obstacle.report', { authorityId: authority.id, agencyId: assignment.agency_id });
  if (assignment.cancelled_on !== null)
    throw new AppError('CONFLICT', 'Nhiệm vụ đã bị hủy hoặc đã chuyển giao.');
  const id = await inTransaction(db, async (trx) => {
    const { id } = await trx
      .insertInto('obstacle')
      .values({
        authority_id: authority.id,
        assignment_id: assignment.id,
        reported_on: localDateOf(now, authority.time_zone),
        description: input.description,
        proposal: input.proposal ?? '',
        status: 'open',
        response: null,
        responded_on: null,
        responded_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, {
      authorityId: authority.id,
      actor: actorName(actor),
      action: 'obstacle.report',
      entity: 'obstacle',
      entityId: String(id),
      after: { assignmentId: assignment.id, description: input.description, proposal: input.proposal ?? '' },
      ip: ip ?? null,
    });
    return id;
  });
  return toObstacleView(await mustFind(db, authority.id, id));
}

/** Danh sách khó khăn, vướng mắc: the Office, leadership and admins see all; an agency its own scope. */
export async function listObstaclesFor(
  { db, actor }: ServiceContext,
  query: PageQuery & { status?: ObstacleRow['status'] | undefined; assignmentId?: number | undefined },
) {
  const authorityId = authorityOf(actor);
  const agencyIds = agencyFilterFor(actor, 'assignment.read', authorityId);
  const { rows, total } = await listObstacles(
    db,
    authorityId,
    { status: query.status, assignmentId: query.assignmentId, agencyIds },
    query,
  );
  return { items: rows.map(toObstacleView), total, page: query.page, pageSize: query.pageSize };
}

/** Trả lời khó khăn, vướng mắc — once; an answered obstacle is closed. */
export async function respondToObstacle(
  { db, actor, ip, now }: ServiceContext,
  id: number,
  input: { response: string },
): Promise<ObstacleView> {
  const authority = await findAuthorityById(db, authorityOf(actor));
  await inTransaction(db, async (trx) => {
    await lockObstacle(trx, id);
    const obstacle = await findObstacle(trx, authority.id, id);
    if (!obstacle) throw new AppError('NOT_FOUND', 'Không tìm thấy khó khăn, vướng mắc này.');
    requireAccess(actor, 'obstacle.respond', { authorityId: authority.id, agencyId: obstacle.agency_id });
    if (obstacle.status !== 'open')
      throw new AppError('CONFLICT', 'Khó khăn, vướng mắc này đã được trả lời.');
    const respondedOn = localDateOf(now, authority.time_zone);
    await trx
      .updateTable('obstacle')
      .set({
        status: 'answered',
        response: input.response,
        responded_on: respondedOn,
        responded_by: actorName(actor),
      })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, {
      authorityId: authority.id,
      actor: actorName(actor),
      action: 'obstacle.respond',
      entity: 'obstacle',
      entityId: String(id),
      before: { status: 'open', response: null },
      after: { status: 'answered', response: input.response, respondedOn },
      ip: ip ?? null,
    });
  });
  return toObstacleView(await mustFind(db, authority.id, id));
}

async function mustFind(db: Kysely<DB>, authorityId: number, id: number): Promise<ObstacleRow> {
  const row = await findObstacle(db, authorityId, id);
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy khó khăn, vướng mắc này.');
  return row;
}
