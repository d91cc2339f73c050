import { pageAnswer } from '../../db/page.ts';
import { inTransaction } from '../../db/transaction.ts';
import { foldVietnamese } from '../../domain/vietnamese-text.ts';
import { AppError } from '../../shared/errors.ts';
import { actorName, agencyFilterFor, authorityOf, requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import { listAgencyScope } from '../auth/auth.repo.ts';
import type { ServiceContext } from '../service-context.ts';
import { findAgencies, findCodeOrSiblings, insertUnit, listUnitPage } from './subassign.repo.ts';

export interface UnitView {
  id: number;
  code: string;
  name: string;
  parentId: number;
  parentCode: string;
}

/**
 * Đơn vị trực thuộc — an agency (or the Office for it) adds a unit below itself or below one of its
 * units (`subassign` on the parent), so it has someone to sub-assign to. The code is unique in the
 * authority; the name unique under the same parent.
 */
export async function createUnit(
  c: Pick<ServiceContext, 'db' | 'actor' | 'ip' | 'now'>,
  input: { name: string; code: string; parentId?: number | undefined },
): Promise<UnitView> {
  const { db, actor } = c;
  const authorityId = authorityOf(actor);
  const parentId = input.parentId ?? (actor.kind === 'user' ? actor.agencyId : null);
  if (parentId === null) {
    requireAccess(actor, 'subassign', { authorityId });
    throw new AppError('VALIDATION_FAILED', 'Cần chọn cơ quan cấp trên của đơn vị (parentId).', {
      field: 'parentId',
    });
  }
  const [parent] = await findAgencies(db, authorityId, [parentId]);
  if (!parent) throw new AppError('AGENCY_NOT_FOUND', 'Không tìm thấy cơ quan cấp trên.');
  requireAccess(actor, 'subassign', { authorityId, agencyId: parent.id });
  const code = input.code.trim().toUpperCase();
  const name = input.name.trim().replace(/\s+/g, ' ');
  return inTransaction(db, async (trx) => {
    const clash = await findCodeOrSiblings(trx, authorityId, code, parent.id);
    if (clash.some((a) => a.code === code)) {
      throw new AppError('CONFLICT', `Mã đơn vị ${code} đã có trong danh mục.`, { field: 'code' });
    }
    if (clash.some((a) => a.parent_id === parent.id && foldVietnamese(a.name) === foldVietnamese(name))) {
      throw new AppError('CONFLICT', `${parent.name} đã có đơn vị "${name}".`, { field: 'name' });
    }
    const unit = await insertUnit(trx, authorityId, parent.id, { code, name });
    await writeAudit(trx, {
      authorityId,
      actor: actorName(actor),
      action: 'agency.create_unit',
      entity: 'agency',
      entityId: String(unit.id),
      after: unit,
      ip: c.ip,
    });
    return { id: unit.id, code: unit.code, name: unit.name, parentId: parent.id, parentCode: parent.code };
  });
}

/**
 * The units an actor may see: an agency user those within its own scope, everyone else every unit of
 * the authority; with `parentId`, only the units below that agency (which must itself be visible).
 */
export async function listUnits(
  c: Pick<ServiceContext, 'db' | 'actor'>,
  query: { parentId?: number | undefined; page: number; pageSize: number },
) {
  const { db, actor } = c;
  const authorityId = authorityOf(actor);
  const scope = agencyFilterFor(actor, 'assignment.read', authorityId);
  let ids: readonly number[] | null = scope;
  if (query.parentId !== undefined) {
    const [parent] = await findAgencies(db, authorityId, [query.parentId]);
    if (!parent) throw new AppError('AGENCY_NOT_FOUND', 'Không tìm thấy cơ quan.');
    requireAccess(actor, 'assignment.read', { authorityId, agencyId: parent.id });
    const below = (await listAgencyScope(db, parent.id)).filter((id) => id !== parent.id);
    ids = scope ? below.filter((id) => scope.includes(id)) : below;
  }
  const { rows, total } = await listUnitPage(db, authorityId, ids, query);
  const items: UnitView[] = rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    parentId: r.parent_id as number,
    parentCode: r.parent_code,
  }));
  return pageAnswer(query, items, total);
}
