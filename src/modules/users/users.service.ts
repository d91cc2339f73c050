import type { Kysely } from 'kysely';
import { z } from 'zod';
import { pageAnswer } from '../../db/page.ts';
import type { DB, Role } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../shared/errors.ts';
import type { PageQuery } from '../../shared/schemas/common.ts';
import { actorName, authorityOf, requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import { findUserByUsername } from '../auth/auth.repo.ts';
import { clearLoginFailuresOfName } from '../auth/login-throttle.repo.ts';
import { assertPasswordPolicy, hashPassword } from '../auth/passwords.ts';
import { revokeTokensOfUser } from '../auth/tokens.repo.ts';
import { type ServiceContext, withDb } from '../service-context.ts';
import {
  agencyBelongsTo,
  deleteSessionsOf,
  findUserOfAuthority,
  insertUser,
  listUserPage,
  setPasswordHash,
  setUserContact,
  type UserRow,
  updateUserRow,
} from './users.repo.ts';

/**
 * Quản lý tài khoản — admins (user.manage) within their own authority; the CLI as the system actor
 * of the authority with that right. Every account is created by createUser, whoever asks.
 */
function requireUserManagement({ actor }: ServiceContext): number {
  const authorityId = authorityOf(actor);
  requireAccess(actor, 'user.manage', { authorityId });
  return authorityId;
}

function toUserView(row: UserRow) {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    agencyId: row.agency_id,
    agencyCode: row.agency_code,
    disabled: row.disabled,
    email: row.email,
    isHead: row.is_head,
    lockedUntil: row.locked_until ? new Date(row.locked_until).toISOString() : null,
    passwordChangedAt: new Date(row.password_changed_at).toISOString(),
    createdAt: new Date(row.created_at).toISOString(),
  };
}

async function mustFindUser(db: Kysely<DB>, authorityId: number, id: number) {
  const row = await findUserOfAuthority(db, authorityId, id);
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy tài khoản.');
  return row;
}

async function assertAgency(db: Kysely<DB>, authorityId: number, role: Role, agencyId: number | null) {
  if (role !== 'agency') return;
  if (agencyId === null)
    throw new AppError('VALIDATION_FAILED', 'Tài khoản cơ quan cần gắn với một cơ quan.');
  if (!(await agencyBelongsTo(db, authorityId, agencyId))) {
    throw new AppError('AGENCY_NOT_FOUND', `Không tìm thấy cơ quan mã số ${agencyId} trong danh mục.`);
  }
}

const EmailSchema = z.email();

