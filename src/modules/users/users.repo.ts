import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import { type PageRequest, selectPage } from '../../db/page.ts';
import { insertRow } from '../../db/rows.ts';
import type { DB } from '../../db/schema.ts';

/** Accounts with their agency's code; never the password hash. */
function usersQuery(db: Kysely<DB>, authorityId: number) {
  return db
    .selectFrom('app_user as u')
    .leftJoin('agency as g', 'g.id', 'u.agency_id')
    .where('u.authority_id', '=', authorityId);
}

const USER_COLUMNS = [
  'u.id',
  'u.username',
  'u.display_name',
  'u.role',
  'u.agency_id',
  'g.code as agency_code',
  'u.disabled',
  'u.email',
  'u.is_head',
  // the latest sign-in wait on the name from any address (login_throttle), for the admin to see an attack
  sql<Date | null>`(select max(lt.blocked_until) from login_throttle lt
    where lt.name_key = u.username and lt.blocked_until > now())`.as('locked_until'),
  'u.password_changed_at',
  'u.created_at',
] as const;

export function listUserPage(db: Kysely<DB>, authorityId: number, page: PageRequest) {
  return selectPage(usersQuery(db, authorityId), page, (q) => q.select(USER_COLUMNS).orderBy('u.id'));
}

export function findUserOfAuthority(db: Kysely<DB>, authorityId: number, id: number) {
  return usersQuery(db, authorityId).select(USER_COLUMNS).where('u.id', '=', id).executeTakeFirst();
}

export type UserRow = NonNullable<Awaited<ReturnType<typeof findUserOfAuthority>>>;

/** Signs a user out of every browser session (API tokens: revokeTokensOfUser in auth/tokens.repo.ts). */
export async function deleteSessionsOf(db: Kysely<DB>, userId: number): Promise<number> {
  const result = await db.deleteFrom('user_session').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function agencyBelongsTo(
  db: Kysely<DB>,
  authorityId: number,
  agencyId: number,
): Promise<boolean> {
  const row = await db
    .selectFrom('agency')
    .select('id')
    .where('authority_id', '=', authorityId)
    .where('id', '=', agencyId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The id of an account of the authority by its username (stored lower-case), or undefined. */
export async function findUserIdByUsername(db: Kysely<DB>, authorityId: number, username: string) {
  const row = await db
    .selectFrom('app_user')
    .select('id')
    .where('authority_id', '=', authorityId)
    .where('username', '=', username.trim().toLowerCase())
    .executeTakeFirst();
  return row?.id;
}

export function insertUser(db: Kysely<DB>, values: Insertable<DB['app_user']>): Promise<number> {
  return insertRow(db, 'app_user', values);
}

export async function updateUserRow(db: Kysely<DB>, id: number, change: Updateable<DB['app_user']>) {
  await db.updateTable('app_user').set(change).where('id', '=', id).execute();
}

export function setUserContact(
  db: Kysely<DB>,
  id: number,
  contact: { email: string | null; isHead: boolean },
) {
  return updateUserRow(db, id, { email: contact.email, is_head: contact.isHead });
}

/** A new password (its hash) of an account of the authority, changed at `now`. */
export async function setPasswordHash(
  db: Kysely<DB>,
  authorityId: number,
  id: number,
  passwordHash: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ password_hash: passwordHash, password_changed_at: now })
    .where('id', '=', id)
    .where('authority_id', '=', authorityId)
    .execute();
}
