import { createLocalFileStore } from '../../src/modules/files/local-file-store.ts';
import { nd335RuleSet } from '../../src/modules/scoring/default-rule-set.ts';
import { putRuleSet } from '../../src/modules/scoring/scoring-rules.service.ts';
import { systemContext } from '../../src/modules/service-context.ts';
import { AppError } from '../../src/shared/errors.ts';
import { officeAndAdmin, overseers, signedIn } from './allow.ts';
import { listRoute, mentions } from './entry.ts';
import type { MatrixContext, MatrixEntry } from './types.ts';

/** A rule set of UBND-TN with a name no other authority has: its appearance elsewhere is a leak. */
const TN_RULES = 'Bộ tiêu chí riêng của UBND tỉnh Tây Ninh';

async function configureTayNinh({ db, world }: MatrixContext) {
  const files = createLocalFileStore(world.filesDir);
  const c = systemContext({ db, files, authorityId: world.authorityId, name: 'test' });
  // built once per world: the runner asks for 'own' and 'other' on the same data
  await putRuleSet(c, 2021, { ...nd335RuleSet(2021), name: TN_RULES }).catch((error: unknown) => {
    if (!(error instanceof AppError && error.code === 'VERSION_CONFLICT')) throw error;
  });
}

/** UBND-TN's plan, and agencies only UBND-TN has, in a list of scores or commendations. */
const leaksScores = (body: unknown) => /87\/KH-UBND|"SNV"|Sở Kế hoạch và Đầu tư/.test(JSON.stringify(body));

/**
 * Chấm điểm. Scores and commendation lists are lists: an agency sees only itself (so both targets
 * answer), another authority sees its own agencies only. Rule sets: read by the Office, leadership and
 * admins (they hold every agency's entries), written by the Office and admins.
 */
export const entries: MatrixEntry[] = [
  listRoute('GET', '/api/scores', signedIn, leaksScores, '/api/scores?year=2021'),
  listRoute(
    'GET',
    '/api/commendations',
    signedIn,
    leaksScores,
    '/api/commendations?from=2021-01-01&to=2021-12-31',
  ),
  listRoute('GET', '/api/score-rule-sets/:year', overseers, mentions(TN_RULES), async (ctx) => {
    await configureTayNinh(ctx);
    return { url: '/api/score-rule-sets/2021' };
  }),
  // replaces version 1 of UBND-TN's rule set; another authority has no version 1 (409) and sees none of it
  listRoute('PUT', '/api/score-rule-sets/:year', officeAndAdmin, mentions(TN_RULES), async (ctx) => {
    await configureTayNinh(ctx);
    return { url: '/api/score-rule-sets/2021', payload: { ...nd335RuleSet(2021), version: 1 } };
  }),
];
