import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../shared/errors.ts';
import { type Actor, actorName, requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import type { ServiceContext } from '../service-context.ts';
import { INDEX_CODES, INDEX_DEFINITIONS, type IndexCode } from './definitions.ts';
import {
  findResult,
  type ResultFigures,
  type ResultRow,
  type StoredDefinition,
  upsertResult,
} from './indices.repo.ts';
import { findOwner } from './indices-config.repo.ts';

export function requireIndexCode(code: string): IndexCode {
  const upper = code.trim().toUpperCase();
  if (!(INDEX_CODES as readonly string[]).includes(upper))
    throw new AppError('INDEX_NOT_FOUND', `Không có chỉ số "${code}" (có: ${INDEX_CODES.join(', ')}).`);
  return upper as IndexCode;
}

/**
 * The id, index and component of a stored target, owner or link as the answers give them: the
 * component null for the whole index (stored as '', see requireComponentCode).
 */
export function indexRefOf(row: { id: number; index_code: string; component_code: string }) {
  return {
    id: row.id,
    index: row.index_code,
    component: row.component_code === '' ? null : row.component_code,
  };
}

/** A component code that some method version of the index has ('' = the whole index). */
export function requireComponentCode(index: IndexCode, component: string | null | undefined): string {
  const code = (component ?? '').trim();
  if (code === '') return '';
  const known = INDEX_DEFINITIONS.filter((d) => d.code === index).flatMap((d) => d.components);
  if (!known.some((c) => c.code === code))
    throw new AppError(
      'INDEX_COMPONENT_UNKNOWN',
      `Chỉ số ${index} không có thành phần "${code}" (có: ${[...new Set(known.map((c) => c.code))].join(', ')}).`,
      { component: code },
    );
  return code;
}

/**
 * Writing an index's results or targets: the Office and admins always; an agency user only when its
 * agency owns the component (or, failing a component owner, the index) and the Office has allowed
 * the owner to edit.
 */
export async function requireIndexWrite(
  db: Kysely<DB>,
  actor: Actor,
  authorityId: number,
  index: string,
  component = '',
): Promise<void> {
  if (actor.kind === 'user' && actor.role === 'agency') {
    const owner =
      (component !== '' ? await findOwner(db, authorityId, index, component) : undefined) ??
      (await findOwner(db, authorityId, index, ''));
    const agencyId = owner?.owner_can_edit ? owner.agency_id : null;
    requireAccess(actor, 'index.write', { authorityId, agencyId });
    return;
  }
  requireAccess(actor, 'index.write', { authorityId });
}

/** Deletes a row of an index's configuration (target, owner, link) and audits what it was, in one transaction. */
export async function deleteAudited(
  { db, actor, ip }: ServiceContext,
  authorityId: number,
  row: { id: number; action: string; entity: string; before: unknown },
  remove: (trx: Kysely<DB>, id: number) => Promise<unknown>,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    await remove(trx, row.id);
    await writeAudit(trx, {
      authorityId,
      actor: actorName(actor),
      action: row.action,
      entity: row.entity,
      entityId: String(row.id),
      before: row.before,
      ip: ip ?? null,
    });
  });
}

/** A year's figures of a result and their source: the overview's latest and previous. */
export function resultFigures(row: ResultRow) {
  return {
    year: row.year,
    score: row.score,
    rank: row.rank,
    rankedOf: row.ranked_of,
    group: row.group_label,
    sourceNote: row.source_note,
    sourceUrl: row.source_url,
  };
}

/** A result as the signed-in users see it. */
export function toResultView(row: ResultRow) {
  return {
    index: row.index_code,
    ...resultFigures(row),
    methodFrom: row.valid_from,
    scaleMax: row.scale_max,
    unit: row.unit,
    published: row.published,
    internalNote: row.internal_note,
    enteredBy: row.entered_by,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
    components: row.components.map((c) => ({
      code: c.code,
      nameVi: c.name_vi,
      nameEn: c.name_en,
      max: c.max,
      score: c.score,
    })),
  };
}

export type ResultView = ReturnType<typeof toResultView>;

/** A published result as the public sees it: figures and their source, nothing internal. */
export function toPublicResultView(row: ResultRow) {
  const {
    published: _p,
    internalNote: _n,
    enteredBy: _e,
    version: _v,
    updatedAt: _u,
    ...rest
  } = toResultView(row);
  return rest;
}

/**
 * The write of saveIndexResult and importResults, inside the caller's transaction (the import writes
 * many): no access check here, each of those use cases checks first.
 */
export async function writeResult(
  trx: Kysely<DB>,
  who: { authorityId: number; actor: Actor; ip?: string | null | undefined; now: Date },
  def: StoredDefinition,
  year: number,
  input: ResultInput,
): Promise<boolean> {
  const before = await findResult(trx, who.authorityId, def.code, year);
  const componentIds = new Map(def.components.map((c) => [c.code, c.id]));
  const { components, ...figures } = input;
  const { id, created } = await upsertResult(trx, {
    authorityId: who.authorityId,
    index: def.code,
    year,
    definitionId: def.id,
    ...figures,
    enteredBy: actorName(who.actor),
    now: who.now,
    components: components.map((c) => ({
      componentId: componentIds.get(c.code) as number,
      score: c.score,
    })),
  });
  await writeAudit(trx, {
    authorityId: who.authorityId,
    actor: actorName(who.actor),
    action: created ? 'index.result_create' : 'index.result_update',
    entity: 'index_result',
    entityId: String(id),
    before: before ? toResultView(before) : undefined,
    after: { index: def.code, year, ...input },
    ip: who.ip ?? null,
  });
  return created;
}

/** A result as entered or imported: its figures and its component scores by component code. */
export interface ResultInput extends ResultFigures {
  components: { code: string; score: number }[];
}
