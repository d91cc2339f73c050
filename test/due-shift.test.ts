import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { addDays } from '../src/domain/dates.ts';
import { effectiveDueOn, nextWorkingDay } from '../src/domain/working-days.ts';
import {
  addCalendarDay,
  loadWorkingCalendar,
  removeCalendarDay,
  setDueShift,
} from '../src/modules/calendar/calendar.service.ts';
import { loadDemo } from '../src/modules/demo/demo.service.ts';
import { sweepUpTo } from '../src/modules/followup/sweep.service.ts';
import { getStatus, listWrittenReminders } from '../src/modules/status/status.service.ts';
import { auditEntries } from './support/audit.ts';
import { systemContextFor } from './support/context.ts';
import { describeEachDatabase } from './support/databases.ts';
import { sweepContext } from './support/followup.ts';

/**
 * A deadline on a non-working day (docs/domain-rules.md §4a, "Hạn rơi vào ngày nghỉ"; §6, the seed
 * check): kept, or moved to the next working day — the trigger of migration 2026-12-07T1500-due-shift.
 */
describeEachDatabase('deadline on a non-working day', (t) => {
  const context = () => systemContextFor(t.db, 1);
  /** The distinct (task, stated, judged) due dates of the seed whose two dates differ. */
  const movedDues = () =>
    t.db
      .selectFrom('assignment as a')
      .innerJoin('task as t', 't.id', 'a.task_id')
      .select(['t.ref', 'a.stated_due_on', 'a.current_due_on'])
      .where(({ eb, ref }) => eb('a.stated_due_on', '<>', ref('a.current_due_on')))
      .distinct()
      .orderBy('a.stated_due_on')
      .execute();
  const overdueAsOf = async (asOf: string) => {
    const status = await getStatus(context(), { asOf });
    return {
      total: status.totals.open_overdue,
      reminders: status.totals.reminders,
      vp: status.agencies.find((a) => a.code === 'VP')?.open_overdue,
    };
  };

  it('moves I.2 (Sunday 31/01) to 01/02 and I.12/I.13 (Tết) to 17/02 in the seed; off restores 68/111', async () => {
    await loadDemo(t.db);
    expect(await movedDues()).toEqual([]);
    expect(await overdueAsOf('2021-02-15')).toEqual({ total: 68, reminders: 68, vp: 8 });

    const on = await setDueShift(context(), 'next_working_day');
    // I.2, I.12, I.13: their leads and supports
    expect(on).toEqual({ dueShift: 'next_working_day', moved: 87 });
    expect(await movedDues()).toEqual([
      { ref: 'I.2', stated_due_on: '2021-01-31', current_due_on: '2021-02-01' },
      { ref: 'I.12', stated_due_on: '2021-02-10', current_due_on: '2021-02-17' },
      { ref: 'I.13', stated_due_on: '2021-02-12', current_due_on: '2021-02-17' },
    ]);
    // I.2 is still overdue on 15/02; VP's I.12 and I.13 are not yet
    expect(await overdueAsOf('2021-02-15')).toEqual({ total: 66, reminders: 66, vp: 6 });
    expect((await listWrittenReminders(context(), { asOf: '2021-12-31' })).reminders).toHaveLength(111);

    expect(await setDueShift(context(), 'keep')).toEqual({ dueShift: 'keep', moved: 87 });
    expect(await movedDues()).toEqual([]);
    expect(await overdueAsOf('2021-02-15')).toEqual({ total: 68, reminders: 68, vp: 8 });
    expect((await listWrittenReminders(context(), { asOf: '2021-12-31' })).reminders).toHaveLength(111);
    const audit = await auditEntries(t.db, 'settings.calendar.due_shift');
    expect(audit.map((e) => e.after)).toEqual([
      { dueShift: 'next_working_day', moved: 87 },
      { dueShift: 'keep', moved: 87 },
    ]);
  });

  it('writes no reminder before the moved date: each one the working day after it', async () => {
    await loadDemo(t.db);
    await setDueShift(context(), 'next_working_day');
    const reminders = (await listWrittenReminders(context(), { asOf: '2021-12-31' })).reminders;
    for (const r of reminders) expect(r.remindedOn > r.dueOn).toBe(true);
    expect(
      reminders.filter((r) => r.agency === 'VP' && r.task !== 'I.1').map((r) => [r.task, r.dueOn]),
    ).toEqual(
      expect.arrayContaining([
        ['I.2', '2021-02-01'],
        ['I.12', '2021-02-17'],
        ['I.13', '2021-02-17'],
      ]),
    );
    const by15 = (await listWrittenReminders(context(), { asOf: '2021-02-15' })).reminders;
    expect(by15.some((r) => r.task === 'I.12' || r.task === 'I.13')).toBe(false);
    expect(by15.filter((r) => r.task === 'I.2').every((r) => r.remindedOn === '2021-02-02')).toBe(true);
  });

  it('the sweep records no reminder before the moved date', async () => {
    await loadDemo(t.db);
    await setDueShift(context(), 'next_working_day');
    await sweepUpTo(sweepContext(t.db, 1), '2021-02-15');
    const recorded = await t.db
      .selectFrom('written_reminder as w')
      .innerJoin('assignment as a', 'a.id', 'w.assignment_id')
      .innerJoin('task as t', 't.id', 'a.task_id')
      .select(['t.ref', 'w.due_on', 'w.reminded_on', 'a.current_due_on'])
      .where('w.withdrawn_at', 'is', null)
      .execute();
    expect(recorded).toHaveLength(66);
    for (const r of recorded)
      expect([r.due_on, r.current_due_on !== null && r.reminded_on > r.current_due_on]).toEqual([
        r.current_due_on,
        true,
      ]);
    expect(recorded.some((r) => r.ref === 'I.12' || r.ref === 'I.13')).toBe(false);
    expect(new Set(recorded.filter((r) => r.ref === 'I.2').map((r) => r.reminded_on))).toEqual(
      new Set(['2021-02-02']),
    );
  });

  it('moves what writers write later, and follows the calendar’s edits', async () => {
    await loadDemo(t.db);
    await setDueShift(context(), 'next_working_day');
    const i2 = () =>
      t.db
        .selectFrom('assignment as a')
        .innerJoin('task as t', 't.id', 'a.task_id')
        .innerJoin('agency as g', 'g.id', 'a.agency_id')
        .select(['a.id', 'a.stated_due_on', 'a.current_due_on'])
        .where('t.ref', '=', 'I.2')
        .where('g.code', '=', 'VP')
        .executeTakeFirstOrThrow();
    // a copy of the whole row keeps its stated date, not the moved one
    const { rows: copied } = await sql<{ stated_due_on: string; current_due_on: string }>`
      insert into assignment (authority_id, task_id, agency_id, role, occurrence, opens_on,
                              original_due_on, current_due_on, stated_due_on)
      select authority_id, task_id, agency_id, role, 99, opens_on, original_due_on, current_due_on, stated_due_on
      from assignment where id = ${(await i2()).id}
      returning stated_due_on::text, current_due_on::text`.execute(t.db);
    expect(copied).toEqual([{ stated_due_on: '2021-01-31', current_due_on: '2021-02-01' }]);
    await t.db.deleteFrom('assignment').where('occurrence', '=', 99).execute();
    // a Monday made a day off moves I.2 on to Tuesday; removing it moves it back
    await addCalendarDay(context(), { date: '2021-02-01', kind: 'day_off', name: 'Nghỉ thử' });
    expect(await i2()).toMatchObject({ stated_due_on: '2021-01-31', current_due_on: '2021-02-02' });
    await removeCalendarDay(context(), '2021-02-01');
    expect(await i2()).toMatchObject({ stated_due_on: '2021-01-31', current_due_on: '2021-02-01' });
    // a writer (an extension) writes current_due_on: that is the stated date, moved off Saturday 06/03
    const { id } = await i2();
    await t.db.updateTable('assignment').set({ current_due_on: '2021-03-06' }).where('id', '=', id).execute();
    expect(await i2()).toMatchObject({ stated_due_on: '2021-03-06', current_due_on: '2021-03-08' });
    // …even one that writes the date it reads (the moved one)
    await t.db.updateTable('assignment').set({ current_due_on: '2021-03-08' }).where('id', '=', id).execute();
    expect(await i2()).toMatchObject({ stated_due_on: '2021-03-08', current_due_on: '2021-03-08' });
  });

  it('the database’s next_working_day is nextWorkingDay of the authority’s calendar, over random dates', async () => {
    await loadDemo(t.db);
    await addCalendarDay(context(), { date: '2024-06-15', kind: 'working_day', name: 'Làm bù thử' });
    const calendar = await loadWorkingCalendar(t.db, 1);
    let seed = 20210215;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const dates = Array.from({ length: 300 }, () => addDays('2020-01-01', Math.floor(random() * 4400)));
    dates.push('2021-02-10', '2021-01-31', '2024-06-15', '2024-06-16');
    const { rows } = await sql<{ d: string; next: string }>`
      select d::text as d, next_working_day(1, d)::text as next
      from unnest(${dates}::date[]) as d`.execute(t.db);
    expect(rows.map((r) => r.next)).toEqual(dates.map((d) => nextWorkingDay(calendar, d)));
    expect(dates.map((d) => effectiveDueOn(calendar, d, 'keep'))).toEqual(dates);
    expect(effectiveDueOn(calendar, '2021-02-12', 'next_working_day')).toBe('2021-02-17');
  });
});
