import { officeAndAdmin } from './allow.ts';
import type { MatrixEntry } from './types.ts';

/** Sắp xếp: the Office and admins only; the own/other target does not apply (same request both times). */
export const entries: MatrixEntry[] = [
  {
    method: 'POST',
    url: '/api/reorganisations',
    request: async ({ world }) => ({
      url: '/api/reorganisations',
      payload: {
        fromAgencyId: world.agency('SKHDT'),
        effectiveOn: '2021-04-10',
        moves: [{ toAgencyId: world.agency('STC') }],
      },
    }),
    allow: officeAndAdmin,
  },
];
