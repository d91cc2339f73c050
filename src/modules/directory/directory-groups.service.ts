import type { Kysely } from 'kysely';
import { pageAnswer } from '../../db/page.ts';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { LocalDate } from '../../domain/dates.ts';
import { AppError } from '../../shared/errors.ts';
import type { PageQuery } from '../../shared/schemas/common.ts';
import { type ServiceContext, withDb } from '../service-context.ts';
import {
  findGroupOfAuthority,
  findSuccessorLink,
  isUniqueViolation,
  listGroupMembers,
  listGroupPage,
  listSuccessorPage,
  type SuccessorRow,
} from './directory.repo.ts';
import { audit, requireDirectoryAccess, versionConflict } from './directory-edit.service.ts';
import {
  bumpGroupVersion,
  deleteGroupMembers,
  insertGroup,
  insertGroupMembers,
  insertSuccessorLink,
  listAgencyIdsOfAuthority,
} from './directory-write.repo.ts';

/**
 * Nhóm cơ quan và cơ quan kế thừa — groups with their members, and successor links, as the web API
 * reads (directory.read) and edits them (directory.write). Group changes apply to plans registered
 * afterwards; assignments already made are not re-expanded.
 */

async function assertAgenciesOfAuthority(db: Kysely<DB>, authorityId: number, ids: readonly number[]) {
  if (ids.length === 0) return;
  const found = await listAgencyIdsOfAuthority(db, authorityId, ids);
  const missing = ids.filter((id) => !found.includes(id));
  if (missing.length > 0) {
    throw new AppError('AGENCY_NOT_FOUND', 'Có cơ quan không có trong danh mục.', { agencyIds: missing });
  }
}

type GroupRow = NonNullable<Awaited<ReturnType<typeof findGroupOfAuthority>>>;
type MemberRow = Awaited<ReturnType<typeof listGroupMembers>>[number];

function toGroupView(group: GroupRow, members: MemberRow[]) {
  return {
    id: group.id,
    name: group.name,
    aliases: group.aliases,
    isOpen: group.is_open,
    note: group.note,
    version: group.version,
    members: members.filter((m) => m.group_id === group.id).map(({ id, code, name }) => ({ id, code, name })),
  };
}

export async function listGroups(c: ServiceContext, query: PageQuery) {
  const authorityId = requireDirectoryAccess(c, 'directory.read');
  const { groups, members, total } = await listGroupPage(c.db, authorityId, query);
  const items = groups.map((g) => toGroupView(g, members));
  return pageAnswer(query, items, total);
}

async function groupView(db: Kysely<DB>, authorityId: number, id: number) {
  const group = await findGroupOfAuthority(db, authorityId, id);
  if (!group) throw new AppError('NOT_FOUND', 'Không tìm thấy nhóm cơ quan.');
  return toGroupView(group, await listGroupMembers(db, [id]));
}

/** Thêm nhóm cơ quan — a named group (with aliases) that cells may name; an open group has no fixed members. */
export async function createGroup(
  c: ServiceContext,
  input: {
    name: string;
    aliases?: string[] | undefined;
    isOpen?: boolean | undefined;
    note?: string | undefined;
    agencyIds?: number[] | undefined;
  },
) {
  const authorityId = requireDirectoryAccess(c, 'directory.write');
  const agencyIds = [...new Set(input.agencyIds ?? [])];
  if (input.isOpen && agencyIds.length > 0) {
    throw new AppError('VALIDATION_FAILED', 'Nhóm mở không có danh sách thành viên cố định.');
  }
  await assertAgenciesOfAuthority(c.db, authorityId, agencyIds);
  try {
    const id = await inTransaction(c.db, async (trx) => {
      const values = {
        authority_id: authorityId,
        name: input.name,
        aliases: input.aliases ?? [],
        is_open: input.isOpen ?? false,
        note: input.note ?? null,
      };
      const id = await insertGroup(trx, values);
      await insertGroupMembers(trx, authorityId, id, agencyIds);
      await audit(withDb(c, trx), authorityId, 'directory.group_create', 'agency_group', id, undefined, {
        ...values,
        agencyIds,
      });
      return id;
    });
    return groupView(c.db, authorityId, id);
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('CONFLICT', `Nhóm "${input.name}" đã có trong danh mục.`);
    throw error;
  }
}

