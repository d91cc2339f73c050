import { describe, expect, it } from 'vitest';
import {
  closeClean,
  openOnPhone,
  openSignedIn,
  screenshot,
  sidewaysOverflow,
  unexpectedErrors,
  useBrowserWorld,
} from './support.ts';

/**
 * Kế hoạch in a real browser: the list (accent-insensitive search), the seed plan page against its
 * appendix (test/fixtures/import/seed-87-kh-ubnd.txt: 29 tasks in 2 sections), the timeline, cancelling
 * a task, and the page at 360 px without horizontal overflow.
 */

describe('plans pages (chromium)', () => {
  const bw = useBrowserWorld({ now: () => new Date('2021-02-15T03:00:00Z') });

  it('finds the seed plan without accents and shows its appendix as the document has it', async () => {
    const { page, context, errors } = await openSignedIn(bw, 'vanphong', { at: '/ke-hoach' });
    await page.getByRole('link', { name: '87/KH-UBND' }).waitFor();
    await page.getByLabel('Tìm kế hoạch').fill('chuong trinh hanh dong dai hoi');
    await page.getByRole('link', { name: '87/KH-UBND' }).waitFor();
    await page.getByLabel('Tìm kế hoạch').fill('khong co ke hoach nay');
    await page.getByText('Không có kế hoạch phù hợp.').waitFor();
    await page.getByLabel('Tìm kế hoạch').fill('');
    await screenshot(page, 'plans-list');
    await page.getByRole('link', { name: '87/KH-UBND' }).click();
    await page.getByRole('heading', { name: 'Kế hoạch 87/KH-UBND' }).waitFor();
    await page.locator('tr[data-ref="I.3"]').waitFor();

    const header = await page.locator('main').innerText();
    expect(header).toContain('Tây Ninh, ngày 13/01/2021');
    expect(header).toContain('Nguyễn Mạnh Hùng');
    expect(header).toContain('Căn cứ Chương trình hành động số 13-CTr/TU');

    expect(await page.locator('tr[data-ref]').count()).toBe(29);
    const sections = await page.locator('tr[data-row-key^="s"]').allInnerTexts();
    expect(sections).toHaveLength(2);
    expect(sections[0]).toContain('I. Chương trình hành động thực hiện Nghị quyết');
    expect(sections[1]).toContain('II. Đề án nâng cao');
    const headings = await page.locator('thead th').allInnerTexts();
    expect(headings.slice(0, 5)).toEqual([
      'STT',
      'Nội dung công việc',
      'Cơ quan chủ trì',
      'Cơ quan phối hợp',
      'Thời hạn',
    ]);

    const cells = async (ref: string) =>
      (await page.locator(`tr[data-ref="${ref}"] td`).allInnerTexts()).map((s) => s.trim());
    const i3 = await cells('I.3');
    expect(i3[0]).toBe('3');
    expect(i3[1]).toMatch(/^Báo cáo đánh giá kết quả thực hiện công tác cải cách/);
    expect(i3[2]).toBe('Sở Tư pháp');
    expect(i3[4]).toContain('Trước ngày 20/1/2021');
    expect(i3[4]).toContain('20/01/2021');
    expect(i3[5]).toMatch(/quá hạn|hoàn thành/);
    const ii2 = await cells('II.2');
    expect(ii2[0]).toBe('2');
    expect(ii2[2]).toBe('Sở Kế hoạch và Đầu tư');
    expect(ii2[4]).toContain('Trước ngày 12/4/2021');
    expect(ii2[4]).toContain('12/04/2021');
    // on 15/02/2021 the April task is open and on time
    expect(ii2[5]).toContain('Chưa hoàn thành – trong hạn');
    const i8 = await cells('I.8');
    expect(i8[2]).toContain('UBND cấp huyện');
    expect(i8[5]).toMatch(/Xem \d+ đơn vị/);
    expect(i8[5]).toMatch(/\d+\/\d+ lượt giao chủ trì đã xong/);
    // no raw state codes anywhere
    expect(await page.locator('main').innerText()).not.toMatch(/open_overdue|done_on_time|open_on_time/);
    await screenshot(page, 'plans-plan-appendix');

    await page.getByRole('tab', { name: 'Tiến độ theo thời gian' }).click();
    const bars = page.locator('.dd-gantt [role="img"]');
    await bars.first().waitFor();
    expect(await bars.count()).toBe(29);
    const label = await page
      .locator('.dd-gantt li')
      .filter({ hasText: 'I.3' })
      .first()
      .locator('[role="img"]')
      .getAttribute('aria-label');
    expect(label).toContain('Trước ngày 20/1/2021');
    expect(label).toContain('20/01/2021');
    expect(await page.locator('.dd-gantt-today').count()).toBe(1);
    await screenshot(page, 'plans-plan-gantt');
    await closeClean({ context, errors });
  });

  it('lets the Office cancel a task with a reason; the row shows it', async () => {
    const { page, context, errors } = await openSignedIn(bw, 'vanphong', { at: '/ke-hoach' });
    await page.getByRole('link', { name: '87/KH-UBND' }).click();
    await page.locator('tr[data-ref="II.14"]').waitFor();
    await page.getByRole('button', { name: 'Hủy nhiệm vụ II.14' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Hủy nhiệm vụ II.14').first().waitFor();
    await dialog.getByRole('button', { name: 'Hủy nhiệm vụ' }).click();
    await dialog.getByText('Hãy ghi lý do.').waitFor();
    await dialog.getByLabel('Lý do').fill('Gộp vào nhiệm vụ II.13 theo chỉ đạo của Chủ tịch');
    await dialog.getByRole('button', { name: 'Hủy nhiệm vụ' }).click();
    await page.locator('tr[data-ref="II.14"]').filter({ hasText: 'Đã hủy từ 15/02/2021' }).waitFor();
    expect(await page.getByRole('button', { name: 'Hủy nhiệm vụ II.14' }).count()).toBe(0);
    // the leader sees the plan but may not cancel
    const leader = await openSignedIn(bw, 'lanhdao', { at: page.url() });
    await leader.page.locator('tr[data-ref="I.3"]').waitFor();
    expect(await leader.page.getByRole('button', { name: /Hủy nhiệm vụ|Thu hồi kế hoạch/ }).count()).toBe(0);
    expect(unexpectedErrors([...errors, ...leader.errors])).toEqual([]);
    await leader.context.close();
    await context.close();
  });

  it('reads on a 360 px phone: a card per task, the timeline scrolls inside its box', async () => {
    const { page, context, errors } = await openOnPhone(bw, 'vanphong', '/ke-hoach');
    await page.getByRole('link', { name: '87/KH-UBND' }).waitFor();
    await screenshot(page, 'plans-list-phone');
    await page.getByRole('link', { name: '87/KH-UBND' }).click();
    await page.getByText('Trước ngày 20/1/2021').first().waitFor();
    await screenshot(page, 'plans-plan-phone');
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await page.getByRole('tab', { name: 'Tiến độ theo thời gian' }).click();
    await page.locator('.dd-gantt [role="img"]').first().waitFor();
    await screenshot(page, 'plans-gantt-phone');
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await closeClean({ context, errors });
  });
});
