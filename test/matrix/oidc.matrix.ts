import { everyone } from './allow.ts';
import { listRoute } from './entry.ts';
import type { MatrixEntry } from './types.ts';

/** a redirect to the login page has an empty body: any body is a leak */
const answersAnything = (body: unknown) => body !== '';

/**
 * Sign-in with the identity provider (OpenID Connect): open to everyone, signed in or not, and
 * carrying no authority's data. The matrix world has no provider configured, so start and callback
 * answer with a redirect to the login page (302, allowed) and must never sign anybody in; the whole
 * flow against a real provider is test/oidc.test.ts.
 */
export const entries: MatrixEntry[] = [
  listRoute(
    'GET',
    '/api/auth/providers',
    everyone,
    (body) => JSON.stringify(body) !== JSON.stringify({ password: true, oidc: null }),
  ),
  listRoute(
    'GET',
    '/api/auth/oidc/start',
    everyone,
    answersAnything,
    '/api/auth/oidc/start?returnTo=%2Ftong-quan',
  ),
  // a forged answer from "the provider": no pending sign-in in this browser, so nobody is signed in
  listRoute(
    'GET',
    '/api/auth/oidc/callback',
    everyone,
    answersAnything,
    '/api/auth/oidc/callback?code=gia-mao&state=gia-mao',
  ),
];
