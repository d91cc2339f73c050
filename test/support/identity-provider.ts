import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type ClientMetadata } from 'oidc-provider';

/**
 * A real OpenID provider for the tests (oidc-provider, the certified Node implementation) on
 * 127.0.0.1 and a free port. Its development login page accepts any login name with any password:
 * the person's `sub` is the login name, and their claims are `preferred_username` = that name unless
 * `people` says otherwise. Claims reach dondoc through UserInfo (oidc-provider keeps the ID token to
 * `sub` and the protocol claims), as with a strict provider.
 */
export type People = Record<string, Record<string, unknown>>;

export interface TestIdentityProvider {
  /** http://127.0.0.1:<port> */
  issuer: string;
  /** (re)starts the provider with these clients: once the relying party's redirect URI is known */
  register(clients: ClientMetadata[]): void;
  close(): Promise<void>;
}

export async function startIdentityProvider(people: People): Promise<TestIdentityProvider> {
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | null = null;
  const server = createServer((req, res) => {
    if (handler) return handler(req, res);
    res.statusCode = 503;
    res.end('provider not registered yet');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    register(clients) {
      const provider = new Provider(issuer, {
        clients,
        findAccount: (_ctx, sub) => ({
          accountId: sub,
          claims: () => ({ preferred_username: sub, ...people[sub], sub }),
        }),
        claims: {
          openid: ['sub'],
          profile: ['preferred_username', 'name'],
          email: ['email', 'email_verified'],
          dondoc: ['resource_access', 'dondoc_agency'],
        },
        features: { devInteractions: { enabled: true } },
        pkce: { required: () => true },
        cookies: { keys: ['dondoc-test-provider-cookie-key'] },
        ttl: { Session: 3600, Interaction: 600, Grant: 3600, AccessToken: 600, IdToken: 600 },
      });
      handler = provider.callback();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A browser at the provider, by hand: from the authorisation URL, follows redirects with a cookie
 * jar, fills the login form (any login name) and the consent form, and stops at the redirect back
 * to the relying party (`redirectUri`), which it returns with its code, state and iss.
 */
export async function signInAtProvider(authorisationUrl: string, login: string, redirectUri: string) {
  const jar = new Map<string, string>();
  let url = authorisationUrl;
  let form: URLSearchParams | null = null;
  for (let step = 0; step < 20; step++) {
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(form ? { body: form.toString() } : {}),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const name = pair.slice(0, pair.indexOf('=')).trim();
      const value = pair.slice(pair.indexOf('=') + 1).trim();
      const expired = attributes.some((a) => /expires=Thu, 01 Jan 1970/i.test(a));
      if (!value || expired) jar.delete(name);
      else jar.set(name, value);
    }
    const location = response.headers.get('location');
    if (location) {
      const next = new URL(location, url);
      if (next.href.startsWith(redirectUri)) return next;
      url = next.href;
      form = null;
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1];
    if (response.status !== 200 || !action || !prompt) {
      throw new Error(`the provider answered ${response.status}: ${html.slice(0, 400)}`);
    }
    url = new URL(action.replaceAll('&amp;', '&'), url).href;
    form = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'bat-ky' } : { prompt });
  }
  throw new Error('the provider did not send the browser back within 20 steps');
}
