import { adminOnly } from './allow.ts';
import type { MatrixEntry } from './types.ts';

/** The audit log: audit.read, administrators only; read-only (there is no route that writes it). */
export const entries: MatrixEntry[] = [
  {
    method: 'GET',
    url: '/api/audit',
    request: async () => ({ url: '/api/audit?entity=app_user' }),
    allow: adminOnly,
  },
];
