import { describe, expect, it } from 'vitest';
import { closeClean, openSignedIn, useBrowserWorld } from './support.ts';

/** Cấu hình › Lịch làm việc in a real browser (docs/domain-rules.md §4a). */
describe('working calendar settings (chromium)', () => {
  const bw = useBrowserWorld({ now: () => new Date('2021-02-15T03:00:00Z') });

  it('the Office reads a year, adds a day off and removes it', async () => {
    const opened = await openSignedIn(bw, 'vanphong', { at: '/cau-hinh?tab=lich' });
    const { page } = opened;
    const year = page.getByLabel('Năm', { exact: true });
    await year.fill('2021');
    await year.press('Enter');
    await page.getByText('Ngày nghỉ năm này theo thông báo của Chính phủ.').waitFor();
    const tet = page.getByRole('row').filter({ hasText: '10/02/2021' });
    expect(await tet.innerText()).toMatch(/Thứ Tư\s+Nghỉ\s+Tết Nguyên đán\s+dondoc/);

    await page.getByPlaceholder('Ngày', { exact: true }).fill('08/03/2021');
    await page.getByPlaceholder('Ngày', { exact: true }).press('Enter');
    await page.getByPlaceholder('Tên, ví dụ Tết Nguyên đán').fill('Nghỉ theo quyết định của tỉnh');
    await page.getByRole('button', { name: 'Thêm' }).click();
    await page.getByText('Đã lưu ngày 08/03/2021.').waitFor();
    const added = page.getByRole('row').filter({ hasText: '08/03/2021' });
    expect(await added.innerText()).toMatch(/Thứ Hai\s+Nghỉ\s+Nghỉ theo quyết định của tỉnh\s+Văn phòng/);

    await page.getByRole('button', { name: 'Xóa ngày 08/03/2021' }).click();
    await page.getByRole('button', { name: 'Xóa', exact: true }).click();
    await page.getByText('Đã xóa ngày 08/03/2021.').waitFor();
    await added.waitFor({ state: 'detached' });
    const stored = await (await page.request.get('/api/settings/calendar?year=2021')).json();
    expect(stored.days.map((d: { date: string }) => d.date)).not.toContain('2021-03-08');

    // Hạn rơi vào ngày nghỉ (§4a): the seed's I.2, I.12 and I.13 move
    await page.getByText('Lùi sang ngày làm việc tiếp theo', { exact: true }).click();
    await page.getByText('Đã lưu; 87 hạn đã tính lại.').waitFor();
    const shifted = await (await page.request.get('/api/settings/calendar')).json();
    expect(shifted.dueShift).toBe('next_working_day');
    await closeClean(opened);
  });
});
