import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { DB, Role } from '../db/schema.ts';
import { findAuthorityByCode } from '../modules/directory/directory.repo.ts';
import { resolveAuthority } from '../modules/directory/directory.service.ts';
import { findAgencyIdByCode } from '../modules/directory/directory-csv.service.ts';
import { createFirstAuthority } from '../modules/setup/first-start.ts';
import { findUserIdByUsername } from '../modules/users/users.repo.ts';
import { createUser, updateUser } from '../modules/users/users.service.ts';
import { AppError } from '../shared/errors.ts';
import type { Command, Flags } from './commands.ts';
import { cliContext } from './context.ts';
import { required, str } from './flags.ts';

const ROLES: readonly Role[] = ['office', 'leader', 'admin', 'agency'];

const USAGE =
  'Cách dùng: dondoc user add --username TÊN --name "Họ tên" --role VAI_TRÒ [--agency MÃ] [--email ĐỊA_CHỈ] [--head]' +
  ' [--authority MÃ --authority-name "Tên cơ quan ban hành" [--reference DANH_MỤC] [--place "Địa danh"]: cơ sở dữ liệu mới]' +
  ' | dondoc user set --username TÊN [--email ĐỊA_CHỈ|""] [--head|--no-head].';

/**
 * `dondoc user add --username X --name "…" --role office|leader|admin|agency [--agency CODE] [--password P]
 * [--email E] [--head]` — creates an account (the first admin of a fresh install, for one). Without
 * --password a random one is generated and printed once; it is stored only hashed.
 * `dondoc user set --username X [--email E|""] [--head|--no-head]` — where the account's follow-up
 * e-mails go ("" removes the address) and whether it is its agency's head (receives escalations).
 * Both go through the users service (same validation and audit as the API) as the system actor.
 */
export const userCommand: Command = async (db, flags, print, args = [], config) => {
  const [sub] = args;
  if (sub !== 'add' && sub !== 'set') throw new AppError('VALIDATION_FAILED', USAGE);
  const authority =
    sub === 'add' && typeof flags['authority-name'] === 'string'
      ? await authorityOfFirstAdministrator(db, flags, config)
      : await resolveAuthority(db, str(flags.authority));
  // accounts of the authority, and the directory read to find an agency account's agency
  const c = await cliContext(db, config, authority.id, ['user.manage', 'directory.read']);
  const isHead = headFlag(flags);
  if (sub === 'set') {
    const username = required(flags, 'username', 'tên đăng nhập');
    const id = await findUserIdByUsername(db, authority.id, username);
    if (id === undefined) {
      throw new AppError('NOT_FOUND', `Không tìm thấy tài khoản "${username.trim().toLowerCase()}".`);
    }
    const email = str(flags.email);
    if (email === undefined && isHead === undefined) {
      throw new AppError('VALIDATION_FAILED', `Không có gì để sửa. ${USAGE}`);
    }
    const user = await updateUser(c, id, { email, isHead });
    if (flags.json) return print(JSON.stringify(user));
    print(
      `Đã cập nhật tài khoản "${user.username}": email ${user.email ?? '(không có)'}; ` +
        `thủ trưởng cơ quan: ${user.isHead ? 'có' : 'không'}.`,
    );
    return;
  }
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
    agencyId = await findAgencyIdByCode(c, code);
  } else if (str(flags.agency) !== undefined) {
    throw new AppError('VALIDATION_FAILED', 'Chỉ tài khoản vai trò agency mới gắn với cơ quan (--agency).');
  }
  const given = str(flags.password);
  const password = given ?? randomBytes(12).toString('base64url');
  const user = await createUser(c, {
    username,
    displayName,
    role,
    agencyId,
    password,
    email: str(flags.email),
    isHead: isHead ?? false,
  });
  if (flags.json) {
    return print(
      JSON.stringify({
        id: user.id,
        username: user.username,
        role,
        email: user.email,
        isHead: user.isHead,
        ...(given ? {} : { password }),
      }),
    );
  }
  const extras = [user.email ? `email ${user.email}` : '', user.isHead ? 'thủ trưởng cơ quan' : '']
    .filter(Boolean)
    .join(', ');
  if ('agencies' in authority && authority.agencies > 0) {
    print(`Đã tạo danh mục ${authority.agencies} cơ quan từ danh mục tham chiếu ${str(flags.reference)}.`);
  }
  print(`Đã tạo tài khoản "${user.username}" (${role}) cho ${authority.name}${extras ? `; ${extras}` : ''}.`);
  if (!given) print(`Mật khẩu (chỉ hiện một lần, hãy đổi sau khi đăng nhập): ${password}`);
};

/**
 * `user add --role admin --authority CODE --authority-name "…"` on a fresh database: creates the
 * authority for its first administrator; run again after a failure, it finds the same authority.
 */
async function authorityOfFirstAdministrator(db: Kysely<DB>, flags: Flags, config: Config | undefined) {
  const code = required(flags, 'authority', 'mã cơ quan ban hành, ví dụ --authority UBND-TN');
  const existing = await findAuthorityByCode(db, code.trim().toUpperCase());
  if (existing) return existing;
  if (flags.role !== 'admin') {
    throw new AppError(
      'VALIDATION_FAILED',
      'Tài khoản đầu tiên của cơ quan ban hành mới phải là --role admin.',
    );
  }
  // a new authority stands above any authority: the CLI's system actor of every one, for the directory
  return createFirstAuthority(await cliContext(db, config, null, ['directory.write']), {
    code,
    name: required(flags, 'authority-name', 'tên cơ quan ban hành'),
    place: str(flags.place),
    reference: str(flags.reference),
  });
}

/** --head: true; --no-head: false; neither: undefined; both: refused. */
function headFlag(flags: Flags): boolean | undefined {
  if (flags.head === true && flags['no-head'] === true) {
    throw new AppError('VALIDATION_FAILED', 'Chọn một trong --head hoặc --no-head, không dùng cả hai.');
  }
  if (flags.head === true) return true;
  if (flags['no-head'] === true) return false;
  return undefined;
}
