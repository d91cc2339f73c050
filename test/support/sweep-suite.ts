import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.ts';
import {
  isWorkingDay,
  messageDayOf,
  nextWorkingDay,
  type WorkingCalendar,
} from '../../src/domain/working-days.ts';
import { loadWorkingCalendar } from '../../src/modules/calendar/calendar.service.ts';
import { registerLetter } from '../../src/modules/followup/letters.service.ts';
import { sweepUpTo } from '../../src/modules/followup/sweep.service.ts';
import { submitResult } from '../../src/modules/results/results.service.ts';
import { listAssignmentFacts } from '../../src/modules/status/status.repo.ts';
import { listWrittenReminders } from '../../src/modules/status/status.service.ts';
import { systemContextFor } from './context.ts';
import { type TestDatabase, truncateAll } from './databases.ts';
import {
  followupCounts,
  lettersByDay,
  loadFollowupDemo,
  notificationsByKind,
  sweepContext,
  sweepEveryDay,
} from './followup.ts';
import { restoredBeforeEach } from './snapshot.ts';

/**
 * The daily sweep's suites over plan 87/KH-UBND (test/sweep.test.ts and the simulated years, one file
 * per year and database so that they run in parallel: test/sweep-year-*.test.ts,
 * test/sweep-half-done-*.test.ts). Kept apart from followup.ts, which the sweep worker (a plain node
 * process) imports too.
 */

/**
 * The server's own zone must not matter: dates are read in the authority's zone (Asia/Ho_Chi_Minh).
 * Sets TZ=UTC for the calling file only (the files of a worker share one process).
 */
export function serverZoneUtc(): void {
  const serverZone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'UTC';
  });
  afterAll(() => {
    if (serverZone === undefined) delete process.env.TZ;
    else process.env.TZ = serverZone;
  });
}

/**
 * The follow-up demo of a describe block, loaded once (on emptied tables, as each test loaded it
 * before) and put back before each of its tests (test/support/snapshot.ts): every test meets the demo
 * exactly as loaded, ids included, at the cost of a restore instead of a new demo. Returns a reader
 * of the authority's id (call it in a test or a hook).
 */
export function sharedFollowupDemo(t: TestDatabase): () => number {
  let authorityId: number | undefined;
  restoredBeforeEach(t, async () => {
    await truncateAll(t.db);
    authorityId = await loadFollowupDemo(t.db);
  });
  return () => {
    if (authorityId === undefined) throw new Error('the follow-up demo is not loaded yet');
    return authorityId;
  };
}

/** The working days from `from` to `to`, both included. */
function workingDaysBetween(calendar: WorkingCalendar, from: string, to: string): number {
  let n = 0;
  for (let day = from; day <= to; day = addDays(day, 1)) if (isWorkingDay(calendar, day)) n++;
  return n;
}

export const YEAR = 240_000; // ms, for the tests that sweep a whole year

/**
 * One letter a day to the agencies reminded that day, for plan 87/KH-UBND with no results (§6.1): the
 * other 17 days with reminders remind only the Office (VP), which is not written to.
 */
export const LETTERS_NO_RESULTS = {
  '2021-01-21': 1, // I.3–I.8 due 20/01: I.8 alone names the 28 other agencies
  '2021-02-01': 1, // I.2 due 31/01: every agency
  '2021-04-13': 1, // II.2–II.6 due 12/04
};

