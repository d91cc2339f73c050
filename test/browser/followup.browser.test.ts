import { describe, expect, it } from 'vitest';
import { closeClean, openOnPhone, openSignedIn, screenshot, UI_TIMEOUT, useBrowserWorld } from './support.ts';

/** Nhắc nhở & chấm điểm in a real browser, the server's clock on 15/02/2021 (seed plan 87/KH-UBND). */
describe('reminders, letters and scores (chromium)', () => {
  const bw = useBrowserWorld({ now: () => new Date('2021-02-15T03:00:00Z') });

  it('the Office runs the sweep, sees the reminders and downloads a letter', async () => {
    const { page, context, errors } = await openSignedIn(bw, 'vanphong', { at: '/nhac-nho?asOf=2021-02-15' });
    await page.getByRole('button', { name: 'Chạy quét nhắc việc' }).click();
    await page.getByRole('button', { name: 'Chạy', exact: true }).click();
    // the sweep catches up every day since the plan was issued: allow it time on a busy machine
    await page.getByText('Đã quét nhắc việc').waitFor({ timeout: UI_TIMEOUT });
    const notice = await page.locator('.ant-notification-notice').innerText();
    expect(notice).toMatch(/\d+ nhắc nhở, [1-9]\d* công văn/);

    const api = await (await page.request.get('/api/reminders?asOf=2021-02-15')).json();
    expect(api.reminders.length).toBe(68);
    const total = page.getByTestId('reminders-total');
    await total.waitFor();
    expect((await total.innerText()).trim()).toBe('68');
    await page.getByRole('row').filter({ hasText: 'Sở Tư pháp' }).first().waitFor();
    // accent-insensitive search
    await page.getByLabel('Tìm theo cơ quan, nhiệm vụ').fill('so tu phap');
    await page.waitForFunction(
      `document.querySelector('[data-testid="reminders-total"]')?.textContent?.trim() !== '68'`,
    );
    expect(
      await page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: 'Sở Tư pháp' }).count(),
    ).toBe(api.reminders.filter((r: { agency: string }) => r.agency === 'STP').length);
    await screenshot(page, 'followup-reminders');

    await page.getByRole('tab', { name: 'Công văn đôn đốc' }).click();
    // the sweep drafted the letters; the Office registers one with its number and date (§6.1)
    await page.getByRole('button', { name: 'Vào sổ' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Vào sổ công văn đi' });
    await dialog.getByLabel('Số trong sổ văn bản đi').fill('4');
    // today, 15/02/2021, is a day off of Tết (10–16/02): refused, naming the next working day (§4a)
    const issuedOn = dialog.getByLabel('Ngày ban hành');
    await issuedOn.click();
    await issuedOn.fill('15/02/2021');
    await issuedOn.press('Enter');
    await dialog.getByRole('button', { name: 'Vào sổ và gửi' }).click();
    await page
      .getByText(/Ngày ban hành 15\/02\/2021 không phải ngày làm việc/)
      .first()
      .waitFor();
    // the last working day before Tết, after the drafts' days (21/01, 01/02)
    await issuedOn.click();
    await issuedOn.fill('09/02/2021');
    await issuedOn.press('Enter');
    await dialog.getByRole('button', { name: 'Vào sổ và gửi' }).click();
    await page.getByText(/^Đã vào sổ: Số: 04\//).waitFor();
    const link = page.getByRole('link', { name: /^Tải công văn Cong-van-don-doc-04-/ }).first();
    await link.waitFor();
    await screenshot(page, 'followup-letters');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    expect(await download.failure()).toBeNull();
    await closeClean({ context, errors });
  });

  it('the scores of 2021 show the Office of the People’s Committee with its reminders and why it lost points', async () => {
    const { page, context, errors } = await openSignedIn(bw, 'lanhdao');
    const api = await (await page.request.get('/api/scores?year=2021')).json();
    const vp = api.agencies.find((a: { code: string }) => a.code === 'VP');
    expect(vp.reminders).toBe(8);
    await page.goto('/nhac-nho?tab=cham-diem&year=2021');
    const row = page.getByRole('row').filter({ hasText: 'Văn phòng UBND tỉnh' }).first();
    await row.waitFor();
    const cells = await row.locator('td').allInnerTexts();
    expect(cells.map((c) => c.trim())).toContain('8');
    expect(cells.map((c) => c.trim())).toContain(vp.grade);
    // leadership may not run the sweep
    expect(await page.getByRole('button', { name: 'Chạy quét nhắc việc' }).count()).toBe(0);
    await row.getByRole('button').first().click();
    const detail = page.getByTestId('score-detail-VP');
    await detail.waitFor();
    const text = await detail.innerText();
    if (vp.lost.length > 0) expect(text).toContain(vp.lost[0].reason);
    expect(text).toContain('nhắc nhở ngày');
    await screenshot(page, 'followup-scores');

    await page.getByRole('tab', { name: 'Biểu dương, phê bình' }).click();
    await page.getByText(/Phê bình \(\d+\)/).waitFor();
    await screenshot(page, 'followup-commendations');
    await closeClean({ context, errors });
  });

  it('works at 360 px without horizontal overflow', async () => {
    const { page, context, errors } = await openOnPhone(bw, 'vanphong', '/nhac-nho?asOf=2021-02-15');
    await page.getByTestId('reminders-total').waitFor();
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(360);
    await screenshot(page, 'followup-phone');
    await page.goto('/nhac-nho?tab=cham-diem&year=2021');
    await page.getByRole('row').filter({ hasText: 'Văn phòng UBND tỉnh' }).first().waitFor();
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(360);
    await screenshot(page, 'followup-scores-phone');
    await closeClean({ context, errors });
  });
});
