import { officeAndAdmin, overseers as READERS } from './allow.ts';
import { planRow } from './plans.matrix.ts';
import type { MatrixContext, MatrixEntry } from './types.ts';

const seedPlanId = async ({ db, world }: MatrixContext) => (await planRow(db, world.authorityId)).id;

/**
 * Reports to the Chairman cover every agency: the Office, leadership and admins read them (stats.read
 * over the whole authority), agency users are refused. The requests name the seed plan, which the
 * other authority cannot see (404). Drafts are written by the Office and admins (report.write).
 */
export const entries: MatrixEntry[] = [
  {
    method: 'GET',
    url: '/api/reports',
    request: async (ctx) => ({
      url: `/api/reports?from=2021-01-01&to=2021-03-31&asOf=2021-02-15&planId=${await seedPlanId(ctx)}`,
    }),
    allow: READERS,
  },
  {
    method: 'GET',
    url: '/api/reports/draft',
    request: async (ctx) => ({
      url: `/api/reports/draft?from=2021-01-01&to=2021-03-31&planId=${await seedPlanId(ctx)}`,
    }),
    allow: READERS,
  },
  {
    method: 'PUT',
    url: '/api/reports/draft',
    request: async (ctx) => ({
      url: `/api/reports/draft?from=2021-01-01&to=2021-03-31&planId=${await seedPlanId(ctx)}`,
      payload: { version: null, draft: { overview: 'Đánh giá chung.' } },
    }),
    allow: officeAndAdmin,
  },
  {
    method: 'GET',
    url: '/api/plans/:id/appendix.xlsx',
    request: async (ctx) => ({ url: `/api/plans/${await seedPlanId(ctx)}/appendix.xlsx?asOf=2021-02-15` }),
    allow: READERS,
  },
];
