import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDays, daysBetween } from '../src/domain/dates.ts';
import { sweepUpTo } from '../src/modules/followup/sweep.service.ts';
import { submitResult } from '../src/modules/results/results.service.ts';
import { listAssignmentFacts } from '../src/modules/status/status.repo.ts';
import { listWrittenReminders } from '../src/modules/status/status.service.ts';
import { systemContextFor } from './support/context.ts';
import { describeEachDatabase } from './support/databases.ts';
import { openDocx } from './support/docx-xml.ts';
import {
  followupCounts,
  lettersByDay,
  loadFollowupDemo,
  notificationsByKind,
  sweepContext,
  sweepEveryDay,
} from './support/followup.ts';

// the server's own zone must not matter: dates are read in the authority's zone (Asia/Ho_Chi_Minh)
// (set for this file only: the files of a worker share one process)
const serverZone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'UTC';
});
afterAll(() => {
  if (serverZone === undefined) delete process.env.TZ;
  else process.env.TZ = serverZone;
});

const YEAR = 240_000; // ms, for the tests that sweep a whole year

/** One letter per agency per day on which reminders fall due, for plan 87/KH-UBND with no results. */
const LETTERS_NO_RESULTS = {
  '2021-01-14': 1, // I.1, VP
  '2021-01-21': 29, // I.3–I.8 due 20/01: I.8 alone names the 28 other agencies
  '2021-01-26': 1,
  '2021-01-30': 1,
  '2021-02-01': 29, // I.2 due 31/01: every agency
  '2021-02-05': 1,
  '2021-02-11': 1,
  '2021-02-13': 1,
  '2021-02-19': 1,
  '2021-02-26': 1,
  '2021-04-02': 1,
  '2021-04-13': 29, // II.2–II.6 due 12/04
  '2021-04-17': 1,
  '2021-04-21': 1,
  '2021-04-24': 1,
  '2021-04-30': 1,
  '2021-05-05': 1,
  '2021-05-13': 1,
  '2021-05-21': 1,
  '2021-05-26': 1,
};

