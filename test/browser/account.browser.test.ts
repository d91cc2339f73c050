import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../support/http.ts';
import { closeClean, openSignedIn, screenshot, useBrowserWorld } from './support.ts';

/** Tài khoản của tôi in a real browser: an API token created, seen listed, revoked — and refused after. */
describe('my account: API tokens (chromium)', () => {
  const bw = useBrowserWorld();

  /** A request from outside the browser, as an integration makes it. */
  const callWith = async (token: string) =>
    (await fetch(`${bw.baseUrl}/api/auth/session`, { headers: { authorization: `Bearer ${token}` } })).status;

  it('creates a token (shown once, copyable), lists it, revokes it after confirmation; the API then refuses it', async () => {
    const { page, context, errors } = await openSignedIn(bw, 'stp');
    await page.getByRole('button', { name: 'Tài khoản' }).click();
    await page.getByRole('menuitem', { name: 'Tài khoản của tôi' }).click();
    await page.waitForURL('**/tai-khoan');
    await page.getByRole('heading', { name: 'Tài khoản của tôi', level: 1 }).waitFor();
    await page.getByText('Chưa có mã truy cập nào.').waitFor();

    await page.getByRole('button', { name: 'Tạo mã truy cập' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tên gợi nhớ').fill('Phần mềm một cửa');
    await dialog.getByLabel('Thời hạn (ngày)').fill('30');
    await dialog.getByRole('button', { name: 'Tạo mã' }).click();
    const secret = page.getByTestId('new-token');
    await secret.waitFor();
    const token = (await secret.innerText()).trim();
    expect(token).toMatch(/^dd_[A-Za-z0-9_-]{40,}$/);
    expect(await page.getByText('chỉ hiện một lần', { exact: false }).count()).toBeGreaterThan(0);
    expect(await secret.getByRole('button', { name: /Sao chép|copy/i }).count()).toBe(1);
    expect(await callWith(token)).toBe(200);

    const row = page.getByRole('row').filter({ hasText: 'Phần mềm một cửa' });
    await row.getByText('Còn hiệu lực').waitFor();
    // the integration's call shows as "last used" once the list is read again
    await page.reload();
    const reloaded = page.getByRole('row').filter({ hasText: 'Phần mềm một cửa' });
    await reloaded.waitFor();
    expect(await reloaded.innerText()).not.toContain('Chưa dùng');
    expect(await page.getByTestId('new-token').count()).toBe(0); // shown once: gone after a reload
    await screenshot(page, 'tai-khoan-ma-truy-cap');

    await reloaded.getByRole('button', { name: 'Thu hồi mã Phần mềm một cửa' }).click();
    const confirm = page.locator('.ant-popconfirm');
    await confirm.getByText('Thu hồi mã "Phần mềm một cửa"?').waitFor();
    await confirm.getByRole('button', { name: 'Thu hồi' }).click();
    await reloaded.getByText('Đã thu hồi').waitFor();
    expect(await reloaded.getByRole('button', { name: /Thu hồi/ }).count()).toBe(0);
    await screenshot(page, 'tai-khoan-da-thu-hoi');

    expect(await callWith(token)).toBe(401);
    await closeClean({ context, errors });
  });

  it('a password change with "thu hồi mọi mã truy cập" ticked revokes every token of the account', async () => {
    const { page, context, errors } = await openSignedIn(bw, 'snv', { at: '/tai-khoan' });
    await page.getByRole('button', { name: 'Tạo mã truy cập' }).click();
    await page.getByRole('dialog').getByLabel('Tên gợi nhớ').fill('Đồng bộ hồ sơ');
    await page.getByRole('dialog').getByRole('button', { name: 'Tạo mã' }).click();
    const secret = page.getByTestId('new-token');
    await secret.waitFor();
    const token = (await secret.innerText()).trim();
    expect(await callWith(token)).toBe(200);

    await page.getByLabel('Mật khẩu hiện tại').fill(DEMO_PASSWORD);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('Sen-hong-no-giua-dam-Tay-Ninh');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('Sen-hong-no-giua-dam-Tay-Ninh');
    await page.getByLabel('Thu hồi mọi mã truy cập (API token) của tài khoản').check();
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.getByText('Đã đổi mật khẩu và thu hồi mọi mã truy cập').waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Đồng bộ hồ sơ' });
    await row.getByText('Đã thu hồi').waitFor();
    expect(await callWith(token)).toBe(401);
    await closeClean({ context, errors });
  });
});
