import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.ts';
import { overseersAndOwnAgency as agencyScoped } from './allow.ts';
import type { MatrixContext, MatrixEntry, Target } from './types.ts';

/** The lead assignment of a task of 87/KH-UBND held by an agency (by code). */
async function leadOf(db: Kysely<DB>, authorityId: number, taskRef: string, agencyCode: string) {
  const row = await db
    .selectFrom('assignment as a')
    .innerJoin('task as t', 't.id', 'a.task_id')
    .innerJoin('plan as p', 'p.id', 't.plan_id')
    .innerJoin('agency as g', 'g.id', 'a.agency_id')
    .select('a.id')
    .where('a.authority_id', '=', authorityId)
    .where('p.number', '=', '87/KH-UBND')
    .where('t.ref', '=', taskRef)
    .where('g.code', '=', agencyCode)
    .where('a.role', '=', 'lead')
    .where('a.parent_assignment_id', 'is', null)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** 'own' = Sở Tư pháp (STP) and its lead assignment of I.3; 'other' = Sở Nội vụ (SNV) and its I.6. */
function target(ctx: MatrixContext, which: Target) {
  return which === 'own'
    ? {
        agencyId: ctx.world.agency('STP'),
        assignment: () => leadOf(ctx.db, ctx.world.authorityId, 'I.3', 'STP'),
      }
    : {
        agencyId: ctx.world.agency('SNV'),
        assignment: () => leadOf(ctx.db, ctx.world.authorityId, 'I.6', 'SNV'),
      };
}

/** The work list and one assignment. */
export const entries: MatrixEntry[] = [
  {
    method: 'GET',
    url: '/api/assignments',
    // the agency filter names the target agency: an agency user may only name its own
    request: async (ctx, which) => ({
      url: `/api/assignments?asOf=2021-02-15&agencyId=${target(ctx, which).agencyId}`,
    }),
    allow: agencyScoped,
    crossAuthority: 'list',
    leaks: (body) => JSON.stringify(body).includes('87/KH-UBND'),
  },
  {
    method: 'GET',
    url: '/api/assignments/:id',
    request: async (ctx, which) => ({ url: `/api/assignments/${await target(ctx, which).assignment()}` }),
    allow: agencyScoped,
  },
];
