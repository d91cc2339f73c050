import { pageAnswer } from '../../db/page.ts';
import { findOfAuthority } from '../../db/rows.ts';
import { inTransaction } from '../../db/transaction.ts';
import { formatVietnameseDate, localDateOf } from '../../domain/dates.ts';
import { AppError } from '../../shared/errors.ts';
import { MAX_TOKEN_DAYS } from '../../shared/schemas/limits.ts';
import { actorName, authorityOf, can, requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import type { ServiceContext } from '../service-context.ts';
import { newSecret, sha256 } from './passwords.ts';
import {
  findTokenOfAuthority,
  insertApiToken,
  listTokenPageOfUser,
  revokeToken,
  revokeTokensOfUser,
  type TokenRow,
} from './tokens.repo.ts';

/**
 * Mã truy cập (API tokens) for integrations: created with a lifetime, listed without their secret,
 * revoked one by one; every token of a user is also revoked when the user chooses so on a password
 * change and when the account is disabled (users.service.ts), so re-enabling never revives one.
 *
 * Tokens live on the wall clock, not on the app's business clock (`deps.now`, which tests set to
 * 2021): an expiry is a security property, checked against the real time in `resolveActor`. So the
 * routes give these use cases a context on the wall clock (auth.hooks.ts `accountContext`), as the
 * CLI's context is; `ctx.now` is that clock.
 */
export const TOKEN_PREFIX = 'dd_';
const DAY_MS = 86_400_000;

export type TokenState = 'active' | 'expired' | 'revoked';

export interface TokenView {
  id: number;
  userId: number;
  username: string;
  name: string;
  scopes: string[] | null;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string;
  revokedAt: string | null;
  state: TokenState;
}

export function tokenState(row: Pick<TokenRow, 'revoked_at' | 'expires_at'>, now: Date): TokenState {
  if (row.revoked_at) return 'revoked';
  return row.expires_at <= now ? 'expired' : 'active';
}

/**
 * The bearer check of `resolveActor`: an unknown, revoked or expired token, or one of a disabled
 * account, is refused (401) with what the integration's owner needs to know.
 */
export function assertTokenInForce<
  T extends { disabled: boolean; revoked_at: Date | null; expires_at: Date },
>(row: T | undefined, now: Date): asserts row is T {
  if (!row || row.disabled || row.revoked_at) {
    throw new AppError('UNAUTHENTICATED', 'Mã truy cập (API token) không hợp lệ hoặc đã bị thu hồi.');
  }
  if (row.expires_at <= now) {
    const day = formatVietnameseDate(localDateOf(row.expires_at));
    throw new AppError(
      'UNAUTHENTICATED',
      `Mã truy cập (API token) đã hết hạn ngày ${day}: hãy tạo mã mới trong "Tài khoản của tôi".`,
      { reason: 'token_expired' },
    );
  }
}

function toView(row: TokenRow, now: Date): TokenView {
  return {
    id: row.id,
    userId: row.user_id,
    username: row.username,
    name: row.name,
    scopes: row.scopes,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    expiresAt: row.expires_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
    state: tokenState(row, now),
  };
}

/**
 * Whose tokens a call is about: a user's own (`self`), or — for an admin (`user.manage`) and the
 * CLI's system actor — any account of the authority. Another user's account answers 404.
 */
async function resolveOwner(c: ServiceContext, userId: number | undefined) {
  const { actor } = c;
  const authorityId = authorityOf(actor);
  if (actor.kind === 'user' && (userId === undefined || userId === actor.userId)) {
    requireAccess(actor, 'self');
    return { authorityId, userId: actor.userId, username: actor.username };
  }
  requireAccess(actor, 'user.manage', { authorityId });
  if (userId === undefined) throw new AppError('VALIDATION_FAILED', 'Cần chỉ rõ tài khoản.');
  const owner = await findOfAuthority(c.db, 'app_user', authorityId, userId);
  if (!owner) throw new AppError('NOT_FOUND', 'Không tìm thấy tài khoản.');
  return { authorityId, userId: owner.id, username: owner.username, disabled: owner.disabled };
}

/**
 * Tạo mã truy cập — a new token; the secret is returned once and stored only as its SHA-256. A
 * signed-in user creates their own, from a password session only (a stolen token must not mint
 * successors that outlive its revocation); the CLI (system actor) creates one for any account.
 */
export async function createApiToken(
  c: ServiceContext,
  input: {
    name: string;
    days: number;
    /** the actions the token may take; null = every right of its user */
    scopes?: readonly string[] | null | undefined;
    /** the CLI: the account the token is for */
    userId?: number | undefined;
  },
): Promise<{ id: number; token: string; expiresAt: Date }> {
  const { actor } = c;
  if (actor.kind === 'user' && input.userId !== undefined && input.userId !== actor.userId) {
    throw new AppError('FORBIDDEN', 'Chỉ tạo được mã truy cập cho tài khoản của mình.');
  }
  if (actor.kind === 'user' && actor.via === 'token') {
    throw new AppError('FORBIDDEN', 'Mã truy cập chỉ được tạo khi đăng nhập bằng mật khẩu.');
  }
  const owner = await resolveOwner(c, input.userId);
  if ('disabled' in owner && owner.disabled) {
    throw new AppError('CONFLICT', `Tài khoản "${owner.username}" đang bị khóa: không tạo mã truy cập.`);
  }
  const name = input.name.trim();
  if (name.length === 0 || name.length > 100) {
    throw new AppError('VALIDATION_FAILED', 'Tên mã truy cập cần từ 1 đến 100 ký tự.', { field: 'name' });
  }
  if (!Number.isInteger(input.days) || input.days < 1 || input.days > MAX_TOKEN_DAYS) {
    throw new AppError('VALIDATION_FAILED', `Thời hạn mã truy cập từ 1 đến ${MAX_TOKEN_DAYS} ngày.`, {
      field: 'days',
    });
  }
  const expiresAt = new Date(c.now.getTime() + input.days * DAY_MS);
  const token = newSecret(TOKEN_PREFIX);
  const scopes = input.scopes ? [...input.scopes] : null;
  return inTransaction(c.db, async (trx) => {
    const id = await insertApiToken(trx, {
      authority_id: owner.authorityId,
      user_id: owner.userId,
      name,
      token_hash: sha256(token),
      scopes,
      expires_at: expiresAt,
    });
    await writeAudit(trx, {
      authorityId: owner.authorityId,
      actor: actorName(actor),
      action: 'auth.token_create',
      entity: 'api_token',
      entityId: String(id),
      data: { name, scopes, userId: owner.userId, expiresAt: expiresAt.toISOString() },
      ip: c.ip,
    });
    return { id, token, expiresAt };
  });
}

/** Mã truy cập của tôi — a user's tokens (an admin or the CLI: any account's), newest first. */
export async function listApiTokens(
  c: ServiceContext,
  query: { userId?: number | undefined; page: number; pageSize: number },
): Promise<{ items: TokenView[]; total: number; page: number; pageSize: number }> {
  const owner = await resolveOwner(c, query.userId);
  const { now } = c;
  const { rows, total } = await listTokenPageOfUser(c.db, owner.authorityId, owner.userId, query);
  const items = rows.map((r) => toView(r, now));
  return pageAnswer(query, items, total);
}

/**
 * Thu hồi mã truy cập — the owner revokes their own token; an admin any token of the authority
 * (an account thought compromised), the CLI as well. Anyone else's token answers 404 as if it did
 * not exist. Revoking a revoked token changes nothing and is not audited again.
 */
export async function revokeApiToken(c: ServiceContext, id: number): Promise<TokenView> {
  const { actor } = c;
  const authorityId = authorityOf(actor);
  const notFound = () => new AppError('NOT_FOUND', 'Không tìm thấy mã truy cập.');
  const token = await findTokenOfAuthority(c.db, authorityId, id);
  if (!token) {
    requireAccess(actor, 'self');
    throw notFound();
  }
  const own = actor.kind === 'user' && actor.userId === token.user_id;
  if (own) requireAccess(actor, 'self');
  else if (!can(actor, 'user.manage', { authorityId })) {
    requireAccess(actor, 'self');
    throw notFound();
  }
  return inTransaction(c.db, async (trx) => {
    const { now } = c;
    if (await revokeToken(trx, id, now)) {
      await writeAudit(trx, {
        authorityId,
        actor: actorName(actor),
        action: 'auth.token_revoke',
        entity: 'api_token',
        entityId: String(id),
        data: { name: token.name, userId: token.user_id, username: token.username },
        ip: c.ip,
      });
    }
    return toView((await findTokenOfAuthority(trx, authorityId, id)) as TokenRow, now);
  });
}

/**
 * Thu hồi mọi mã truy cập của một tài khoản — the owner, an admin or the CLI (`dondoc token revoke
 * --user X --all`): every token still in force; how many.
 */
export async function revokeAllApiTokens(c: ServiceContext, userId: number): Promise<number> {
  const owner = await resolveOwner(c, userId);
  return inTransaction(c.db, async (trx) => {
    const revoked = await revokeTokensOfUser(trx, owner.userId, c.now);
    await writeAudit(trx, {
      authorityId: owner.authorityId,
      actor: actorName(c.actor),
      action: 'auth.token_revoke_all',
      entity: 'app_user',
      entityId: String(owner.userId),
      data: { tokensRevoked: revoked },
      ip: c.ip,
    });
    return revoked;
  });
}
