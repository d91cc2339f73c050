import { insertRow } from '../../src/db/rows.ts';
import { officeAdminAndOwnAgency, overseers, signedIn } from './allow.ts';
import { listingAfter, listRoute, mentions } from './entry.ts';
import { requestOnTargetAssignment, targetAssignment } from './results.matrix.ts';
import type { MatrixContext, MatrixEntry, Target } from './types.ts';

/** An open obstacle on the target assignment, written straight to the database. */
async function openObstacleId(ctx: MatrixContext, target: Target): Promise<number> {
  return insertRow(ctx.db, 'obstacle', {
    authority_id: ctx.world.authorityId,
    assignment_id: await targetAssignment(ctx, target),
    reported_on: '2021-01-16',
    description: 'Chưa có số liệu',
    status: 'open',
    response: null,
    responded_on: null,
    responded_by: null,
  });
}

/** Khó khăn, vướng mắc: report (the agency, the Office), list, respond (Office, leadership). */
export const entries: MatrixEntry[] = [
  requestOnTargetAssignment(
    'obstacles',
    { description: 'Chưa có số liệu', proposal: 'Đề nghị gia hạn' },
    officeAdminAndOwnAgency,
  ),
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
