import { inTransaction } from '../../db/transaction.ts';
import { actorName } from '../access/access.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import { type ServiceContext, withDb } from '../service-context.ts';
import { findNameOwner, type NamedEntry, nameKey } from './agency-names.ts';
import {
  findAuthorityById,
  listAgencies,
  listDirectoryNames,
  upsertSuccessorLink,
} from './directory.repo.ts';
import { requireDirectoryAccess } from './directory-edit.service.ts';
import { insertAgency, insertGroup, insertGroupMembers } from './directory-write.repo.ts';
import {
  loadReferenceDirectory,
  localiseReference,
  type ReferenceDirectory,
} from './reference-directories.ts';

/** What adding a reference directory did: what it added, and what the directory already had. */
export interface ReferenceImport {
  reference: string;
  added: { code: string; name: string }[];
  /** agencies of the reference already in the directory under that name (or an alias of it) */
  skipped: { name: string; existingCode: string }[];
  groupsAdded: string[];
  groupsSkipped: string[];
  /** aliases left out because they already name another agency or group of the directory */
  aliasesDropped: { alias: string; code: string }[];
  successorsAdded: number;
}

/** The first of `code`, `code2`, `code3` … that `taken` does not hold. */
function freeCode(code: string, taken: Set<string>): string {
  if (!taken.has(code)) return code;
  for (let n = 2; ; n++) if (!taken.has(`${code}${n}`)) return `${code}${n}`;
}

/**
 * Thêm danh mục tham chiếu — adds a reference directory's agencies and groups to the authority's
 * directory (directory.write), skipping those it already has by name; all or nothing. The first
 * start of a database (createFirstAuthority) calls it too, as the system actor of the new authority.
 */
export async function importReferenceAgencies(
  c: ServiceContext,
  referenceId: string,
): Promise<ReferenceImport> {
  const authorityId = requireDirectoryAccess(c, 'directory.write');
  const authority = await findAuthorityById(c.db, authorityId);
  const reference = localiseReference(loadReferenceDirectory(referenceId), authority.name);
  return inTransaction(c.db, (trx) => addReferenceToDirectory(withDb(c, trx), authorityId, reference));
}

/**
 * Adds `reference` to the directory of `authorityId`, in the context's transaction: each agency not
 * already there by name (or alias), with its aliases that name nothing else, kind and validity (a code
 * already taken gets a suffix); each group not already there, with its members; the successor links
 * between agencies it added. One audit row.
 */
async function addReferenceToDirectory(
  c: ServiceContext,
  authorityId: number,
  reference: ReferenceDirectory,
): Promise<ReferenceImport> {
  const { db } = c;
  const result: ReferenceImport = {
    reference: reference.id,
    added: [],
    skipped: [],
    groupsAdded: [],
    groupsSkipped: [],
    aliasesDropped: [],
    successorsAdded: 0,
  };
  const names: NamedEntry[] = await listDirectoryNames(db, authorityId);
  const existing = await listAgencies(db, authorityId);
  const taken = new Set(existing.map((a) => a.code));
  const idByCode = new Map(existing.map((a) => [a.code, a.id]));
  /** reference code → the directory's code (an agency it had, or the one added) */
  const codeOf = new Map<string, string>();
  const addedCodes = new Set<string>();

  for (const agency of reference.agencies) {
    const owner = findNameOwner(names, agency.name);
    if (owner) {
      if (owner.code !== null) codeOf.set(agency.code, owner.code);
      result.skipped.push({ name: agency.name, existingCode: owner.code ?? owner.name });
      continue;
    }
    const code = freeCode(agency.code, taken);
    const aliases: string[] = [];
    for (const alias of agency.aliases) {
      if (findNameOwner(names, alias) || aliases.some((a) => nameKey(a) === nameKey(alias))) {
        result.aliasesDropped.push({ alias, code });
      } else aliases.push(alias);
    }
    const id = await insertAgency(db, {
      authority_id: authorityId,
      code,
      name: agency.name,
      aliases,
      kind: agency.kind,
      parent_id: null,
      valid_from: agency.validFrom ?? null,
      valid_to: agency.validTo ?? null,
    });
    taken.add(code);
    idByCode.set(code, id);
    codeOf.set(agency.code, code);
    addedCodes.add(code);
    names.push({ code, name: agency.name, aliases });
    result.added.push({ code, name: agency.name });
  }

  for (const group of reference.groups) {
    if (findNameOwner(names, group.name)) {
      result.groupsSkipped.push(group.name);
      continue;
    }
    const aliases = group.aliases.filter((alias) => !findNameOwner(names, alias));
    const groupId = await insertGroup(db, {
      authority_id: authorityId,
      name: group.name,
      aliases,
      is_open: group.members === null,
      note: group.note ?? null,
    });
    const members = [
      ...new Set((group.members ?? []).flatMap((code) => idByCode.get(codeOf.get(code) ?? '') ?? [])),
    ];
    await insertGroupMembers(db, authorityId, groupId, members);
    names.push({ code: null, name: group.name, aliases });
    result.groupsAdded.push(group.name);
  }

  for (const link of reference.successors) {
    const from = codeOf.get(link.from);
    const to = codeOf.get(link.to);
    if (!from || !to || !(addedCodes.has(from) || addedCodes.has(to))) continue;
    await upsertSuccessorLink(db, {
      authorityId,
      fromAgencyId: idByCode.get(from) as number,
      toAgencyId: idByCode.get(to) as number,
      functions: link.functions ?? null,
      effectiveOn: link.effectiveOn,
    });
    result.successorsAdded++;
  }

  await writeAudit(db, {
    authorityId,
    actor: actorName(c.actor),
    action: 'directory.import_reference',
    entity: 'authority',
    entityId: String(authorityId),
    after: {
      reference: reference.id,
      added: result.added.map((a) => a.code),
      groups: result.groupsAdded,
      successors: result.successorsAdded,
    },
    ip: c.ip,
  });
  return result;
}
