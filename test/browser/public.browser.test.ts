import { describe, expect, it } from 'vitest';
import { closeClean, openPage, screenshot, sidewaysOverflow, useBrowserWorld } from './support.ts';

/** Công khai in a real browser, without signing in: plans with progress, one plan's tasks, on a phone. */
describe('public pages (chromium)', () => {
  const bw = useBrowserWorld({ now: () => new Date('2021-02-15T03:00:00Z') });

  for (const viewport of ['desktop', 'phone'] as const) {
    it(`shows the progress of the seed plan without login (${viewport})`, async () => {
      const { page, context, errors } = await openPage(bw, { viewport });
      await page.goto('/cong-khai');
      await page.getByRole('link', { name: 'Kế hoạch 87/KH-UBND' }).waitFor();
      const list = await page.locator('main').innerText();
      expect(list).toContain('số liệu tính đến ngày 15/02/2021');
      expect(list).toMatch(/\d+\/111 lượt giao chủ trì đã xong/);
      expect(list).toContain('Tỷ lệ hoàn thành đúng hạn');
      await page.getByLabel('Tìm kế hoạch').fill('chi so pci');
      await page.getByRole('link', { name: 'Kế hoạch 87/KH-UBND' }).waitFor();
      await screenshot(page, `public-plans-${viewport}`);

      await page.getByRole('link', { name: 'Kế hoạch 87/KH-UBND' }).click();
      await page.getByRole('heading', { name: 'Kế hoạch 87/KH-UBND' }).waitFor();
      await page.getByText('I.3').first().waitFor();
      const tasks = page.locator('.dd-card-list > li');
      expect(await tasks.count()).toBe(29);
      const i3 = await tasks.filter({ hasText: 'I.3' }).first().innerText();
      expect(i3).toContain('Sở Tư pháp');
      expect(i3).toContain('Trước ngày 20/1/2021');
      expect(i3).toMatch(/Chưa hoàn thành – quá hạn|Đã hoàn thành/);
      const text = await page.locator('main').innerText();
      expect(text).toContain('Tiến độ đến ngày 15/02/2021');
      expect(text).not.toMatch(/open_overdue|done_on_time|open_on_time/);
      // nothing internal: no file, no API link, no sign-in-only page
      const hrefs = (await page.evaluate(
        "[...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'))",
      )) as string[];
      expect(
        hrefs.filter(
          (href) => href.startsWith('/api') || href.includes('/source') || href.includes('/files'),
        ),
      ).toEqual([]);
      expect(hrefs.filter((href) => href.startsWith('/ke-hoach') || href.startsWith('/nhiem-vu'))).toEqual(
        [],
      );
      await page.locator('.ant-segmented-item').filter({ hasText: 'Quá hạn' }).click();
      const overdue = await tasks.allInnerTexts();
      expect(overdue.length).toBeGreaterThan(0);
      expect(overdue.every((task) => task.includes('Chưa hoàn thành – quá hạn'))).toBe(true);
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      await screenshot(page, `public-plan-${viewport}`);
      await closeClean({ context, errors });
    });
  }
});
