import type { Kysely } from 'kysely';
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
