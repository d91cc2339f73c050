import type { Insertable, Kysely, Updateable } from 'kysely';
import { changedAtVersion, insertRow } from '../../db/rows.ts';
import type { DB } from '../../db/schema.ts';

/** The writes of the directory: authorities, agencies, groups and their members, successor links. */

export function insertAuthority(db: Kysely<DB>, values: Insertable<DB['authority']>): Promise<number> {
  return insertRow(db, 'authority', values);
}

export function insertAgency(db: Kysely<DB>, values: Insertable<DB['agency']>): Promise<number> {
  return insertRow(db, 'agency', values);
}

export function insertAgencies(db: Kysely<DB>, values: Insertable<DB['agency']>[]) {
  return db.insertInto('agency').values(values).returning(['id', 'code']).execute();
}

/** Sets `change` and bumps the version when it is still `version`; whether the row was updated. */
export function updateAgencyAtVersion(
  db: Kysely<DB>,
  id: number,
  version: number,
  change: Updateable<DB['agency']>,
): Promise<boolean> {
  return changedAtVersion(db, 'agency', id, version, change);
}

export async function setAgencyAliases(db: Kysely<DB>, id: number, aliases: string[]): Promise<void> {
  await db
    .updateTable('agency')
    .set((eb) => ({ aliases, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** The ids among `ids` of agencies of the authority. */
export async function listAgencyIdsOfAuthority(
  db: Kysely<DB>,
  authorityId: number,
  ids: readonly number[],
): Promise<number[]> {
  const rows = await db
    .selectFrom('agency')
    .select('id')
    .where('authority_id', '=', authorityId)
    .where('id', 'in', [...ids])
    .execute();
  return rows.map((r) => r.id);
}

export function insertGroup(db: Kysely<DB>, values: Insertable<DB['agency_group']>): Promise<number> {
  return insertRow(db, 'agency_group', values);
}

export async function insertGroupMembers(
  db: Kysely<DB>,
  authorityId: number,
  groupId: number,
  agencyIds: readonly number[],
): Promise<void> {
  if (agencyIds.length === 0) return;
  await db
    .insertInto('agency_group_member')
    .values(
      agencyIds.map((agencyId) => ({ authority_id: authorityId, group_id: groupId, agency_id: agencyId })),
    )
    .execute();
}

export async function deleteGroupMembers(db: Kysely<DB>, groupId: number): Promise<void> {
  await db.deleteFrom('agency_group_member').where('group_id', '=', groupId).execute();
}

/** Bumps the group's version when it is still `version`; whether it was. */
export function bumpGroupVersion(db: Kysely<DB>, id: number, version: number): Promise<boolean> {
  return changedAtVersion(db, 'agency_group', id, version);
}

export function insertSuccessorLink(
  db: Kysely<DB>,
  values: Insertable<DB['agency_successor']>,
): Promise<number> {
  return insertRow(db, 'agency_successor', values);
}
