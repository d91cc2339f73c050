import { ACTIONS } from '../modules/access/access.ts';
import {
  createApiToken,
  listApiTokens,
  revokeAllApiTokens,
  revokeApiToken,
  type TokenView,
} from '../modules/auth/tokens.service.ts';
import { resolveAuthority } from '../modules/directory/directory.service.ts';
import { findUserIdByUsername } from '../modules/users/users.repo.ts';
import { AppError } from '../shared/errors.ts';
import type { Command } from './commands.ts';
import { cliContext } from './context.ts';
import { required, str } from './flags.ts';
import { renderTable } from './table.ts';

const USAGE =
  'Cách dùng: dondoc token list --user TÊN | dondoc token create --user TÊN --name "Tên mã" [--days N] [--scopes a,b]' +
  ' | dondoc token revoke --id SỐ | dondoc token revoke --user TÊN --all.';

const STATE_LABEL: Record<TokenView['state'], string> = {
  active: 'còn hiệu lực',
  expired: 'hết hạn',
  revoked: 'đã thu hồi',
};

/**
 * `dondoc token list|create|revoke` — an account's API tokens from the server's console, as the
 * system actor of the authority, through the same service as the API (tokens.service.ts): the
 * secret of a new token is printed once; `revoke --user X --all` revokes every token of an account
 * (an integration thought compromised, without disabling the account).
 */
export const tokenCommand: Command = async (db, flags, print, args = [], config) => {
  const [sub] = args;
  if (sub !== 'list' && sub !== 'create' && sub !== 'revoke') throw new AppError('VALIDATION_FAILED', USAGE);
  const authority = await resolveAuthority(db, str(flags.authority));
  // the tokens of any account of the authority, as an admin may (user.manage); `self` as every
  // signed-in user has it, so an unknown token answers NOT_FOUND as it does to them
  const c = await cliContext(db, config, authority.id, ['user.manage', 'self']);
  const userOf = async () => {
    const username = required(flags, 'user', 'tên đăng nhập của tài khoản');
    const id = await findUserIdByUsername(db, authority.id, username);
    if (id === undefined) {
      throw new AppError('NOT_FOUND', `Không tìm thấy tài khoản "${username.trim().toLowerCase()}".`);
    }
    return { id, username: username.trim().toLowerCase() };
  };

  if (sub === 'list') {
    const user = await userOf();
    const { items } = await listApiTokens(c, { userId: user.id, page: 1, pageSize: 200 });
    if (flags.json) return print(JSON.stringify(items, null, 2));
    if (items.length === 0) return print(`Tài khoản "${user.username}" chưa có mã truy cập.`);
    print(
      renderTable(
        ['Số', 'Tên', 'Tạo lúc', 'Dùng lần cuối', 'Hết hạn', 'Trạng thái'],
        items.map((t) => [
          t.id,
          t.name,
          instant(t.createdAt),
          t.lastUsedAt ? instant(t.lastUsedAt) : '—',
          instant(t.expiresAt),
          STATE_LABEL[t.state],
        ]),
      ),
    );
    return;
  }

  if (sub === 'create') {
    const user = await userOf();
    const name = required(flags, 'name', 'tên gợi nhớ của mã, ví dụ --name "Hệ thống báo cáo"');
    const days = flags.days === undefined ? (config?.http.tokenDays ?? 90) : Number(flags.days);
    const scopes = str(flags.scopes)
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const unknown = scopes?.filter((s) => !(ACTIONS as readonly string[]).includes(s)) ?? [];
    if (unknown.length > 0) {
      throw new AppError('VALIDATION_FAILED', `Quyền không có: ${unknown.join(', ')}.`, { scopes: unknown });
    }
    const created = await createApiToken(c, { userId: user.id, name, days, scopes: scopes ?? null });
    if (flags.json) {
      return print(
        JSON.stringify({ id: created.id, token: created.token, expiresAt: created.expiresAt.toISOString() }),
      );
    }
    print(
      `Đã tạo mã truy cập số ${created.id} "${name.trim()}" cho "${user.username}", hết hạn ${instant(created.expiresAt.toISOString())}.`,
    );
    print(`Mã (chỉ hiện một lần, không lưu lại được): ${created.token}`);
    return;
  }

  if (flags.all === true) {
    if (flags.id !== undefined) throw new AppError('VALIDATION_FAILED', `Chọn --id hoặc --all. ${USAGE}`);
    const user = await userOf();
    const revoked = await revokeAllApiTokens(c, user.id);
    if (flags.json) return print(JSON.stringify({ user: user.username, revoked }));
    return print(`Đã thu hồi ${revoked} mã truy cập của "${user.username}".`);
  }
  const id = Number(required(flags, 'id', 'số của mã truy cập, xem dondoc token list'));
  if (!Number.isInteger(id) || id <= 0)
    throw new AppError('VALIDATION_FAILED', `--id không hợp lệ. ${USAGE}`);
  const token = await revokeApiToken(c, id);
  if (flags.json) return print(JSON.stringify(token));
  print(`Đã thu hồi mã truy cập số ${token.id} "${token.name}" của "${token.username}".`);
};

/** An ISO instant as dd/mm/yyyy HH:mm in Asia/Ho_Chi_Minh. */
function instant(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}
