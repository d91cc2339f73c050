import type { Kysely } from 'kysely';
import type { Authority, DB, Role } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../shared/errors.ts';
import { type Actor, PUBLIC_ACTOR, requireAccess, requireUser } from '../access/access.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import type { ServiceContext } from '../service-context.ts';
import { setPasswordHash } from '../users/users.repo.ts';
import {
  authorityOfActorRow,
  deleteSession,
  deleteSessionsOfUserExcept,
  findSessionProfile,
  findSessionUser,
  findTokenUser,
  findUserById,
  findUserByUsername,
  touchApiToken,
  touchSession,
} from './auth.repo.ts';
import { clearLoginFailures, loginBlockedUntil, takeLoginAttempt } from './login-throttle.repo.ts';
import { assertPasswordPolicy, hashPassword, sha256, verifyPassword } from './passwords.ts';
import { openSession, type SessionInfo } from './sessions.ts';
import { revokeTokensOfUser } from './tokens.repo.ts';
import { assertTokenInForce } from './tokens.service.ts';

export const SESSION_COOKIE = 'dondoc_session';
export const DEFAULT_SESSION_IDLE_MINUTES = 120;
/** how precisely an API token's `last_used_at` and a session's `last_seen_at` are kept */
const TOKEN_USE_RESOLUTION_MS = 60_000;
/** a hash to verify against when the user does not exist, so both cases take the same time */
const DUMMY_HASH = hashPassword('dondoc-timing-equaliser');

export type { SessionInfo } from './sessions.ts';

/**
 * Đăng nhập — one attempt is taken for the (typed name, address) pair before the password is
 * checked (login-throttle.repo.ts): four free failures, then waits of 1, 2, 4 … 60 minutes for that
 * pair only, so nobody can lock another person out from elsewhere. A name that does not exist goes
 * through the same steps (a dummy hash is verified, the failure audited), so neither the answer nor
 * its timing tells which names exist. `now` is the wall clock: a session's end is a security property.
 */
export async function login(
  db: Kysely<DB>,
  input: { username: string; password: string; ip?: string | null },
  options: { sessionHours: number; now: Date },
): Promise<SessionInfo> {
  const { now } = options;
  const nameKey = input.username.trim().toLowerCase();
  const address = input.ip ?? '';
  const attempt = await takeLoginAttempt(db, nameKey, address, now);
  if (!attempt) throw loginDelayed((await loginBlockedUntil(db, nameKey, address)) ?? now, now);
  const user = await findUserByUsername(db, nameKey);
  const passwordRight = await verifyPassword(user?.password_hash ?? (await DUMMY_HASH), input.password);
  if (!user || user.disabled || !passwordRight) {
    await writeAudit(db, {
      authorityId: user?.authority_id ?? null,
      actor: user?.username ?? nameKey.slice(0, 64),
      action: attempt.blockedUntil ? 'auth.lockout' : 'auth.login_failed',
      entity: 'app_user',
      entityId: user ? String(user.id) : null,
      data: { failures: attempt.failures, ...(user ? {} : { unknownName: true }) },
      ip: input.ip ?? null,
    });
    throw invalidCredentials();
  }
  return inTransaction(db, async (trx) => {
    await clearLoginFailures(trx, nameKey, address);
    return openSession(trx, user, { sessionHours: options.sessionHours, now, ip: input.ip ?? null });
  });
}

function loginDelayed(until: Date, now: Date) {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  const time = until.toLocaleTimeString('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
  });
  return new AppError(
    'LOGIN_DELAYED',
    `Đăng nhập sai nhiều lần: hãy thử lại sau ${time} (khoảng ${Math.ceil(seconds / 60)} phút).`,
    { retryAfterSeconds: seconds },
  );
}

function invalidCredentials() {
  return new AppError('INVALID_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng.');
}

export async function logout(db: Kysely<DB>, sessionToken: string): Promise<void> {
  await deleteSession(db, sha256(sessionToken));
}

