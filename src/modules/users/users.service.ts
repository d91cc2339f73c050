import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB, Role } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../shared/errors.ts';
import type { PageQuery } from '../../shared/schemas/common.ts';
import { type Actor, actorName, authorityOf, requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import { createUser } from '../auth/auth.service.ts';
import { clearLoginFailuresOfName } from '../auth/login-throttle.repo.ts';
import { assertPasswordPolicy, hashPassword } from '../auth/passwords.ts';
import { revokeTokensOfUser } from '../auth/tokens.repo.ts';
import {
  agencyBelongsTo,
  deleteSessionsOf,
  findUserOfAuthority,
  listUserPage,
  type UserRow,
} from './users.repo.ts';

/** Quản lý tài khoản — admins only (user.manage), within their own authority. */
interface Ctx {
  db: Kysely<DB>;
  actor: Actor;
  ip?: string | null;
}

function access({ actor }: Ctx): number {
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

export async function listUsersFor(c: Ctx, query: PageQuery) {
  const authorityId = access(c);
  const { rows, total } = await listUserPage(c.db, authorityId, query);
  return { items: rows.map(toUserView), total, page: query.page, pageSize: query.pageSize };
}

/** Tạo tài khoản — through the same createUser as the CLI and the demo. */
export async function createUserFor(
  c: Ctx,
  input: {
    username: string;
    displayName: string;
    role: Role;
    agencyId?: number | null | undefined;
    password: string;
    email?: string | null | undefined;
    isHead?: boolean | undefined;
  },
) {
  const authorityId = access(c);
  const agencyId = input.role === 'agency' ? (input.agencyId ?? null) : null;
  const email = normaliseEmail(input.email) ?? null;
  const isHead = input.isHead ?? false;
  assertHead(input.role, isHead);
  await assertAgency(c.db, authorityId, input.role, agencyId);
  const id = await inTransaction(c.db, async (trx) => {
    const created = await createUser(
      trx,
      {
        authorityId,
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        agencyId,
        password: input.password,
      },
      actorName(c.actor),
      c.ip ?? null,
    );
    if (email !== null || isHead) {
      await trx.updateTable('app_user').set({ email, is_head: isHead }).where('id', '=', created).execute();
      await writeAudit(trx, {
        authorityId,
        actor: actorName(c.actor),
        action: 'user.update',
        entity: 'app_user',
        entityId: String(created),
        before: { email: null, isHead: false },
        after: { email, isHead },
        ip: c.ip ?? null,
      });
    }
    return created;
  });
  return toUserView(await mustFindUser(c.db, authorityId, id));
}

/**
 * Sửa tài khoản — name, role, agency, disabled, e-mail (where the follow-up e-mails go) and the
 * agency-head flag (escalations; agency accounts only, dropped when the account leaves its agency
 * or the role). Disabling signs the user out everywhere: sessions deleted, API tokens revoked (so
 * re-enabling the account does not revive them). An admin cannot disable or demote themself, so
 * an authority never loses its last way in by accident.
 */
export async function updateUser(
  c: Ctx,
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
  const authorityId = access(c);
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
    await trx
      .updateTable('app_user')
      .set({
        display_name: displayName,
        role,
        agency_id: agencyId,
        disabled,
        email,
        is_head: isHead,
      })
      .where('id', '=', id)
      .execute();
    // enabled again: the sign-in waits on its name are lifted, as a password reset does
    if (before.disabled && !disabled) await clearLoginFailuresOfName(trx, before.username);
    const signedOut = disabled ? await deleteSessionsOf(trx, id) : 0;
    // revoked, not only refused while disabled: re-enabling the account must not bring them back
    const tokensRevoked = disabled ? await revokeTokensOfUser(trx, id, new Date()) : 0;
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
      ip: c.ip ?? null,
    });
  });
  return toUserView(await mustFindUser(c.db, authorityId, id));
}

/** Đặt lại mật khẩu — a new password set by an admin; the lockout is lifted and every session ends. */
export async function resetPassword(c: Ctx, id: number, input: { newPassword: string }): Promise<void> {
  const authorityId = access(c);
  const target = await mustFindUser(c.db, authorityId, id);
  assertPasswordPolicy(input.newPassword, [target.username, target.display_name]);
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(c.db, async (trx) => {
    await clearLoginFailuresOfName(trx, target.username);
    await trx
      .updateTable('app_user')
      .set({
        password_hash: passwordHash,
        password_changed_at: new Date(),
      })
      .where('id', '=', id)
      .where('authority_id', '=', authorityId)
      .execute();
    const signedOut = await deleteSessionsOf(trx, id);
    await writeAudit(trx, {
      authorityId,
      actor: actorName(c.actor),
      action: 'user.password_reset',
      entity: 'app_user',
      entityId: String(id),
      data: { sessionsEnded: signedOut },
      ip: c.ip ?? null,
    });
  });
}
