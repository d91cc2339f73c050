import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  chooseFile,
  closeClean,
  openSignedIn,
  SCREENSHOTS,
  screenshot,
  UI_TIMEOUT,
  useBrowserWorld,
} from './support.ts';

/** A one-page PDF small enough to read: the server checks files by content, so it must start with %PDF-. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

/** The number shown in a dashboard tile (its label has no digits before the figure). */
async function tileNumber(page: Page, key: string): Promise<number> {
  const tile = page.getByTestId(`stat-${key}`);
  await tile.waitFor();
  const match = /(\d[\d.]*)/.exec(await tile.innerText());
  return Number((match?.[1] ?? 'NaN').replace(/\./g, ''));
}

async function apiDoneOnTime(page: Page): Promise<number> {
  const body = (await page.evaluate("fetch('/api/statistics?asOf=2021-01-18').then((r) => r.json())")) as {
    totals: { counts: { done_on_time: number } };
  };
  return body.totals.counts.done_on_time;
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Tài khoản' }).click();
  const item = page.getByRole('menuitem', { name: 'Đăng xuất' });
  await item.waitFor();
  const loggedOut = page.waitForResponse((r) => r.url().endsWith('/api/auth/logout'));
  await item.click();
  expect((await loggedOut).status()).toBe(204);
  await page.waitForURL('**/dang-nhap');
}

/**
 * The agency–Office workflow in a real browser, on 18/01/2021 (the seed's first deadlines are 20/01):
 * Sở Tư pháp submits I.3 with a file, asks to extend I.8 and reports an obstacle on I.2; the Office
 * accepts, proposes the extension to the leader (who decides it with the decision document) and
 * answers in Duyệt, and the dashboard's "done on time" figure rises by one.
 */
