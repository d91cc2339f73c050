import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { closeClean, openSignedIn, SCREENSHOTS, UI_TIMEOUT, useBrowserWorld } from './support.ts';

const Q1 = 'from=2021-01-01&to=2021-03-31';

/** Chooses an option of a searchable antd Select from the keyboard (no clicks on animating lists). */
async function pick(page: Page, id: string, label: string) {
  const input = page.locator(`#${id}`);
  await input.click();
  await input.fill(label);
  // Enter chooses the active option: wait until the filtered list has made it the one wanted
  await page
    .locator(`.ant-select-dropdown:visible .ant-select-item-option-active[title="${label}"]`)
    .waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.ant-select').filter({ has: input }).locator(`[title="${label}"]`).first().waitFor();
}

/** Opens the report dialog from the dashboard and picks Quý I 2021. */
async function openQ1(page: Page) {
  await page.goto('/tong-quan');
  await page.getByTestId('report-open').click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await pick(page, 'report-preset', 'Quý I');
  await pick(page, 'report-year', '2021');
  // the lists have closed (they fade out)
  await expect
    .poll(() => page.locator('.ant-select-dropdown:visible').count(), { timeout: UI_TIMEOUT })
    .toBe(0);
  await dialog.getByText('Kỳ báo cáo 01/01/2021 – 31/03/2021, tính đến ngày 31/03/2021').waitFor();
  return dialog;
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<[Download, Buffer]> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  if (!path) throw new Error(`download failed: ${await download.failure()}`);
  return [download, await readFile(path)];
}

