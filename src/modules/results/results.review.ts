import { pageAnswer } from '../../db/page.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../shared/errors.ts';
import { actorName, agencyFilterFor, authorityOf, can } from '../access/access.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import { withdrawRemindersNoLongerDue } from '../followup/reminder-withdrawal.ts';
import { authorityContext, type ServiceContext } from '../service-context.ts';
import {
  countOpenResults,
  countResults,
  decidePendingResult,
  findAssignmentForResult,
  findResultAssignment,
  findResultView,
  listResultViews,
  type ResultFilter,
  type ResultView,
} from './results.repo.ts';
import { assertOpenForResult, requireDecideAccess } from './results.service.ts';
import { assignmentForResults, assignmentNotFound } from './results-access.ts';

export interface ResultListQuery {
  status?: 'pending' | 'accepted' | 'returned' | undefined;
  assignmentId?: number | undefined;
  internal?: boolean | undefined;
  page: number;
  pageSize: number;
}

/**
 * Hàng đợi xem xét kết quả — the results an actor may see: all of them for whoever decides results
 * (the Office) or reads every agency (leadership); an agency user only its own scope's (its units'
 * included). Filtering by an assignment first checks that the actor may read that assignment.
 */
export async function listResults(c: ServiceContext, query: ResultListQuery) {
  const { db, actor } = c;
  const authorityId = authorityOf(actor);
  if (query.assignmentId !== undefined) await assignmentForResults(c, query.assignmentId, 'assignment.read');
  const agencyIds = can(actor, 'result.decide', { authorityId })
    ? null
    : agencyFilterFor(actor, 'assignment.read', authorityId);
  const filter: ResultFilter = {
    status: query.status,
    assignmentId: query.assignmentId,
    internal: query.internal,
    agencyIds,
  };
  const total = await countResults(db, authorityId, filter);
  const items = await listResultViews(db, authorityId, filter, {
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return pageAnswer(query, items, total);
}

/** Tiếp nhận kết quả — accept a pending result: its submission date is the one that counts. */
export function acceptResult(c: ServiceContext, resultId: number): Promise<ResultView> {
  return decideResult(c, resultId, { status: 'accepted', returnReason: null });
}

/** Trả lại, yêu cầu bổ sung — a returned result does not count; the agency may submit again. */
export function returnResult(c: ServiceContext, resultId: number, reason: string): Promise<ResultView> {
  const trimmed = reason.trim();
  if (Array.from(trimmed).length < 5) {
    throw new AppError('VALIDATION_FAILED', 'Cần nêu lý do trả lại (ít nhất 5 ký tự).', { field: 'reason' });
  }
  return decideResult(c, resultId, { status: 'returned', returnReason: trimmed });
}

async function decideResult(
  c: ServiceContext,
  resultId: number,
  decision: { status: 'accepted' | 'returned'; returnReason: string | null },
): Promise<ResultView> {
  const { db, actor } = c;
  const { authority, today } = await authorityContext(c);
  const authorityId = authority.id;
  const result = await findResultAssignment(db, authorityId, resultId);
  if (!result) throw new AppError('NOT_FOUND', 'Không tìm thấy kết quả.');
  const assignment = await findAssignmentForResult(db, authorityId, result.assignmentId);
  if (!assignment) throw assignmentNotFound();
  requireDecideAccess(actor, authorityId, assignment);
  return inTransaction(db, async (trx) => {
    const locked = await findAssignmentForResult(trx, authorityId, result.assignmentId, true);
    const before = await findResultView(trx, authorityId, resultId);
    if (!locked || !before) throw new AppError('NOT_FOUND', 'Không tìm thấy kết quả.');
    if (before.status !== 'pending') {
      throw new AppError('CONFLICT', 'Kết quả này đã được xem xét trước đó.', { status: before.status });
    }
    if (decision.status === 'accepted') {
      // only the pending one is left open: a closed assignment or an accepted result refuses it
      assertOpenForResult(
        locked,
        { ...(await countOpenResults(trx, locked.id, before.period)), pending: 0 },
        before.period,
      );
    }
    const decided = await decidePendingResult(trx, resultId, {
      status: decision.status,
      decidedOn: today,
      decidedBy: actorName(actor),
      returnReason: decision.returnReason,
    });
    if (!decided) throw new AppError('CONFLICT', 'Kết quả này đã được xem xét trước đó.');
    if (decision.status === 'accepted') {
      // received by the deadline, accepted after the sweep recorded a reminder: the reminder goes
      const withdrawal = {
        assignmentIds: [result.assignmentId],
        actor: actorName(actor),
        now: c.now,
        ip: c.ip,
      };
      await withdrawRemindersNoLongerDue(trx, authorityId, withdrawal);
    }
    // what decidePendingResult changed; the rest of the view (plan, task, agency, files) is as read under the lock
    const after: ResultView = {
      ...before,
      status: decision.status,
      decidedOn: today,
      decidedBy: actorName(actor),
      returnReason: decision.returnReason,
    };
    await writeAudit(trx, {
      authorityId,
      actor: actorName(actor),
      action: decision.status === 'accepted' ? 'result.accept' : 'result.return',
      entity: 'result_submission',
      entityId: String(resultId),
      before,
      after,
      ip: c.ip,
    });
    return after;
  });
}
