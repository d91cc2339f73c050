import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB, Role } from '../db/schema.ts';
import { createUser } from '../modules/auth/auth.service.ts';
import { listAgencies } from '../modules/directory/directory.repo.ts';
import { resolveAuthority } from '../modules/directory/directory.service.ts';
import { AppError } from '../shared/errors.ts';
import type { Flags, Print } from './commands.ts';

const ROLES: readonly Role[] = ['office', 'leader', 'admin', 'agency'];

/**
 * `dondoc user add --username X --name "…" --role office|leader|admin|agency [--agency CODE] [--password P]`
 * — creates an account (the first admin of a fresh install, for one). Without --password a random one
 * is generated and printed once; it is stored only hashed.
 */
export async function userCommand(db: Kysely<DB>, flags: Flags, print: Print, args: string[] = []) {
  const [sub] = args;
  if (sub !== 'add') {
    throw new AppError(
      'VALIDATION_FAILED',
      'Cách dùng: dondoc user add --username TÊN --name "Họ tên" --role VAI_TRÒ.',
    );
  }
  const authority = await resolveAuthority(db, str(flags.authority));
  const username = required(flags, 'username', 'tên đăng nhập');
  const displayName = required(flags, 'name', 'họ tên hoặc tên hiển thị');
  const role = required(flags, 'role', ROLES.join('|')) as Role;
  if (!ROLES.includes(role)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Vai trò "${role}" không hợp lệ: chọn một trong ${ROLES.join(', ')}.`,
    );
  }
  let agencyId: number | null = null;
  if (role === 'agency') {
    const code = required(flags, 'agency', 'mã cơ quan, ví dụ --agency STP').trim().toUpperCase();
    const agency = (await listAgencies(db, authority.id)).find((a) => a.code.toUpperCase() === code);
    if (!agency)
      throw new AppError('AGENCY_NOT_FOUND', `Không tìm thấy cơ quan mã "${code}" trong danh mục.`);
    agencyId = agency.id;
  } else if (str(flags.agency) !== undefined) {
    throw new AppError('VALIDATION_FAILED', 'Chỉ tài khoản vai trò agency mới gắn với cơ quan (--agency).');
  }
  const given = str(flags.password);
  const password = given ?? randomBytes(12).toString('base64url');
  const id = await createUser(
    db,
    { authorityId: authority.id, username, displayName, role, agencyId, password },
    'cli',
  );
  const name = username.trim().toLowerCase();
  if (flags.json) {
    return print(JSON.stringify({ id, username: name, role, ...(given ? {} : { password }) }));
  }
  print(`Đã tạo tài khoản "${name}" (${role}) cho ${authority.name}.`);
  if (!given) print(`Mật khẩu (chỉ hiện một lần, hãy đổi sau khi đăng nhập): ${password}`);
}

function str(value: string | boolean | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function required(flags: Flags, name: string, hint: string): string {
  const value = str(flags[name]);
  if (!value?.trim()) throw new AppError('VALIDATION_FAILED', `Thiếu --${name} (${hint}).`);
  return value;
}
