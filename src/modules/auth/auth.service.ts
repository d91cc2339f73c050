import type { Kysely } from 'kysely';
import type { DB, Role } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../shared/errors.ts';
import { type Actor, PUBLIC_ACTOR, requireAccess, requireUser } from '../access/access.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import { findSessionUser, findTokenUser, findUserById, findUserByUsername } from './auth.repo.ts';
import { assertPasswordPolicy, hashPassword, sha256, verifyPassword } from './passwords.ts';
import { openSession, type SessionInfo } from './sessions.ts';
import { revokeTokensOfUser } from './tokens.repo.ts';
import { assertTokenInForce } from './tokens.service.ts';

export const SESSION_COOKIE = 'dondoc_session';
const MAX_FAILED_LOGINS = 5;
const LOCKOUT_MINUTES = 15;
/** how precisely an API token's `last_used_at` is kept */
const TOKEN_USE_RESOLUTION_MS = 60_000;
/** a hash to verify against when the user does not exist, so both cases take the same time */
const DUMMY_HASH = hashPassword('dondoc-timing-equaliser');

export type { SessionInfo } from './sessions.ts';

/** Đăng nhập — checks the password, counts failures and locks the account for a while after five. */
export async function login(
  db: Kysely<DB>,
  input: { username: string; password: string; ip?: string | null },
  options: { sessionHours: number; now?: Date },
): Promise<SessionInfo> {
  const now = options.now ?? new Date();
  const user = await findUserByUsername(db, input.username);
  if (!user) {
    await verifyPassword(await DUMMY_HASH, input.password);
    throw invalidCredentials();
  }
  if (user.locked_until && user.locked_until > now) {
    const until = user.locked_until.toLocaleTimeString('vi-VN', {
      timeZone: 'Asia/Ho_Chi_Minh',
      hour: '2-digit',
      minute: '2-digit',
    });
    throw new AppError('ACCOUNT_LOCKED', `Tài khoản tạm khóa đến ${until} do nhập sai mật khẩu nhiều lần.`);
  }
  if (user.disabled || !(await verifyPassword(user.password_hash, input.password))) {
    const failures = user.failed_logins + 1;
    const lock = failures >= MAX_FAILED_LOGINS;
    await db
      .updateTable('app_user')
      .set({
        failed_logins: lock ? 0 : failures,
        locked_until: lock ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) : user.locked_until,
      })
      .where('id', '=', user.id)
      .execute();
    await writeAudit(db, {
      authorityId: user.authority_id,
      actor: user.username,
      action: lock ? 'auth.lockout' : 'auth.login_failed',
      entity: 'app_user',
      entityId: String(user.id),
      ip: input.ip ?? null,
    });
    throw invalidCredentials();
  }
  return inTransaction(db, (trx) =>
    openSession(trx, user, { sessionHours: options.sessionHours, now, ip: input.ip ?? null }),
  );
}

function invalidCredentials() {
  return new AppError('INVALID_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng.');
}

export async function logout(db: Kysely<DB>, sessionToken: string): Promise<void> {
  await db.deleteFrom('user_session').where('token_hash', '=', sha256(sessionToken)).execute();
}

export interface ResolvedActor {
  actor: Actor;
  /** the session's CSRF token when the actor came from a session cookie */
  csrfToken: string | null;
}

/** The actor behind a request: a session cookie, an API token (Bearer dd_…), or the public. */
export async function resolveActor(
  db: Kysely<DB>,
  credentials: { sessionToken?: string | undefined; bearer?: string | undefined },
  now = new Date(),
): Promise<ResolvedActor> {
  if (credentials.bearer) {
    const row = await findTokenUser(db, sha256(credentials.bearer));
    assertTokenInForce(row, now);
    // a write (and a commit to disk) per request only to move this by milliseconds: once a minute is enough
    if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() >= TOKEN_USE_RESOLUTION_MS) {
      await db.updateTable('api_token').set({ last_used_at: now }).where('id', '=', row.token_id).execute();
    }
    return { actor: toActor(row, 'token', row.scopes), csrfToken: null };
  }
  if (credentials.sessionToken) {
    const row = await findSessionUser(db, sha256(credentials.sessionToken), now);
    if (row && !row.disabled) return { actor: toActor(row, 'session'), csrfToken: row.csrf_token };
  }
  return { actor: PUBLIC_ACTOR, csrfToken: null };
}