describe('agency inbox and Office review (chromium)', () => {
  const bw = useBrowserWorld({ now: () => new Date('2021-01-18T03:00:00Z') });

  it('Sở Tư pháp submits a result with a file, asks for an extension and reports an obstacle', async () => {
    const { page, context, errors } = await openSignedIn(bw, 'stp');
    await page.waitForURL('**/viec-cua-don-vi');
    await page.getByRole('heading', { name: 'Việc của đơn vị' }).waitFor();
    await page.getByRole('tab', { name: /Sắp đến hạn/ }).waitFor();
    await page.getByRole('link', { name: /^I\.3\. / }).waitFor();
    expect(await page.locator('main').innerText()).toContain('Còn 2 ngày');
    await screenshot(page, 'workflow-inbox-desktop');

    // I.3, due 20/01/2021: the result with a PDF
    await page.getByRole('link', { name: /^I\.3\. / }).click();
    await page.getByRole('heading', { name: 'Nhiệm vụ I.3' }).waitFor();
    await page.getByRole('button', { name: 'Báo cáo kết quả' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Số văn bản báo cáo').fill('12/BC-STP');
    await dialog
      .getByLabel('Nội dung tóm tắt, ghi chú')
      .fill('Báo cáo đánh giá công tác cải cách thể chế 2015-2020.');
    await chooseFile(dialog, 'bao-cao-12-BC-STP.pdf', PDF, 'application/pdf');
    await dialog.getByText('bao-cao-12-BC-STP.pdf').waitFor();
    await dialog.getByRole('button', { name: /Gửi báo cáo/ }).click();
    await page.getByText('Đã gửi báo cáo kết quả.').waitFor();
    await page.getByRole('link', { name: /bao-cao-12-BC-STP\.pdf/ }).waitFor();
    const history = await page.locator('main').innerText();
    expect(history).toContain('12/BC-STP');
    expect(history).toContain('Chờ xem xét');
    expect(history).toContain('18/01/2021');
    // a second result while one is pending is not offered
    expect(await page.getByRole('button', { name: 'Báo cáo kết quả' }).count()).toBe(0);
    await screenshot(page, 'workflow-assignment-submitted');

    // I.8, due 20/01/2021: an extension to 15/02/2021
    await page.goto('/viec-cua-don-vi');
    await page.getByRole('link', { name: /^I\.8\. / }).click();
    await page.getByRole('heading', { name: 'Nhiệm vụ I.8' }).waitFor();
    await page.getByRole('button', { name: 'Đề nghị gia hạn' }).click();
    const extension = page.getByRole('dialog');
    await extension.getByLabel('Đề nghị gia hạn đến ngày').click();
    await extension.getByLabel('Đề nghị gia hạn đến ngày').fill('15/02/2021');
    await extension.getByLabel('Đề nghị gia hạn đến ngày').press('Enter');
    await extension.getByLabel('Lý do').fill('Cần thêm số liệu của UBND cấp huyện.');
    await extension.getByRole('button', { name: 'Gửi đề nghị' }).click();
    await page.getByText('Đã gửi đề nghị gia hạn.').waitFor();
    await page.getByRole('tab', { name: /Gia hạn \(1\)/ }).click();
    await expect
      .poll(() => page.locator('main').innerText(), { timeout: UI_TIMEOUT })
      .toContain('Đến ngày 15/02/2021');

    // I.2: an obstacle with a proposal
    await page.goto('/viec-cua-don-vi');
    await page.getByRole('link', { name: /^I\.2\. / }).click();
    await page.getByRole('heading', { name: 'Nhiệm vụ I.2' }).waitFor();
    await page.getByRole('button', { name: 'Báo cáo khó khăn, vướng mắc' }).click();
    const obstacle = page.getByRole('dialog');
    await obstacle
      .getByLabel('Khó khăn, vướng mắc')
      .fill('Chưa nhận được tài liệu Nghị quyết để quán triệt.');
    await obstacle.getByLabel('Đề xuất, kiến nghị').fill('Đề nghị Văn phòng gửi bản điện tử.');
    await obstacle.getByRole('button', { name: 'Gửi' }).click();
    await page.getByText('Đã gửi báo cáo khó khăn, vướng mắc.').waitFor();

    await signOut(page);
    await closeClean({ context, errors });
  });

  it('the Office accepts the result, proposes the extension to the leader, answers the obstacle; the dashboard rises', async () => {
    const { page, context, errors } = await openSignedIn(bw, 'vanphong', {
      at: '/tong-quan?asOf=2021-01-18',
    });
    const before = await tileNumber(page, 'done_on_time');
    const apiBefore = await apiDoneOnTime(page);
    expect(before).toBe(apiBefore);

    await page.goto('/duyet');
    await page.getByRole('heading', { name: 'Duyệt' }).waitFor();
    const resultTab = page.getByRole('tab', { name: /Kết quả báo cáo/ });
    await resultTab.filter({ hasText: '1' }).waitFor();
    const item = page.locator('li.dd-item').filter({ hasText: 'Sở Tư pháp' }).filter({ hasText: 'I.3' });
    await item.waitFor();
    expect(await item.innerText()).toContain('12/BC-STP');
    expect(await item.innerText()).toContain('đúng hạn');
    await screenshot(page, 'workflow-review-results');
    await item.getByRole('button', { name: 'Tiếp nhận' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Tiếp nhận' }).click();
    await page.getByText('Đã tiếp nhận kết quả.').waitFor();
    await page.getByText('Không có kết quả nào chờ xem xét.').waitFor();

    await page.getByRole('tab', { name: /Đề nghị gia hạn/ }).click();
    const ext = page.locator('li.dd-item').filter({ hasText: 'I.8' });
    await ext.waitFor();
    expect(await ext.innerText()).toContain('15/02/2021');
    // the Office does not decide (docs/domain-rules.md §10): it proposes to the leader with its opinion
    expect(await ext.getByRole('button', { name: 'Duyệt' }).count()).toBe(0);
    await ext.getByRole('button', { name: 'Trình lãnh đạo' }).click();
    const proposal = page.getByRole('dialog');
    await proposal.getByLabel('Ý kiến của Văn phòng').fill('Đề nghị đồng ý: cần số liệu của cấp huyện.');
    await proposal.getByRole('button', { name: 'Trình', exact: true }).click();
    await ext.getByText('Văn phòng trình 18/01/2021: đề nghị đồng ý').waitFor({ timeout: UI_TIMEOUT });
    expect(await ext.getByRole('button', { name: 'Trình lãnh đạo' }).count()).toBe(0);

    await page.getByRole('tab', { name: /Khó khăn, vướng mắc/ }).click();
    const obs = page.locator('li.dd-item').filter({ hasText: 'I.2' });
    await obs.waitFor();
    await obs.getByRole('button', { name: 'Trả lời' }).click();
    await page
      .getByRole('dialog')
      .getByLabel('Nội dung trả lời')
      .fill('Văn phòng đã gửi bản điện tử qua hệ thống.');
    await page.getByRole('dialog').getByRole('button', { name: 'Gửi trả lời' }).click();
    await page.getByText('Không có khó khăn, vướng mắc nào chờ trả lời.').waitFor({ timeout: UI_TIMEOUT });
    await screenshot(page, 'workflow-review-obstacles');

    await page.goto('/tong-quan?asOf=2021-01-18');
    await page
      .getByTestId('stat-done_on_time')
      .filter({ hasText: String(before + 1) })
      .waitFor();
    expect(await tileNumber(page, 'done_on_time')).toBe(before + 1);
    expect(await apiDoneOnTime(page)).toBe(apiBefore + 1);
    await closeClean({ context, errors });
  });

  it('the leader decides the proposed extension with the decision document', async () => {
    const { page, context, errors } = await openSignedIn(bw, 'lanhdao', { at: '/duyet?tab=gia-han' });
    const ext = page.locator('li.dd-item').filter({ hasText: 'I.8' });
    await ext.getByText('Văn phòng trình 18/01/2021: đề nghị đồng ý').waitFor();
    await ext.getByRole('button', { name: 'Duyệt' }).click();
    const dialog = page.getByRole('dialog');
    // the document is required of a leader
    await dialog.getByRole('button', { name: 'Duyệt' }).click();
    await dialog.getByText('Ghi số văn bản.').waitFor();
    await dialog.getByLabel('Số văn bản quyết định').fill('45/QĐ-UBND');
    await dialog.getByLabel('Ngày văn bản quyết định').click();
    await dialog.getByLabel('Ngày văn bản quyết định').fill('18/01/2021');
    await dialog.getByLabel('Ngày văn bản quyết định').press('Enter');
    await dialog.getByRole('button', { name: 'Duyệt' }).click();
    // the decided request leaves the queue (a state, not the toast, which is gone after 3 s on a busy machine)
    await page.getByText('Không có đề nghị gia hạn nào chờ quyết định.').waitFor({ timeout: UI_TIMEOUT });
    await screenshot(page, 'workflow-leader-decides-extension');
    const decided = (await page.evaluate(
      "fetch('/api/extensions?status=approved').then((r) => r.json())",
    )) as { items: { task: string; decisionNumber: string; decisionDate: string; decidedBy: string }[] };
    expect(decided.items).toContainEqual(
      expect.objectContaining({
        task: 'I.8',
        decisionNumber: '45/QĐ-UBND',
        decisionDate: '2021-01-18',
        decidedBy: 'lanhdao',
      }),
    );
    await closeClean({ context, errors });
  });

  it('on a 360 px phone the agency sees the decisions on cards without sideways scrolling', async () => {
    const { page, context, errors } = await openSignedIn(bw, 'stp', { viewport: 'phone' });
    await page.getByRole('button', { name: /Đã hoàn thành/ }).click();
    await page.getByText('Hoàn thành 18/01/2021').first().waitFor();
    await screenshot(page, 'workflow-inbox-phone-done');
    await page.screenshot({ path: join(SCREENSHOTS, 'workflow-inbox-phone-top.png') });
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(360);

    await page.getByRole('button', { name: /Sắp đến hạn/ }).click();
    await page.getByRole('link', { name: /I\.8/ }).first().click();
    await page.getByRole('heading', { name: 'Nhiệm vụ I.8' }).waitFor();
    const main = await page.locator('main').innerText();
    expect(main).toContain('15/02/2021');
    expect(main).toContain('ban đầu 20/01/2021');
    await page.getByRole('tab', { name: /Gia hạn/ }).click();
    await page.getByText('Đã duyệt').first().waitFor();
    await screenshot(page, 'workflow-assignment-phone');
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(360);
    await closeClean({ context, errors });
  });
});
