import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  closeClean,
  openSignedIn,
  screenshot,
  UI_TIMEOUT,
  unexpectedErrors,
  useBrowserWorld,
} from './support.ts';

/** A write through the page's own session (cookie + CSRF token), as another tab of the same user would make it. */
async function apiWrite<T = { emails: number }>(
  page: Page,
  method: string,
  path: string,
  body: unknown,
): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const response = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as T };
    },
    { method, path, body },
  );
}

/** Cấu hình nhắc việc in a real browser: letter settings, outbox, scoring rules; server clock 15/02/2021. */
describe('follow-up settings (chromium)', () => {
  const bw = useBrowserWorld({ now: () => new Date('2021-02-15T03:00:00Z') });

  it('shows the Cấu hình menu item to the Office and admins only', async () => {
    for (const [username, expected] of [
      ['vanphong', true],
      ['quantri', true],
      ['lanhdao', false],
      ['stp', false],
    ] as const) {
      const { page, context, errors } = await openSignedIn(bw, username);
      const nav = page.getByRole('navigation').getByRole('menuitem');
      await nav.first().waitFor();
      const labels = (await nav.allInnerTexts()).map((s) => s.trim());
      expect(labels.includes('Cấu hình'), username).toBe(expected);
      await closeClean({ context, errors });
    }
  });

  it('the Office changes the signer, the change is kept, and a stale save is refused with a clear message', async () => {
    const { page, context, errors } = await openSignedIn(bw, 'vanphong');
    await page.getByRole('navigation').getByRole('menuitem', { name: 'Cấu hình' }).click();
    await page.waitForURL('**/cau-hinh');
    const name = page.getByLabel('Họ và tên người ký');
    await name.waitFor();
    // the demo's letters are the UBND's (docs/domain-rules.md §6.1)
    expect(await page.getByLabel('Ký hiệu công văn').inputValue()).toBe('UBND-KSTT');
    const preview = page.getByTestId('letter-preview');
    expect(await preview.innerText()).toContain('Số: 04/UBND-KSTT');
    expect(await preview.innerText()).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');

    await name.fill('Nguyễn Văn An');
    // the preview follows the form on the next render: wait for it rather than read it at once
    const signer = page.getByTestId('preview-signer');
    await signer.filter({ hasText: 'Nguyễn Văn An' }).waitFor();
    expect((await signer.innerText()).trim()).toBe('Nguyễn Văn An');
    await page.getByRole('button', { name: 'Thêm nơi nhận' }).click();
    await page.getByLabel('Nơi nhận 4', { exact: true }).fill('Sở Nội vụ (để theo dõi)');
    await page.getByRole('button', { name: 'Lưu cấu hình' }).click();
    await page.getByText('Đã lưu cấu hình công văn đôn đốc.').waitFor();
    await page.getByText('Phiên bản 1').waitFor();

    await page.reload();
    await page.getByLabel('Họ và tên người ký').waitFor();
    expect(await page.getByLabel('Họ và tên người ký').inputValue()).toBe('Nguyễn Văn An');
    expect(await page.getByLabel('Nơi nhận 4', { exact: true }).inputValue()).toBe('Sở Nội vụ (để theo dõi)');
    expect(await page.getByTestId('letter-preview').innerText()).toContain('- Sở Nội vụ (để theo dõi);');
    const stored = await (await page.request.get('/api/settings/letters')).json();
    expect(stored.version).toBe(1);
    expect(stored.effective.signer.name).toBe('Nguyễn Văn An');

    // someone else saves meanwhile (version 1 → 2); this form still holds version 1
    const theirs = await apiWrite(page, 'PUT', '/api/settings/letters', {
      ...stored.settings,
      signer: { ...stored.effective.signer, name: 'Trần Thị Bình' },
      version: 1,
    });
    expect(theirs.status).toBe(200);
    await page.getByLabel('Họ và tên người ký').fill('Lê Văn Cường');
    await page.getByRole('button', { name: 'Lưu cấu hình' }).click();
    await page.getByText('Không lưu được: có người vừa sửa cấu hình công văn.').waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'Không lưu được' }).innerText()).toContain(
      'hãy tải lại rồi sửa',
    );
    const after = await (await page.request.get('/api/settings/letters')).json();
    expect(after.version).toBe(2);
    expect(after.effective.signer.name).toBe('Trần Thị Bình');
    await page.getByRole('button', { name: 'Tải lại bản mới nhất' }).click();
    await page.getByText('Phiên bản 2').waitFor();
    // the form takes the reloaded values on the render after the version line: wait for it (CI once
    // read the field between the two)
    await expect
      .poll(() => page.getByLabel('Họ và tên người ký').inputValue(), { timeout: UI_TIMEOUT })
      .toBe('Trần Thị Bình');
    await screenshot(page, 'settings-letters-desktop');
    await closeClean({ context, errors });
  });

  it('a rule set whose maxima do not add up is refused with the server’s message and nothing is saved', async () => {
    const { page, context, errors } = await openSignedIn(bw, 'vanphong', {
      viewport: 'phone',
      at: '/cau-hinh?tab=cham-diem&year=2021',
    });
    await page.getByText('Mặc định của dondoc, chưa cấu hình').waitFor();
    expect(await page.getByTestId('criterion-nhac-nho').innerText()).toContain(
      'trừ 0,5 điểm cho mỗi lần bị nhắc nhở bằng văn bản',
    );
    await screenshot(page, 'settings-rules-phone');

    await page.getByRole('button', { name: 'Sửa bộ tiêu chí' }).click();
    await page.getByRole('button', { name: 'Thêm tiêu chí' }).click();
    await page.getByRole('menuitem', { name: 'Kiểu NĐ 335/2025/NĐ-CP' }).click();
    await page.getByRole('button', { name: 'Xóa tiêu chí 1' }).click();
    await page.getByLabel('Đánh giá chung (tối đa)').fill('40');
    await page.getByTestId('nd335-sum').filter({ hasText: '40 + 70 = 110' }).waitFor();
    await page.getByRole('button', { name: 'Lưu bộ tiêu chí năm 2021' }).click();
    const error = page.getByTestId('rule-set-error');
    await error.waitFor();
    expect(
      await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'),
    ).toBe(0);
    const text = await error.innerText();
    expect(text).toContain('Bộ tiêu chí chấm điểm năm 2021 không hợp lệ');
    expect(text).toContain('các phần cộng lại không bằng điểm tối đa');
    await screenshot(page, 'settings-rules-error-phone');
    const unchanged = await (await page.request.get('/api/score-rule-sets/2021')).json();
    expect(unchanged.source).toBe('default');
    expect(unchanged.version).toBeNull();

    // corrected, it saves: the summary reads the new rules; the Office is put in the lists (§7)
    await page.getByLabel('Đánh giá chung (tối đa)').fill('30');
    await page.getByLabel('Đưa cả Văn phòng (cơ quan theo dõi) vào danh sách biểu dương, phê bình').check();
    await page.getByRole('button', { name: 'Lưu bộ tiêu chí năm 2021' }).click();
    await page.getByText('Đã lưu bộ tiêu chí năm 2021.').waitFor();
    await page.getByText('Đã cấu hình · phiên bản 1').waitFor();
    expect(await page.getByTestId('criterion-nd335').innerText()).toContain(
      'Tổng 100 điểm = đánh giá chung 30 điểm',
    );
    const saved = await (await page.request.get('/api/score-rule-sets/2021')).json();
    expect(saved.source).toBe('configured');
    expect(saved.ruleSet.criteria.map((c: { kind: string }) => c.kind)).toEqual(['nd335']);
    expect(saved.ruleSet.grades[0]).toEqual({ minRate: 0.9, label: 'Tốt' });
    expect(saved.ruleSet.listMonitor).toBe(true);
    await closeClean({ context, errors });
  });

  it('the admin sees the outbox by state and puts a failed e-mail back in the queue', async () => {
    const { page, context, errors } = await openSignedIn(bw, 'quantri', { at: '/cau-hinh?tab=hop-thu' });
    await page.getByText('Chưa có thư nào.', { exact: false }).waitFor();

    // agency users with an address get e-mails from the sweep (the test world has no SMTP: they wait)
    await bw.db
      .updateTable('app_user')
      .set({ email: sql<string>`username || '@tayninh.gov.vn'` })
      .where('role', '=', 'agency')
      .execute();
    const sweep = await apiWrite(page, 'POST', '/api/sweeps', {});
    expect(sweep.status).toBe(200);
    expect(sweep.body.emails).toBeGreaterThan(2);
    // what a deliverer would have done with two of them
    const ids = (await bw.db.selectFrom('outbox_message').select('id').orderBy('id').limit(2).execute()).map(
      (r) => r.id,
    );
    await bw.db
      .updateTable('outbox_message')
      .set({ status: 'sent', attempts: 1, sent_at: new Date('2021-02-15T00:05:00Z') })
      .where('id', '=', ids[0] as number)
      .execute();
    await bw.db
      .updateTable('outbox_message')
      .set({ status: 'dead', attempts: 8, last_error: 'connect ECONNREFUSED 127.0.0.1:25' })
      .where('id', '=', ids[1] as number)
      .execute();
    const pending = sweep.body.emails - 2;

    await page.reload();
    const segment = (label: string) => page.locator('.ant-segmented-item').filter({ hasText: label });
    // the machine is shared and loaded: the first answer after the reload may take a while
    await segment(`Chờ gửi (${pending})`).waitFor({ timeout: UI_TIMEOUT });
    await segment('Đã gửi (1)').waitFor();
    await segment('Thất bại (1)').waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    await screenshot(page, 'settings-outbox-desktop');

    await segment('Đã gửi (1)').click();
    await page.getByText('Gửi lúc 15/02/2021 07:05').waitFor();
    expect(await page.locator('.ant-table-row').count()).toBe(1);

    await segment('Thất bại (1)').click();
    const row = page.locator('.ant-table-row').filter({ hasText: 'ECONNREFUSED' });
    await row.waitFor();
    expect(await row.innerText()).toContain('Lỗi cuối: connect ECONNREFUSED 127.0.0.1:25');
    await row.getByRole('button', { name: /^Gửi lại thư gửi/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Gửi lại' }).click();
    await page.getByText('trở lại hàng chờ gửi').waitFor();
    await segment('Thất bại (0)').waitFor();
    await page.getByText('Không có thư nào ở trạng thái này.').waitFor();
    await segment(`Chờ gửi (${pending + 1})`).waitFor();
    const requeued = await bw.db
      .selectFrom('outbox_message')
      .select(['status', 'attempts'])
      .where('id', '=', ids[1] as number)
      .executeTakeFirstOrThrow();
    expect(requeued).toEqual({ status: 'pending', attempts: 0 });
    await closeClean({ context, errors });

    // the Office sees the outbox but has no retry button; a phone shows it without overflow
    const office = await openSignedIn(bw, 'vanphong', { viewport: 'phone', at: '/cau-hinh?tab=hop-thu' });
    await office.page.getByTestId('outbox-item').first().waitFor();
    expect(await office.page.getByTestId('outbox-item').first().innerText()).toContain('[dondoc]');
    expect(await office.page.getByRole('button', { name: /^Gửi lại/ }).count()).toBe(0);
    const overflow = await office.page.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBe(0);
    await screenshot(office.page, 'settings-outbox-phone');
    await office.page.goto('/cau-hinh');
    await office.page.getByLabel('Họ và tên người ký').waitFor();
    await screenshot(office.page, 'settings-letters-phone');
    expect(
      await office.page.evaluate(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      ),
    ).toBe(0);
    expect(unexpectedErrors(office.errors)).toEqual([]);
    await office.context.close();
  });
});
