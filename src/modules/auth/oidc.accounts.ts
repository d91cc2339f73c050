import type { Kysely } from 'kysely';
import type { DB, Role } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import { claimStrings, type OidcClaims, type OidcOptions } from './oidc.client.ts';
import {
  findAgencyIdByCode,
  findUserBySubject,
  findUserForOidcByUsername,
  findUsersByEmail,
  type OidcUser,
} from './oidc.repo.ts';

/** Roles a role claim may grant, most rights first: several in the claim → the first of these. */
const ROLES_BY_RIGHTS: readonly Role[] = ['admin', 'office', 'leader', 'agency'];

/** A refusal to sign someone in, with what the audit trail keeps of it. */
export class OidcRefusal extends AppError {
  constructor(
    code: ConstructorParameters<typeof AppError>[0],
    message: string,
    readonly user: OidcUser | null = null,
  ) {
    super(code, message);
  }
}

/**
 * The dondoc account of the person the provider vouches for: the one already bound to their `sub`;
 * else the account named by the username claim (default preferred_username); else the one account
 * with their verified e-mail. No account is ever created here: the admin creates accounts, or they
 * exist already. An account bound to another `sub` is refused, as is a disabled one.
 */
export async function findAccountForClaims(
  db: Kysely<DB>,
  options: OidcOptions,
  claims: OidcClaims,
): Promise<OidcUser> {
  const bound = await findUserBySubject(db, claims.sub);
  let user: OidcUser | undefined = bound;
  if (!user) {
    const [username] = claimStrings(claims, options.claims.username);
    if (username) user = await findUserForOidcByUsername(db, username);
  }
  if (!user && claims.email_verified !== false) {
    const [email] = claimStrings(claims, options.claims.email);
    const found = email ? await findUsersByEmail(db, email) : [];
    if (found.length === 1) user = found[0];
  }
  if (!user) {
    throw new OidcRefusal(
      'OIDC_USER_UNKNOWN',
      'Tài khoản trên hệ thống định danh chưa gắn với tài khoản nào của dondoc: hãy đề nghị quản trị hệ thống tạo tài khoản (cùng tên đăng nhập hoặc thư điện tử).',
    );
  }
  if (user.oidc_subject !== null && user.oidc_subject !== claims.sub) {
    throw new OidcRefusal(
      'OIDC_SUBJECT_MISMATCH',
      'Tài khoản dondoc này đã gắn với một danh tính khác trên hệ thống định danh: hãy liên hệ quản trị hệ thống.',
      user,
    );
  }
  if (user.disabled) {
    throw new OidcRefusal('OIDC_USER_DISABLED', 'Tài khoản dondoc này đã bị khóa.', user);
  }
  return user;
}

/**
 * Role and agency from the provider's claims, when OIDC_ROLE_CLAIM / OIDC_AGENCY_CLAIM are set
 * (the provider is then the authority on them); else what the admin set in dondoc stays.
 * An agency role needs an agency of the account's own authority, by code.
 */
export async function mappedRoleAndAgency(
  db: Kysely<DB>,
  options: OidcOptions,
  claims: OidcClaims,
  user: OidcUser,
): Promise<{ role: Role; agencyId: number | null }> {
  let role = user.role;
  if (options.claims.role) {
    const granted = new Set(claimStrings(claims, options.claims.role).map((r) => r.toLowerCase()));
    const best = ROLES_BY_RIGHTS.find((r) => granted.has(r));
    if (!best) {
      throw new OidcRefusal(
        'OIDC_ROLE_MISSING',
        'Hệ thống định danh chưa cấp vai trò dondoc (admin, office, leader hoặc agency) cho tài khoản này.',
        user,
      );
    }
    role = best;
  }
  if (role !== 'agency') return { role, agencyId: null };
  let agencyId = user.agency_id;
  if (options.claims.agency) {
    const [code] = claimStrings(claims, options.claims.agency);
    agencyId = code ? ((await findAgencyIdByCode(db, user.authority_id, code)) ?? null) : null;
  }
  if (agencyId === null) {
    throw new OidcRefusal(
      'OIDC_AGENCY_UNKNOWN',
      'Không xác định được cơ quan của tài khoản này (mã cơ quan trên hệ thống định danh không có trong danh mục).',
      user,
    );
  }
  return { role, agencyId };
}