/** undefined: unchanged; null or blank: no e-mail; else a valid address (trimmed) or VALIDATION_FAILED. */
export function normaliseEmail(value: string | null | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  const email = value?.trim() ?? '';
  if (email === '') return null;
  if (email.length > 254 || !EmailSchema.safeParse(email).success) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Địa chỉ email "${email.slice(0, 80)}" không hợp lệ (ví dụ: daumoi.stp@tayninh.gov.vn).`,
      { field: 'email' },
    );
  }
  return email;
}

/** Thủ trưởng cơ quan — only an agency account can be its agency's head (it receives the escalations). */
function assertHead(role: Role, isHead: boolean) {
  if (isHead && role !== 'agency') {
    throw new AppError(
      'VALIDATION_FAILED',
      'Chỉ tài khoản của cơ quan (vai trò agency) mới được đánh dấu là thủ trưởng cơ quan.',
      { field: 'isHead' },
    );
  }
}

export async function listUsers(c: ServiceContext, query: PageQuery) {
  const authorityId = requireUserManagement(c);
  const { rows, total } = await listUserPage(c.db, authorityId, query);
  return pageAnswer(query, rows.map(toUserView), total);
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  agencyId?: number | null | undefined;
  password: string;
  email?: string | null | undefined;
  isHead?: boolean | undefined;
}

/**
 * Tạo tài khoản — the admin's form, `dondoc user add` and the first administrator of a new authority
 * all come here: name and password policy, agency, e-mail, head flag; one audit row (two with an
 * e-mail or the head flag, as the account's later update would write).
 */
export async function createUser(c: ServiceContext, input: NewUser) {
  const authorityId = requireUserManagement(c);
  const agencyId = input.role === 'agency' ? (input.agencyId ?? null) : null;
  const email = normaliseEmail(input.email) ?? null;
  const isHead = input.isHead ?? false;
  assertHead(input.role, isHead);
  await assertAgency(c.db, authorityId, input.role, agencyId);
  const account = await checkNewAccount(input);
  const id = await inTransaction(c.db, async (trx) => {
    const created = await insertAccount(withDb(c, trx), authorityId, { ...input, ...account, agencyId });
    if (email !== null || isHead) {
      await setUserContact(trx, created, { email, isHead });
      await writeAudit(trx, {
        authorityId,
        actor: actorName(c.actor),
        action: 'user.update',
        entity: 'app_user',
        entityId: String(created),
        before: { email: null, isHead: false },
        after: { email, isHead },
        ip: c.ip,
      });
    }
    return created;
  });
  return toUserView(await mustFindUser(c.db, authorityId, id));
}

/** The password policy and the name's form; the name as stored and the password's hash. */
async function checkNewAccount(input: NewUser): Promise<{ username: string; passwordHash: string }> {
  assertPasswordPolicy(input.password, [input.username, input.displayName]);
  const username = input.username.trim().toLowerCase();
  if (!/^[a-z0-9._-]{3,64}$/.test(username)) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Tên đăng nhập gồm 3–64 ký tự a-z, 0-9, dấu chấm, gạch ngang hoặc gạch dưới.',
    );
  }
  return { username, passwordHash: await hashPassword(input.password) };
}

/** The account row and its `user.create` audit row. */
async function insertAccount(
  c: ServiceContext,
  authorityId: number,
  input: { username: string; passwordHash: string; displayName: string; role: Role; agencyId: number | null },
): Promise<number> {
  const { username, passwordHash } = input;
  if (await findUserByUsername(c.db, username))
    throw new AppError('USER_EXISTS', `Tên đăng nhập "${username}" đã có.`);
  const id = await insertUser(c.db, {
    authority_id: authorityId,
    username,
    display_name: input.displayName,
    role: input.role,
    agency_id: input.agencyId,
    password_hash: passwordHash,
  });
  await writeAudit(c.db, {
    authorityId,
    actor: actorName(c.actor),
    action: 'user.create',
    entity: 'app_user',
    entityId: String(id),
    after: { username, role: input.role, agencyId: input.agencyId },
    ip: c.ip,
  });
  return id;
}

/**
 * Sửa tài khoản — name, role, agency, disabled, e-mail (where the follow-up e-mails go) and the
 * agency-head flag (escalations; agency accounts only, dropped when the account leaves its agency
 * or the role). Disabling signs the user out everywhere: sessions deleted, API tokens revoked (so
 * re-enabling the account does not revive them). An admin cannot disable or demote themself, so
 * an authority never loses its last way in by accident.
 */
export async function updateUser(
  c: ServiceContext,
  id: number,
  input: {
    displayName?: string | undefined;
    role?: Role | undefined;
    agencyId?: number | null | undefined;
    disabled?: boolean | undefined;
    email?: string | null | undefined;
    isHead?: boolean | undefined;
  },
) {
  const authorityId = requireUserManagement(c);
  const self = c.actor.kind === 'user' && c.actor.userId === id;
  const newEmail = normaliseEmail(input.email);
  await inTransaction(c.db, async (trx) => {
    const before = await mustFindUser(trx, authorityId, id);
    const role = input.role ?? before.role;
    const agencyId =
      role === 'agency' ? (input.agencyId === undefined ? before.agency_id : input.agencyId) : null;
    const disabled = input.disabled ?? before.disabled;
    if (self && (disabled || role !== before.role)) {
      throw new AppError('CONFLICT', 'Không thể tự khóa hoặc tự đổi vai trò tài khoản quản trị của mình.');
    }
    await assertAgency(trx, authorityId, role, agencyId);
    assertHead(role, input.isHead ?? false);
    const displayName = input.displayName ?? before.display_name;
    const email = newEmail === undefined ? before.email : newEmail;
    // a head is an agency account of its agency: moving it elsewhere or out of the role drops the flag
    const isHead = role === 'agency' && (input.isHead ?? (before.is_head && agencyId === before.agency_id));
    await updateUserRow(trx, id, {
      display_name: displayName,
      role,
      agency_id: agencyId,
      disabled,
      email,
      is_head: isHead,
    });
    // enabled again: the sign-in waits on its name are lifted, as a password reset does
    if (before.disabled && !disabled) await clearLoginFailuresOfName(trx, before.username);
    const signedOut = disabled ? await deleteSessionsOf(trx, id) : 0;
    // revoked, not only refused while disabled: re-enabling the account must not bring them back
    const tokensRevoked = disabled ? await revokeTokensOfUser(trx, id, c.now) : 0;
    await writeAudit(trx, {
      authorityId,
      actor: actorName(c.actor),
      action: 'user.update',
      entity: 'app_user',
      entityId: String(id),
      data: { sessionsEnded: signedOut, tokensRevoked },
      before: {
        displayName: before.display_name,
        role: before.role,
        agencyId: before.agency_id,
        disabled: before.disabled,
        email: before.email,
        isHead: before.is_head,
      },
      after: { displayName, role, agencyId, disabled, email, isHead },
      ip: c.ip,
    });
  });
  return toUserView(await mustFindUser(c.db, authorityId, id));
}

/** Đặt lại mật khẩu — a new password set by an admin; the lockout is lifted and every session ends. */
export async function resetPassword(
  c: ServiceContext,
  id: number,
  input: { newPassword: string },
): Promise<void> {
  const authorityId = requireUserManagement(c);
  const target = await mustFindUser(c.db, authorityId, id);
  assertPasswordPolicy(input.newPassword, [target.username, target.display_name]);
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(c.db, async (trx) => {
    await clearLoginFailuresOfName(trx, target.username);
    await setPasswordHash(trx, authorityId, id, passwordHash, c.now);
    const signedOut = await deleteSessionsOf(trx, id);
    await writeAudit(trx, {
      authorityId,
      actor: actorName(c.actor),
      action: 'user.password_reset',
      entity: 'app_user',
      entityId: String(id),
      data: { sessionsEnded: signedOut },
      ip: c.ip,
    });
  });
}