/** Thành viên nhóm — replaces the member list of a closed group. */
export async function setGroupMembers(
  c: ServiceContext,
  id: number,
  input: { agencyIds: number[]; version?: number | undefined },
) {
  const authorityId = requireDirectoryAccess(c, 'directory.write');
  const agencyIds = [...new Set(input.agencyIds)];
  await inTransaction(c.db, async (trx) => {
    const group = await findGroupOfAuthority(trx, authorityId, id);
    if (!group) throw new AppError('NOT_FOUND', 'Không tìm thấy nhóm cơ quan.');
    if (input.version !== undefined && input.version !== group.version) throw versionConflict();
    if (group.is_open) {
      throw new AppError(
        'CONFLICT',
        'Nhóm mở không có thành viên cố định: Văn phòng chỉ định cơ quan cho từng nhiệm vụ.',
      );
    }
    await assertAgenciesOfAuthority(trx, authorityId, agencyIds);
    if (!(await bumpGroupVersion(trx, id, group.version))) throw versionConflict();
    const before = (await listGroupMembers(trx, [id])).map((m) => m.id);
    await deleteGroupMembers(trx, id);
    await insertGroupMembers(trx, authorityId, id, agencyIds);
    await audit(
      withDb(c, trx),
      authorityId,
      'directory.group_members',
      'agency_group',
      id,
      { agencyIds: before, version: group.version },
      {
        agencyIds,
        version: group.version + 1,
      },
    );
  });
  return groupView(c.db, authorityId, id);
}

function toSuccessorView(row: SuccessorRow) {
  return {
    id: row.id,
    from: { id: row.from_agency_id, code: row.from_code, name: row.from_name },
    to: { id: row.to_agency_id, code: row.to_code, name: row.to_name },
    functions: row.functions,
    effectiveOn: row.effective_on,
  };
}

export async function listSuccessors(c: ServiceContext, query: PageQuery) {
  const authorityId = requireDirectoryAccess(c, 'directory.read');
  const { rows, total } = await listSuccessorPage(c.db, authorityId, query);
  return pageAnswer(query, rows.map(toSuccessorView), total);
}

/** Cơ quan kế thừa — records that `to` takes over (some functions of) `from` from a date. */
export async function createSuccessor(
  c: ServiceContext,
  input: { fromAgencyId: number; toAgencyId: number; functions?: string | undefined; effectiveOn: LocalDate },
) {
  const authorityId = requireDirectoryAccess(c, 'directory.write');
  if (input.fromAgencyId === input.toAgencyId) {
    throw new AppError('VALIDATION_FAILED', 'Cơ quan kế thừa phải khác cơ quan được kế thừa.');
  }
  await assertAgenciesOfAuthority(c.db, authorityId, [input.fromAgencyId, input.toAgencyId]);
  try {
    const id = await inTransaction(c.db, async (trx) => {
      const values = {
        authority_id: authorityId,
        from_agency_id: input.fromAgencyId,
        to_agency_id: input.toAgencyId,
        functions: input.functions ?? null,
        effective_on: input.effectiveOn,
      };
      const id = await insertSuccessorLink(trx, values);
      await audit(
        withDb(c, trx),
        authorityId,
        'directory.successor_create',
        'agency_successor',
        id,
        undefined,
        values,
      );
      return id;
    });
    const row = await findSuccessorLink(c.db, authorityId, id);
    if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy quan hệ kế thừa.');
    return toSuccessorView(row);
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('CONFLICT', 'Quan hệ kế thừa giữa hai cơ quan này đã có.');
    throw error;
  }
}
