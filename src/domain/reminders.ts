import { addDays, dateParts, type LocalDate } from './dates.ts';

/**
 * Nhắc nhở bằng văn bản — the seed plan's rule (docs/domain-rules.md §6): a lead assignment (one occurrence)
 * whose due date passed without an accepted result received by then counts as exactly one written
 * reminder, dated the day after the due date and belonging to the due date's year. A late result
 * does not erase it; an extension approved before the deadline moves the due date and so prevents it;
 * an assignment cancelled on or before its due date incurs none.
 */
export interface ReminderFacts {
  role: 'lead' | 'support';
  /** Effective due date (see `effectiveDueOn`). */
  dueOn: LocalDate | null;
  /** Submission date of the earliest accepted result. */
  doneOn: LocalDate | null;
  cancelledOn: LocalDate | null;
}

export interface WrittenReminderDue {
  dueOn: LocalDate;
  /** the day after the due date */
  remindedOn: LocalDate;
  year: number;
}

/** The reminder an assignment incurs once its due date has passed, or null if it never does. */
export function writtenReminderFor(facts: ReminderFacts): WrittenReminderDue | null {
  if (facts.role !== 'lead' || facts.dueOn === null) return null;
  if (facts.cancelledOn !== null && facts.cancelledOn <= facts.dueOn) return null;
  if (facts.doneOn !== null && facts.doneOn <= facts.dueOn) return null;
  return { dueOn: facts.dueOn, remindedOn: addDays(facts.dueOn, 1), year: dateParts(facts.dueOn).year };
}

/** The reminder incurred by the end of `asOf`, or null. */
export function writtenReminderAsOf(facts: ReminderFacts, asOf: LocalDate): WrittenReminderDue | null {
  const reminder = writtenReminderFor(facts);
  return reminder !== null && reminder.remindedOn <= asOf ? reminder : null;
}

/** Gia hạn — an extension decision as the due-date rule needs it. */
export interface ExtensionDecision {
  status: 'pending' | 'approved' | 'rejected';
  decidedOn: LocalDate | null;
  newDueOn: LocalDate;
}

/**
 * The due date after extensions: an approved extension replaces the due date only when it was
 * decided on or before the due date it replaces; later approvals do not undo a passed deadline.
 */
export function effectiveDueOn(
  originalDueOn: LocalDate | null,
  extensions: ExtensionDecision[],
): LocalDate | null {
  if (originalDueOn === null) return null;
  const approved = extensions
    .filter((e) => e.status === 'approved' && e.decidedOn !== null)
    .sort((a, b) => (a.decidedOn as string).localeCompare(b.decidedOn as string));
  let due = originalDueOn;
  for (const extension of approved) {
    if ((extension.decidedOn as string) <= due) due = extension.newDueOn;
  }
  return due;
}
