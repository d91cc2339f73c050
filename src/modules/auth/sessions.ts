import type { Kysely, Transaction } from 'kysely';
import type { DB, Role } from '../../db/schema.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import { insertSession } from './auth.repo.ts';
import { newSecret, sha256 } from './passwords.ts';

export interface SessionInfo {
  sessionToken: string;
  csrfToken: string;
  expiresAt: Date;
  user: { id: number; username: string; displayName: string; role: Role; agencyId: number | null };
}

/** The account a session is opened for, as read from app_user. */
export interface SessionUser {
  id: number;
  authority_id: number;
  username: string;
  display_name: string;
  role: Role;
  agency_id: number | null;
}

/**
 * Opens a session for a user whose identity is already proven (password, identity provider):
 * stores the session hashed and audits `auth.login` with how the user signed in. Runs inside the
 * caller's transaction.
 */
export async function openSession(
  trx: Kysely<DB> | Transaction<DB>,
  user: SessionUser,
  options: { sessionHours: number; now: Date; ip?: string | null; method?: 'password' | 'oidc' },
): Promise<SessionInfo> {
  const sessionToken = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(options.now.getTime() + options.sessionHours * 3_600_000);
  await insertSession(trx, {
    authority_id: user.authority_id,
    user_id: user.id,
    token_hash: sha256(sessionToken),
    csrf_token: csrfToken,
    expires_at: expiresAt,
  });
  await writeAudit(trx, {
    authorityId: user.authority_id,
    actor: user.username,
    action: 'auth.login',
    entity: 'app_user',
    entityId: String(user.id),
    ...(options.method && options.method !== 'password' ? { data: { method: options.method } } : {}),
    ip: options.ip ?? null,
  });
  return {
    sessionToken,
    csrfToken,
    expiresAt,
    user: {
      id: user.id,
      username: user.username,
      displayName: user.display_name,
      role: user.role,
      agencyId: user.agency_id,
    },
  };
}