/** The simulated year with no results, swept day by day, then swept again twice. */
export function simulatedYearTest(t: TestDatabase): void {
  it(
    'simulated year: 111 written reminders dated due + 1, one draft letter a day, re-runs add nothing',
    async () => {
      const id = await loadFollowupDemo(t.db);
      const calendar = await loadWorkingCalendar(t.db, id);
      const run = await sweepEveryDay(t.db, id, '2021-01-01', '2021-12-31');
      expect(run.days).toHaveLength(353); // 13/01 (the plan's date) to 31/12
      expect(run.reminders).toBe(111);

      const reminders = await t.db.selectFrom('written_reminder').selectAll().orderBy('id').execute();
      expect(reminders).toHaveLength(111);
      for (const r of reminders) {
        expect(r.reminded_on).toBe(addDays(r.due_on, 1));
        expect(r.year).toBe(2021);
      }
      // the same reminders as the rule computes as of 31/12 (status, GET /reminders)
      const rule = await (await listWrittenReminders(systemContextFor(t.db, id), { asOf: '2021-12-31' }))
        .reminders;
      expect(reminders.map((r) => r.reminded_on).sort()).toEqual(rule.map((r) => r.remindedOn).sort());

      // letters (§6.1): one draft a day to every agency reminded that day but the Office, whose own
      // reminders go in no letter; each lists that day's reminders of its addressees
      expect(await lettersByDay(t.db)).toEqual(LETTERS_NO_RESULTS);
      const external = rule.filter((r) => r.agency !== 'VP');
      expect(Object.keys(LETTERS_NO_RESULTS)).toEqual([...new Set(external.map((r) => r.remindedOn))].sort());
      const letters = await t.db
        .selectFrom('reminder_letter')
        .select(['id', 'status', 'number', 'sweep_day'])
        .orderBy('sweep_day')
        .execute();
      expect(new Set(letters.map((l) => `${l.status}:${l.number}`))).toEqual(new Set(['draft:null']));
      const office = await t.db
        .selectFrom('agency')
        .select('id')
        .where('code', '=', 'VP')
        .executeTakeFirstOrThrow();
      for (const r of reminders) expect(r.letter_id === null).toBe(r.agency_id === office.id);
      const addressees = await t.db.selectFrom('reminder_letter_agency').selectAll().execute();
      for (const l of letters) {
        const listed = reminders.filter((r) => r.letter_id === l.id);
        expect(listed.length).toBeGreaterThan(0);
        for (const r of listed) expect(r.reminded_on).toBe(l.sweep_day);
        expect(new Set(listed.map((r) => r.agency_id))).toEqual(
          new Set(addressees.filter((a) => a.letter_id === l.id).map((a) => a.agency_id)),
        );
      }
      // nothing is sent on a day off (docs/domain-rules.md §11): notices 7, 3, 1 and 0 days before each
      // of the 111 deadlines, from the plan's date on, each on its working day (messageDayOf: several
      // falling on one day are one notice); digests per agency user with overdue items on working days
      // (10,012 when every day sent one); the Office and leader's list on the working days from 12/02
      // (I.1 30 days overdue) to 31/12, × 2; escalations to the STP head: its 4 overdue tasks; the
      // Office's own reminders of days off told with the next working day's (104 when told every day)
      // (no reply follow-up, docs/domain-rules.md §10: a draft never registered sets no reply deadline)
      const facts = await listAssignmentFacts(t.db, id, { role: 'lead' });
      const noticeDays = (due: string) =>
        new Set(
          [7, 3, 1, 0]
            .map((o) => messageDayOf(calendar, addDays(due, -o), due))
            .filter((day) => day >= '2021-01-13'),
        ).size;
      const notices = facts.reduce((n, f) => n + noticeDays(f.due_on as string), 0);
      expect(notices).toBe(370);
      expect(await notificationsByKind(t.db)).toEqual({
        notice: notices,
        digest: 6878,
        overdue_list: 2 * workingDaysBetween(calendar, '2021-02-12', '2021-12-31'),
        escalation: 4,
        reminder: 102,
      });
      const perUserDay = await sql<{ n: number }>`
        select max(n)::int as n from (select count(*) as n from outbox_message where kind = 'digest'
        group by to_address, split_part(business_key, ':', 3)) x`.execute(t.db);
      expect(perUserDay.rows[0]?.n).toBe(1); // one digest e-mail per recipient per day

      // the whole year again: every day is already swept
      const before = await followupCounts(t.db);
      expect((await sweepEveryDay(t.db, id, '2021-01-01', '2021-12-31')).days).toEqual([]);
      expect(await followupCounts(t.db)).toEqual(before);
      // and with the record of swept days erased, the business keys alone still add nothing
      await t.db.deleteFrom('sweep_day').execute();
      const rerun = await sweepUpTo(sweepContext(t.db, id), '2021-12-31', { notifyWindowDays: 400 });
      expect(rerun).toMatchObject({ reminders: 0, letters: 0, notifications: 0, emails: 0 });
      expect(rerun.days).toHaveLength(353);
      expect(await followupCounts(t.db)).toEqual(before);

      // the Office registers every draft (docs/domain-rules.md §4a, §6.1): never on a non-working day —
      // a weekend's or a holiday's draft is registered on the next working day of the shipped 2021
      // calendar; the date refused is named with the next working day
      const clerk = systemContextFor(t.db, id, { now: new Date('2021-12-31T03:00:00Z') });
      const drafts = await t.db
        .selectFrom('reminder_letter')
        .select(['id', 'sweep_day'])
        .orderBy('id')
        .execute();
      // the first draft, registered on the first non-working day after it (21/01 → Saturday 23/01)
      const first = drafts[0] as { id: number; sweep_day: string };
      let offDay = first.sweep_day;
      while (isWorkingDay(calendar, offDay)) offDay = addDays(offDay, 1);
      await expect(registerLetter(clerk, first.id, { number: null, issuedOn: offDay })).rejects.toMatchObject(
        {
          code: 'INVALID_DATE',
          details: { issuedOn: '2021-01-23', nextWorkingDay: '2021-01-25' },
        },
      );
      // and 01/02's on a Thursday of Tết (10–16/02/2021 off): the next working day is 17/02
      const second = drafts[1] as { id: number; sweep_day: string };
      await expect(
        registerLetter(clerk, second.id, { number: null, issuedOn: '2021-02-11' }),
      ).rejects.toMatchObject({ code: 'INVALID_DATE', details: { nextWorkingDay: '2021-02-17' } });
      for (const l of drafts) {
        await registerLetter(clerk, l.id, { number: null, issuedOn: nextWorkingDay(calendar, l.sweep_day) });
      }
      const dated = await t.db.selectFrom('reminder_letter').select(['sweep_day', 'issued_on']).execute();
      expect(dated).toHaveLength(drafts.length);
      expect(dated.filter((l) => l.issued_on === null || !isWorkingDay(calendar, l.issued_on))).toEqual([]);
    },
    YEAR,
  );
}

