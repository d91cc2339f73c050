import { systemActor } from '../../src/modules/access/access.ts';
import { createApiToken } from '../../src/modules/auth/tokens.service.ts';
import { testContext } from '../support/context.ts';
import { userIdOf } from '../support/lookups.ts';
import { signedIn } from './allow.ts';
import { listingAfter, listRoute, mentions } from './entry.ts';
import type { MatrixContext, MatrixEntry, Target } from './types.ts';

/** A live API token of Sở Tư pháp's account (own) or Sở Nội vụ's (other), made as the CLI makes one. */
async function tokenOf({ db, world }: MatrixContext, target: Target): Promise<number> {
  const username = target === 'own' ? 'stp' : 'snv';
  const { id } = await createApiToken(
    testContext(db, systemActor(world.authorityId, 'cli', ['user.manage', 'self'])),
    { userId: await userIdOf(db, username), name: `Mã của ${username}`, days: 30 },
  );
  return id;
}

/**
 * Mã truy cập (POST /api/auth/tokens is in core.matrix.ts): every signed-in user lists their own
 * tokens; a token is revoked by its owner or an admin of its authority, and is not found by anyone else.
 */
export const entries: MatrixEntry[] = [
  listRoute(
    'GET',
    '/api/auth/tokens',
    signedIn,
    mentions('Mã của stp'),
    listingAfter(tokenOf, '/api/auth/tokens'),
  ),
  {
    method: 'DELETE',
    url: '/api/auth/tokens/:id',
    request: async (ctx, target) => ({ url: `/api/auth/tokens/${await tokenOf(ctx, target)}` }),
    allow: { admin: true, office: false, leader: false, agencyOwn: true, agencyOther: false, public: false },
    fresh: true,
  },
];