function toActor(
  row: {
    id: number;
    username: string;
    authority_id: number;
    role: Role;
    agency_id: number | null;
    agency_scope: number[] | null;
  },
  via: 'session' | 'token',
  scopes: readonly string[] | null = null,
): Actor {
  return {
    kind: 'user',
    userId: row.id,
    username: row.username,
    authorityId: row.authority_id,
    role: row.role,
    agencyId: row.agency_id,
    agencyScope: row.agency_id === null ? [] : (row.agency_scope ?? [row.agency_id]),
    via,
    ...(scopes ? { scopes } : {}),
  };
}

/**
 * Đổi mật khẩu — checks the current password; signs out every other session and, when the user
 * asks (`revokeTokens`), revokes every API token of the account as well.
 */
export async function changePassword(
  db: Kysely<DB>,
  actor: Actor,
  input: {
    currentPassword: string;
    newPassword: string;
    keepSessionToken?: string | undefined;
    /** thu hồi mọi mã truy cập (API token) of the account */
    revokeTokens?: boolean | undefined;
    ip?: string | null;
  },
): Promise<void> {
  requireAccess(actor, 'self');
  const me = requireUser(actor);
  assertPasswordPolicy(input.newPassword, [me.username]);
  const user = await findUserById(db, me.userId);
  if (!user || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new AppError('INVALID_CREDENTIALS', 'Mật khẩu hiện tại không đúng.');
  }
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('app_user')
      .set({ password_hash: passwordHash, password_changed_at: new Date() })
      .where('id', '=', me.userId)
      .execute();
    let others = trx.deleteFrom('user_session').where('user_id', '=', me.userId);
    if (input.keepSessionToken) others = others.where('token_hash', '<>', sha256(input.keepSessionToken));
    await others.execute();
    const tokensRevoked = input.revokeTokens ? await revokeTokensOfUser(trx, me.userId, new Date()) : 0;
    await writeAudit(trx, {
      authorityId: me.authorityId,
      actor: me.username,
      action: 'auth.password_change',
      entity: 'app_user',
      entityId: String(me.userId),
      data: { tokensRevoked },
      ip: input.ip ?? null,
    });
  });
}

export interface NewUser {
  authorityId: number;
  username: string;
  displayName: string;
  role: Role;
  agencyId: number | null;
  password: string;
}

/** Creates an account (CLI `dondoc user add`, the demo, an admin). */
export async function createUser(
  db: Kysely<DB>,
  input: NewUser,
  actorName = 'system',
  ip: string | null = null,
): Promise<number> {
  assertPasswordPolicy(input.password);
  const username = input.username.trim().toLowerCase();
  if (!/^[a-z0-9._-]{3,64}$/.test(username)) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Tên đăng nhập gồm 3–64 ký tự a-z, 0-9, dấu chấm, gạch ngang hoặc gạch dưới.',
    );
  }
  if (input.role === 'agency' && input.agencyId === null) {
    throw new AppError('VALIDATION_FAILED', 'Tài khoản cơ quan cần gắn với một cơ quan.');
  }
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, async (trx) => {
    if (await findUserByUsername(trx, username))
      throw new AppError('USER_EXISTS', `Tên đăng nhập "${username}" đã có.`);
    const { id } = await trx
      .insertInto('app_user')
      .values({
        authority_id: input.authorityId,
        username,
        display_name: input.displayName,
        role: input.role,
        agency_id: input.role === 'agency' ? input.agencyId : null,
        password_hash: passwordHash,
        locked_until: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, {
      authorityId: input.authorityId,
      actor: actorName,
      action: 'user.create',
      entity: 'app_user',
      entityId: String(id),
      after: { username, role: input.role, agencyId: input.agencyId },
      ip,
    });
    return id;
  });
}

/** What the web app shows of the signed-in user: full name, agency and authority names. */
export async function sessionProfile(db: Kysely<DB>, actor: Actor) {
  const me = requireUser(actor);
  const row = await db
    .selectFrom('app_user as u')
    .innerJoin('authority as au', 'au.id', 'u.authority_id')
    .leftJoin('agency as a', 'a.id', 'u.agency_id')
    .select(['u.display_name', 'au.name as authority_name', 'a.name as agency_name'])
    .where('u.id', '=', me.userId)
    .executeTakeFirstOrThrow();
  return { displayName: row.display_name, authorityName: row.authority_name, agencyName: row.agency_name };
}
