import { overseersAndOwnAgency } from './allow.ts';
import { pendingResult } from './results.matrix.ts';
import type { MatrixEntry } from './types.ts';

/** Files: download a result's file ('own' = a file of Sở Tư pháp's result, 'other' = of Sở Nội vụ's). */
export const entries: MatrixEntry[] = [
  {
    method: 'GET',
    url: '/api/files/:id',
    request: async (ctx, target) => {
      const file = (await pendingResult(ctx, target)).files[0];
      if (!file) throw new Error('the result has no file');
      return { url: `/api/files/${file.id}` };
    },
    allow: overseersAndOwnAgency,
  },
];
