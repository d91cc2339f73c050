import { pageAnswer } from '../../db/page.ts';
import { AppError } from '../../shared/errors.ts';
import { authorityOf, requireAccess } from '../access/access.ts';
import { findAuthorityById } from '../directory/directory.repo.ts';
import type { ServiceContext } from '../service-context.ts';
import { listAuditEntries } from './audit.repo.ts';

export interface AuditQuery {
  entity?: string | undefined;
  action?: string | undefined;
  actor?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

/**
 * Nhật ký hệ thống — the authority's audit log, newest first, with each change's before/after and
 * the client address. Read only: the log is append-only and no route changes it.
 */
export async function listAudit(ctx: ServiceContext, query: AuditQuery) {
  const authorityId = authorityOf(ctx.actor);
  requireAccess(ctx.actor, 'audit.read', { authorityId });
  const { db } = ctx;
  const authority = await findAuthorityById(db, authorityId);
  if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Khoảng thời gian không hợp lệ: "từ ngày" phải trước "đến ngày".',
      {
        from: query.from,
        to: query.to,
      },
    );
  }
  const { rows, total } = await listAuditEntries(
    db,
    authority.id,
    { ...query, timeZone: authority.time_zone },
    { page: query.page, pageSize: query.pageSize },
  );
  const items = rows.map((row) => ({
    id: row.id,
    at: new Date(row.at).toISOString(),
    actor: row.actor,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    data: row.data,
    before: row.before ?? null,
    after: row.after ?? null,
    ip: row.ip ?? null,
  }));
  return pageAnswer(query, items, total);
}
