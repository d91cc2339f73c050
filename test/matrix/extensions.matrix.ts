import { overseers as deciders, signedIn } from './allow.ts';
import type { MatrixContext, MatrixEntry, Target } from './types.ts';

/** 'own' = Sở Tư pháp's lead assignment of task I.3; 'other' = Sở Nội vụ's of task I.6. */
export async function targetAssignmentId({ db, world }: MatrixContext, target: Target): Promise<number> {
  const [code, ref] = target === 'own' ? ['STP', 'I.3'] : ['SNV', 'I.6'];
  const row = await db
    .selectFrom('assignment as a')
    .innerJoin('task as t', 't.id', 'a.task_id')
    .select('a.id')
    .where('a.agency_id', '=', world.agency(code))
    .where('t.ref', '=', ref)
    .where('a.role', '=', 'lead')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A pending extension request on the target assignment, written straight to the database. */
async function pendingExtensionId(ctx: MatrixContext, target: Target): Promise<number> {
  const { id } = await ctx.db
    .insertInto('extension_request')
    .values({
      authority_id: ctx.world.authorityId,
      assignment_id: await targetAssignmentId(ctx, target),
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
      url: `/api/assignments/${await targetAssignmentId(ctx, target)}/extensions`,
      payload: { requestedDueOn: '2021-02-28', reason: 'Chờ số liệu' },
    }),
    allow: { admin: true, office: true, leader: false, agencyOwn: true, agencyOther: false, public: false },
  },
  {
    method: 'GET',
    url: '/api/extensions',
    request: async (ctx, target) => {
      await pendingExtensionId(ctx, target);
      return { url: '/api/extensions' };
    },
    allow: signedIn,
    crossAuthority: 'list',
    leaks: (body) => JSON.stringify(body).includes('87/KH-UBND'),
  },
  {
    method: 'POST',
    url: '/api/extensions/:id/approve',
    request: async (ctx, target) => ({
      url: `/api/extensions/${await pendingExtensionId(ctx, target)}/approve`,
      payload: { note: 'Đồng ý' },
    }),
    allow: deciders,
  },
  {
    method: 'POST',
    url: '/api/extensions/:id/reject',
    request: async (ctx, target) => ({
      url: `/api/extensions/${await pendingExtensionId(ctx, target)}/reject`,
      payload: { note: 'Không có căn cứ' },
    }),
    allow: deciders,
  },
];
