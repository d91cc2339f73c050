import type { Actor } from '../../src/modules/access/access.ts';
import { createUnit } from '../../src/modules/subassign/units.service.ts';
import { officeAdminAndOwnAgency as agencyOwnToo, overseersAndOwnAgency as readers } from './allow.ts';
import { targetAgency, targetAssignment } from './results.matrix.ts';
import type { MatrixContext, MatrixEntry, Target } from './types.ts';

/** A unit below the target's agency, created through the service. */
async function targetUnit(ctx: MatrixContext, target: Target) {
  const actor: Actor = { kind: 'system', authorityId: ctx.world.authorityId };
  const c = { db: ctx.db, actor, ip: '127.0.0.1', now: new Date() };
  const parentId = targetAgency(ctx, target);
  return createUnit(c, { name: 'Phòng Tổng hợp', code: `U${parentId}-TH`, parentId });
}

/** Sub-assignment to own units, and the units themselves. */
export const entries: MatrixEntry[] = [
  {
    method: 'POST',
    url: '/api/assignments/:id/subassignments',
    request: async (ctx, target) => {
      const unit = await targetUnit(ctx, target);
      return {
        url: `/api/assignments/${await targetAssignment(ctx, target)}/subassignments`,
        payload: { items: [{ agencyId: unit.id, dueOn: '2021-01-18', note: 'Tổng hợp số liệu' }] },
      };
    },
    allow: agencyOwnToo,
  },
  {
    method: 'GET',
    url: '/api/assignments/:id/subassignments',
    request: async (ctx, target) => ({
      url: `/api/assignments/${await targetAssignment(ctx, target)}/subassignments`,
    }),
    allow: readers,
  },
  {
    method: 'POST',
    url: '/api/units',
    request: async (ctx, target) => ({
      url: '/api/units',
      payload: { name: 'Phòng Hành chính tư pháp', code: 'PHCTP', parentId: targetAgency(ctx, target) },
    }),
    allow: agencyOwnToo,
  },
  {
    method: 'GET',
    url: '/api/units',
    request: async (ctx, target) => {
      await targetUnit(ctx, target);
      return { url: `/api/units?parentId=${targetAgency(ctx, target)}` };
    },
    allow: readers,
  },
];
