import { everyone, signedIn } from './allow.ts';
import type { MatrixEntry } from './types.ts';

/** Health, OpenAPI, sign-in and own-account routes, status and reminders. */
export const entries: MatrixEntry[] = [
  {
    method: 'GET',
    url: '/api/health',
    request: async () => ({ url: '/api/health' }),
    allow: everyone,
    crossAuthority: 'list',
    leaks: () => false,
  },
  {
    method: 'GET',
    url: '/api/health/live',
    request: async () => ({ url: '/api/health/live' }),
    allow: everyone,
    crossAuthority: 'list',
    leaks: () => false,
  },
  {
    method: 'GET',
    url: '/api/health/ready',
    request: async () => ({ url: '/api/health/ready' }),
    allow: everyone,
    crossAuthority: 'list',
    leaks: () => false,
  },
  {
    method: 'GET',
    url: '/api/openapi.json',
    request: async () => ({ url: '/api/openapi.json' }),
    allow: everyone,
    crossAuthority: 'list',
    leaks: () => false,
  },
  {
    method: 'POST',
    url: '/api/auth/login',
    // a wrong password: the route is open to all, and must never sign anybody in to another authority
    request: async () => ({ url: '/api/auth/login', payload: { username: 'stp', password: 'sai-mat-khau' } }),
    allow: {
      admin: false,
      office: false,
      leader: false,
      agencyOwn: false,
      agencyOther: false,
      public: false,
    },
  },
  {
    method: 'POST',
    url: '/api/auth/logout',
    request: async () => ({ url: '/api/auth/logout' }),
    allow: everyone,
    crossAuthority: 'list',
    leaks: () => false,
  },
  {
    method: 'GET',
    url: '/api/auth/session',
    request: async () => ({ url: '/api/auth/session' }),
    allow: signedIn,
    crossAuthority: 'list',
    leaks: (body) => JSON.stringify(body).includes('"username":"stp"'),
  },
  {
    method: 'POST',
    url: '/api/auth/password',
    // a wrong current password: signed-in users reach the check (401 INVALID_CREDENTIALS counts as a denial)
    request: async () => ({
      url: '/api/auth/password',
      payload: { currentPassword: 'sai', newPassword: 'mat-khau-moi-123' },
    }),
    allow: {
      admin: false,
      office: false,
      leader: false,
      agencyOwn: false,
      agencyOther: false,
      public: false,
    },
  },
  {
    method: 'POST',
    url: '/api/auth/tokens',
    request: async () => ({ url: '/api/auth/tokens', payload: { name: 'thử' } }),
    allow: signedIn,
    crossAuthority: 'list',
    leaks: () => false,
  },
  {
    method: 'GET',
    url: '/api/status',
    request: async () => ({ url: '/api/status?asOf=2021-02-15' }),
    allow: signedIn,
    crossAuthority: 'list',
    leaks: (body) => JSON.stringify(body).includes('Sở Kế hoạch và Đầu tư'),
  },
  {
    method: 'GET',
    url: '/api/reminders',
    request: async () => ({ url: '/api/reminders?asOf=2021-12-31' }),
    allow: signedIn,
    crossAuthority: 'list',
    leaks: (body) => JSON.stringify(body).includes('87/KH-UBND'),
  },
];
