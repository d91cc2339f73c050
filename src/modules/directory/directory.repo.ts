import type { Kysely } from 'kysely';
import { type PageRequest, selectPage } from '../../db/page.ts';
import { findOfAuthority } from '../../db/rows.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';

export function findAuthorityByCode(db: Kysely<DB>, code: string) {
  return db.selectFrom('authority').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function findAuthorityById(db: Kysely<DB>, id: number) {
  const authority = await db.selectFrom('authority').selectAll().where('id', '=', id).executeTakeFirst();
  if (!authority) throw new AppError('AUTHORITY_NOT_FOUND', 'Không tìm thấy cơ quan ban hành.');
  return authority;
}

export function listAuthorities(db: Kysely<DB>) {
  return db.selectFrom('authority').selectAll().orderBy('id').execute();
}

export function listAgencies(db: Kysely<DB>, authorityId: number) {
  return db.selectFrom('agency').selectAll().where('authority_id', '=', authorityId).orderBy('id').execute();
}

export function findAgencyByCode(db: Kysely<DB>, authorityId: number, code: string) {
  return db
    .selectFrom('agency')
    .selectAll()
    .where('authority_id', '=', authorityId)
    .where('code', '=', code)
    .executeTakeFirst();
}

/** Every name and alias of the directory: agencies (with validity) and groups (code null). */
export async function listDirectoryNames(db: Kysely<DB>, authorityId: number) {
  const agencies = await db
    .selectFrom('agency')
    .select(['code', 'name', 'aliases', 'valid_from', 'valid_to'])
    .where('authority_id', '=', authorityId)
    .orderBy('id')
    .execute();
  const groups = await db
    .selectFrom('agency_group')
    .select(['name', 'aliases'])
    .where('authority_id', '=', authorityId)
    .orderBy('id')
    .execute();
  return [
    ...agencies.map((a) => ({ ...a, code: a.code as string | null })),
    ...groups.map((g) => ({
      code: null,
      name: g.name,
      aliases: g.aliases,
      valid_from: null,
      valid_to: null,
    })),
  ];
}

export async function listGroupsWithMembers(db: Kysely<DB>, authorityId: number) {
  const groups = await db
    .selectFrom('agency_group')
    .selectAll()
    .where('authority_id', '=', authorityId)
    .orderBy('id')
    .execute();
  const members = await db
    .selectFrom('agency_group_member as m')
    .innerJoin('agency as a', 'a.id', 'm.agency_id')
    .select(['m.group_id', 'a.code'])
    .where('m.authority_id', '=', authorityId)
    .orderBy('a.id')
    .execute();
  return groups.map((g) => ({
    ...g,
    memberCodes: g.is_open ? null : members.filter((m) => m.group_id === g.id).map((m) => m.code),
  }));
}

/** A unique constraint refused the write (PostgreSQL and PGlite both report SQLSTATE 23505). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: unknown; constraint?: unknown } | null;
  if (e?.code !== '23505') return false;
  return constraint === undefined || e.constraint === undefined || e.constraint === constraint;
}

/** Agencies with their parent's code, optionally only those valid on a date; the base of page and count. */
function agenciesQuery(db: Kysely<DB>, authorityId: number, filter: { validOn?: string | undefined }) {
  let query = db
    .selectFrom('agency as a')
    .leftJoin('agency as parent', 'parent.id', 'a.parent_id')
    .where('a.authority_id', '=', authorityId);
  if (filter.validOn) {
    const on = filter.validOn;
    query = query
      .where((eb) => eb.or([eb('a.valid_from', 'is', null), eb('a.valid_from', '<=', on)]))
      .where((eb) => eb.or([eb('a.valid_to', 'is', null), eb('a.valid_to', '>', on)]));
  }
  return query;
}

const AGENCY_COLUMNS = [
  'a.id',
  'a.code',
  'a.name',
  'a.aliases',
  'a.kind',
  'a.parent_id',
  'parent.code as parent_code',
  'a.valid_from',
  'a.valid_to',
  'a.is_monitor',
  'a.version',
] as const;

export function listAgencyPage(
  db: Kysely<DB>,
  authorityId: number,
  filter: { validOn?: string | undefined },
  page: PageRequest,
) {
  return selectPage(agenciesQuery(db, authorityId, filter), page, (q) =>
    q.select(AGENCY_COLUMNS).orderBy('a.id'),
  );
}

export function findAgencyOfAuthority(db: Kysely<DB>, authorityId: number, id: number) {
  return agenciesQuery(db, authorityId, {}).select(AGENCY_COLUMNS).where('a.id', '=', id).executeTakeFirst();
}

export type AgencyRow = NonNullable<Awaited<ReturnType<typeof findAgencyOfAuthority>>>;

/** Successor links with both agencies' codes and names; the base of page and count. */
function successorsQuery(db: Kysely<DB>, authorityId: number) {
  return db
    .selectFrom('agency_successor as s')
    .innerJoin('agency as f', 'f.id', 's.from_agency_id')
    .innerJoin('agency as t', 't.id', 's.to_agency_id')
    .where('s.authority_id', '=', authorityId);
}

const SUCCESSOR_COLUMNS = [
  's.id',
  's.from_agency_id',
  'f.code as from_code',
  'f.name as from_name',
  's.to_agency_id',
  't.code as to_code',
  't.name as to_name',
  's.functions',
  's.effective_on',
] as const;

/** Successor links touching any of `agencyIds` (either side), or all of them. */
export function listSuccessorLinks(db: Kysely<DB>, authorityId: number, agencyIds?: readonly number[]) {
  let query = successorsQuery(db, authorityId).select(SUCCESSOR_COLUMNS);
  if (agencyIds) {
    if (agencyIds.length === 0) return Promise.resolve([]);
    const ids = [...agencyIds];
    query = query.where((eb) => eb.or([eb('s.from_agency_id', 'in', ids), eb('s.to_agency_id', 'in', ids)]));
  }
  return query.orderBy('s.effective_on').orderBy('s.id').execute();
}

export function listSuccessorPage(db: Kysely<DB>, authorityId: number, page: PageRequest) {
  return selectPage(successorsQuery(db, authorityId), page, (q) =>
    q.select(SUCCESSOR_COLUMNS).orderBy('s.effective_on').orderBy('s.id'),
  );
}

export function findSuccessorLink(db: Kysely<DB>, authorityId: number, id: number) {
  return successorsQuery(db, authorityId).select(SUCCESSOR_COLUMNS).where('s.id', '=', id).executeTakeFirst();
}

export type SuccessorRow = NonNullable<Awaited<ReturnType<typeof findSuccessorLink>>>;

/** Records that `to` takes over (some functions of) `from` on a date; a second record of the pair updates it. */
export async function upsertSuccessorLink(
  db: Kysely<DB>,
  link: {
    authorityId: number;
    fromAgencyId: number;
    toAgencyId: number;
    functions: string | null;
    effectiveOn: string;
  },
): Promise<number> {
  const { id } = await db
    .insertInto('agency_successor')
    .values({
      authority_id: link.authorityId,
      from_agency_id: link.fromAgencyId,
      to_agency_id: link.toAgencyId,
      functions: link.functions,
      effective_on: link.effectiveOn,
    })
    .onConflict((oc) =>
      oc.columns(['from_agency_id', 'to_agency_id']).doUpdateSet((eb) => ({
        effective_on: eb.ref('excluded.effective_on'),
        functions: eb.fn.coalesce('excluded.functions', 'agency_successor.functions'),
      })),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function listGroupPage(db: Kysely<DB>, authorityId: number, page: PageRequest) {
  const { rows: groups, total } = await selectPage(
    db.selectFrom('agency_group').where('authority_id', '=', authorityId),
    page,
    (q) => q.selectAll().orderBy('id'),
  );
  return {
    groups,
    members: await listGroupMembers(
      db,
      groups.map((g) => g.id),
    ),
    total,
  };
}

export function findGroupOfAuthority(db: Kysely<DB>, authorityId: number, id: number) {
  return findOfAuthority(db, 'agency_group', authorityId, id);
}

export function listGroupMembers(db: Kysely<DB>, groupIds: readonly number[]) {
  if (groupIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('agency_group_member as m')
    .innerJoin('agency as a', 'a.id', 'm.agency_id')
    .select(['m.group_id', 'a.id', 'a.code', 'a.name'])
    .where('m.group_id', 'in', [...groupIds])
    .orderBy('a.id')
    .execute();
}
