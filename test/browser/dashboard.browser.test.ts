import { describe, expect, it } from 'vitest';
import { closeClean, openOnPhone, openSignedIn, screenshot, useBrowserWorld } from './support.ts';

/** Tổng quan and its drill-down list in a real browser, as of 15/02/2021 over the seed plan 87/KH-UBND. */
describe('dashboard and drill-down list (chromium)', () => {
  const bw = useBrowserWorld({ now: () => new Date('2021-02-15T03:00:00Z') });

  it('shows the figures the API gives, draws the charts, and a number opens a list of that length', async () => {
    const { page, context, errors } = await openSignedIn(bw, 'vanphong');
    const api = await (await page.request.get('/api/statistics?asOf=2021-02-15')).json();
    // lead assignments only (docs/domain-rules.md §5): 68 open and overdue on 15/02/2021
    expect(api.totals.counts.open_overdue).toBe(68);
    await page.goto('/tong-quan?asOf=2021-02-15');
    const overdue = page.getByTestId('stat-open_overdue');
    await overdue.waitFor();
    expect(await overdue.innerText()).toContain('68');
    for (const key of ['total', 'done_on_time', 'done_late', 'open_on_time'] as const) {
      expect(await page.getByTestId(`stat-${key}`).innerText()).toContain(String(api.totals.counts[key]));
    }
    expect(await page.getByTestId('stat-d0_30').innerText()).toContain(String(api.totals.counts.d0_30));
    // the agency chart and the monthly trend are drawn on canvases
    await page.locator('[role="img"] canvas').nth(1).waitFor();
    expect(await page.locator('[role="img"] canvas').count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'dashboard-desktop');

    await overdue.click();
    await page.waitForURL((url) => url.pathname === '/danh-sach');
    expect(new URL(page.url()).searchParams.get('state')).toBe('open_overdue');
    expect(new URL(page.url()).searchParams.get('asOf')).toBe('2021-02-15');
    const total = page.getByTestId('drill-total');
    await total.waitFor();
    expect((await total.innerText()).trim()).toBe('68');
    await page.getByRole('row').nth(1).waitFor();
    // accent-insensitive search over agency and task
    await page.getByLabel('Tìm theo cơ quan, nhiệm vụ').fill('so tu phap');
    const stpRows = page.getByRole('row').filter({ hasText: 'Sở Tư pháp' });
    await stpRows.first().waitFor();
    // every word matches somewhere: all of Sở Tư pháp's overdue tasks are found, and only a few others
    const bodyRows = await page.locator('.ant-table-tbody tr.ant-table-row').count();
    expect(await stpRows.count()).toBe(
      api.groups.find((g: { code: string }) => g.code === 'STP').counts.open_overdue,
    );
    expect(bodyRows).toBeLessThan(68);
    await screenshot(page, 'dashboard-list-desktop');
    await closeClean({ context, errors });
  });

  it('works at 360 px: numbers, charts and the list as cards, without horizontal overflow', async () => {
    const { page, context, errors } = await openOnPhone(bw, 'vanphong', '/tong-quan?asOf=2021-02-15');
    await page.getByTestId('stat-open_overdue').waitFor();
    await page.locator('[role="img"] canvas').first().waitFor();
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(360);
    await screenshot(page, 'dashboard-phone');
    await page.getByTestId('stat-open_overdue').click();
    await page.getByTestId('drill-total').waitFor();
    await page.getByTestId('drill-item').first().waitFor();
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(360);
    await screenshot(page, 'dashboard-list-phone');
    await closeClean({ context, errors });
  });

  it('an agency sees its own figures only', async () => {
    const { page, context, errors } = await openSignedIn(bw, 'stp', { at: '/tong-quan?asOf=2021-02-15' });
    const overdue = page.getByTestId('stat-open_overdue');
    await overdue.waitFor();
    expect((await overdue.innerText()).replace(/\D/g, '')).toBe('3');
    await screenshot(page, 'dashboard-agency');
    await closeClean({ context, errors });
  });
});
