import { userIdOf } from '../support/lookups.ts';
import { adminOnly } from './allow.ts';
import type { MatrixEntry } from './types.ts';

/** Tài khoản: admins only (user.manage); the own/other target does not apply (same request both times). */
export const entries: MatrixEntry[] = [
  { method: 'GET', url: '/api/users', request: async () => ({ url: '/api/users' }), allow: adminOnly },
  {
    method: 'POST',
    url: '/api/users',
    request: async () => ({
      url: '/api/users',
      payload: {
        username: 'cv.moi',
        displayName: 'Chuyên viên mới',
        role: 'office',
        password: 'mat-khau-dai-1',
      },
    }),
    allow: adminOnly,
  },
  {
    method: 'PATCH',
    url: '/api/users/:id',
    request: async (ctx) => ({
      url: `/api/users/${await userIdOf(ctx.db, 'snv')}`,
      payload: { displayName: 'Đầu mối Sở Nội vụ' },
    }),
    allow: adminOnly,
  },
  {
    method: 'POST',
    url: '/api/users/:id/password',
    request: async (ctx) => ({
      url: `/api/users/${await userIdOf(ctx.db, 'snv')}/password`,
      payload: { newPassword: 'mat-khau-moi-123' },
    }),
    allow: adminOnly,
  },
];
