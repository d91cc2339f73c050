import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import type { OidcOptions } from '../../src/modules/auth/oidc.client.ts';
import {
  type People,
  signInAtProvider,
  startIdentityProvider,
  type TestIdentityProvider,
} from './identity-provider.ts';

/**
 * The API tests' side of the OpenID Connect flow: one real provider per test file (a confidential
 * client `dondoc`), the options that point dondoc at it, and the browser's three steps by hand —
 * start at dondoc, the provider's forms, back at the callback with this browser's cookie.
 */
export const REDIRECT = 'http://dondoc.test/api/auth/oidc/callback';
const SECRET = 'bi-mat-cua-ung-dung-dondoc';

/** The people the provider knows (any other login name signs in with only `preferred_username`). */
export const PEOPLE: People = {
  stp: { email: 'stp@tayninh.gov.vn', email_verified: true, name: 'Sở Tư pháp' },
  'nguyen.van.a': {
    preferred_username: 'nguyen.van.a',
    email: 'DauMoi.SKHDT@tayninh.gov.vn',
    email_verified: true,
  },
  'chua.xac.minh': { email: 'daumoi.skhdt@tayninh.gov.vn', email_verified: false },
  'mao.danh': { preferred_username: 'stp' },
  'lanh.dao': { preferred_username: 'lanhdao', resource_access: { dondoc: { roles: ['leader', 'office'] } } },
  'tu.phap': {
    preferred_username: 'stp',
    resource_access: { dondoc: { roles: ['agency'] } },
    dondoc_agency: 'snv',
  },
  'van.phong': { preferred_username: 'vanphong', resource_access: { other: { roles: ['admin'] } } },
};

/** Starts the provider before the file's tests, stops it after; returns dondoc's options for it. */
export function withTestProvider(): {
  issuer: () => string;
  options: (o?: Partial<OidcOptions>) => OidcOptions;
} {
  let idp: TestIdentityProvider | undefined;
  beforeAll(async () => {
    idp = await startIdentityProvider(PEOPLE);
    idp.register([
      {
        client_id: 'dondoc',
        client_secret: SECRET,
        redirect_uris: [REDIRECT],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ]);
  });
  afterAll(async () => idp?.close());
  const issuer = () => {
    if (!idp) throw new Error('the test provider is not started');
    return idp.issuer;
  };
  return {
    issuer,
    options: (overrides = {}) => ({
      issuer: issuer(),
      clientId: 'dondoc',
      clientSecret: SECRET,
      redirectUrl: REDIRECT,
      scopes: 'openid profile email',
      label: 'Tài khoản công vụ tỉnh Tây Ninh',
      claims: { username: 'preferred_username', email: 'email', role: null, agency: null },
      allowHttp: true,
      ...overrides,
    }),
  };
}

/** GET /api/auth/oidc/start: the provider's URL and the pending sign-in's cookie. */
export async function start(app: FastifyInstance, returnTo?: string) {
  const query = returnTo === undefined ? '' : `?returnTo=${encodeURIComponent(returnTo)}`;
  const reply = await app.inject({ url: `/api/auth/oidc/start${query}` });
  expect(reply.statusCode).toBe(302);
  const cookie = reply.cookies.find((c) => c.name === 'dondoc_oidc');
  if (!cookie) throw new Error(`no pending sign-in cookie: ${reply.headers.location}`);
  return { location: String(reply.headers.location), binding: cookie.value, cookie };
}

/** The provider's redirect back, delivered to dondoc with (or without) a browser cookie. */
export const callback = (app: FastifyInstance, back: URL, binding?: string) =>
  app.inject({ url: back.pathname + back.search, cookies: binding ? { dondoc_oidc: binding } : {} });

/** start → the provider's forms as `login` → back at the callback with this browser's cookie */
export async function signInThroughProvider(app: FastifyInstance, login: string, returnTo?: string) {
  const { location, binding } = await start(app, returnTo);
  const back = await signInAtProvider(location, login, REDIRECT);
  return callback(app, back, binding);
}

export const sessionCookie = (reply: { cookies: { name: string; value: string }[] }) =>
  reply.cookies.find((c) => c.name === 'dondoc_session');
