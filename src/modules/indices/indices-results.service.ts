import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../shared/errors.ts';
import { actorName, authorityOf, requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import { findAuthorityByCode } from '../directory/directory.repo.ts';
import type { ServiceContext } from '../service-context.ts';
import { INDEX_DEFINITIONS, type IndexDefinition } from './definitions.ts';
import {
  deleteResult,
  ensureIndexDefinitions,
  findDefinition,
  findResult,
  listDefinitions,
  listResults,
  type StoredDefinition,
} from './indices.repo.ts';
import { assertValidResult } from './indices.rules.ts';
import {
  type ResultInput,
  requireIndexCode,
  requireIndexWrite,
  toPublicResultView,
  toResultView,
  writeResult,
} from './indices.shared.ts';

/** Định nghĩa chỉ số — every method version, or those that scored `year`. */
export async function listIndexDefinitions({ db, actor }: ServiceContext, year?: number) {
  requireAccess(actor, 'index.read', { authorityId: authorityOf(actor) });
  await ensureIndexDefinitions(db);
  return listDefinitions(db, year);
}

/** Kết quả chỉ số of the actor's authority, optionally one index and/or one year. */
export async function listIndexResults(
  { db, actor }: ServiceContext,
  filter: { index?: string | undefined; year?: number | undefined },
) {
  const authorityId = authorityOf(actor);
  requireAccess(actor, 'index.read', { authorityId });
  const index = filter.index === undefined ? undefined : requireIndexCode(filter.index);
  return (await listResults(db, authorityId, { index, year: filter.year })).map(toResultView);
}

/** The method version that scored `year`, or INDEX_NOT_FOUND naming the years it covers. */
export async function requireDefinition(
  db: Kysely<DB>,
  index: string,
  year: number,
): Promise<StoredDefinition> {
  await ensureIndexDefinitions(db);
  const code = requireIndexCode(index);
  const def = await findDefinition(db, code, year);
  if (!def) {
    const versions = (await listDefinitions(db)).filter((d) => d.code === code);
    const span = versions.map((v) => `${v.validFrom}–${v.validTo ?? 'nay'}`).join(', ');
    throw new AppError(
      'INDEX_NOT_FOUND',
      `Chỉ số ${code} không có phương pháp cho năm ${year} (có: ${span}).`,
      {
        index: code,
        year,
      },
    );
  }
  return def;
}

/**
 * Ghi kết quả — creates or replaces the result of an index and year (component scores replaced as a
 * whole). Checked against the method version of that year; audited with the figures before and after.
 */
export async function saveIndexResult(ctx: ServiceContext, index: string, year: number, input: ResultInput) {
  const { db, actor, ip } = ctx;
  const authorityId = authorityOf(actor);
  const def = await requireDefinition(db, index, year);
  await requireIndexWrite(db, actor, authorityId, def.code);
  assertValidResult(def, year, input);
  const created = await inTransaction(db, (trx) =>
    writeResult(trx, { authorityId, actor, ip, now: ctx.now }, def, year, input),
  );
  const row = await findResult(db, authorityId, def.code, year);
  if (!row) throw new AppError('INTERNAL', 'Không đọc lại được kết quả vừa ghi.');
  return { created, result: toResultView(row) };
}

/** Xóa kết quả of an index and year. */
export async function deleteIndexResult({ db, actor, ip }: ServiceContext, index: string, year: number) {
  const authorityId = authorityOf(actor);
  const code = requireIndexCode(index);
  await requireIndexWrite(db, actor, authorityId, code);
  await inTransaction(db, async (trx) => {
    const before = await findResult(trx, authorityId, code, year);
    if (!before) throw new AppError('NOT_FOUND', `Chưa có kết quả ${code} năm ${year}.`);
    await deleteResult(trx, before.id);
    await writeAudit(trx, {
      authorityId,
      actor: actorName(actor),
      action: 'index.result_delete',
      entity: 'index_result',
      entityId: String(before.id),
      before: toResultView(before),
      ip: ip ?? null,
    });
  });
}

/** Công khai: an authority's published results with their components and sources (no internal notes). */
export async function listPublicIndexResults(
  { db, actor }: ServiceContext,
  query: { authority: string; index?: string | undefined },
) {
  requireAccess(actor, 'public.read');
  const authority = await findAuthorityByCode(db, query.authority.trim());
  if (!authority) throw new AppError('AUTHORITY_NOT_FOUND', `Không tìm thấy cơ quan "${query.authority}".`);
  const index = query.index === undefined ? undefined : requireIndexCode(query.index);
  const rows = await listResults(db, authority.id, { index, publishedOnly: true });
  const codes = new Set(rows.map((r) => r.index_code));
  // names of each index present, from its latest method version
  const indices = [...codes].map((code) => {
    const def = INDEX_DEFINITIONS.filter((d) => d.code === code).at(-1) as IndexDefinition;
    return {
      code,
      shortName: def.shortName,
      nameVi: def.nameVi,
      nameEn: def.nameEn,
      publisher: def.publisher,
    };
  });
  return {
    authority: { code: authority.code, name: authority.name },
    indices,
    results: rows.map(toPublicResultView),
  };
}
