import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  chooseFile,
  closeClean,
  openOnPhone,
  openSignedIn,
  screenshot,
  sidewaysOverflow,
  UI_TIMEOUT,
  useBrowserWorld,
} from './support.ts';

const SEED = readFileSync(new URL('../fixtures/import/seed-87-kh-ubnd.txt', import.meta.url));

/**
 * Nhập kế hoạch in a real browser: the seed text goes up, the preview shows its header and 29 tasks
 * with warnings; the registered number is refused with the server's message; the clerk renumbers it,
 * moves task I.3 to Sở Nội vụ (found by typing without accents) with another due date, confirms, and
 * lands on the stored plan, whose source file is the uploaded one.
 */
describe('import wizard (chromium)', () => {
  const bw = useBrowserWorld({ now: () => new Date('2021-02-15T03:00:00Z') });

  it('takes the seed text to a stored plan, with the clerk’s corrections', async () => {
    const { page, context, errors } = await openSignedIn(bw, 'vanphong', { at: '/nhap-ke-hoach' });
    await page.getByText('Kéo thả văn bản vào đây').waitFor();
    await chooseFile(page, 'ke-hoach-87.txt', SEED);
    await page.getByText('Thông tin văn bản').waitFor();
    expect(await page.getByLabel('Số, ký hiệu').inputValue()).toBe('87/KH-UBND');
    expect(await page.getByLabel('Ngày ban hành').inputValue()).toBe('13/01/2021');
    expect(await page.getByLabel('Người ký').inputValue()).toBe('Nguyễn Mạnh Hùng');
    const table = page.locator('.ant-table-tbody');
    expect(await table.locator('tr.ant-table-row').count()).toBe(29);
    expect(await page.getByText(/Đọc được 2 phần, 29 nhiệm vụ/).count()).toBe(1);
    await screenshot(page, 'import-preview');

    // the number is taken: the server says so, nothing is stored
    await page.getByRole('button', { name: 'Xác nhận và lưu kế hoạch' }).click();
    await page.getByText('Kế hoạch số 87/KH-UBND đã được đăng ký').waitFor();
    await page.getByText('Thay thế kế hoạch cùng số').waitFor();

    await page.getByLabel('Số, ký hiệu').fill('88/KH-UBND');
    const i3 = table.locator('tr.ant-table-row').nth(2);
    await expect.poll(() => i3.innerText(), { timeout: UI_TIMEOUT }).toContain('Sở Tư pháp');
    const lead = i3.getByLabel('Cơ quan chủ trì của I.3');
    await i3.locator('.ant-select').first().locator('.ant-tag-close-icon').first().click();
    await lead.click();
    await lead.fill('so noi vu');
    await page.locator('.ant-select-item-option[title="Sở Nội vụ"]').click();
    await page.keyboard.press('Escape');
    await expect.poll(() => i3.innerText(), { timeout: UI_TIMEOUT }).toContain('Sở Nội vụ');
    await i3.getByLabel('Ngày hạn của I.3').click();
    await i3.getByLabel('Ngày hạn của I.3').fill('25/01/2021');
    await page.keyboard.press('Enter');
    await expect.poll(() => i3.innerText(), { timeout: UI_TIMEOUT }).toContain('Đọc được: 20/01/2021');
    await screenshot(page, 'import-corrected');

    await page.getByRole('button', { name: 'Xác nhận và lưu kế hoạch' }).click();
    await page.getByRole('heading', { name: 'Kế hoạch 88/KH-UBND' }).waitFor();
    const row = page.locator('tr[data-ref="I.3"]');
    await row.waitFor();
    const cells = (await row.locator('td').allInnerTexts()).map((s) => s.trim());
    expect(cells[2]).toBe('Sở Nội vụ');
    expect(cells[4]).toContain('Trước ngày 20/1/2021');
    expect(cells[4]).toContain('25/01/2021');
    expect(await page.locator('tr[data-ref]').count()).toBe(29);
    await page.getByRole('link', { name: 'Văn bản gốc' }).waitFor();
    await screenshot(page, 'import-stored-plan');

    const stored = await bw.db
      .selectFrom('plan')
      .innerJoin('plan_source', 'plan_source.plan_id', 'plan.id')
      .select(['plan.number', 'plan_source.file_name'])
      .where('plan.number', '=', '88/KH-UBND')
      .execute();
    expect(stored).toEqual([{ number: '88/KH-UBND', file_name: 'ke-hoach-87.txt' }]);
    await closeClean({ context, errors });
  });

  it('says clearly when a file cannot be read', async () => {
    const { page, context, errors } = await openOnPhone(bw, 'vanphong', '/nhap-ke-hoach');
    await chooseFile(
      page,
      'ke-hoach.doc',
      'Văn bản Word cũ (.doc), hệ thống chưa đọc được.',
      'application/msword',
    );
    await page.getByText('Không đọc được "ke-hoach.doc"').waitFor();
    expect(await page.locator('main').innerText()).toContain('IMPORT_UNSUPPORTED');
    await page.getByText('Kéo thả văn bản vào đây').waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'import-error-phone');
    await closeClean({ context, errors });
  });
});
