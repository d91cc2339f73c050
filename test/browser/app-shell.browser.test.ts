import { describe, expect, it } from 'vitest';
import { sweepUpTo } from '../../src/modules/followup/sweep.service.ts';
import { createPlan } from '../../src/modules/plans/plans.service.ts';
import { auditEntries } from '../support/audit.ts';
import { systemContextFor } from '../support/context.ts';
import { sweepContext, sweepEveryDay } from '../support/followup.ts';
import {
  closeClean,
  openPage,
  openSignedIn,
  screenshot,
  sidewaysOverflow,
  useBrowserWorld,
} from './support.ts';

/** How far the widest table of the page runs past its box (> 0: columns hidden behind a scroll bar). */
const TABLE_OVERFLOW = `Math.max(0, ...[...document.querySelectorAll('.ant-table-content')].map((t) => t.scrollWidth - t.clientWidth))`;

/**
 * Issue #14 §6 in chromium at 1366 px (docs/domain-rules.md §11): the notification bell and the menu's
 * counts, the as-of date through a drill-down, dates typed as in documents, the publish switch.
 */
describe('the app: bell, counts, drill-downs, dates, publishing (chromium)', () => {
  const bw = useBrowserWorld({ now: () => new Date('2021-02-15T03:00:00Z') });
  let swept = false;
  /** The scheduler's sweeps up to 15/02/2021: notices from 17/01, then the letters and digests. */
  const sweep = async () => {
    if (swept) return;
    swept = true;
    await sweepEveryDay(bw.db, bw.world.authorityId, '2021-01-17', '2021-01-21');
    await sweepUpTo(sweepContext(bw.db, bw.world.authorityId), '2021-02-15');
  };

  it('the bell shows the unread count; a notification opens its page and is read; the menu counts', async () => {
    await sweep();
    const { page, context, errors } = await openSignedIn(bw, 'stp', { at: '/viec-cua-don-vi' });
    const api = await (await page.request.get('/api/notifications?pageSize=1')).json();
    const overdue = await (
      await page.request.get('/api/assignments?state=open_overdue&role=all&pageSize=1')
    ).json();
    expect(api.unread).toBeGreaterThan(2);
    const bell = page.getByTestId('bell');
    await page.getByRole('button', { name: `Thông báo: ${api.unread} chưa đọc` }).waitFor();
    const inbox = page.getByRole('menuitem').filter({ hasText: 'Việc của đơn vị' });
    await inbox.getByTestId('nav-count').waitFor();
    expect((await inbox.getByTestId('nav-count').innerText()).trim()).toBe(String(overdue.total));
    await screenshot(page, 'app-bell-agency');

    await bell.click();
    const notice = page.getByTestId('bell-item').filter({ hasText: 'Đến hạn hôm nay: nhiệm vụ I.3' });
    await notice.waitFor();
    await screenshot(page, 'app-bell-open');
    await notice.getByRole('button').click();
    await page.waitForURL((url) => /^\/nhiem-vu\/\d+$/.test(url.pathname));
    await page.getByRole('heading', { name: 'Nhiệm vụ I.3' }).waitFor();
    await page.getByRole('button', { name: `Thông báo: ${api.unread - 1} chưa đọc` }).waitFor();

    await bell.click();
    const digest = page.getByTestId('bell-item').filter({ hasText: 'nhiệm vụ quá hạn đến ngày' }).first();
    await digest.getByRole('button').click();
    await page.waitForURL((url) => url.pathname === '/viec-cua-don-vi' && url.search === '?tab=qua-han');
    await bell.click();
    await page.getByRole('button', { name: 'Đánh dấu tất cả đã đọc' }).click();
    await page.getByRole('button', { name: 'Thông báo: 0 chưa đọc' }).waitFor();
    await closeClean({ context, errors });
  });

  it("an agency's first page on a phone asks the API nothing: its answers came in index.html (#18 goal 5)", async () => {
    const { page, context, errors } = await openPage(bw, { viewport: 'phone' });
    const login = await context.request.post('/api/auth/login', {
      data: { username: 'stp', password: 'dondoc-87-KH-2021' },
    });
    expect(login.status()).toBe(200);
    const asked: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/')) asked.push(`${url.pathname}${url.search}`);
    });
    await page.goto('/');
    await page.waitForURL((url) => url.pathname === '/viec-cua-don-vi');
    await page.locator('main .dd-item').first().waitFor();
    await page.getByTestId('bell').waitFor();
    await page.waitForLoadState('networkidle');
    expect(asked).toEqual([]);
    // each answer served once: the next list is asked of the server
    await page
      .getByRole('group', { name: 'Nhóm nhiệm vụ' })
      .getByRole('button', { name: /Quá hạn/ })
      .click();
    await page.waitForURL((url) => url.search === '?tab=qua-han');
    await expect.poll(() => asked.some((url) => /state=open_overdue.*sort=dueOn/.test(url))).toBe(true);
    await closeClean({ context, errors });
  });

  it('the Office: Quá hạn in the menu with its count opens the overdue list', async () => {
    const { page, context, errors } = await openSignedIn(bw, 'vanphong');
    const overdue = page.getByRole('menuitem').filter({ hasText: 'Quá hạn' });
    await overdue.getByTestId('nav-count').waitFor();
    expect((await overdue.getByTestId('nav-count').innerText()).trim()).toBe('68');
    await overdue.getByRole('link').click();
    await page.waitForURL((url) => url.pathname === '/danh-sach');
    expect(new URL(page.url()).searchParams.get('state')).toBe('open_overdue');
    await page.getByTestId('drill-total').waitFor();
    expect(await page.locator('main').innerText()).toContain('Chưa hoàn thành – quá hạn');
    await closeClean({ context, errors });
  });

  it('the as-of date travels dashboard → list → plan → assignment; assignments are lượt giao chủ trì', async () => {
    const { page, context, errors } = await openSignedIn(bw, 'vanphong', {
      at: '/tong-quan?asOf=2021-01-31',
    });
    const total = page.getByTestId('stat-total');
    await total.waitFor();
    expect(await total.innerText()).toContain('Tổng số lượt giao chủ trì');
    // the Office's own overdue tasks, tracked internally (docs/domain-rules.md §6.1): a card opening their list
    const own = page.getByTestId('office-own-overdue');
    await own.waitFor();
    expect(await own.innerText()).toMatch(
      /Văn phòng UBND tỉnh: \d+ lượt giao chủ trì quá hạn \(theo dõi nội bộ/,
    );
    expect(await page.locator('main').innerText()).not.toMatch(/\d+ nhiệm vụ\b/);
    await page.getByTestId('stat-open_overdue').click();
    await page.waitForURL((url) => url.pathname === '/danh-sach');
    expect(new URL(page.url()).searchParams.get('asOf')).toBe('2021-01-31');
    await page.getByTestId('drill-total').waitFor();
    expect(await page.locator('main').innerText()).toContain('lượt giao chủ trì');
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await screenshot(page, 'app-drill-list-1366');
    // no hidden columns at 1366 px: the table fits its card
    expect(await page.evaluate(TABLE_OVERFLOW)).toBeLessThanOrEqual(0);

    await page.locator('.ant-table-tbody').getByRole('link', { name: '87/KH-UBND' }).first().click();
    await page.waitForURL((url) => url.pathname.startsWith('/ke-hoach/'));
    expect(new URL(page.url()).searchParams.get('ngay')).toBe('2021-01-31');
    await page.getByText('Tiến độ đến 31/01/2021').waitFor();
    expect(await page.locator('main').innerText()).toMatch(/\d+\/111 lượt giao chủ trì đã xong/);
    await screenshot(page, 'app-plan-appendix-1366');
    expect(await page.evaluate(TABLE_OVERFLOW)).toBeLessThanOrEqual(0);
    await page.getByRole('row').filter({ hasText: 'Sở Tư pháp' }).first().getByRole('link').first().click();
    await page.waitForURL((url) => url.pathname.startsWith('/nhiem-vu/'));
    expect(new URL(page.url()).searchParams.get('ngay')).toBe('2021-01-31');
    expect(await page.getByTestId('assignment-as-of').innerText()).toContain('31/01/2021');
    await closeClean({ context, errors });
  });

  it('the audit log, outbox, letters and directory fit 1366 px: no hidden column, nothing scrolls sideways', async () => {
    await sweep(); // letters to list
    // the longest values these lists meet, none with a place to break a line
    const address = 'dau-moi-cai-cach-hanh-chinh.so-thong-tin-va-truyen-thong.tinh-tay-ninh@tayninh.gov.vn';
    await bw.db.updateTable('app_user').set({ email: address }).where('username', '=', 'stttt').execute();
    await bw.db
      .insertInto('outbox_message')
      .values({
        authority_id: bw.world.authorityId,
        business_key: 'fit-1366',
        kind: 'digest',
        to_address: address,
        subject: '[dondoc] Tổng hợp nhiệm vụ quá hạn ngày 15/02/2021',
        body_text: '…',
        status: 'dead',
        attempts: 8,
        last_error: `550-5.1.1 <${address}>:Recipient_address_rejected:User_unknown_in_virtual_mailbox_table`,
      })
      .execute();
    await bw.db
      .insertInto('audit_log')
      .values({
        authority_id: bw.world.authorityId,
        actor: `sso:${address}`,
        action: 'plan.import',
        entity: 'plan',
        entity_id: '1',
        data: JSON.stringify({ file: `${address.replace('@', '-')}-ke-hoach-87-KH-UBND-ban-ky-so.docx` }),
        ip: '2001:0db8:85a3:0000:0000:8a2e:0370:7334',
      })
      .execute();
    const { page, context, errors } = await openSignedIn(bw, 'quantri', {
      at: '/nhat-ky?action=plan.import',
    });
    for (const [at, name, shown] of [
      ['/nhat-ky?action=plan.import', 'audit', '.ant-table-row'],
      ['/cau-hinh?tab=hop-thu', 'outbox', '.ant-table-row'],
      ['/nhac-nho?tab=cong-van', 'letters', '.ant-table-row'],
      ['/danh-muc?tab=co-quan', 'directory-agencies', '.ant-table-row'],
      ['/danh-muc?tab=nhom', 'directory-groups', 'li'],
      ['/danh-muc?tab=ke-thua', 'directory-successors', '.ant-table-row'],
      ['/danh-muc?tab=tai-khoan', 'directory-accounts', '.ant-table-row'],
    ] as const) {
      await page.goto(at);
      await page.locator(`main ${shown}`).first().waitFor();
      if (name === 'audit') await page.locator('.ant-table-row-expand-icon').first().click();
      if (name === 'directory-accounts') {
        await page.getByPlaceholder(/Tìm tên đăng nhập/).fill('stttt');
        await page.keyboard.press('Enter');
        await page.getByText(address).waitFor();
      }
      await screenshot(page, `app-${name}-1366`);
      expect({ name, overflow: await page.evaluate(TABLE_OVERFLOW) }).toEqual({ name, overflow: 0 });
      expect({ name, sideways: Math.max(0, await sidewaysOverflow(page)) }).toEqual({ name, sideways: 0 });
    }
    await closeClean({ context, errors });
  });

  it('the report dialog opens on the dashboard’s period', async () => {
    const { page, context, errors } = await openSignedIn(bw, 'vanphong', {
      at: '/tong-quan?asOf=2021-03-31&from=2021-01-01&to=2021-03-31',
    });
    await page.getByTestId('report-open').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Kỳ báo cáo 01/01/2021 – 31/03/2021, tính đến ngày 31/03/2021').waitFor();
    await screenshot(page, 'app-report-period');
    await closeClean({ context, errors });
  });

  it('a date is accepted as typed in documents: 1/2/2021, 20-01-2021', async () => {
    const { page, context, errors } = await openSignedIn(bw, 'vanphong', { at: '/ke-hoach' });
    await page
      .getByRole('link', { name: /87\/KH-UBND/ })
      .first()
      .click();
    await page.waitForURL((url) => url.pathname.startsWith('/ke-hoach/'));
    for (const [typed, expected] of [
      ['1/2/2021', '2021-02-01'],
      ['20-01-2021', '2021-01-20'],
    ] as const) {
      const field = page.locator('#dd-plan-asof');
      await field.click();
      await field.fill(typed);
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.searchParams.get('ngay') === expected);
      await page.getByText(`Tiến độ đến ${expected.split('-').reverse().join('/')}`).waitFor();
      expect(await field.inputValue()).toBe(
        expected.split('-').reverse().join('/'), // shown as dd/mm/yyyy
      );
    }
    await closeClean({ context, errors });
  });

  it('publishing: the Office’s switch takes the plan off the public page and back; audited', async () => {
    const office = await openSignedIn(bw, 'vanphong', { at: '/ke-hoach' });
    await office.page
      .getByRole('link', { name: /87\/KH-UBND/ })
      .first()
      .click();
    const publish = office.page.getByRole('switch', { name: 'Công khai trên trang Công khai' });
    await publish.waitFor();
    expect(await publish.getAttribute('aria-checked')).toBe('true');
    await screenshot(office.page, 'app-plan-publish');
    await publish.click();
    await office.page.getByText('Chưa công khai').waitFor();

    const visitor = await openPage(bw);
    await visitor.page.goto('/cong-khai');
    await visitor.page.getByText('Cơ quan này chưa có kế hoạch nào được công khai.').waitFor();
    const brand = await visitor.page.getByTestId('public-brand').innerText();
    expect(brand).toMatch(/Tây Ninh/);
    expect(brand).not.toContain('dondoc');
    expect(await visitor.page.title()).not.toContain('dondoc');

    await publish.click();
    await office.page.getByText(/Đang công khai/).waitFor();
    await visitor.page.reload();
    await visitor.page.getByRole('link', { name: 'Kế hoạch 87/KH-UBND' }).waitFor();
    await screenshot(visitor.page, 'app-public-1366');
    const actions = [
      ...(await auditEntries(bw.db, 'plan.unpublish')),
      ...(await auditEntries(bw.db, 'plan.publish')),
    ]
      .filter((row) => row.actor === 'vanphong')
      .map((row) => row.action);
    expect(actions.sort()).toEqual(['plan.publish', 'plan.unpublish']);
    await closeClean(visitor);
    await closeClean(office);
  });

  it('the timeline of a plan of years reads by quarter; no label overlaps another; the line’s label is whole', async () => {
    const { planId } = await createPlan(systemContextFor(bw.db, bw.world.authorityId), {
      docType: 'KH',
      number: '30/KH-UBND',
      issuedOn: '2021-01-05',
      title: 'Kế hoạch giai đoạn 2021-2024',
      tasks: [
        { no: '1', content: 'Việc năm đầu', leadText: 'Sở Tư pháp', deadlineText: 'Trước ngày 30/6/2021' },
        {
          no: '2',
          content: 'Việc cuối giai đoạn',
          leadText: 'Sở Nội vụ',
          deadlineText: 'Trước ngày 31/12/2024',
        },
      ],
    });
    const { page, context, errors } = await openSignedIn(bw, 'vanphong', {
      at: `/ke-hoach/${planId}?xem=tien-do`,
    });
    const scale = page.locator('.dd-gantt-scale');
    await scale.waitFor();
    const labels = await scale.locator('.dd-gantt-month').allInnerTexts();
    expect(labels).toContain('Q1/2022');
    expect(labels.every((label) => /^Q[1-4]\/20\d\d$/.test(label))).toBe(true);
    expect(await page.getByTestId('gantt-line-label').innerText()).toBe('Hôm nay');
    // every label of the scale, the line's included, inside the track and clear of its neighbours
    const boxes = (await page.evaluate(
      `[...document.querySelectorAll('.dd-gantt-scale .dd-gantt-month, .dd-gantt-scale .dd-gantt-today-label')]
        .map((e) => { const r = e.getBoundingClientRect(); return [r.left, r.right]; })
        .sort((a, b) => a[0] - b[0])`,
    )) as [number, number][];
    const track = (await page.evaluate(
      `(() => { const r = document.querySelector('.dd-gantt-scale .dd-gantt-track').getBoundingClientRect(); return [r.left, r.right]; })()`,
    )) as [number, number];
    expect(boxes.length).toBeGreaterThan(8);
    for (const [i, [left, right]] of boxes.entries()) {
      expect(left).toBeGreaterThanOrEqual(track[0] - 0.5);
      expect(right).toBeLessThanOrEqual(track[1] + 0.5);
      if (i > 0) expect(left).toBeGreaterThanOrEqual((boxes[i - 1] as [number, number])[1]);
    }
    await screenshot(page, 'app-gantt-years-1366');
    await closeClean({ context, errors });
  });
});
