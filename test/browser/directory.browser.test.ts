import { describe, expect, it } from 'vitest';
import { closeClean, openOnPhone, openSignedIn, screenshot, UI_TIMEOUT, useBrowserWorld } from './support.ts';

/** Danh mục and Nhật ký in a real browser: accent-insensitive search, an edit, and the audit row it leaves. */
describe('directory and audit trail (chromium)', () => {
  const bw = useBrowserWorld();

  it('"so noi vu" finds Sở Nội vụ; the Office adds an alias to Sở Tư pháp', async () => {
    const { page, context, errors } = await openSignedIn(bw, 'vanphong', { at: '/danh-muc' });
    await page.getByRole('heading', { name: 'Danh mục' }).waitFor();
    await page.getByRole('cell', { name: 'Sở Tư pháp', exact: true }).waitFor();
    await page.getByLabel('Tìm cơ quan').fill('so noi vu');
    await page.getByRole('cell', { name: 'Sở Tư pháp', exact: true }).waitFor({ state: 'detached' });
    const rows = page.locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count(), { timeout: UI_TIMEOUT }).toBe(1);
    await expect.poll(() => rows.first().innerText(), { timeout: UI_TIMEOUT }).toContain('Sở Nội vụ');
    await screenshot(page, 'directory-search-desktop');

    await page.getByLabel('Tìm cơ quan').fill('tu phap');
    await page.getByRole('button', { name: 'Sửa Sở Tư pháp' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tên khác').fill('STP Tây Ninh');
    await dialog.getByLabel('Tên khác').press('Enter');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã lưu cơ quan.').waitFor();
    await page.getByText('Tên khác: STP Tây Ninh').waitFor();

    // groups and successors render from the seed (the 2025 reorganisation links)
    await page.getByRole('tab', { name: 'Nhóm cơ quan' }).click();
    await page.getByText('Các sở, ban, ngành tỉnh').first().waitFor();
    await page.getByRole('tab', { name: 'Kế thừa, sắp xếp' }).click();
    await page.getByRole('cell', { name: 'Sở Lao động - Thương binh và Xã hội' }).first().waitFor();
    await screenshot(page, 'directory-successors-desktop');
    // accounts are for administrators only
    expect(await page.getByRole('tab', { name: 'Tài khoản' }).count()).toBe(0);
    await closeClean({ context, errors });
  });

  it('works at 360 px: search by cards, no sideways scrolling', async () => {
    const { page, context, errors } = await openOnPhone(bw, 'vanphong', '/danh-muc');
    await page.getByLabel('Tìm cơ quan').fill('so noi vu');
    const items = page.getByRole('list', { name: 'Danh sách cơ quan' }).getByRole('listitem');
    await items.filter({ hasText: 'Sở Nội vụ' }).waitFor();
    expect(await items.count()).toBe(1);
    await screenshot(page, 'directory-search-phone');
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(360);
    await closeClean({ context, errors });
  });

  it('the audit trail shows the edit to quantri with its before and after', async () => {
    const { page, context, errors } = await openSignedIn(bw, 'quantri', { at: '/nhat-ky' });
    await page.getByRole('heading', { name: 'Nhật ký hệ thống' }).waitFor();
    const row = page.locator('tr.dd-audit-row').filter({ hasText: 'Sửa cơ quan' }).first();
    await row.waitFor();
    expect(await row.innerText()).toContain('vanphong');
    await row.getByRole('button').first().click();
    const detail = page.locator('tr.ant-table-expanded-row').first();
    await detail.getByText('STP Tây Ninh').first().waitFor();
    await screenshot(page, 'audit-desktop');

    // filtered by the actor: only vanphong's entries
    await page.getByLabel('Người thực hiện').fill('vanphong');
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.waitForURL(/actor=vanphong/);
    await page.locator('tr.ant-table-row').first().waitFor();
    const actorCells = page.locator('tr.dd-audit-row td:nth-child(3)');
    await expect
      .poll(async () => {
        const actors = await actorCells.allInnerTexts();
        return actors.length > 0 && actors.every((a) => a.trim() === 'vanphong');
      })
      .toBe(true);

    // administrators see the accounts tab
    await page.goto('/danh-muc?tab=tai-khoan');
    await page.getByRole('cell', { name: 'stp', exact: true }).waitFor();
    await closeClean({ context, errors });
  });

  it('the audit page fits a 360 px phone', async () => {
    const { page, context, errors } = await openOnPhone(bw, 'quantri', '/nhat-ky');
    await page.locator('tr.ant-table-row').first().waitFor();
    await screenshot(page, 'audit-phone');
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(360);
    await closeClean({ context, errors });
  });
});
