import type { Insertable } from 'kysely';
import type { ReminderLetterTable } from '../../src/db/schema.ts';
import { sampleReminderLetter } from '../../src/modules/letters/sample-letter.ts';
import { adminOnly, officeAndAdmin, overseers, overseersAndOwnAgency, signedIn } from './allow.ts';
import { leaksNothing, listingAfter, listRoute, mentions } from './entry.ts';
import type { MatrixContext, MatrixEntry, Target } from './types.ts';

/** A mark only UBND-TN's follow-up rows carry: seeing it elsewhere is a leak. */
const TN_MARK = 'MATRIX-UBND-TN';
const leaks = mentions(TN_MARK);

const AGENCY: Record<Target, string> = { own: 'STP', other: 'SNV' };

/**
 * The follow-up rows the routes read, made directly (a sweep renders ~30 letters: too slow for a
 * matrix row): a letter to Sở Tư pháp and one to Sở Nội vụ, and a notification for each agency's
 * user and for the Office. Once per world: the runner asks for the 'own' and the 'other' request.
 */
async function seedFollowup(ctx: MatrixContext) {
  const seeded = await findSeed(ctx);
  return seeded.letters.own ? seeded : createSeed(ctx);
}

async function findSeed({ db, world }: MatrixContext) {
  const rows = await db
    .selectFrom('reminder_letter')
    .select(['id', 'file_name'])
    .where('authority_id', '=', world.authorityId)
    .where('file_name', 'like', `${TN_MARK}-%`)
    .execute();
  const notes = await db
    .selectFrom('notification')
    .select(['id', 'business_key'])
    .where('business_key', 'like', 'matrix:%')
    .execute();
  const letterOf = (code: string) => rows.find((r) => r.file_name === `${TN_MARK}-${code}.docx`)?.id;
  return {
    letters: { own: letterOf(AGENCY.own), other: letterOf(AGENCY.other) },
    notifications: Object.fromEntries(notes.map((n) => [n.business_key.slice('matrix:'.length), n.id])),
  };
}

