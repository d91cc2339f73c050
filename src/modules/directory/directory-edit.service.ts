import type { Kysely } from 'kysely';
import { pageAnswer } from '../../db/page.ts';
import type { Agency, DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { LocalDate } from '../../domain/dates.ts';
import { AppError } from '../../shared/errors.ts';
import type { PageQuery } from '../../shared/schemas/common.ts';
import { actorName, authorityOf, requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import { type ServiceContext, withDb } from '../service-context.ts';
import { assertNameFree, nameKey, tidyAgencyName } from './agency-names.ts';
import {
  type AgencyRow,
  findAgencyOfAuthority,
  isUniqueViolation,
  listAgencyPage,
  listDirectoryNames,
  listSuccessorLinks,
  type SuccessorRow,
} from './directory.repo.ts';
import { insertAgency, setAgencyAliases, updateAgencyAtVersion } from './directory-write.repo.ts';

/**
 * Danh mục — agencies as the web API reads (directory.read: every signed-in user) and edits them
 * (directory.write: the Office, admins): aliases, kind, parent, validity, successors. Groups and
 * successor links are in directory-groups.service.ts. A renamed agency matches cells of plans
 * registered afterwards; assignments already made are not re-expanded.
 */

/** The access check of every directory use case: the right in the actor's own authority; which authority. */
export function requireDirectoryAccess(
  { actor }: ServiceContext,
  action: 'directory.read' | 'directory.write',
): number {
  const authorityId = authorityOf(actor);
  requireAccess(actor, action, { authorityId });
  return authorityId;
}

const link = (id: number, code: string, name: string, functions: string | null, effectiveOn: string) => ({
  agencyId: id,
  code,
  name,
  functions,
  effectiveOn,
});

function toAgencyView(row: AgencyRow, links: SuccessorRow[]) {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    aliases: row.aliases,
    kind: row.kind,
    parentId: row.parent_id,
    parentCode: row.parent_code,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    isMonitor: row.is_monitor,
    version: row.version,
    successors: links
      .filter((l) => l.from_agency_id === row.id)
      .map((l) => link(l.to_agency_id, l.to_code, l.to_name, l.functions, l.effective_on)),
    predecessors: links
      .filter((l) => l.to_agency_id === row.id)
      .map((l) => link(l.from_agency_id, l.from_code, l.from_name, l.functions, l.effective_on)),
  };
}

export async function listAgencies(
  c: ServiceContext,
  query: PageQuery & { validOn?: LocalDate | undefined },
) {
  const authorityId = requireDirectoryAccess(c, 'directory.read');
  const { rows, total } = await listAgencyPage(c.db, authorityId, { validOn: query.validOn }, query);
  const links = await listSuccessorLinks(
    c.db,
    authorityId,
    rows.map((r) => r.id),
  );
  const items = rows.map((r) => toAgencyView(r, links));
  return pageAnswer(query, items, total);
}

async function agencyView(db: Kysely<DB>, authorityId: number, id: number) {
  const row = await mustFindAgency(db, authorityId, id);
  return toAgencyView(row, await listSuccessorLinks(db, authorityId, [id]));
}

async function mustFindAgency(db: Kysely<DB>, authorityId: number, id: number) {
  const row = await findAgencyOfAuthority(db, authorityId, id);
  if (!row) throw new AppError('AGENCY_NOT_FOUND', `Không tìm thấy cơ quan mã số ${id} trong danh mục.`);
  return row;
}

function assertValidity(validFrom: LocalDate | null, validTo: LocalDate | null) {
  if (validFrom && validTo && validTo <= validFrom) {
    throw new AppError('VALIDATION_FAILED', 'Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.');
  }
}

export interface NewAgencyInput {
  code: string;
  name: string;
  aliases?: string[] | undefined;
  kind: Agency['kind'];
  parentId?: number | null | undefined;
  validFrom?: LocalDate | null | undefined;
  validTo?: LocalDate | null | undefined;
}

type Validity = { valid_from: LocalDate | null; valid_to: LocalDate | null };

/** [from, to) periods, null unbounded: do they share a day? */
function overlaps(a: Validity, b: Validity): boolean {
  return (
    (a.valid_from === null || b.valid_to === null || a.valid_from < b.valid_to) &&
    (b.valid_from === null || a.valid_to === null || b.valid_from < a.valid_to)
  );
}

/**
 * Refused when a name or alias of the new agency already names a group or another agency that exists
 * at the same time (a predecessor and its successor may share a name: "Sở Tài chính" before and after 2025).
 */
async function assertNamesFree(db: Kysely<DB>, authorityId: number, names: string[], validity: Validity) {
  const entries = (await listDirectoryNames(db, authorityId)).filter((e) => overlaps(e, validity));
  for (const name of names) assertNameFree(entries, name);
}

/** Thêm cơ quan — a new agency (e.g. a ward after 2025, or a unit under a department). */
export async function createAgency(c: ServiceContext, input: NewAgencyInput) {
  const authorityId = requireDirectoryAccess(c, 'directory.write');
  const validity = { valid_from: input.validFrom ?? null, valid_to: input.validTo ?? null };
  assertValidity(validity.valid_from, validity.valid_to);
  if (input.parentId != null) await mustFindAgency(c.db, authorityId, input.parentId);
  try {
    const id = await inTransaction(c.db, async (trx) => {
      await assertNamesFree(trx, authorityId, [input.name, ...(input.aliases ?? [])], validity);
      const values = {
        authority_id: authorityId,
        code: input.code,
        name: input.name,
        aliases: input.aliases ?? [],
        kind: input.kind,
        parent_id: input.parentId ?? null,
        valid_from: input.validFrom ?? null,
        valid_to: input.validTo ?? null,
      };
      const id = await insertAgency(trx, values);
      await audit(withDb(c, trx), authorityId, 'directory.agency_create', 'agency', id, undefined, values);
      return id;
    });
    return agencyView(c.db, authorityId, id);
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('CONFLICT', `Mã cơ quan "${input.code}" đã có trong danh mục.`);
    throw error;
  }
}

/** Sửa cơ quan — name, aliases, validity; refused when someone changed the agency since it was read. */
export async function updateAgency(
  c: ServiceContext,
  id: number,
  input: {
    name?: string | undefined;
    aliases?: string[] | undefined;
    validFrom?: LocalDate | null | undefined;
    validTo?: LocalDate | null | undefined;
    version?: number | undefined;
  },
) {
  const authorityId = requireDirectoryAccess(c, 'directory.write');
  await inTransaction(c.db, async (trx) => {
    const before = await mustFindAgency(trx, authorityId, id);
    if (input.version !== undefined && input.version !== before.version) throw versionConflict();
    const change = {
      name: input.name ?? before.name,
      aliases: input.aliases ?? before.aliases,
      valid_from: input.validFrom === undefined ? before.valid_from : input.validFrom,
      valid_to: input.validTo === undefined ? before.valid_to : input.validTo,
    };
    assertValidity(change.valid_from, change.valid_to);
    if (!(await updateAgencyAtVersion(trx, id, before.version, change))) throw versionConflict();
    const { name, aliases, valid_from, valid_to, version } = before;
    await audit(
      withDb(c, trx),
      authorityId,
      'directory.agency_update',
      'agency',
      id,
      { name, aliases, valid_from, valid_to, version },
      {
        ...change,
        version: before.version + 1,
      },
    );
  });
  return agencyView(c.db, authorityId, id);
}

/**
 * Thêm tên gọi khác — `alias` becomes another name of the agency (e.g. "Sở KH&ĐT", or a name a plan
 * wrote that the import review maps to it). Already one of its names: nothing changes. Refused when
 * it names another agency or a group.
 */
export async function addAgencyAlias(c: ServiceContext, agencyId: number, alias: string) {
  const authorityId = requireDirectoryAccess(c, 'directory.write');
  const text = tidyAgencyName(alias, 'Tên gọi khác');
  await inTransaction(c.db, async (trx) => {
    const before = await mustFindAgency(trx, authorityId, agencyId);
    if ([before.name, ...before.aliases].some((n) => nameKey(n) === nameKey(text))) return;
    await assertNamesFree(trx, authorityId, [text], before);
    const aliases = [...before.aliases, text];
    await setAgencyAliases(trx, agencyId, aliases);
    await audit(
      withDb(c, trx),
      authorityId,
      'directory.agency_alias',
      'agency',
      agencyId,
      { aliases: before.aliases, version: before.version },
      { aliases, version: before.version + 1 },
    );
  });
  return agencyView(c.db, authorityId, agencyId);
}

export function versionConflict() {
  return new AppError('VERSION_CONFLICT', 'Dữ liệu vừa được người khác cập nhật: hãy tải lại và thử lại.');
}

/** One audit row of a directory change, in the context's transaction. */
export function audit(
  c: ServiceContext,
  authorityId: number,
  action: string,
  entity: string,
  id: number,
  before: unknown,
  after: unknown,
) {
  return writeAudit(c.db, {
    authorityId,
    actor: actorName(c.actor),
    action,
    entity,
    entityId: String(id),
    ...(before === undefined ? {} : { before }),
    after,
    ip: c.ip,
  });
}
