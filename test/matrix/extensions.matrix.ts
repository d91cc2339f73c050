import { insertRow } from '../../src/db/rows.ts';
import { adminOnly, officeAdminAndOwnAgency, officeAndAdmin, overseers, signedIn } from './allow.ts';
import { listingAfter, listRoute, mentions } from './entry.ts';
import { requestOnTargetAssignment, targetAssignment } from './results.matrix.ts';
import type { MatrixContext, MatrixEntry, Target } from './types.ts';

/** A pending extension request on the target assignment, written straight to the database. */
async function pendingExtensionId(ctx: MatrixContext, target: Target): Promise<number> {
  return insertRow(ctx.db, 'extension_request', {
    authority_id: ctx.world.authorityId,
    assignment_id: await targetAssignment(ctx, target),
    requested_on: '2021-01-18',
    requested_due_on: '2021-01-31',
    reason: 'Chờ số liệu',
    status: 'pending',
    decided_on: null,
    decided_by: null,
    decision_note: null,
  });
}

/** Leaders decide; the Office and admins only where the authority allows it, which the seed does not. */
const deciders = { ...overseers, office: false, admin: false };

/**
 * Gia hạn: request (lead agency, the Office), list, propose (the Office), approve and reject (leaders,
 * docs/domain-rules.md §10), who decides (read by the overseers, set by admins).
 */
export const entries: MatrixEntry[] = [
  // today is past the 2021 deadlines, so the allowed callers get 409; access is checked first
  requestOnTargetAssignment(
    'extensions',
    { requestedDueOn: '2021-02-28', reason: 'Chờ số liệu' },
    officeAdminAndOwnAgency,
  ),
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
        payload: { note, decisionNumber: '15/QĐ-UBND', decisionDate: '2021-01-18' },
      }),
      allow: deciders,
    }),
  ),
  {
    method: 'POST',
    url: '/api/extensions/:id/propose',
    request: async (ctx, target) => ({
      url: `/api/extensions/${await pendingExtensionId(ctx, target)}/propose`,
      payload: { recommends: 'approve', opinion: 'Đề nghị đồng ý' },
    }),
    allow: officeAndAdmin,
  },
  // the answer is the caller's own authority's setting, which names no data of another
  listRoute('GET', '/api/settings/decisions', overseers, () => false),
  {
    method: 'PUT',
    url: '/api/settings/decisions',
    request: async () => ({ url: '/api/settings/decisions', payload: { officeDecidesExtensions: true } }),
    allow: adminOnly,
  },
];
