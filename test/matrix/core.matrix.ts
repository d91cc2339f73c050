import { everyone, nobody, signedIn } from './allow.ts';
import { leaksNothing, listRoute, mentions } from './entry.ts';
import type { MatrixEntry } from './types.ts';

/** Health, OpenAPI, sign-in and own-account routes, status and reminders. */
export const entries: MatrixEntry[] = [
  ...['/api/health', '/api/health/live', '/api/health/ready', '/api/openapi.json'].map((url) =>
    listRoute('GET', url, everyone, leaksNothing),
  ),
  {
    method: 'POST',
    url: '/api/auth/login',
    // a wrong password: the route is open to all, and must never sign anybody in to another authority
    request: async () => ({ url: '/api/auth/login', payload: { username: 'stp', password: 'sai-mat-khau' } }),
    allow: nobody,
  },
  listRoute('POST', '/api/auth/logout', everyone, leaksNothing),
  listRoute('GET', '/api/auth/session', signedIn, mentions('"username":"stp"')),
  {
    method: 'POST',
    url: '/api/auth/password',
    // a wrong current password: signed-in users reach the check (401 INVALID_CREDENTIALS counts as a denial)
    request: async () => ({
      url: '/api/auth/password',
      payload: { currentPassword: 'sai', newPassword: 'mat-khau-moi-123' },
    }),
    allow: nobody,
  },
  listRoute('POST', '/api/auth/tokens', signedIn, leaksNothing, async () => ({
    url: '/api/auth/tokens',
    payload: { name: 'thử' },
  })),
  listRoute('GET', '/api/status', signedIn, mentions('Sở Kế hoạch và Đầu tư'), '/api/status?asOf=2021-02-15'),
  listRoute('GET', '/api/reminders', signedIn, mentions('87/KH-UBND'), '/api/reminders?asOf=2021-12-31'),
];
