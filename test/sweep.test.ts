import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { getLetterForDownload } from '../src/modules/followup/letters.service.ts';
import { sweepUpTo } from '../src/modules/followup/sweep.service.ts';
import { submitResult } from '../src/modules/results/results.service.ts';
import { systemContextFor } from './support/context.ts';
import { describeEachDatabase } from './support/databases.ts';
import { docxText, expectToContainAll } from './support/docx-xml.ts';
import {
  followupCounts,
  lettersByDay,
  notificationsByKind,
  sweepContext,
  sweepEveryDay,
} from './support/followup.ts';
import { LETTERS_NO_RESULTS, serverZoneUtc, sharedFollowupDemo, YEAR } from './support/sweep-suite.ts';

serverZoneUtc();

// the simulated years, one file per year and database (so that they run in parallel):
// sweep-year-{pglite,postgres}.test.ts and sweep-half-done-{pglite,postgres}.test.ts
describeEachDatabase('daily sweep over plan 87/KH-UBND', (t) => {
  const demo = sharedFollowupDemo(t);

  it(
    'catch-up: one late sweepUpTo(31/12) records the same 111 reminders and one letter a day',
    async () => {
      const id = demo();
      const late = await sweepUpTo(sweepContext(t.db, id), '2021-12-31');
      expect(late).toMatchObject({ reminders: 111, letters: Object.keys(LETTERS_NO_RESULTS).length });
      expect(late.days).toHaveLength(353);
      expect(await lettersByDay(t.db)).toEqual(LETTERS_NO_RESULTS);
      // time-bound messages only for the last 3 days: no "due in 7 days" for a deadline long gone
      expect(await notificationsByKind(t.db)).toEqual({
        reminder: 102, // the Office's own reminders of days off told with the next working day's (§11)
        digest: 87,
        overdue_list: 6,
        escalation: 4,
      });
      expect((await sweepUpTo(sweepContext(t.db, id), '2021-12-31')).days).toEqual([]);
    },
    YEAR,
  );

  it('notices Sở Tư pháp at 7, 3, 1 and 0 days before I.3 (due 20/01), and stops once it is done', async () => {
    const id = demo();
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
      ['stp', 'Còn 2 ngày đến hạn: nhiệm vụ I.3 (87/KH-UBND)'], // the 3-day one (Sunday 17/01) on Monday
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
    expect(mails.length).toBe(4); // one notice e-mail a day: 13/01, 18/01 (I.3 + I.8 …), 19/01, 20/01
  });

  it('the time-zone edge: a UTC server records no reminder for a 20/01 deadline before 21/01 00:00 +07', async () => {
    expect(new Date().getTimezoneOffset()).toBe(0);
    const id = demo();
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

  it('a failed day keeps no draft: the day is swept again whole, its letter a draft without number', async () => {
    const id = demo();
    await sweepUpTo(sweepContext(t.db, id), '2021-01-20');
    const snv = await t.db
      .selectFrom('agency')
      .select('id')
      .where('code', '=', 'SNV')
      .executeTakeFirstOrThrow();
    await sql`alter table reminder_letter_agency add constraint test_refuse_snv check (agency_id <> ${sql.lit(snv.id)})`.execute(
      t.db,
    );
    try {
      await expect(sweepUpTo(sweepContext(t.db, id), '2021-01-21')).rejects.toThrow(/test_refuse_snv/);
    } finally {
      await sql`alter table reminder_letter_agency drop constraint test_refuse_snv`.execute(t.db);
    }
    expect(await followupCounts(t.db)).toMatchObject({ written_reminder: 1, reminder_letter: 0 });
    expect(
      await t.db.selectFrom('sweep_day').select('day').where('day', '=', '2021-01-21').execute(),
    ).toEqual([]);
    const again = await sweepUpTo(sweepContext(t.db, id), '2021-01-21');
    // §6.1: one letter to the 28 agencies other than the Office (VP's I.3–I.7 reminders go in none)
    expect(again).toMatchObject({ days: ['2021-01-21'], reminders: 33, letters: 1 });
    const letters = await t.db
      .selectFrom('reminder_letter')
      .select(['status', 'number', 'issued_on'])
      .execute();
    expect(letters).toEqual([{ status: 'draft', number: null, issued_on: null }]);
  });

  it('prints the configured signer and Nơi nhận; bad letter settings stop the day and lose nothing', async () => {
    const id = demo();
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
      form: 'ubnd-kt',
      signer: { name: 'Trần Văn Chiến' },
      recipients: ['Như trên', 'TT. Tỉnh ủy', 'LĐVP'],
    });
    // 14/01: I.1 is the Office's own task — reminded, but in no letter (§6.1)
    expect(await sweepUpTo(sweepContext(t.db, id), '2021-01-14')).toMatchObject({ reminders: 1, letters: 0 });
    expect(await sweepUpTo(sweepContext(t.db, id), '2021-01-21')).toMatchObject({
      reminders: 33,
      letters: 1,
    });
    const letter = await t.db.selectFrom('reminder_letter').selectAll().executeTakeFirstOrThrow();
    // the sweep leaves the draft unrendered (issue #18); its first download renders and keeps it
    expect(letter.content).toBeNull();
    const office = systemContextFor(t.db, id, { rights: ['reminder.read'] });
    const downloaded = await getLetterForDownload(office, letter.id);
    const kept = await t.db.selectFrom('reminder_letter').select('content').executeTakeFirstOrThrow();
    expect(Buffer.from(kept.content ?? [])).toEqual(downloaded.content);
    expect((await getLetterForDownload(office, letter.id)).content).toEqual(downloaded.content);
    const text = await docxText(downloaded.content);
    expectToContainAll(text, [
      'Số:        /UBND-KSTT',
      'ngày      tháng      năm 2021',
      'Kính gửi:',
      '- Sở Tư pháp;',
      'TM. ỦY BAN NHÂN DÂN',
      'KT. CHỦ TỊCH',
      'Trần Văn Chiến',
      '- TT. Tỉnh ủy;',
      '- Lưu: VT, KSTT.',
    ]);
    expect(text).not.toContain('Kính gửi: Văn phòng UBND tỉnh');
    expect(letter).toMatchObject({ status: 'draft', number: null, issued_on: null, sweep_day: '2021-01-21' });
  });
});
