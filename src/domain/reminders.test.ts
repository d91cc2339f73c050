import { describe, expect, it } from 'vitest';
import { effectiveDueOn, type ReminderFacts, writtenReminderAsOf, writtenReminderFor } from './reminders.ts';

const lead = (over: Partial<ReminderFacts> = {}): ReminderFacts => ({
  role: 'lead',
  dueOn: '2021-01-20',
  doneOn: null,
  cancelledOn: null,
  ...over,
});

describe('writtenReminderFor', () => {
  it('dates the reminder the day after the due date, in the due date’s year', () => {
    expect(writtenReminderFor(lead())).toEqual({ dueOn: '2021-01-20', remindedOn: '2021-01-21', year: 2021 });
    expect(writtenReminderFor(lead({ dueOn: '2021-12-31' }))).toEqual({
      dueOn: '2021-12-31',
      remindedOn: '2022-01-01',
      year: 2021,
    });
  });

  it('is prevented by an accepted result received by the due date (task I.3, 19/01)', () => {
    expect(writtenReminderFor(lead({ doneOn: '2021-01-19' }))).toBeNull();
    expect(writtenReminderFor(lead({ doneOn: '2021-01-20' }))).toBeNull();
  });

  it('stays when the result comes late (task I.3, 25/01)', () => {
    expect(writtenReminderFor(lead({ doneOn: '2021-01-25' }))?.remindedOn).toBe('2021-01-21');
  });

  it('is never incurred by a coordinating agency, an ongoing task, or a task cancelled in time', () => {
    expect(writtenReminderFor(lead({ role: 'support' }))).toBeNull();
    expect(writtenReminderFor(lead({ dueOn: null }))).toBeNull();
    expect(writtenReminderFor(lead({ cancelledOn: '2021-01-20' }))).toBeNull();
    expect(writtenReminderFor(lead({ cancelledOn: '2021-01-22' }))).not.toBeNull();
  });
});

describe('writtenReminderAsOf', () => {
  it('exists from the day after the due date', () => {
    expect(writtenReminderAsOf(lead(), '2021-01-20')).toBeNull();
    expect(writtenReminderAsOf(lead(), '2021-01-21')).not.toBeNull();
  });

  it('counts one reminder per occurrence of a recurring task', () => {
    const occurrences = ['2021-12-15', '2022-12-15', '2023-12-15'].map((dueOn) => lead({ dueOn }));
    const asOf = '2023-01-01';
    const reminders = occurrences.map((o) => writtenReminderAsOf(o, asOf)).filter((r) => r !== null);
    expect(reminders.map((r) => r.year)).toEqual([2021, 2022]);
  });
});

describe('effectiveDueOn', () => {
  it('moves the due date for an extension approved before the deadline', () => {
    const due = effectiveDueOn('2021-01-20', [
      { status: 'approved', decidedOn: '2021-01-18', newDueOn: '2021-01-31' },
    ]);
    expect(due).toBe('2021-01-31');
    expect(writtenReminderAsOf(lead({ dueOn: due }), '2021-02-15')?.dueOn).toBe('2021-01-31');
    expect(writtenReminderFor(lead({ dueOn: due, doneOn: '2021-01-28' }))).toBeNull();
  });

  it('ignores late, pending and rejected extensions', () => {
    expect(
      effectiveDueOn('2021-01-20', [
        { status: 'approved', decidedOn: '2021-01-21', newDueOn: '2021-01-31' },
        { status: 'pending', decidedOn: null, newDueOn: '2021-02-28' },
        { status: 'rejected', decidedOn: '2021-01-10', newDueOn: '2021-03-31' },
      ]),
    ).toBe('2021-01-20');
  });

  it('chains successive extensions each approved in time', () => {
    expect(
      effectiveDueOn('2021-01-20', [
        { status: 'approved', decidedOn: '2021-01-30', newDueOn: '2021-02-28' },
        { status: 'approved', decidedOn: '2021-01-15', newDueOn: '2021-01-31' },
      ]),
    ).toBe('2021-02-28');
  });
});
