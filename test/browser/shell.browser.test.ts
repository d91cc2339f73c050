import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../support/http.ts';
import {
  closeClean,
  openPage,
  openSignedIn,
  screenshot,
  signInAs,
  signInByApi,
  useBrowserWorld,
} from './support.ts';

/** The frame of the app in a real browser: sign-in, navigation by role, language switch, phone width. */
describe('web app shell (chromium)', () => {
  const bw = useBrowserWorld();

  const NAV = [
    'Việc của đơn vị',
    'Tổng quan',
    'Kế hoạch',
    'Nhập kế hoạch',
    'Duyệt',
    'Nhắc nhở & chấm điểm',
    'Chỉ số',
    'Danh mục',
    'Nhật ký',
  ];
  const EXPECTED: Record<string, string[]> = {
    // every page but the agency's own work; the Office's clerk has all of those but the log
    quantri: NAV.slice(1),
    vanphong: NAV.slice(1, -1),
    lanhdao: ['Tổng quan', 'Kế hoạch', 'Duyệt', 'Nhắc nhở & chấm điểm', 'Chỉ số', 'Danh mục'],
    stp: ['Việc của đơn vị', 'Tổng quan', 'Nhắc nhở & chấm điểm'],
  };

  it('sends the public to the sign-in page and refuses a wrong password with the server message', async () => {
    const { page, context, errors } = await openPage(bw);
    await page.goto('/tong-quan');
    await page.waitForURL('**/dang-nhap');
    await page.getByLabel('Tên đăng nhập').fill('vanphong');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /mật khẩu/i })
      .waitFor();
    await screenshot(page, 'shell-login-error');
    await closeClean({ context, errors });
  });

  for (const [username, expected] of Object.entries(EXPECTED)) {
    it(`shows ${username} exactly the pages the role may use`, async () => {
      // the Office's clerk signs in through the form (its button; the keyboard test below presses
      // Enter), the other roles through the API: the subject here is the menu each role gets
      const opened = await openPage(bw);
      const { page, context, errors } = opened;
      if (username === 'vanphong') await signInAs(page, username);
      else await signInByApi(opened, username);
      const nav = page.getByRole('navigation').getByRole('menuitem');
      await nav.first().waitFor();
      // a menu entry may carry a count after its name (Duyệt, Quá hạn, Việc của đơn vị)
      const labels = (await nav.allInnerTexts()).map((s) => s.replace(/\s+\d+$/, '').trim());
      expect(labels.filter((label) => NAV.includes(label))).toEqual(expected);
      expect(labels).toContain('Công khai');
      await screenshot(page, `shell-${username}`);
      await closeClean({ context, errors });
    });
  }

  it('an agency user typing an Office page address is told no by the server, not shown data', async () => {
    const { page, context } = await openSignedIn(bw, 'stp');
    const answer = await page.evaluate(async () => (await fetch('/api/audit')).status);
    expect(answer).toBe(403);
    await context.close();
  });

  it('can be used from the keyboard alone: sign in, move through the menu, open a page', async () => {
    const { page, context, errors } = await openPage(bw);
    await page.goto('/dang-nhap');
    await page.getByLabel('Tên đăng nhập').waitFor();
    // the username field has the focus on arrival; Tab reaches the password, Enter submits
    await page.keyboard.type('vanphong');
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/tong-quan');
    // Tab from the top of the page until the "Kế hoạch" menu link has the focus, then Enter
    let focused = '';
    for (let i = 0; i < 30 && focused !== 'Kế hoạch'; i++) {
      await page.keyboard.press('Tab');
      focused = String(await page.evaluate('document.activeElement?.textContent?.trim() ?? ""'));
    }
    expect(focused).toBe('Kế hoạch');
    const outline = String(await page.evaluate('getComputedStyle(document.activeElement).outlineStyle'));
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/ke-hoach');
    await page.getByRole('heading', { level: 1, name: 'Kế hoạch' }).waitFor();
    await closeClean({ context, errors });
  });

  it('works at 360 px: the menu opens from a button, English switch relabels it', async () => {
    const { page, context, errors } = await openSignedIn(bw, 'vanphong', { viewport: 'phone' });
    await page.getByRole('button', { name: 'Mở menu' }).click();
    await page.getByRole('menuitem', { name: 'Kế hoạch' }).first().waitFor();
    await screenshot(page, 'shell-phone-menu');
    await page.keyboard.press('Escape');
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('button', { name: 'Open menu' }).click();
    await page.getByRole('menuitem', { name: 'Plans' }).first().waitFor();
    const width = Number(await page.evaluate('document.documentElement.scrollWidth'));
    expect(width).toBeLessThanOrEqual(360);
    await closeClean({ context, errors });
  });
});
