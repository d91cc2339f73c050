import { everyone } from './allow.ts';
import type { MatrixEntry } from './types.ts';

/**
 * Sign-in with the identity provider (OpenID Connect): open to everyone, signed in or not, and
 * carrying no authority's data. The matrix world has no provider configured, so start and callback
 * answer with a redirect to the login page (302, allowed) and must never sign anybody in; the whole
 * flow against a real provider is test/oidc.test.ts.
 */
export const entries: MatrixEntry[] = [
  {
    method: 'GET',
    url: '/api/auth/providers',
    request: async () => ({ url: '/api/auth/providers' }),
    allow: everyone,
    crossAuthority: 'list',
    leaks: (body) => JSON.stringify(body) !== JSON.stringify({ password: true, oidc: null }),
  },
  {
    method: 'GET',
    url: '/api/auth/oidc/start',
    request: async () => ({ url: '/api/auth/oidc/start?returnTo=%2Ftong-quan' }),
    allow: everyone,
    crossAuthority: 'list',
    leaks: (body) => body !== '',
  },
  {
    method: 'GET',
    url: '/api/auth/oidc/callback',
    // a forged answer from "the provider": no pending sign-in in this browser, so nobody is signed in
    request: async () => ({ url: '/api/auth/oidc/callback?code=gia-mao&state=gia-mao' }),
    allow: everyone,
    crossAuthority: 'list',
    leaks: (body) => body !== '',
  },
];
