import { type Kysely, sql } from 'kysely';
import type { Agency, DB } from '../../db/schema.ts';
import type { Directory } from '../../domain/directory.ts';
import { AppError } from '../../shared/errors.ts';
import { requireSystemAccess } from '../access/access.ts';
import type { ServiceContext } from '../service-context.ts';
import {
  findAuthorityByCode,
  listAgencies,
  listAuthorities,
  listGroupsWithMembers,
} from './directory.repo.ts';
import { insertAgencies, insertAuthority, insertGroup, insertGroupMembers } from './directory-write.repo.ts';

/** The shape of a directory file (see src/modules/demo/seed/tay-ninh-2021-directory.json). */
export interface DirectoryFile {
  authority: { code: string; name: string; short?: string; place?: string; timezone?: string };
  agencies: { code: string; name: string; aliases?: string[]; kind: Agency['kind'] }[];
  groups: { name: string; aliases?: string[]; members: string[] | null; note?: string }[];
  monitor?: string;
}

export interface LoadedDirectory {
  directory: Directory;
  agencies: Agency[];
  agencyByCode: Map<string, Agency>;
  agencyById: Map<number, Agency>;
}

/** The authority named by `code`, or the only one there is. */
export async function resolveAuthority(db: Kysely<DB>, code?: string) {
  if (code) {
    const authority = await findAuthorityByCode(db, code);
    if (!authority)
      throw new AppError('AUTHORITY_NOT_FOUND', `Không tìm thấy cơ quan ban hành mã "${code}".`);
    return authority;
  }
  const all = await listAuthorities(db);
  if (all.length === 1 && all[0]) return all[0];
  if (all.length === 0) {
    throw new AppError(
      'AUTHORITY_NOT_FOUND',
      'Chưa có dữ liệu: tạo cơ quan ban hành cùng quản trị viên đầu tiên (dondoc user add --role admin --username TÊN ' +
        '--name "Họ tên" --authority MÃ --authority-name "Tên cơ quan"), hoặc nạp dữ liệu mẫu (dondoc demo).',
    );
  }
  throw new AppError('VALIDATION_FAILED', 'Có nhiều cơ quan ban hành: hãy chọn một bằng --authority.', {
    authorities: all.map((a) => a.code),
  });
}

export async function loadDirectory(
  db: Kysely<DB>,
  authorityId: number,
  place = '',
): Promise<LoadedDirectory> {
  const agencies = await listAgencies(db, authorityId);
  const groups = await listGroupsWithMembers(db, authorityId);
  const directory: Directory = {
    place,
    // an agency's own units (sub-assignment) are internal: plans of the authority never name them
    agencies: agencies
      .filter((a) => a.kind !== 'unit')
      .map((a) => ({
        code: a.code,
        name: a.name,
        aliases: a.aliases,
        kind: a.kind,
        validFrom: a.valid_from,
        validTo: a.valid_to,
      })),
    groups: groups.map((g) => ({ name: g.name, aliases: g.aliases, members: g.memberCodes })),
  };
  return {
    directory,
    agencies,
    agencyByCode: new Map(agencies.map((a) => [a.code, a])),
    agencyById: new Map(agencies.map((a) => [a.id, a])),
  };
}

/** how many loaded directories (authorities × contents) the process keeps */
const MAX_LOADED_DIRECTORIES = 32;
const loadedDirectories = new Map<string, LoadedDirectory>();

/**
 * A fingerprint of every row `loadDirectory` reads for the authority (each agency, group and
 * membership row as text, md5 of them in id order), as an SQL expression: a caller asks it in the
 * statement it sends anyway and hands it to `loadDirectoryByFingerprint`.
 */
export function directoryFingerprintSql(authorityId: number) {
  return sql<string>`md5(concat_ws('|',
    (select string_agg(a::text, ',' order by a.id) from agency a where a.authority_id = ${authorityId}),
    (select string_agg(g::text, ',' order by g.id) from agency_group g where g.authority_id = ${authorityId}),
    (select string_agg(m::text, ',' order by m.group_id, m.agency_id)
       from agency_group_member m where m.authority_id = ${authorityId})))`;
}

/**
 * `loadDirectory`, kept per content: the directory loaded for the same fingerprint
 * (`directoryFingerprintSql`, read in the caller's snapshot) is used again — the same rows by
 * construction. A plan registered over HTTP read the three tables, built the maps and keyed its
 * compiled matcher by the directory's JSON on every request (issue #18). The result is shared:
 * callers read it, never change it.
 */
export async function loadDirectoryByFingerprint(
  db: Kysely<DB>,
  authorityId: number,
  place: string,
  fingerprint: string,
): Promise<LoadedDirectory> {
  const key = `${authorityId}|${place}|${fingerprint}`;
  const known = loadedDirectories.get(key);
  if (known) {
    loadedDirectories.delete(key);
    loadedDirectories.set(key, known); // most recently used last
    return known;
  }
  const loaded = await loadDirectory(db, authorityId, place);
  if (loadedDirectories.size >= MAX_LOADED_DIRECTORIES) {
    const oldest = loadedDirectories.keys().next().value;
    if (oldest !== undefined) loadedDirectories.delete(oldest);
  }
  loadedDirectories.set(key, loaded);
  return loaded;
}

/**
 * Creates an authority with its agencies and groups (the demo, tests): an administrative bootstrap,
 * for a system actor of every authority only (it needs no clock nor file store). Run inside the
 * caller's transaction.
 */
export async function createAuthorityFromDirectory(
  c: Pick<ServiceContext, 'db' | 'actor'>,
  file: DirectoryFile,
): Promise<number> {
  requireSystemAccess(c.actor, 'directory.write');
  const { db } = c;
  const existing = await findAuthorityByCode(db, file.authority.code);
  if (existing) {
    throw new AppError('VALIDATION_FAILED', `Cơ quan ban hành "${file.authority.code}" đã có.`);
  }
  const authorityId = await insertAuthority(db, {
    code: file.authority.code,
    name: file.authority.name,
    short_name: file.authority.short ?? '',
    place: file.authority.place ?? '',
    time_zone: file.authority.timezone ?? 'Asia/Ho_Chi_Minh',
  });
  const agencyRows = await insertAgencies(
    db,
    file.agencies.map((a) => ({
      authority_id: authorityId,
      code: a.code,
      name: a.name,
      aliases: a.aliases ?? [],
      kind: a.kind,
      parent_id: null,
      valid_from: null,
      valid_to: null,
      is_monitor: a.code === file.monitor,
    })),
  );
  const idByCode = new Map(agencyRows.map((a) => [a.code, a.id]));
  for (const group of file.groups) {
    const groupId = await insertGroup(db, {
      authority_id: authorityId,
      name: group.name,
      aliases: group.aliases ?? [],
      is_open: group.members === null,
      note: group.note ?? null,
    });
    const members = (group.members ?? []).map((code) => {
      const agencyId = idByCode.get(code);
      if (agencyId === undefined) {
        throw new AppError(
          'AGENCY_NOT_FOUND',
          `Nhóm "${group.name}" có thành viên không có trong danh mục: ${code}.`,
        );
      }
      return agencyId;
    });
    await insertGroupMembers(db, authorityId, groupId, members);
  }
  return authorityId;
}
