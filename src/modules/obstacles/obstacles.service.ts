import { assignmentLabelOf } from '../../db/assignment-facts.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../shared/errors.ts';
import { actorName } from '../access/access.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import {
  decisionDay,
  listRequests,
  loadForDecision,
  openRequestOn,
  type RequestKind,
  type RequestListQuery,
  type RequestReader,
  viewRequest,
} from '../extensions/assignment-requests.ts';
import type { ServiceContext } from '../service-context.ts';
import {
  answerObstacle,
  findObstacle,
  insertObstacle,
  listObstacles,
  type ObstacleRow,
} from './obstacles.repo.ts';

export function toObstacleView(row: ObstacleRow) {
  return {
    id: row.id,
    assignmentId: row.assignment_id,
    ...assignmentLabelOf(row),
    role: row.role,
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

const OBSTACLE: RequestKind<ObstacleRow, ObstacleView> = {
  action: 'obstacle.respond',
  list: listObstacles,
  table: 'obstacle',
  find: findObstacle,
  view: toObstacleView,
  open: 'open',
  notFound: 'Không tìm thấy khó khăn, vướng mắc này.',
  decided: () => new AppError('CONFLICT', 'Khó khăn, vướng mắc này đã được trả lời.'),
};

/**
 * Báo cáo khó khăn, vướng mắc — an agency (lead or coordinating) reports what holds an assignment
 * up and may propose a solution; the Office or leadership answers. A cancelled or moved assignment
 * takes no new report.
 */
export async function reportObstacle(
  ctx: ServiceContext,
  assignmentId: number,
  input: { description: string; proposal?: string | undefined },
): Promise<ObstacleView> {
  const { authorityId, assignment, today } = await openRequestOn(ctx, assignmentId, 'obstacle.report');
  const id = await inTransaction(ctx.db, async (trx) => {
    const id = await insertObstacle(trx, {
      authority_id: authorityId,
      assignment_id: assignment.id,
      reported_on: today,
      description: input.description,
      proposal: input.proposal ?? '',
      status: 'open',
      response: null,
      responded_on: null,
      responded_by: null,
    });
    await writeAudit(trx, {
      authorityId,
      actor: actorName(ctx.actor),
      action: 'obstacle.report',
      entity: 'obstacle',
      entityId: String(id),
      after: { assignmentId: assignment.id, description: input.description, proposal: input.proposal ?? '' },
      ip: ctx.ip,
    });
    return id;
  });
  return viewRequest(ctx.db, authorityId, id, OBSTACLE);
}

/** Danh sách khó khăn, vướng mắc: the Office, leadership and admins see all; an agency its own scope. */
export function listObstaclesFor(ctx: RequestReader, query: RequestListQuery<ObstacleRow['status']>) {
  return listRequests(ctx, query, OBSTACLE);
}

/** Trả lời khó khăn, vướng mắc — once; an answered obstacle is closed. */
export async function respondToObstacle(
  ctx: ServiceContext,
  id: number,
  input: { response: string },
): Promise<ObstacleView> {
  const { authorityId, today: respondedOn } = await decisionDay(ctx);
  await inTransaction(ctx.db, async (trx) => {
    await loadForDecision(trx, ctx, authorityId, id, OBSTACLE);
    await answerObstacle(trx, id, { response: input.response, respondedOn, by: actorName(ctx.actor) });
    await writeAudit(trx, {
      authorityId,
      actor: actorName(ctx.actor),
      action: 'obstacle.respond',
      entity: 'obstacle',
      entityId: String(id),
      before: { status: 'open', response: null },
      after: { status: 'answered', response: input.response, respondedOn },
      ip: ctx.ip,
    });
  });
  return viewRequest(ctx.db, authorityId, id, OBSTACLE);
}