export interface ResolvedActor {
  actor: Actor;
  /** the session's CSRF token when the actor came from a session cookie */
  csrfToken: string | null;
  /** the user's authority, read with the session or token (null for the public) */
  authority: Authority | null;
  /** of an agency user's scope, the agencies holding assignments of their own (null: no agency) */
  scopeHoldingTopLevel: readonly number[] | null;
}

/**
 * The actor behind a request: a session cookie, an API token (Bearer dd_…), or the public. `now` is
 * the wall clock (sessions and tokens end on it), read once per request by the caller.
 */
export async function resolveActor(
  db: Kysely<DB>,
  credentials: { sessionToken?: string | undefined; bearer?: string | undefined },
  now: Date,
  /** a session unused this long ends (issue #16); its absolute end is its expires_at */
  sessionIdleMinutes = DEFAULT_SESSION_IDLE_MINUTES,
): Promise<ResolvedActor> {
  if (credentials.bearer) {
    const row = await findTokenUser(db, sha256(credentials.bearer));
    assertTokenInForce(row, now);
    // a write (and a commit to disk) per request only to move this by milliseconds: once a minute is enough
    if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() >= TOKEN_USE_RESOLUTION_MS) {
      await touchApiToken(db, row.token_id, now);
    }
    return {
      actor: toActor(row, 'token', row.scopes),
      csrfToken: null,
      authority: authorityOfActorRow(row),
      scopeHoldingTopLevel: row.agency_scope_holding,
    };
  }
  if (credentials.sessionToken) {
    const seenAfter = new Date(now.getTime() - sessionIdleMinutes * 60_000);
    const row = await findSessionUser(db, sha256(credentials.sessionToken), now, seenAfter);
    if (row && !row.disabled) {
      // kept to the minute, as a token's last use: not a write per request
      if (now.getTime() - row.last_seen_at.getTime() >= TOKEN_USE_RESOLUTION_MS) {
        await touchSession(db, row.session_id, now);
      }
      return {
        actor: toActor(row, 'session'),
        csrfToken: row.csrf_token,
        authority: authorityOfActorRow(row),
        scopeHoldingTopLevel: row.agency_scope_holding,
      };
    }
  }
  return { actor: PUBLIC_ACTOR, csrfToken: null, authority: null, scopeHoldingTopLevel: null };
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
  c: ServiceContext,
  input: {
    currentPassword: string;
    newPassword: string;
    keepSessionToken?: string | undefined;
    /** thu hồi mọi mã truy cập (API token) of the account */
    revokeTokens?: boolean | undefined;
  },
): Promise<void> {
  requireAccess(c.actor, 'self');
  const { db } = c;
  const me = requireUser(c.actor);
  assertPasswordPolicy(input.newPassword, [me.username]);
  const user = await findUserById(db, me.userId);
  if (!user || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new AppError('INVALID_CREDENTIALS', 'Mật khẩu hiện tại không đúng.');
  }
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(db, async (trx) => {
    await setPasswordHash(trx, me.authorityId, me.userId, passwordHash, c.now);
    const keep = input.keepSessionToken ? sha256(input.keepSessionToken) : null;
    await deleteSessionsOfUserExcept(trx, me.userId, keep);
    const tokensRevoked = input.revokeTokens ? await revokeTokensOfUser(trx, me.userId, c.now) : 0;
    await writeAudit(trx, {
      authorityId: me.authorityId,
      actor: me.username,
      action: 'auth.password_change',
      entity: 'app_user',
      entityId: String(me.userId),
      data: { tokensRevoked },
      ip: c.ip,
    });
  });
}

/** What the web app shows of the signed-in user: full name, agency and authority names. */
export async function sessionProfile(c: ServiceContext) {
  const me = requireUser(c.actor);
  const row = await findSessionProfile(c.db, me.userId);
  return { displayName: row.display_name, authorityName: row.authority_name, agencyName: row.agency_name };
}
