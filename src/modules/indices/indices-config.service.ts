import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../shared/errors.ts';
import { actorName, authorityOf, requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import { findAgencyOfAuthority } from '../directory/directory.repo.ts';
import type { ServiceContext } from '../service-context.ts';
import { INDEX_DEFINITIONS } from './definitions.ts';
import {
  deleteAudited,
  indexRefOf,
  requireComponentCode,
  requireIndexCode,
  requireIndexWrite,
} from './indices.shared.ts';
import {
  deleteOwner,
  deleteTarget,
  findOverlappingTargets,
  findTarget,
  listOwners,
  listTargets,
  type OwnerRow,
  saveTarget,
  type TargetRow,
  upsertOwner,
} from './indices-config.repo.ts';

export function toTargetView(row: TargetRow) {
  return {
    ...indexRefOf(row),
    fromYear: row.from_year,
    toYear: row.to_year,
    score: row.target_score,
    rank: row.target_rank,
    group: row.target_group,
    sourceNote: row.source_note,
  };
}

export function toOwnerView(row: OwnerRow) {
  return {
    ...indexRefOf(row),
    agency: { id: row.agency_id, code: row.agency_code, name: row.agency_name },
    ownerCanEdit: row.owner_can_edit,
  };
}

export interface TargetInput {
  index: string;
  component?: string | null | undefined;
  fromYear: number;
  toYear: number;
  score?: number | null | undefined;
  rank?: number | null | undefined;
  group?: string | null | undefined;
  sourceNote?: string | undefined;
}

/** Mục tiêu — targets of the actor's authority (optionally one index). */
export async function listIndexTargets({ db, actor }: ServiceContext, index?: string) {
  const authorityId = authorityOf(actor);
  requireAccess(actor, 'index.read', { authorityId });
  return (await listTargets(db, authorityId, index === undefined ? undefined : requireIndexCode(index))).map(
    toTargetView,
  );
}

/** Checks a target against every method version of its index that its years touch. */
function normaliseTarget(input: TargetInput) {
  const index = requireIndexCode(input.index);
  const component = requireComponentCode(index, input.component);
  const score = input.score ?? null;
  const rank = input.rank ?? null;
  const group = input.group?.trim() || null;
  if (input.toYear < input.fromYear)
    throw new AppError(
      'VALIDATION_FAILED',
      `Năm kết thúc (${input.toYear}) trước năm bắt đầu (${input.fromYear}).`,
    );
  if (score === null && rank === null && group === null)
    throw new AppError('VALIDATION_FAILED', 'Mục tiêu cần ít nhất điểm số, thứ hạng hoặc nhóm xếp loại.');
  const versions = INDEX_DEFINITIONS.filter((d) => d.code === index);
  const max = Math.max(
    ...versions.map((d) =>
      component === '' ? d.scaleMax : (d.components.find((c) => c.code === component)?.max ?? 0),
    ),
  );
  if (score !== null && !(score >= 0 && score <= max))
    throw new AppError(
      'INDEX_SCORE_OUT_OF_RANGE',
      `Điểm mục tiêu ${score} nằm ngoài thang 0–${max} của ${index}.`,
    );
  if (rank !== null && !(Number.isInteger(rank) && rank >= 1))
    throw new AppError('INDEX_RANK_INVALID', 'Thứ hạng mục tiêu phải là số nguyên từ 1.');
  const groups = [...new Set(versions.flatMap((d) => d.groups))];
  if (group !== null && !groups.includes(group))
    throw new AppError(
      'INDEX_GROUP_UNKNOWN',
      groups.length > 0
        ? `Nhóm "${group}" không có trong phân nhóm của ${index} (${groups.join(', ')}).`
        : `${index} không công bố phân nhóm; hãy đặt mục tiêu bằng điểm hoặc thứ hạng.`,
    );
  return { index, component, score, rank, group, fromYear: input.fromYear, toYear: input.toYear };
}

/** Đặt mục tiêu — one per index (or component) and year range; ranges of the same one never overlap. */
export async function saveIndexTarget(ctx: ServiceContext, input: TargetInput, id?: number) {
  const { db, actor, ip } = ctx;
  const authorityId = authorityOf(actor);
  const target = normaliseTarget(input);
  const before = id === undefined ? undefined : await findTarget(db, authorityId, id);
  if (id !== undefined && !before) throw new AppError('NOT_FOUND', 'Không tìm thấy mục tiêu này.');
  if (before) await requireIndexWrite(db, actor, authorityId, before.index_code, before.component_code);
  await requireIndexWrite(db, actor, authorityId, target.index, target.component);
  const savedId = await inTransaction(db, async (trx) => {
    const overlapping = await findOverlappingTargets(trx, authorityId, {
      ...target,
      ...(id === undefined ? {} : { exceptId: id }),
    });
    if (overlapping.length > 0) {
      const o = overlapping[0] as { from_year: number; to_year: number };
      throw new AppError(
        'CONFLICT',
        `Đã có mục tiêu ${target.index}${target.component ? ` (${target.component})` : ''} cho ${o.from_year}–${o.to_year}, trùng khoảng năm.`,
      );
    }
    const values = {
      index_code: target.index,
      component_code: target.component,
      from_year: target.fromYear,
      to_year: target.toYear,
      target_score: target.score,
      target_rank: target.rank,
      target_group: target.group,
      source_note: input.sourceNote?.trim() ?? '',
    };
    const row = { id: await saveTarget(trx, authorityId, values, id) };
    await writeAudit(trx, {
      authorityId,
      actor: actorName(actor),
      action: id === undefined ? 'index.target_create' : 'index.target_update',
      entity: 'index_target',
      entityId: String(row.id),
      before: before ? toTargetView(before) : undefined,
      after: values,
      ip: ip ?? null,
    });
    return row.id;
  });
  return toTargetView((await findTarget(db, authorityId, savedId)) as TargetRow);
}

export async function deleteIndexTarget(ctx: ServiceContext, id: number) {
  const { db, actor } = ctx;
  const authorityId = authorityOf(actor);
  requireAccess(actor, 'index.read', { authorityId });
  const before = await findTarget(db, authorityId, id);
  if (!before) throw new AppError('NOT_FOUND', 'Không tìm thấy mục tiêu này.');
  await requireIndexWrite(db, actor, authorityId, before.index_code, before.component_code);
  const row = { id, action: 'index.target_delete', entity: 'index_target', before: toTargetView(before) };
  await deleteAudited(ctx, authorityId, row, deleteTarget);
}

/** Cơ quan chủ trì chỉ số — owners of the actor's authority. */
export async function listIndexOwners({ db, actor }: ServiceContext, index?: string) {
  const authorityId = authorityOf(actor);
  requireAccess(actor, 'index.read', { authorityId });
  return (await listOwners(db, authorityId, index === undefined ? undefined : requireIndexCode(index))).map(
    toOwnerView,
  );
}

/**
 * Giao cơ quan chủ trì — one owner agency per index and per component (replaces the previous one);
 * `ownerCanEdit` is the Office's permission for that agency to enter its results and targets.
 */
export async function setIndexOwner(
  { db, actor, ip }: ServiceContext,
  input: { index: string; component?: string | null | undefined; agencyId: number; ownerCanEdit: boolean },
) {
  const authorityId = authorityOf(actor);
  requireAccess(actor, 'index.configure', { authorityId });
  const index = requireIndexCode(input.index);
  const component = requireComponentCode(index, input.component);
  const agency = await findAgencyOfAuthority(db, authorityId, input.agencyId);
  if (!agency) throw new AppError('AGENCY_NOT_FOUND', 'Không tìm thấy cơ quan này.');
  const id = await inTransaction(db, async (trx) => {
    const id = await upsertOwner(trx, {
      authorityId,
      index,
      component,
      agencyId: agency.id,
      ownerCanEdit: input.ownerCanEdit,
    });
    await writeAudit(trx, {
      authorityId,
      actor: actorName(actor),
      action: 'index.owner_set',
      entity: 'index_owner',
      entityId: String(id),
      after: { index, component, agencyId: agency.id, ownerCanEdit: input.ownerCanEdit },
      ip: ip ?? null,
    });
    return id;
  });
  const owner = (await listOwners(db, authorityId, index)).find((o) => o.id === id) as OwnerRow;
  return toOwnerView(owner);
}

export async function deleteIndexOwner(ctx: ServiceContext, id: number) {
  const authorityId = authorityOf(ctx.actor);
  requireAccess(ctx.actor, 'index.configure', { authorityId });
  const before = (await listOwners(ctx.db, authorityId)).find((o) => o.id === id);
  if (!before) throw new AppError('NOT_FOUND', 'Không tìm thấy cơ quan chủ trì này.');
  const row = { id, action: 'index.owner_delete', entity: 'index_owner', before: toOwnerView(before) };
  await deleteAudited(ctx, authorityId, row, deleteOwner);
}
