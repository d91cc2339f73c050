import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OidcOptions } from '../../src/modules/auth/oidc.client.ts';
import { startIdentityProvider, type TestIdentityProvider } from '../support/identity-provider.ts';
import { type BrowserWorld, closeClean, openPage, screenshot, startBrowserWorld } from './support.ts';

const LABEL = 'Đăng nhập bằng tài khoản công vụ';

/**
 * Đăng nhập một lần in a real browser: the login page's button takes chromium to a real OpenID
 * provider (oidc-provider on 127.0.0.1, a public client with PKCE), its login and consent pages,
 * and back into dondoc signed in; a person without an account comes back to the reason, in Vietnamese.
 * Local passwords are off here, so the login page shows the provider's button alone.
 */
describe('sign-in with the identity provider (chromium)', () => {
  let idp: TestIdentityProvider;
  let bw: BrowserWorld;
  beforeAll(async () => {
    idp = await startIdentityProvider({});
    const oidc: OidcOptions = {
      issuer: idp.issuer,
      clientId: 'dondoc-spa',
      clientSecret: null,
      // derived from the request: http://127.0.0.1:<port>/api/auth/oidc/callback
      redirectUrl: null,
      scopes: 'openid profile email',
      label: LABEL,
      claims: { username: 'preferred_username', email: 'email', role: null, agency: null },
      allowHttp: true,
    };
    // the province signs in through its provider only: no password form
    bw = await startBrowserWorld({ http: { oidc, passwordLogin: false } });
    idp.register([
      {
        client_id: 'dondoc-spa',
        redirect_uris: [`${bw.baseUrl}/api/auth/oidc/callback`],
        token_endpoint_auth_method: 'none',
      },
    ]);
  });
  afterAll(async () => {
    await bw?.close();
    await idp?.close();
  });

  /** A page whose browser answers the provider's Google Fonts link itself (the test machine is offline). */
  async function openOfflinePage() {
    const opened = await openPage(bw);
    await opened.context.route('https://fonts.googleapis.com/**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/css', body: '' }),
    );
    return opened;
  }

  /** The provider's development login page (any login name), then its consent page. */
  async function signInAtProviderPage(page: import('playwright-core').Page, login: string) {
    await page.waitForURL((url) => url.origin === idp.issuer);
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('bat-ky');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
  }

  it('signs in through the provider and lands in the app', async () => {
    const { page, context, errors } = await openOfflinePage();
    await page.goto('/dang-nhap');
    const button = page.getByRole('link', { name: LABEL });
    await button.waitFor();
    // local passwords are off: the page offers the provider alone
    expect(await page.getByLabel('Mật khẩu').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Đăng nhập', exact: true }).count()).toBe(0);
    await screenshot(page, 'oidc-login-page');
    await button.click();
    await signInAtProviderPage(page, 'vanphong');
    await page.waitForURL((url) => url.origin === bw.baseUrl && !url.pathname.startsWith('/dang-nhap'));
    await page.locator('main').waitFor();
    await page.getByText('Chuyên viên theo dõi').first().waitFor();
    const session = await page.evaluate(
      "fetch('/api/auth/session').then((r) => r.json()).then((s) => s.user.username)",
    );
    expect(session).toBe('vanphong');
    await screenshot(page, 'oidc-signed-in');
    await closeClean({ context, errors });
  });

  it('brings a person without a dondoc account back to the login page with the reason', async () => {
    const { page, context, errors } = await openOfflinePage();
    await page.goto('/dang-nhap');
    await page.getByRole('link', { name: LABEL }).click();
    await signInAtProviderPage(page, 'nguoi.la');
    await page.waitForURL((url) => url.origin === bw.baseUrl && url.pathname === '/dang-nhap');
    expect(new URL(page.url()).searchParams.get('loi')).toBe('OIDC_USER_UNKNOWN');
    await page.getByRole('alert').filter({ hasText: 'chưa gắn với tài khoản dondoc nào' }).waitFor();
    await screenshot(page, 'oidc-refused');
    await closeClean({ context, errors });
  });
});
