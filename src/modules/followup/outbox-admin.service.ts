import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../shared/errors.ts';
import { actorName, authorityOf, requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import type { ServiceContext } from '../service-context.ts';
import {
  findOutboxMessage,
  listOutboxPage,
  type OutboxRow,
  type OutboxState,
  requeueDeadMessage,
} from './followup-admin.repo.ts';
import { countOutbox } from './outbox.repo.ts';

function toView(row: OutboxRow) {
  return {
    id: row.id,
    kind: row.kind,
    to: row.to_address,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    /** when the deliverer tries next (pending) or would have (dead); null once sent */
    nextAttemptAt: row.status === 'sent' ? null : row.next_attempt_at.toISOString(),
    sentAt: row.sent_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

/**
 * Hộp thư đi — GET /api/outbox: the authority's e-mails by state (pending = waiting or being sent,
 * sent, dead), newest first, with the counts of every state; the Office and admins.
 */
export async function listOutbox(
  c: ServiceContext,
  query: { state?: OutboxState | undefined; page: number; pageSize: number },
) {
  const authorityId = authorityOf(c.actor);
  requireAccess(c.actor, 'reminder.issue', { authorityId });
  const [{ rows, total }, counts] = await Promise.all([
    listOutboxPage(c.db, authorityId, query),
    countOutbox(c.db, authorityId),
  ]);
  return { items: rows.map(toView), total, page: query.page, pageSize: query.pageSize, counts };
}

/**
 * Gửi lại — POST /api/outbox/:id/retry (admins): a dead message goes back to the queue, pending, its
 * attempts reset to 0 (due at once; the last error is kept until the next attempt replaces it).
 * Only a dead message can be retried (409 otherwise); another authority's id is 404. Audited.
 */
export async function retryOutboxMessage(c: ServiceContext, id: number) {
  const authorityId = authorityOf(c.actor);
  requireAccess(c.actor, 'outbox.manage', { authorityId });
  return inTransaction(c.db, async (trx) => {
    const before = await findOutboxMessage(trx, authorityId, id);
    if (!before) throw new AppError('NOT_FOUND', 'Không tìm thấy thư trong hộp thư đi.');
    if (before.status !== 'dead' || !(await requeueDeadMessage(trx, id, c.now))) {
      throw new AppError(
        'CONFLICT',
        `Chỉ gửi lại được thư đã thất bại (dead); thư này đang ở trạng thái "${before.status}".`,
        { status: before.status },
      );
    }
    await writeAudit(trx, {
      authorityId,
      actor: actorName(c.actor),
      action: 'outbox.retry',
      entity: 'outbox_message',
      entityId: String(id),
      data: { to: before.to_address, subject: before.subject },
      before: { status: before.status, attempts: before.attempts, lastError: before.last_error },
      after: { status: 'pending', attempts: 0 },
      ip: c.ip,
    });
    const { rows } = await listOutboxPage(trx, authorityId, { page: 1, pageSize: 1, id });
    return toView(rows[0] as OutboxRow);
  });
}