/** The report to the Chairman (issue #7) from the dashboard, and CSV exports of lists, in chromium. */
describe('report dialog and CSV exports (chromium)', () => {
  const bw = useBrowserWorld();

  it('the Office picks Q1 2021, sees the figures, saves the text, downloads Word and Excel', async () => {
    const { page, context, errors } = await openSignedIn(bw, 'vanphong');
    const dialog = await openQ1(page);

    // the preview shows the report's own figures
    const api = await (await page.request.get(`/api/reports?${Q1}&asOf=2021-03-31`)).json();
    await dialog.getByTestId('report-figures').waitFor();
    for (const key of ['total', 'done_on_time', 'done_late', 'open_on_time', 'open_overdue'] as const) {
      expect(await dialog.getByTestId(`report-${key}`).innerText()).toContain(
        api.totals.counts[key].toLocaleString('vi-VN'),
      );
    }
    expect(api.overdue.length).toBe(api.totals.counts.open_overdue);
    expect(api.overdue.length).toBeGreaterThan(0);
    expect(await dialog.getByTestId('report-reminders').innerText()).toContain(
      String(api.totals.counts.reminders),
    );

    // edit and save the overview
    const text = 'Các cơ quan cơ bản hoàn thành nhiệm vụ quý I; còn một số nhiệm vụ quá hạn cần đôn đốc.';
    await dialog.getByRole('tab', { name: 'Nội dung báo cáo' }).click();
    await dialog.getByLabel('I. Đánh giá chung').fill(text);
    await dialog.getByTestId('report-save').click();
    await page.getByText('Đã lưu nội dung báo cáo.').waitFor();
    const saved = await (await page.request.get(`/api/reports/draft?${Q1}`)).json();
    expect(saved.draft.overview).toBe(text);
    expect(saved.version).toBe(1);

    // downloads: plain links with the period, the as-of date and the format
    const [docx, docxBytes] = await downloaded(page, () => dialog.getByTestId('report-docx').click());
    expect(docx.suggestedFilename()).toBe('bao-cao-2021-01-01-den-2021-03-31.docx');
    expect(docxBytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(docxBytes.includes(Buffer.from('word/document.xml'))).toBe(true);
    const [xlsx, xlsxBytes] = await downloaded(page, () => dialog.getByTestId('report-xlsx').click());
    expect(xlsx.suggestedFilename()).toBe('bao-cao-2021-01-01-den-2021-03-31.xlsx');
    expect(xlsxBytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(await dialog.getByTestId('report-pdf').getAttribute('href')).toBe(
      `/api/reports?${Q1}&asOf=2021-03-31&format=pdf`,
    );

    // after a reload the saved text comes back from the server
    await page.reload();
    const again = await openQ1(page);
    await again.getByRole('tab', { name: 'Nội dung báo cáo' }).click();
    expect(await again.getByLabel('I. Đánh giá chung').inputValue()).toBe(text);

    // someone else saves meanwhile: the conflict is told, and reloading shows their text
    const session = await (await page.request.get('/api/auth/session')).json();
    const theirs = await page.request.put(`/api/reports/draft?${Q1}`, {
      headers: { 'x-csrf-token': session.csrfToken },
      data: { version: 1, draft: { ...saved.draft, overview: 'Bản của người khác.' } },
    });
    expect(theirs.status()).toBe(200);
    await again.getByLabel('I. Đánh giá chung').fill('Bản của tôi.');
    await again.getByTestId('report-save').click();
    await again.getByText('Không lưu được: có người vừa sửa báo cáo này').waitFor();
    await again.getByRole('button', { name: 'Tải lại bản mới nhất' }).click();
    await expect
      .poll(() => again.getByLabel('I. Đánh giá chung').inputValue(), { timeout: UI_TIMEOUT })
      .toBe('Bản của người khác.');
    expect(await again.getByText('Không lưu được: có người vừa sửa báo cáo này').count()).toBe(0);
    await again.getByRole('tab', { name: 'Số liệu' }).click();
    await again.getByTestId('report-figures').waitFor();
    await again.screenshot({ path: join(SCREENSHOTS, 'report-dialog-desktop.png') });

    // the refused save (409) is logged by the browser as a failed request; nothing else
    await closeClean({ context, errors });
  });

  it('a list exports to CSV with its filters: UTF-8 with a BOM and Vietnamese column titles', async () => {
    const { page, context, errors } = await openSignedIn(bw, 'vanphong', {
      at: '/danh-sach?asOf=2021-02-15&state=open_overdue',
    });
    const csvLink = page.getByTestId('csv-download');
    await csvLink.waitFor();
    expect(await csvLink.getAttribute('href')).toBe(
      '/api/statistics/items?asOf=2021-02-15&state=open_overdue&format=csv',
    );
    const [csv, csvBytes] = await downloaded(page, () => csvLink.click());
    expect(csv.suggestedFilename()).toBe('danh-sach-chi-tiet.csv');
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csvBytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toContain('Cơ quan');
    expect(lines[0]).toContain('Trạng thái');
    expect(lines.filter(Boolean)).toHaveLength(1 + 68); // the header and the 68 overdue lead assignments

    await closeClean({ context, errors });
  });

  it('a leader downloads the report but cannot edit or save its text', async () => {
    const { page, context, errors } = await openSignedIn(bw, 'lanhdao');
    const dialog = await openQ1(page);
    const [xlsx, bytes] = await downloaded(page, () => dialog.getByTestId('report-xlsx').click());
    expect(xlsx.suggestedFilename()).toBe('bao-cao-2021-01-01-den-2021-03-31.xlsx');
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    await dialog.getByRole('tab', { name: 'Nội dung báo cáo' }).click();
    await dialog.getByText('Chỉ Văn phòng được sửa nội dung báo cáo').waitFor();
    expect(await dialog.getByLabel('I. Đánh giá chung').isDisabled()).toBe(true);
    expect(await dialog.getByTestId('report-save').count()).toBe(0);
    // the server refuses too
    const session = await (await page.request.get('/api/auth/session')).json();
    const put = await page.request.put(`/api/reports/draft?${Q1}`, {
      headers: { 'x-csrf-token': session.csrfToken },
      data: { version: null, draft: { overview: 'x' } },
    });
    expect(put.status()).toBe(403);
    await closeClean({ context, errors });
  });

  it('fits 360 px', async () => {
    const { page, context, errors } = await openSignedIn(bw, 'vanphong', { viewport: 'phone' });
    const dialog = await openQ1(page);
    await dialog.getByTestId('report-figures').waitFor();
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(360);
    const box = await dialog.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 360).toBe(true);
    // the modal scrolls inside a fixed layer: a tall 360 px viewport shows all of it at once
    await page.setViewportSize({ width: 360, height: 1500 });
    await page.screenshot({ path: join(SCREENSHOTS, 'report-dialog-phone.png') });
    await dialog.getByRole('tab', { name: 'Nội dung báo cáo' }).click();
    await dialog.getByLabel('I. Đánh giá chung').waitFor();
    await page.setViewportSize({ width: 360, height: 2000 });
    await page.screenshot({ path: join(SCREENSHOTS, 'report-dialog-phone-text.png') });
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(360);
    await closeClean({ context, errors });
  });
});
