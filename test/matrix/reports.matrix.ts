import { overseers as READERS } from './allow.ts';
import type { MatrixContext, MatrixEntry } from './types.ts';

async function seedPlanId({ db, world }: MatrixContext): Promise<number> {
  const plan = await db
    .selectFrom('plan')
    .select('id')
    .where('authority_id', '=', world.authorityId)
    .where('number', '=', '87/KH-UBND')
    .executeTakeFirstOrThrow();
  return plan.id;
}

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
    allow: { admin: true, office: true, leader: false, agencyOwn: false, agencyOther: false, public: false },
  },
  {
    method: 'GET',
    url: '/api/plans/:id/appendix.xlsx',
    request: async (ctx) => ({ url: `/api/plans/${await seedPlanId(ctx)}/appendix.xlsx?asOf=2021-02-15` }),
    allow: READERS,
  },
];
