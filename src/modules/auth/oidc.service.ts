import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError, isAppError } from '../../shared/errors.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import { findAccountForClaims, mappedRoleAndAgency, OidcRefusal } from './oidc.accounts.ts';
import type { OidcClaims, OidcClient } from './oidc.client.ts';
import { insertPendingLogin, takePendingLogin, updateOidcUser } from './oidc.repo.ts';
import { newSecret, safeEqual, sha256 } from './passwords.ts';
import { openSession, type SessionInfo } from './sessions.ts';

/**
 * Đăng nhập một lần — sign-in with the province's identity provider (OpenID Connect, authorisation
 * code + PKCE S256). Like the password login these run before anyone is known, so they check no
 * action: the provider proves who the person is, and only an existing, enabled dondoc account opens
 * a session, with exactly the rights access.ts gives its role.
 */

/** the browser's half of a pending sign-in: a random value in an HttpOnly cookie, its hash on the server */
export const OIDC_COOKIE = 'dondoc_oidc';
export const OIDC_PENDING_MINUTES = 10;

/** Which ways of signing in the login page offers. */
export function signInProviders(options: { passwordLogin: boolean; oidc: OidcClient | null }) {
  return {
    password: options.passwordLogin,
    oidc: options.oidc ? { label: options.oidc.options.label } : null,
  };
}

/** Refuses the password form when the deployment signs in through the identity provider only. */
export function assertPasswordLoginEnabled(passwordLogin: boolean): void {
  if (!passwordLogin) {
    throw new AppError(
      'PASSWORD_LOGIN_DISABLED',
      'Đăng nhập bằng mật khẩu đã tắt: hãy đăng nhập qua hệ thống định danh của tỉnh (đăng nhập một lần).',
    );
  }
}

/** A path of this site to land on after sign-in; anything else (another origin, `//host`, the API) → `/`. */
export function safeReturnTo(value: string | undefined): string {
  if (!value || value.length > 512) return '/';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
  if (!/^\/(?![/\\])/.test(value) || /[\u0000-\u001f\u007f\\]/.test(value)) return '/';
  const path = value.split(/[?#]/, 1)[0] ?? '/';
  if (path === '/api' || path.startsWith('/api/') || path.startsWith('/dang-nhap')) return '/';
  return value;
}

function requireOidc(oidc: OidcClient | null): OidcClient {
  if (!oidc) {
    throw new AppError('OIDC_NOT_CONFIGURED', 'Đăng nhập một lần (hệ thống định danh) chưa được cấu hình.');
  }
  return oidc;
}

/** Starts a sign-in: a fresh state, nonce and PKCE verifier kept on the server; the provider's URL to go to. */
export async function beginOidcLogin(
  db: Kysely<DB>,
  oidc: OidcClient | null,
  input: { returnTo?: string | undefined; redirectUri: string; now: Date },
): Promise<{ url: string; binding: string; expiresAt: Date }> {
  const request = await requireOidc(oidc).authorisationRequest(input.redirectUri);
  const binding = newSecret();
  const expiresAt = new Date(input.now.getTime() + OIDC_PENDING_MINUTES * 60_000);
  await insertPendingLogin(
    db,
    {
      bindingHash: sha256(binding),
      state: request.state,
      nonce: request.nonce,
      codeVerifier: request.codeVerifier,
      redirectUri: input.redirectUri,
      returnTo: safeReturnTo(input.returnTo),
      expiresAt,
    },
    input.now,
  );
  return { url: request.url, binding, expiresAt };
}

/**
 * The provider sent the browser back: the pending sign-in of this browser (its cookie) is taken
 * once; the state must be its own; the code is exchanged with its PKCE verifier and the ID token's
 * nonce checked; the account is found, its role and agency mapped when the claims carry them, its
 * `sub` bound at the first sign-in; a session opens (audited `auth.login`, method oidc). Every
 * refusal after the browser proved its pending sign-in is audited `auth.oidc_refused`.
 */
export async function finishOidcLogin(
  db: Kysely<DB>,
  oidc: OidcClient | null,
  input: { binding: string | undefined; query: string; ip: string | null; now: Date; sessionHours: number },
): Promise<{ session: SessionInfo; returnTo: string }> {
  const client = requireOidc(oidc);
  const pending = input.binding ? await takePendingLogin(db, sha256(input.binding)) : undefined;
  if (!pending) throw stateInvalid();
  let claims: OidcClaims | null = null;
  try {
    if (pending.expiresAt <= input.now) throw stateInvalid();
    const state = new URLSearchParams(input.query).get('state');
    if (!state || !safeEqual(state, pending.state)) throw stateInvalid();
    claims = await client.exchange(pending.redirectUri, input.query, pending);
    const account = await findAccountForClaims(db, client.options, claims);
    const mapped = await mappedRoleAndAgency(db, client.options, claims, account);
    const subject = claims.sub;
    const session = await inTransaction(db, async (trx) => {
      const bind = account.oidc_subject === null;
      const remap = mapped.role !== account.role || mapped.agencyId !== account.agency_id;
      if (bind || remap) {
        await updateOidcUser(trx, account.id, {
          ...(bind ? { oidcSubject: subject } : {}),
          ...(remap ? { role: mapped.role, agencyId: mapped.agencyId } : {}),
        });
      }
      const audit = { authorityId: account.authority_id, entity: 'app_user', entityId: String(account.id) };
      if (bind) {
        await writeAudit(trx, {
          ...audit,
          actor: account.username,
          action: 'user.oidc_bind',
          data: { sub: subject, issuer: client.options.issuer },
          ip: input.ip,
        });
      }
      if (remap) {
        await writeAudit(trx, {
          ...audit,
          actor: 'oidc',
          action: 'user.update',
          data: { source: 'oidc claims' },
          before: { role: account.role, agencyId: account.agency_id },
          after: { role: mapped.role, agencyId: mapped.agencyId },
          ip: input.ip,
        });
      }
      return openSession(
        trx,
        { ...account, role: mapped.role, agency_id: mapped.agencyId },
        { sessionHours: input.sessionHours, now: input.now, ip: input.ip, method: 'oidc' },
      );
    });
    return { session, returnTo: pending.returnTo };
  } catch (error) {
    if (isAppError(error)) await auditRefusal(db, error, claims, client.options.claims.username, input.ip);
    throw error;
  }
}

function stateInvalid(): AppError {
  return new AppError(
    'OIDC_STATE_INVALID',
    'Phiên đăng nhập một lần đã hết hạn hoặc không khớp với trình duyệt này: hãy đăng nhập lại.',
  );
}

async function auditRefusal(
  db: Kysely<DB>,
  error: AppError,
  claims: OidcClaims | null,
  usernameClaim: string,
  ip: string | null,
): Promise<void> {
  const user = error instanceof OidcRefusal ? error.user : null;
  const claimed = claims?.[usernameClaim];
  await writeAudit(db, {
    authorityId: user?.authority_id ?? null,
    actor: user?.username ?? (typeof claimed === 'string' ? `oidc:${claimed}` : 'oidc'),
    action: 'auth.oidc_refused',
    entity: 'app_user',
    entityId: user ? String(user.id) : null,
    data: {
      code: error.code,
      ...(claims ? { sub: claims.sub, email: claims.email ?? null } : {}),
      ...(error.details ? { details: error.details } : {}),
    },
    ip,
  });
}
