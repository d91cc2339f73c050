import { expect, it } from 'vitest';
import type { LocalDate } from '../src/domain/dates.ts';
import { isWorkingDay } from '../src/domain/working-days.ts';
import { loadWorkingCalendar } from '../src/modules/calendar/calendar.service.ts';
import { sweepUpTo } from '../src/modules/followup/sweep.service.ts';
import { describeOnFastestDatabase } from './support/databases.ts';
import { followupCounts, sweepContext, sweepEveryDay } from './support/followup.ts';
import { serverZoneUtc, sharedFollowupDemo } from './support/sweep-suite.ts';

serverZoneUtc();

/**
 * Nothing is sent on a non-working day (docs/domain-rules.md §11, issue #14 §1): the sweep of a day off
 * records its reminders (dated by their due event, §6) and drafts their letters, and the next working
 * day tells what the days off left — one digest, dated the working day. Over plan 87/KH-UBND with the
 * shipped 2021 calendar: the weekend of 23–24/01, I.2 due Sunday 31/01, Tết 10–16/02.
 */
describeOnFastestDatabase('the sweep on working days only', (t) => {
  const demo = sharedFollowupDemo(t);

  /** The notifications created since `afterId`, as `business key | title`. */
  const notificationsSince = async (afterId: number) =>
    t.db
      .selectFrom('notification as n')
      .innerJoin('app_user as u', 'u.id', 'n.user_id')
      .select(['n.id', 'n.kind', 'n.business_key', 'n.title', 'n.body', 'u.username'])
      .where('n.id', '>', afterId)
      .orderBy('n.id')
      .execute();
  const lastNotificationId = async () =>
    Number(
      (
        await t.db
          .selectFrom('notification')
          .select((eb) => eb.fn.max('id').as('id'))
          .executeTakeFirst()
      )?.id ?? 0,
    );
  /** The sweep day a daily message's business key names (digest:D:…, mail:kind:D:…, reminder:internal:D:…). */
  const dayOfKey = (key: string) => /:(\d{4}-\d{2}-\d{2}):u\d+$/.exec(key)?.[1] as LocalDate | undefined;

  it('a weekend: nothing told on 23–24/01 or 30–31/01; Monday’s digest covers the weekend; I.2’s notices (due Sunday 31/01) on working days', async () => {
    const id = demo();
    const calendar = await loadWorkingCalendar(t.db, id);
    await sweepUpTo(sweepContext(t.db, id), '2021-01-22');
    const from = await lastNotificationId();
    await sweepEveryDay(t.db, id, '2021-01-23', '2021-02-01');
    const created = await notificationsSince(from);
    // every daily message is dated on a working day (the notices' days are checked below)
    const dated = created.filter((n) => n.kind !== 'notice' && !n.business_key.startsWith('reminder:l'));
    expect(dated.length).toBeGreaterThan(0);
    for (const n of dated) expect(isWorkingDay(calendar, dayOfKey(n.business_key) as LocalDate)).toBe(true);
    const stp = created.filter((n) => n.username === 'stp');
    expect(stp.filter((n) => n.kind === 'digest').map((n) => dayOfKey(n.business_key))).toEqual([
      '2021-01-25',
      '2021-01-26',
      '2021-01-27',
      '2021-01-28',
      '2021-01-29',
      '2021-02-01',
    ]);
    const monday = stp.find((n) => n.business_key.startsWith('digest:2021-01-25'));
    expect(monday?.title).toBe('Sở Tư pháp: 2 nhiệm vụ quá hạn đến ngày 25/01/2021');
    expect(monday?.body).toContain('(tổng hợp từ ngày 23/01/2021 đến ngày 25/01/2021)');
    // I.2, due Sunday 31/01: its 7-day notice (Sunday 24/01) on Monday, the 3-day one on Thursday 28/01,
    // the 1- and 0-day ones (Saturday, Sunday) on Friday 29/01, before the deadline
    expect(stp.filter((n) => n.kind === 'notice').map((n) => n.title)).toEqual([
      'Còn 6 ngày đến hạn: nhiệm vụ I.2 (87/KH-UBND)',
      'Còn 3 ngày đến hạn: nhiệm vụ I.2 (87/KH-UBND)',
      'Còn 2 ngày đến hạn: nhiệm vụ I.2 (87/KH-UBND)',
    ]);
    // the e-mails: one per recipient, kind and working day
    const mails = await t.db.selectFrom('outbox_message').select('business_key').execute();
    for (const m of mails) expect(isWorkingDay(calendar, dayOfKey(m.business_key) as LocalDate)).toBe(true);
    expect(mails.filter((m) => m.business_key.startsWith('mail:digest:2021-01-2'))).not.toEqual([]);
  });

  it('Tết 10–16/02 caught up in one late run by two processes at once: the reminders of the days off recorded on them, one digest per user on 17/02, nothing twice', async () => {
    const id = demo();
    const calendar = await loadWorkingCalendar(t.db, id);
    await sweepUpTo(sweepContext(t.db, id), '2021-02-09');
    const from = await lastNotificationId();
    // the scheduler was down over Tết; two app processes catch up on Wednesday 17/02
    await Promise.all([
      sweepUpTo(sweepContext(t.db, id), '2021-02-17'),
      sweepUpTo(sweepContext(t.db, id), '2021-02-17'),
    ]);
    const created = await notificationsSince(from);
    // every daily message (digests, overdue lists, the Office's own) is dated 17/02
    const days = new Set(created.flatMap((n) => dayOfKey(n.business_key) ?? []));
    expect(days).toEqual(new Set(['2021-02-17']));
    // one digest per user of each agency with overdue items, dated 17/02, covering the days off
    const digests = created.filter((n) => n.kind === 'digest');
    expect(digests.length).toBeGreaterThan(0);
    expect(new Set(digests.map((n) => n.username)).size).toBe(digests.length);
    for (const n of digests) {
      expect(n.business_key).toMatch(/^digest:2021-02-17:u\d+$/);
      expect(n.body).toContain('(tổng hợp từ ngày 10/02/2021 đến ngày 17/02/2021)');
    }
    // I.12 and I.13 of the Office (due 10/02 and 12/02): reminded 11/02 and 13/02, days off (§6: the
    // reminder's date is its due event), told inside dondoc on 17/02 (the Office does not write to itself)
    const reminders = await t.db
      .selectFrom('written_reminder as w')
      .innerJoin('assignment as a', 'a.id', 'w.assignment_id')
      .innerJoin('task as k', 'k.id', 'a.task_id')
      .select(['k.ref', 'w.reminded_on', 'w.recorded_on'])
      .where('w.reminded_on', '>', '2021-02-09')
      .orderBy('k.ref')
      .execute();
    expect(reminders).toEqual([
      { ref: 'I.12', reminded_on: '2021-02-11', recorded_on: '2021-02-11' },
      { ref: 'I.13', reminded_on: '2021-02-13', recorded_on: '2021-02-13' },
    ]);
    const internal = created.filter((n) => n.username === 'vp' && n.kind === 'reminder');
    expect(internal.map((n) => n.business_key.replace(/u\d+$/, 'u'))).toEqual([
      'reminder:internal:2021-02-17:u',
    ]);
    expect(internal[0]?.title).toBe(
      '2 nhiệm vụ của Văn phòng quá hạn ngày 17/02/2021 (theo dõi nội bộ, không gửi công văn)',
    );
    expect(internal[0]?.body).toMatch(/Nhiệm vụ I\.12 [^\n]*\n- Nhiệm vụ I\.13 /);
    // one digest e-mail per address, dated 17/02
    const digestMails = await t.db
      .selectFrom('outbox_message')
      .select(['business_key', 'to_address', 'subject'])
      .where('kind', '=', 'digest')
      .where('business_key', '>=', 'mail:digest:2021-02-10')
      .execute();
    expect(digestMails.map((m) => dayOfKey(m.business_key))).toEqual(digestMails.map(() => '2021-02-17'));
    expect(new Set(digestMails.map((m) => m.to_address)).size).toBe(digestMails.length);
    for (const m of digestMails)
      expect(isWorkingDay(calendar, dayOfKey(m.business_key) as LocalDate)).toBe(true);

    // again, and again with the record of swept days erased: the business keys alone add nothing
    const before = await followupCounts(t.db);
    expect((await sweepUpTo(sweepContext(t.db, id), '2021-02-17')).days).toEqual([]);
    await t.db.deleteFrom('sweep_day').where('day', '>', '2021-02-09').execute();
    expect(await sweepUpTo(sweepContext(t.db, id), '2021-02-17')).toMatchObject({
      reminders: 0,
      notifications: 0,
      emails: 0,
    });
    expect(await followupCounts(t.db)).toEqual(before);
  });
});
