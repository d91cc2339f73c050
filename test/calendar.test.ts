import { expect, it } from 'vitest';
import { allShippedCalendarDays, shippedCalendarDays } from '../src/domain/holidays.ts';
import { isWorkingDay } from '../src/domain/working-days.ts';
import {
  addCalendarDay,
  listCalendar,
  loadWorkingCalendar,
  removeCalendarDay,
} from '../src/modules/calendar/calendar.service.ts';
import { auditEntries } from './support/audit.ts';
import { systemContextFor } from './support/context.ts';
import { describeEachDatabase } from './support/databases.ts';

/** 2021-02-20 in Tây Ninh: "this year" of the calendar is 2021 */
const NOW = new Date('2021-02-20T10:00:00+07:00');

/** The per-authority working calendar (docs/domain-rules.md §4a): storage, shipped data, edits. */
describeEachDatabase('working calendar storage', (t) => {
  const newAuthority = async (code: string) =>
    (
      await t.db
        .insertInto('authority')
        .values({ code, name: `UBND ${code}` })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const context = (authorityId: number) => systemContextFor(t.db, authorityId, { name: 'cli', now: NOW });

  it('loads the shipped 2020–2030 days on first use, once per authority, and lists a year', async () => {
    const a = await newAuthority('A');
    const b = await newAuthority('B');
    // two first uses at once load the days once
    const [first] = await Promise.all([
      listCalendar(context(a), {}),
      listCalendar(context(a), { year: 2021 }),
    ]);
    expect(first.year).toBe(2021);
    expect(first.announced).toBe(true);
    expect(first.days).toEqual(shippedCalendarDays(2021).map((d) => ({ ...d, source: 'shipped' })));
    const count = async (authorityId: number) =>
      (
        await t.db
          .selectFrom('calendar_day')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('authority_id', '=', authorityId)
          .executeTakeFirstOrThrow()
      ).n;
    expect(Number(await count(a))).toBe(allShippedCalendarDays().length);
    expect(Number(await count(b))).toBe(0); // not used yet
    expect((await listCalendar(context(a), { year: 2026 })).announced).toBe(false);
    expect(await listCalendar(context(a), { year: 2031 })).toEqual({
      year: 2031,
      days: [],
      announced: false,
      dueShift: 'keep',
    });
  });

  it('keeps the Office’s edits: a removed shipped day stays removed, an edited one becomes the Office’s', async () => {
    const a = await newAuthority('A');
    const c = context(a);
    expect(isWorkingDay(await loadWorkingCalendar(t.db, a), '2021-02-16')).toBe(false);

    const removed = await removeCalendarDay(c, '2021-02-16');
    expect(removed).toMatchObject({ date: '2021-02-16', kind: 'day_off', source: 'shipped' });
    const calendar = await loadWorkingCalendar(t.db, a);
    expect(isWorkingDay(calendar, '2021-02-16')).toBe(true);
    expect((await listCalendar(c, { year: 2021 })).days.map((d) => d.date)).not.toContain('2021-02-16');

    await addCalendarDay(c, { date: '2021-02-09', kind: 'day_off', name: 'Nghỉ Tết thêm' });
    await addCalendarDay(c, { date: '2021-02-20', kind: 'working_day', name: 'Làm việc bù' });
    await addCalendarDay(c, { date: '2021-02-10', kind: 'day_off', name: 'Tết Nguyên đán (29 Tết)' });
    const year = (await listCalendar(c, { year: 2021 })).days;
    expect(year.filter((d) => d.date >= '2021-02-09' && d.date <= '2021-02-20')).toEqual([
      { date: '2021-02-09', kind: 'day_off', name: 'Nghỉ Tết thêm', source: 'office' },
      { date: '2021-02-10', kind: 'day_off', name: 'Tết Nguyên đán (29 Tết)', source: 'office' },
      ...['11', '12', '13', '14', '15'].map((d) => ({
        date: `2021-02-${d}`,
        kind: 'day_off',
        name: 'Tết Nguyên đán',
        source: 'shipped',
      })),
      { date: '2021-02-20', kind: 'working_day', name: 'Làm việc bù', source: 'office' },
    ]);
    expect(isWorkingDay(await loadWorkingCalendar(t.db, a), '2021-02-20')).toBe(true);

    // audited, with before and after
    expect((await auditEntries(t.db, 'settings.calendar.remove')).map((e) => [e.actor, e.entity_id])).toEqual(
      [['cli', '2021-02-16']],
    );
    expect((await auditEntries(t.db, 'settings.calendar.add')).map((e) => e.entity_id)).toEqual([
      '2021-02-09',
      '2021-02-20',
    ]);
    const [update] = await auditEntries(t.db, 'settings.calendar.update');
    expect(update?.before).toMatchObject({ name: 'Tết Nguyên đán', source: 'shipped' });
    expect(update?.after).toMatchObject({ name: 'Tết Nguyên đán (29 Tết)', source: 'office' });
  });

  it('refuses a weekday as a working day and the removal of a day not in the calendar, changing nothing', async () => {
    const a = await newAuthority('A');
    const c = context(a);
    await expect(
      addCalendarDay(c, { date: '2021-02-17', kind: 'working_day', name: 'x' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('17/02/2021 là ngày thường'),
    });
    await expect(removeCalendarDay(c, '2021-02-17')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Lịch làm việc không có ngày 17/02/2021.',
    });
    expect(await auditEntries(t.db, 'settings.calendar.add')).toEqual([]);
    // the authority's calendar is its own
    const b = await newAuthority('B');
    await removeCalendarDay(c, '2021-02-12');
    expect(isWorkingDay(await loadWorkingCalendar(t.db, b), '2021-02-12')).toBe(false);
  });

  it('is refused to a system actor without the rights: reading needs reminder.read, editing reminder.issue', async () => {
    const a = await newAuthority('A');
    const reader = systemContextFor(t.db, a, { rights: ['reminder.read'], now: NOW });
    expect((await listCalendar(reader, { year: 2025 })).days.length).toBeGreaterThan(0);
    await expect(
      addCalendarDay(reader, { date: '2025-12-24', kind: 'day_off', name: 'x' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(removeCalendarDay(reader, '2025-01-01')).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
