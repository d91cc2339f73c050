import type { Insertable, Kysely } from 'kysely';
import { type PageRequest, selectPage } from '../../db/page.ts';
import { insertRow } from '../../db/rows.ts';
import type { DB } from '../../db/schema.ts';

const TOKEN_COLUMNS = [
  't.id',
  't.user_id',
  'u.username',
  't.name',
  't.scopes',
  't.created_at',
  't.last_used_at',
  't.expires_at',
  't.revoked_at',
] as const;

function tokensQuery(db: Kysely<DB>, authorityId: number) {
  return db
    .selectFrom('api_token as t')
    .innerJoin('app_user as u', 'u.id', 't.user_id')
    .where('t.authority_id', '=', authorityId);
}

/** One page of a user's tokens, newest first (never the hash), and how many there are. */
export function listTokenPageOfUser(db: Kysely<DB>, authorityId: number, userId: number, page: PageRequest) {
  return selectPage(tokensQuery(db, authorityId).where('t.user_id', '=', userId), page, (q) =>
    q.select(TOKEN_COLUMNS).orderBy('t.created_at', 'desc').orderBy('t.id', 'desc'),
  );
}

export function findTokenOfAuthority(db: Kysely<DB>, authorityId: number, id: number) {
  return tokensQuery(db, authorityId).select(TOKEN_COLUMNS).where('t.id', '=', id).executeTakeFirst();
}

export type TokenRow = NonNullable<Awaited<ReturnType<typeof findTokenOfAuthority>>>;

/** Revokes the tokens still in force whose `column` is `value`; how many this call revoked. */
async function revokeInForce(db: Kysely<DB>, column: 'id' | 'user_id', value: number, now: Date) {
  const result = await db
    .updateTable('api_token')
    .set({ revoked_at: now })
    .where(column, '=', value)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Revokes one token unless it is already revoked; true when this call revoked it. */
export async function revokeToken(db: Kysely<DB>, id: number, now: Date): Promise<boolean> {
  return (await revokeInForce(db, 'id', id, now)) === 1;
}

/** Revokes every token of a user still in force (password change, account disabled); how many. */
export function revokeTokensOfUser(db: Kysely<DB>, userId: number, now: Date): Promise<number> {
  return revokeInForce(db, 'user_id', userId, now);
}

export function insertApiToken(db: Kysely<DB>, values: Insertable<DB['api_token']>): Promise<number> {
  return insertRow(db, 'api_token', values);
}
