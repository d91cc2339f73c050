import { describe, expect, it } from 'vitest';
import {
  effectiveDueOn,
  followupDueOn,
  type ReminderFacts,
  writtenReminderAsOf,
  writtenReminderFor,
} from './reminders.ts';

const lead = (over: Partial<ReminderFacts> = {}): ReminderFacts => ({
  role: 'lead',
  dueOn: '2021-01-20',
  doneOn: null,
  cancelledOn: null,
  ...over,
});

describe('writtenReminderFor', () => {
  it('dates the reminder the day after the due date, in the due date’s year', () => {
    expect(writtenReminderFor(lead())).toEqual({
      dueOn: '2021-01-20',
      countedDueOn: '2021-01-20',
      remindedOn: '2021-01-21',
      year: 2021,
    });
    expect(writtenReminderFor(lead({ dueOn: '2021-12-31' }))).toEqual({
      dueOn: '2021-12-31',
      countedDueOn: '2021-12-31',
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

describe('a plan followed from a later date (theo dõi từ ngày, §6, issue #14 §4)', () => {
  const old = (over: Partial<ReminderFacts> = {}) => lead({ followupFrom: '2026-12-08', ...over });

  it('judges a deadline passed before the follow-up start as due on it: reminded the day after, in its year', () => {
    expect(followupDueOn('2021-01-20', '2026-12-08')).toBe('2026-12-08');
    expect(writtenReminderFor(old())).toEqual({
      dueOn: '2021-01-20',
      countedDueOn: '2026-12-08',
      remindedOn: '2026-12-09',
      year: 2026,
    });
    expect(writtenReminderAsOf(old(), '2021-12-31')).toBeNull();
    expect(writtenReminderAsOf(old(), '2026-12-08')).toBeNull();
    expect(writtenReminderAsOf(old(), '2026-12-09')?.remindedOn).toBe('2026-12-09');
  });

  it('counts no reminder for work done or withdrawn by the follow-up start, however late', () => {
    expect(writtenReminderFor(old({ doneOn: '2022-06-30' }))).toBeNull();
    expect(writtenReminderFor(old({ doneOn: '2026-12-08' }))).toBeNull();
    expect(writtenReminderFor(old({ cancelledOn: '2023-01-01' }))).toBeNull();
    expect(writtenReminderFor(old({ doneOn: '2026-12-10' }))?.remindedOn).toBe('2026-12-09');
  });

  it('leaves deadlines on or after the follow-up start, ongoing tasks and plans without one as they were', () => {
    expect(writtenReminderFor(old({ dueOn: '2027-03-31' }))?.remindedOn).toBe('2027-04-01');
    expect(writtenReminderFor(old({ dueOn: '2026-12-08' }))?.remindedOn).toBe('2026-12-09');
    expect(writtenReminderFor(old({ dueOn: null }))).toBeNull();
    expect(followupDueOn(null, '2026-12-08')).toBeNull();
    expect(writtenReminderFor(lead({ followupFrom: null }))).toEqual(writtenReminderFor(lead()));
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
