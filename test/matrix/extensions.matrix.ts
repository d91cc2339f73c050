import { overseers as deciders, officeAdminAndOwnAgency, signedIn } from './allow.ts';
import { listingAfter, listRoute, mentions } from './entry.ts';
import { targetAssignment } from './results.matrix.ts';
import type { MatrixContext, MatrixEntry, Target } from './types.ts';

/** A pending extension request on the target assignment, written straight to the database. */
async function pendingExtensionId(ctx: MatrixContext, target: Target): Promise<number> {
  const { id } = await ctx.db
    .insertInto('extension_request')
    .values({
      authority_id: ctx.world.authorityId,
      assignment_id: await targetAssignment(ctx, target),
      requested_on: '2021-01-18',
      requested_due_on: '2021-01-31',
      reason: 'Chờ số liệu',
      status: 'pending',
      decided_on: null,
      decided_by: null,
      decision_note: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Gia hạn: request (lead agency, the Office), list, approve and reject (Office, leadership). */
export const entries: MatrixEntry[] = [
  {
    method: 'POST',
    url: '/api/assignments/:id/extensions',
    // today is past the 2021 deadlines, so the allowed callers get 409; access is checked first
    request: async (ctx, target) => ({
      url: `/api/assignments/${await targetAssignment(ctx, target)}/extensions`,
      payload: { requestedDueOn: '2021-02-28', reason: 'Chờ số liệu' },
    }),
    allow: officeAdminAndOwnAgency,
  },
  listRoute(
    'GET',
    '/api/extensions',
    signedIn,
    mentions('87/KH-UBND'),
    listingAfter(pendingExtensionId, '/api/extensions'),
  ),
  ...[
    { decision: 'approve', note: 'Đồng ý' },
    { decision: 'reject', note: 'Không có căn cứ' },
  ].map(
    ({ decision, note }): MatrixEntry => ({
      method: 'POST',
      url: `/api/extensions/:id/${decision}`,
      request: async (ctx, target) => ({
        url: `/api/extensions/${await pendingExtensionId(ctx, target)}/${decision}`,
        payload: { note },
      }),
      allow: deciders,
    }),
  ),
];