async function createSeed(ctx: MatrixContext) {
  const { db, world } = ctx;
  const letters: Partial<Record<Target, number>> = {};
  for (const [target, code] of Object.entries(AGENCY) as [Target, string][]) {
    letters[target] = await insertLetter(ctx, code, {
      status: 'issued',
      number: target === 'own' ? 1 : 2,
      issued_on: '2021-01-21',
      file_name: `${TN_MARK}-${code}.docx`,
    });
  }
  const notifications: Partial<Record<string, number>> = {};
  const users = await db
    .selectFrom('app_user')
    .select(['id', 'username'])
    .where('authority_id', '=', world.authorityId)
    .where('username', 'in', ['stp', 'snv', 'vanphong'])
    .execute();
  for (const user of users) {
    const { id } = await db
      .insertInto('notification')
      .values({
        authority_id: world.authorityId,
        user_id: user.id,
        kind: 'digest',
        business_key: `matrix:${user.username}`,
        title: `${TN_MARK} ${user.username}`,
        body: '',
        link: null,
        assignment_id: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    notifications[user.username] = id;
  }
  return { letters, notifications };
}

/** A drafted letter of UBND-TN to the target's agency, drafted from the sample letter's facts. */
function seedDraft(ctx: MatrixContext, target: Target): Promise<number> {
  const code = AGENCY[target];
  const letter = { ...sampleReminderLetter(), number: null, issuedOn: null };
  return insertLetter(ctx, code, {
    status: 'draft',
    number: null,
    issued_on: null,
    file_name: `${TN_MARK}-draft-${code}.docx`,
    input: JSON.stringify({ letter, reportWithinDays: 7, reminderIds: [] }),
  });
}

/** A letter of UBND-TN of 21/01/2021 (a stand-in .docx) to the agency `code`; its id. */
async function insertLetter(
  { db, world }: MatrixContext,
  code: string,
  values: Pick<Insertable<ReminderLetterTable>, 'status' | 'number' | 'issued_on' | 'file_name' | 'input'>,
): Promise<number> {
  const { id } = await db
    .insertInto('reminder_letter')
    .values({
      authority_id: world.authorityId,
      symbol: 'UBND-KSTT',
      year: 2021,
      sweep_day: '2021-01-21',
      content: new TextEncoder().encode('PK\u0003\u0004 docx'),
      ...values,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('reminder_letter_agency')
    .values({ letter_id: id, agency_id: world.agency(code) })
    .execute();
  return id;
}

/** A dead e-mail of UBND-TN (its subject carries the mark), for the outbox routes. */
async function seedDeadMail({ db, world }: MatrixContext): Promise<number> {
  const key = 'matrix:dead-mail';
  const found = await db
    .selectFrom('outbox_message')
    .select('id')
    .where('business_key', '=', key)
    .executeTakeFirst();
  if (found) return found.id;
  const { id } = await db
    .insertInto('outbox_message')
    .values({
      authority_id: world.authorityId,
      business_key: key,
      kind: 'digest',
      to_address: 'stp@tayninh.gov.vn',
      subject: `${TN_MARK} digest`,
      body_text: '',
      status: 'dead',
      attempts: 8,
      last_error: 'connect ECONNREFUSED',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/**
 * Theo dõi, đôn đốc. Notifications are each user's own (marking another's read is 404 for everyone);
 * letters read like the reminders of their agency; running the sweep is the Office's and admins'.
 */
export const entries: MatrixEntry[] = [
  listRoute('GET', '/api/notifications', signedIn, leaks, listingAfter(seedFollowup, '/api/notifications')),
  {
    method: 'POST',
    url: '/api/notifications/:id/read',
    // the Sở Tư pháp user's notification (own), the Sở Nội vụ user's (other)
    request: async (ctx, target) => {
      const { notifications } = await seedFollowup(ctx);
      return { url: `/api/notifications/${notifications[target === 'own' ? 'stp' : 'snv']}/read` };
    },
    allow: { admin: false, office: false, leader: false, agencyOwn: true, agencyOther: false, public: false },
  },
  // every signed-in user marks only their own notifications read
  listRoute(
    'POST',
    '/api/notifications/read-all',
    signedIn,
    leaksNothing,
    listingAfter(seedFollowup, '/api/notifications/read-all'),
  ),
  listRoute('GET', '/api/letters', signedIn, leaks, listingAfter(seedFollowup, '/api/letters?year=2021')),
  {
    method: 'GET',
    url: '/api/letters/:id/download',
    request: async (ctx, target) => {
      const { letters } = await seedFollowup(ctx);
      return { url: `/api/letters/${letters[target]}/download` };
    },
    allow: overseersAndOwnAgency,
  },
  {
    method: 'POST',
    url: '/api/letters/:id/register',
    // registering is the Office's (and admins'): a second registration answers 409, still "allowed"
    request: async (ctx, target) => ({
      url: `/api/letters/${await seedDraft(ctx, target)}/register`,
      payload: { number: null, issuedOn: '2021-01-22' },
    }),
    allow: officeAndAdmin,
  },
  // one day (the plan's date: notices only); another authority's office sweeps its own authority
  listRoute('POST', '/api/sweeps', officeAndAdmin, mentions('UBND-TN'), async () => ({
    url: '/api/sweeps',
    payload: { asOf: '2021-01-13' },
  })),
  // the Office, leadership and admins; an agency user is refused; another authority reads its own
  // (UBND-TN's signer in the demo is Nguyễn Mạnh Hùng)
  listRoute('GET', '/api/settings/letters', overseers, mentions('Nguyễn Mạnh Hùng')),
  // another authority's office saves its own authority's settings
  listRoute('PUT', '/api/settings/letters', officeAndAdmin, mentions('TÂY NINH'), async () => ({
    url: '/api/settings/letters',
    payload: { form: 'ubnd-kt', signer: { title: 'PHÓ CHỦ TỊCH', name: 'Người ký thử' } },
  })),
  listRoute(
    'GET',
    '/api/outbox',
    officeAndAdmin,
    leaks,
    listingAfter(seedDeadMail, '/api/outbox?state=dead'),
  ),
  {
    method: 'POST',
    url: '/api/outbox/:id/retry',
    request: async (ctx) => ({ url: `/api/outbox/${await seedDeadMail(ctx)}/retry` }),
    allow: adminOnly,
  },
];
