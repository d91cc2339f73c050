import { type Insertable, type Kysely, sql } from 'kysely';
import type { Authority, DB } from '../../db/schema.ts';

export function findUserByUsername(db: Kysely<DB>, username: string) {
  return db
    .selectFrom('app_user')
    .selectAll()
    .where('username', '=', username.trim().toLowerCase())
    .executeTakeFirst();
}

export function findUserById(db: Kysely<DB>, id: number) {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The user's agency and every unit below it (parent_id chain) — `agency_scope` —, and of those the
 * agencies that hold assignments of their own (not only sub-assignments), in id order —
 * `agency_scope_holding`, what `agenciesHoldingTopLevel` asks before an agency's own list (issue #18):
 * one walk of the chain and one index probe per agency, joined laterally to the query that finds the
 * user, so that the session or token lookup of every request takes one round trip. Both null for a
 * user without an agency. (Two scalar subqueries walked the chain twice; planning the second cost
 * ≈ 0.13 ms of CPU on every request, issue #18 goal 2.)
 */
const userScope = sql<{ agency_scope: number[] | null; agency_scope_holding: number[] | null }>`lateral (
  with recursive scope(id) as (
    select ${sql.ref('u.agency_id')}
    union all
    select a.id from agency a inner join scope s on s.id = a.parent_id
  )
  select array_agg(s.id) as agency_scope,
    case when ${sql.ref('u.agency_id')} is null then null else coalesce(array_agg(s.id order by s.id) filter (
      where exists (select 1 from assignment x
        where x.authority_id = ${sql.ref('u.authority_id')} and x.agency_id = s.id and x.parent_assignment_id is null)
    ), '{}') end as agency_scope_holding
  from scope s
  where s.id is not null
)`.as('sc');

/**
 * The user columns an actor is resolved from (resolveActor), the same for a session and a token —
 * with the user's authority row (alias `au`, columns `authority_*`): every use case reads it
 * (`authorityContext`), and read here it costs no round trip of its own (issue #18).
 */
const ACTOR_USER_COLUMNS = [
  'u.id',
  'u.username',
  'u.authority_id',
  'u.role',
  'u.agency_id',
  'u.disabled',
  'sc.agency_scope',
  'sc.agency_scope_holding',
  'au.code as authority_code',
  'au.name as authority_name',
  'au.short_name as authority_short_name',
  'au.place as authority_place',
  'au.time_zone as authority_time_zone',
  'au.settings as authority_settings',
  'au.created_at as authority_created_at',
] as const;

/** The authority row of a session or token lookup (ACTOR_USER_COLUMNS). */
export function authorityOfActorRow(row: {
  authority_id: number;
  authority_code: string;
  authority_name: string;
  authority_short_name: string;
  authority_place: string;
  authority_time_zone: string;
  authority_settings: Record<string, unknown>;
  authority_created_at: Date;
}): Authority {
  return {
    id: row.authority_id,
    code: row.authority_code,
    name: row.authority_name,
    short_name: row.authority_short_name,
    place: row.authority_place,
    time_zone: row.authority_time_zone,
    settings: row.authority_settings,
    created_at: row.authority_created_at,
  };
}

/** The session's user, if the session has not expired and was used after `seenAfter` (the idle limit). */
export function findSessionUser(db: Kysely<DB>, tokenHash: string, now: Date, seenAfter: Date) {
  return db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .innerJoin('authority as au', 'au.id', 'u.authority_id')
    .leftJoin(userScope, (join) => join.onTrue())
    .select(['s.id as session_id', 's.csrf_token', 's.last_seen_at', ...ACTOR_USER_COLUMNS])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', now)
    .where('s.last_seen_at', '>', seenAfter)
    .executeTakeFirst();
}

export async function touchSession(db: Kysely<DB>, sessionId: number, now: Date): Promise<void> {
  await db.updateTable('user_session').set({ last_seen_at: now }).where('id', '=', sessionId).execute();
}

/** The token by its hash with its user, revoked or expired ones too: resolveActor says which. */
export function findTokenUser(db: Kysely<DB>, tokenHash: string) {
  return db
    .selectFrom('api_token as t')
    .innerJoin('app_user as u', 'u.id', 't.user_id')
    .innerJoin('authority as au', 'au.id', 'u.authority_id')
    .leftJoin(userScope, (join) => join.onTrue())
    .select([
      't.id as token_id',
      't.scopes',
      't.last_used_at',
      't.revoked_at',
      't.expires_at',
      ...ACTOR_USER_COLUMNS,
    ])
    .where('t.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** An agency and every unit below it (parent_id chain), in one recursive query. */
export async function listAgencyScope(db: Kysely<DB>, agencyId: number): Promise<number[]> {
  const rows = await db
    .withRecursive('scope(id)', (qb) =>
      qb
        .selectFrom('agency')
        .select('id')
        .where('id', '=', agencyId)
        .unionAll((u) =>
          u.selectFrom('agency as a').innerJoin('scope as s', 's.id', 'a.parent_id').select('a.id'),
        ),
    )
    .selectFrom('scope')
    .select('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function touchApiToken(db: Kysely<DB>, tokenId: number, now: Date): Promise<void> {
  await db.updateTable('api_token').set({ last_used_at: now }).where('id', '=', tokenId).execute();
}

export async function deleteSession(db: Kysely<DB>, tokenHash: string): Promise<void> {
  await db.deleteFrom('user_session').where('token_hash', '=', tokenHash).execute();
}

/** Signs a user out everywhere but the session `keepTokenHash` (null: everywhere). */
export async function deleteSessionsOfUserExcept(
  db: Kysely<DB>,
  userId: number,
  keepTokenHash: string | null,
): Promise<void> {
  let sessions = db.deleteFrom('user_session').where('user_id', '=', userId);
  if (keepTokenHash) sessions = sessions.where('token_hash', '<>', keepTokenHash);
  await sessions.execute();
}

/** The names the web app shows of a signed-in user: full name, authority and agency. */
export function findSessionProfile(db: Kysely<DB>, userId: number) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('authority as au', 'au.id', 'u.authority_id')
    .leftJoin('agency as a', 'a.id', 'u.agency_id')
    .select(['u.display_name', 'au.name as authority_name', 'a.name as agency_name'])
    .where('u.id', '=', userId)
    .executeTakeFirstOrThrow();
}

export async function insertSession(db: Kysely<DB>, values: Insertable<DB['user_session']>): Promise<void> {
  await db.insertInto('user_session').values(values).execute();
}
