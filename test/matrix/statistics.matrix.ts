import { overseersAndOwnAgency, signedIn } from './allow.ts';
import { listRoute, mentions } from './entry.ts';
import { targetAgency } from './results.matrix.ts';
import type { MatrixEntry } from './types.ts';

/** Agency names and the plan number only UBND-TN has (UBND-BD has just VP and STP, and plan 52/KH-UBND). */
const UBND_TN_ONLY = [
  '87/KH-UBND',
  'Sở Nội vụ',
  'Sở Tài chính',
  'Sở Thông tin và Truyền thông',
  'Sở Kế hoạch và Đầu tư',
];

export const leaksUbndTn = mentions(...UBND_TN_ONLY);

/**
 * Statistics: stats.read (admin, office, leader; an agency only its own scope). GET /api/statistics is
 * a list: an agency is answered its own figures whichever target, and UBND-BD its own authority's.
 * The drill-down names an agency by id: another agency's list is 403 for an agency user, and a
 * UBND-TN agency id is 404 for UBND-BD (looked up within the caller's authority).
 */
export const entries: MatrixEntry[] = [
  listRoute('GET', '/api/statistics', signedIn, leaksUbndTn, '/api/statistics?asOf=2021-02-15'),
  {
    method: 'GET',
    url: '/api/statistics/items',
    request: async (ctx, target) => ({
      url: `/api/statistics/items?asOf=2021-02-15&agencyId=${targetAgency(ctx, target)}`,
    }),
    allow: overseersAndOwnAgency,
  },
  listRoute('GET', '/api/statistics/trend', signedIn, leaksUbndTn, '/api/statistics/trend?asOf=2021-02-15'),
];