describeEachDatabase('daily sweep over plan 87/KH-UBND', (t) => {
  it(
    'simulated year: 111 written reminders dated due + 1, 104 letters numbered 1..104, re-runs add nothing',
    async () => {
      const id = await loadFollowupDemo(t.db);
      const run = await sweepEveryDay(t.db, id, '2021-01-01', '2021-12-31');
      expect(run.days).toHaveLength(353); // 13/01 (the plan's date) to 31/12
      expect(run.reminders).toBe(111);

      const reminders = await t.db.selectFrom('written_reminder').selectAll().orderBy('id').execute();
      expect(reminders).toHaveLength(111);
      for (const r of reminders) {
        expect(r.reminded_on).toBe(addDays(r.due_on, 1));
        expect(r.year).toBe(2021);
        expect(r.letter_id).not.toBeNull();
      }
      // the same reminders as the rule computes as of 31/12 (status, GET /reminders)
      const rule = await (await listWrittenReminders(systemContextFor(t.db, id), { asOf: '2021-12-31' }))
        .reminders;
      expect(reminders.map((r) => r.reminded_on).sort()).toEqual(rule.map((r) => r.remindedOn).sort());

      // letters: one per agency per day, numbered 1..104 in day order, each listing that day's reminders
      expect(await lettersByDay(t.db)).toEqual(LETTERS_NO_RESULTS);
      const perDayAgency = new Set(rule.map((r) => `${r.remindedOn}:${r.agency}`));
      expect(perDayAgency.size).toBe(104);
      const letters = await t.db
        .selectFrom('reminder_letter')
        .select(['id', 'number', 'year', 'sweep_day', 'agency_id'])
        .orderBy('sweep_day')
        .orderBy('agency_id')
        .execute();
      expect(letters.map((l) => l.number)).toEqual(Array.from({ length: 104 }, (_, i) => i + 1));
      expect(await t.db.selectFrom('letter_counter').selectAll().execute()).toEqual([
        { authority_id: id, year: 2021, last_number: 104 },
      ]);
      for (const l of letters) {
        const listed = reminders.filter((r) => r.letter_id === l.id);
        expect(listed.length).toBeGreaterThan(0);
        for (const r of listed) expect([r.reminded_on, r.agency_id]).toEqual([l.sweep_day, l.agency_id]);
      }

      // notices: 7, 3, 1 and 0 days before each of the 111 deadlines, from the plan's date on (441);
      // digests daily per agency user with overdue items; the Office and leader's list from 12/02
      // (I.1 30 days overdue) to 31/12: 323 days × 2; escalations to the STP head: its 4 overdue tasks
      const facts = await listAssignmentFacts(t.db, id, { role: 'lead' });
      const notices = facts.flatMap((f) =>
        [7, 3, 1, 0].filter((o) => addDays(f.due_on as string, -o) >= '2021-01-13'),
      ).length;
      expect(notices).toBe(441);
      expect(await notificationsByKind(t.db)).toEqual({
        notice: 441,
        digest: 10_012,
        overdue_list: 646,
        escalation: 4,
        reminder: 104,
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
    },
    YEAR,
  );

  it(
    'catch-up: one late sweepUpTo(31/12) records the same 111 reminders and 104 letters',
    async () => {
      const id = await loadFollowupDemo(t.db);
      const late = await sweepUpTo(sweepContext(t.db, id), '2021-12-31');
      expect(late).toMatchObject({ reminders: 111, letters: 104 });
      expect(late.days).toHaveLength(353);
      expect(await lettersByDay(t.db)).toEqual(LETTERS_NO_RESULTS);
      // time-bound messages only for the last 3 days: no "due in 7 days" for a deadline long gone
      expect(await notificationsByKind(t.db)).toEqual({
        reminder: 104,
        digest: 87,
        overdue_list: 6,
        escalation: 4,
      });
      expect((await sweepUpTo(sweepContext(t.db, id), '2021-12-31')).days).toEqual([]);
    },
    YEAR,
  );

  it(
    'half the tasks done on their due date: 69 reminders, 67 letters, no notice on the day itself',
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
      expect(await followupCounts(t.db)).toMatchObject({ written_reminder: 111 - 42, reminder_letter: 67 });
      expect(await lettersByDay(t.db)).toEqual({
        '2021-01-21': 28, // I.4, I.6, I.8 (I.3, I.5, I.7 done)
        '2021-01-30': 1,
        '2021-02-01': 29,
        '2021-02-11': 1,
        '2021-02-19': 1,
        '2021-04-02': 1,
        '2021-04-13': 2, // II.3, II.5 (II.2, II.4, II.6 done)
        '2021-04-17': 1,
        '2021-04-24': 1,
        '2021-05-05': 1,
        '2021-05-21': 1,
      });
      const numbers = (
        await t.db.selectFrom('reminder_letter').select('number').orderBy('number').execute()
      ).map((l) => l.number);
      expect(numbers).toEqual(Array.from({ length: 67 }, (_, i) => i + 1));
      // a task done on its due date still had its 7-, 3- and 1-day notices, not the 0-day one: 441 − 42;
      // the long-overdue list starts on 19/02 (items due 20/01 + 30 days): 316 days × 2
      expect(await notificationsByKind(t.db)).toEqual({
        notice: 399,
        digest: 9996,
        overdue_list: 632,
        escalation: 2,
        reminder: 67,
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

  it('notices Sở Tư pháp at 7, 3, 1 and 0 days before I.3 (due 20/01), and stops once it is done', async () => {
    const id = await loadFollowupDemo(t.db);
    await sweepEveryDay(t.db, id, '2021-01-13', '2021-01-18');
    await submitResult(systemContextFor(t.db, id), {
      plan: '87/KH-UBND',
      task: 'I.3',
      agency: 'STP',
      submittedOn: '2021-01-18',
      accept: true,
    });
    await sweepEveryDay(t.db, id, '2021-01-19', '2021-01-21');
    const notices = await t.db
      .selectFrom('notification as n')
      .innerJoin('app_user as u', 'u.id', 'n.user_id')
      .innerJoin('assignment as a', 'a.id', 'n.assignment_id')
      .innerJoin('task as k', 'k.id', 'a.task_id')
      .select(['u.username', 'k.ref', 'n.title', 'n.business_key'])
      .where('n.kind', '=', 'notice')
      .orderBy('n.id')
      .execute();
    const i3 = notices.filter((n) => n.ref === 'I.3');
    expect(i3.map((n) => [n.username, n.title])).toEqual([
      ['stp', 'Còn 7 ngày đến hạn: nhiệm vụ I.3 (87/KH-UBND)'],
      ['stp', 'Còn 3 ngày đến hạn: nhiệm vụ I.3 (87/KH-UBND)'],
    ]); // done on 18/01: no 1-day (19/01) nor 0-day (20/01) notice
    const i8 = notices.filter((n) => n.ref === 'I.8');
    expect(i8).toHaveLength(28 * 4); // the 28 agencies leading I.8, 4 notices each, to their own user
    expect(new Set(i8.map((n) => n.username)).has('vp')).toBe(false); // VP coordinates I.8
    const mails = await t.db
      .selectFrom('outbox_message')
      .select(['to_address', 'subject'])
      .where('kind', '=', 'notice')
      .where('to_address', '=', 'stp@tayninh.gov.vn')
      .execute();
    expect(mails.length).toBe(4); // one notice e-mail a day: 13/01, 17/01 (I.3 + I.8 …), 19/01, 20/01
  });

  it('the time-zone edge: a UTC server records no reminder for a 20/01 deadline before 21/01 00:00 +07', async () => {
    expect(new Date().getTimezoneOffset()).toBe(0);
    const id = await loadFollowupDemo(t.db);
    await sweepUpTo(sweepContext(t.db, id), new Date('2021-01-20T23:59:00+07:00'));
    const dueOn20 = () =>
      t.db.selectFrom('written_reminder').select('id').where('due_on', '=', '2021-01-20').execute();
    expect(await dueOn20()).toHaveLength(0);
    expect(await t.db.selectFrom('written_reminder').select('due_on').execute()).toEqual([
      { due_on: '2021-01-13' },
    ]);
    await sweepUpTo(sweepContext(t.db, id), new Date('2021-01-21T00:00:00+07:00')); // 2021-01-20T17:00Z
    expect(await dueOn20()).toHaveLength(33); // I.3–I.7 one agency each, I.8 28 agencies
  });

  it('numbers survive a failed day: the rolled-back letters give their numbers back, none is reused', async () => {
    const id = await loadFollowupDemo(t.db);
    await sweepUpTo(sweepContext(t.db, id), '2021-01-20');
    const snv = await t.db
      .selectFrom('agency')
      .select('id')
      .where('code', '=', 'SNV')
      .executeTakeFirstOrThrow();
    await sql`alter table reminder_letter add constraint test_refuse_snv check (agency_id <> ${sql.lit(snv.id)})`.execute(
      t.db,
    );
    try {
      await expect(sweepUpTo(sweepContext(t.db, id), '2021-01-21')).rejects.toThrow(/test_refuse_snv/);
    } finally {
      await sql`alter table reminder_letter drop constraint test_refuse_snv`.execute(t.db);
    }
    expect(await t.db.selectFrom('letter_counter').select('last_number').execute()).toEqual([
      { last_number: 1 },
    ]);
    expect(
      await t.db.selectFrom('sweep_day').select('day').where('day', '=', '2021-01-21').execute(),
    ).toEqual([]);
    const again = await sweepUpTo(sweepContext(t.db, id), '2021-01-21');
    expect(again).toMatchObject({ days: ['2021-01-21'], reminders: 33, letters: 29 });
    const numbers = await t.db.selectFrom('reminder_letter').select('number').orderBy('number').execute();
    expect(numbers.map((n) => n.number)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it('prints the configured signer and Nơi nhận; bad letter settings stop the day and lose nothing', async () => {
    const id = await loadFollowupDemo(t.db);
    const setLetters = (letters: unknown) =>
      t.db
        .updateTable('authority')
        .set({ settings: JSON.stringify({ letters }) })
        .where('id', '=', id)
        .execute();
    await setLetters({ signer: { name: 42 } });
    await expect(sweepUpTo(sweepContext(t.db, id), '2021-01-14')).rejects.toThrow(
      /authority\.settings\.letters/,
    );
    // 13/01 (nothing due) was swept; 14/01 (I.1's reminder and letter) rolled back, to be done again
    expect(await t.db.selectFrom('sweep_day').select('day').execute()).toEqual([{ day: '2021-01-13' }]);
    expect(await followupCounts(t.db)).toMatchObject({ written_reminder: 0, reminder_letter: 0 });
    await setLetters({
      signer: { authority: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Trần Văn Chiến' },
      recipients: ['Như trên', 'TT. Tỉnh ủy', 'LĐVP'],
    });
    expect(await sweepUpTo(sweepContext(t.db, id), '2021-01-14')).toMatchObject({ reminders: 1, letters: 1 });
    const letter = await t.db.selectFrom('reminder_letter').selectAll().executeTakeFirstOrThrow();
    const text = (await openDocx(letter.content)).document.replace(/<[^>]+>/g, '');
    for (const expected of [
      'Số: 1/UBND-VP',
      'Kính gửi: Văn phòng UBND tỉnh.',
      'Trần Văn Chiến',
      '- TT. Tỉnh ủy;',
    ]) {
      expect(text).toContain(expected);
    }
    expect(daysBetween('2021-01-13', letter.issued_on)).toBe(1);
  });
});
