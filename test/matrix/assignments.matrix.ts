import { overseersAndOwnAgency as agencyScoped } from './allow.ts';
import { listRoute, mentions } from './entry.ts';
import { targetAgency, targetAssignment } from './results.matrix.ts';
import type { MatrixEntry } from './types.ts';

/** The work list and one assignment ('own' = Sở Tư pháp and its lead assignment of I.3, 'other' = Sở Nội vụ's of I.6). */
export const entries: MatrixEntry[] = [
  // the agency filter names the target agency: an agency user may only name its own
  listRoute('GET', '/api/assignments', agencyScoped, mentions('87/KH-UBND'), async (ctx, which) => ({
    url: `/api/assignments?asOf=2021-02-15&agencyId=${targetAgency(ctx, which)}`,
  })),
  {
    method: 'GET',
    url: '/api/assignments/:id',
    request: async (ctx, which) => ({ url: `/api/assignments/${await targetAssignment(ctx, which)}` }),
    allow: agencyScoped,
  },
];
