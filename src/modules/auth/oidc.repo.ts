import { type Kysely, sql } from 'kysely';
import type { DB, Role } from '../../db/schema.ts';

export interface PendingOidcLogin {
  bindingHash: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  redirectUri: string;
  returnTo: string;
  expiresAt: Date;
}

/** Stores a sign-in begun at the provider; forgets those that expired (nobody came back). */
export async function insertPendingLogin(db: Kysely<DB>, login: PendingOidcLogin, now: Date): Promise<void> {
  await db.deleteFrom('oidc_login').where('expires_at', '<', now).execute();
  await db
    .insertInto('oidc_login')
    .values({
      binding_hash: login.bindingHash,
      state: login.state,
      nonce: login.nonce,
      code_verifier: login.codeVerifier,
      redirect_uri: login.redirectUri,
      return_to: login.returnTo,
      expires_at: login.expiresAt,
    })
    .execute();
}

/** Takes the browser's pending sign-in out (used once, even across server processes). */
export async function takePendingLogin(
  db: Kysely<DB>,
  bindingHash: string,
): Promise<PendingOidcLogin | undefined> {
  const row = await db
    .deleteFrom('oidc_login')
    .where('binding_hash', '=', bindingHash)
    .returningAll()
    .executeTakeFirst();
  return (
    row && {
      bindingHash: row.binding_hash,
      state: row.state,
      nonce: row.nonce,
      codeVerifier: row.code_verifier,
      redirectUri: row.redirect_uri,
      returnTo: row.return_to,
      expiresAt: row.expires_at,
    }
  );
}

const USER_COLUMNS = [
  'id',
  'authority_id',
  'username',
  'display_name',
  'role',
  'agency_id',
  'disabled',
  'oidc_subject',
] as const;

export function findUserBySubject(db: Kysely<DB>, subject: string) {
  return db
    .selectFrom('app_user')
    .select(USER_COLUMNS)
    .where('oidc_subject', '=', subject)
    .executeTakeFirst();
}

export function findUserForOidcByUsername(db: Kysely<DB>, username: string) {
  return db
    .selectFrom('app_user')
    .select(USER_COLUMNS)
    .where('username', '=', username.trim().toLowerCase())
    .executeTakeFirst();
}

/** Every account with this e-mail address (any case): more than one cannot be told apart. */
export function findUsersByEmail(db: Kysely<DB>, email: string) {
  return db
    .selectFrom('app_user')
    .select(USER_COLUMNS)
    .where(sql<string>`lower(email)`, '=', email.trim().toLowerCase())
    .limit(2)
    .execute();
}

export type OidcUser = NonNullable<Awaited<ReturnType<typeof findUserBySubject>>>;

export async function findAgencyIdByCode(
  db: Kysely<DB>,
  authorityId: number,
  code: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('agency')
    .select('id')
    .where('authority_id', '=', authorityId)
    .where(sql<string>`upper(code)`, '=', code.trim().toUpperCase())
    .executeTakeFirst();
  return row?.id;
}

export async function updateOidcUser(
  db: Kysely<DB>,
  userId: number,
  change: { oidcSubject?: string; role?: Role; agencyId?: number | null },
): Promise<void> {
  await db
    .updateTable('app_user')
    .set({
      ...(change.oidcSubject !== undefined ? { oidc_subject: change.oidcSubject } : {}),
      ...(change.role !== undefined ? { role: change.role } : {}),
      ...(change.agencyId !== undefined ? { agency_id: change.agencyId } : {}),
    })
    .where('id', '=', userId)
    .execute();
}