/** The simulated year with half the tasks done on their due date, swept day by day. */
export function halfDoneYearTest(t: TestDatabase): void {
  it(
    'half the tasks done on their due date: 69 reminders, one draft letter a day, no notice on the day itself',
    async () => {
      const id = await loadFollowupDemo(t.db);
      const tasks = await t.db.selectFrom('task').select('ref').orderBy('position').execute();
      const done = new Set(tasks.filter((_, i) => i % 2 === 0).map((x) => x.ref)); // I.1, I.3 … II.14: 15 of 29
      const facts = await listAssignmentFacts(t.db, id, { role: 'lead' });
      let results = 0;
      for (const f of facts.filter((x) => done.has(x.task_ref))) {
        const input = { plan: f.plan_number, task: f.task_ref, agency: f.agency_code, accept: true };
        await submitResult(systemContextFor(t.db, id), { ...input, submittedOn: f.due_on as string });
        results++;
      }
      expect(results).toBe(42);
      await sweepEveryDay(t.db, id, '2021-01-01', '2021-12-31');
      expect(await followupCounts(t.db)).toMatchObject({ written_reminder: 111 - 42 });
      // one draft letter a day with a reminder of an agency other than the Office (§6.1)
      const external = await t.db
        .selectFrom('written_reminder as w')
        .innerJoin('agency as g', 'g.id', 'w.agency_id')
        .select('w.reminded_on')
        .distinct()
        .where('g.code', '<>', 'VP')
        .orderBy('w.reminded_on')
        .execute();
      expect(Object.keys(await lettersByDay(t.db))).toEqual(external.map((r) => r.reminded_on));
      expect(Object.values(await lettersByDay(t.db)).every((n) => n === 1)).toBe(true);
      // on working days only (docs/domain-rules.md §11): a task done on its due date still had its
      // earlier notices, not the one of the due date itself (370 of the simulated year, less the 41 done
      // on a working day due date; 399 when every day sent); the long-overdue list on the working days
      // from 19/02 (items due 20/01 + 30 days), × 2; no reply follow-up (§10): the drafts are never
      // registered, so they set no reply deadline
      const calendar = await loadWorkingCalendar(t.db, id);
      expect(await notificationsByKind(t.db)).toEqual({
        notice: 329,
        digest: 6866,
        overdue_list: 2 * workingDaysBetween(calendar, '2021-02-19', '2021-12-31'),
        escalation: 2,
        reminder: 66,
      });
      const remindedDone = await t.db
        .selectFrom('written_reminder as w')
        .innerJoin('assignment as a', 'a.id', 'w.assignment_id')
        .innerJoin('task as k', 'k.id', 'a.task_id')
        .select('k.ref')
        .where('k.ref', 'in', [...done])
        .execute();
      expect(remindedDone).toEqual([]);
    },
    YEAR,
  );
}
