import { officeAdminAndOwnAgency, overseers, signedIn } from './allow.ts';
import { listingAfter, listRoute, mentions } from './entry.ts';
import { targetAssignment } from './results.matrix.ts';
import type { MatrixContext, MatrixEntry, Target } from './types.ts';

/** An open obstacle on the target assignment, written straight to the database. */
async function openObstacleId(ctx: MatrixContext, target: Target): Promise<number> {
  const { id } = await ctx.db
    .insertInto('obstacle')
    .values({
      authority_id: ctx.world.authorityId,
      assignment_id: await targetAssignment(ctx, target),
      reported_on: '2021-01-16',
      description: 'Chưa có số liệu',
      status: 'open',
      response: null,
      responded_on: null,
      responded_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Khó khăn, vướng mắc: report (the agency, the Office), list, respond (Office, leadership). */
export const entries: MatrixEntry[] = [
  {
    method: 'POST',
    url: '/api/assignments/:id/obstacles',
    request: async (ctx, target) => ({
      url: `/api/assignments/${await targetAssignment(ctx, target)}/obstacles`,
      payload: { description: 'Chưa có số liệu', proposal: 'Đề nghị gia hạn' },
    }),
    allow: officeAdminAndOwnAgency,
  },
  listRoute(
    'GET',
    '/api/obstacles',
    signedIn,
    mentions('87/KH-UBND'),
    listingAfter(openObstacleId, '/api/obstacles'),
  ),
  {
    method: 'POST',
    url: '/api/obstacles/:id/respond',
    request: async (ctx, target) => ({
      url: `/api/obstacles/${await openObstacleId(ctx, target)}/respond`,
      payload: { response: 'Giao Sở Tài chính bố trí kinh phí' },
    }),
    allow: overseers,
  },
];
