import { officeAndAdmin, overseers } from './allow.ts';
import { listingAfter, listRoute, mentions } from './entry.ts';
import type { MatrixContext, MatrixEntry } from './types.ts';

/** A day only UBND-TN's calendar has: seeing its name elsewhere is a leak. */
const TN_MARK = 'MATRIX-UBND-TN';
const TN_DAY = '2021-03-08';

async function seedTnDay({ db, world }: MatrixContext) {
  await db
    .insertInto('calendar_day')
    .values({
      authority_id: world.authorityId,
      date: TN_DAY,
      kind: 'day_off',
      name: TN_MARK,
      source: 'office',
    })
    .onConflict((oc) => oc.columns(['authority_id', 'date']).doNothing())
    .execute();
}

export const entries: MatrixEntry[] = [
  // the Office, leadership and admins; another authority reads its own calendar
  listRoute(
    'GET',
    '/api/settings/calendar',
    overseers,
    mentions(TN_MARK),
    listingAfter(seedTnDay, `/api/settings/calendar?year=2021`),
  ),
  // another authority's office adds the day to its own calendar
  listRoute('POST', '/api/settings/calendar', officeAndAdmin, mentions(TN_MARK), async () => ({
    url: '/api/settings/calendar',
    payload: { date: '2021-03-09', kind: 'day_off', name: 'Nghỉ thử' },
  })),
  // another authority's office sets its own rule for a deadline on a non-working day
  listRoute('PUT', '/api/settings/calendar/due-shift', officeAndAdmin, mentions(TN_MARK), async () => ({
    url: '/api/settings/calendar/due-shift',
    payload: { dueShift: 'keep' },
  })),
  {
    method: 'DELETE',
    url: '/api/settings/calendar/:date',
    request: async (ctx) => {
      await seedTnDay(ctx);
      return { url: `/api/settings/calendar/${TN_DAY}` };
    },
    allow: officeAndAdmin,
    fresh: true,
  },
];
