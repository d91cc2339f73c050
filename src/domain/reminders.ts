import { addDays, dateParts, type LocalDate } from './dates.ts';

/**
 * Nhắc nhở bằng văn bản — the seed plan's rule (docs/domain-rules.md §6): a lead assignment (one occurrence)
 * whose due date passed without an accepted result received by then counts as exactly one written
 * reminder, dated the day after the due date and belonging to the due date's year. A late result
 * does not erase it; an extension approved before the deadline moves the due date and so prevents it;
 * an assignment cancelled on or before its due date incurs none. A plan followed from a later date
 * (`followupFrom`, issue #14 §4) is judged from that date: see `followupDueOn`.
 */
export interface ReminderFacts {
  role: 'lead' | 'support';
  /** Effective due date (see `effectiveDueOn`). */
  dueOn: LocalDate | null;
  /** Submission date of the earliest accepted result. */
  doneOn: LocalDate | null;
  cancelledOn: LocalDate | null;
  /** Theo dõi từ ngày of the assignment's plan (`plan.followup_from`); null or absent: none. */
  followupFrom?: LocalDate | null | undefined;
}

export interface WrittenReminderDue {
  /** the assignment's due date */
  dueOn: LocalDate;
  /** the date it is judged by: the due date, or the plan's follow-up start when that is later (`followupDueOn`) */
  countedDueOn: LocalDate;
  /** the day after the date it is judged by */
  remindedOn: LocalDate;
  /** the year of the date it is judged by — the year it is scored in */
  year: number;
}

/**
 * Theo dõi từ ngày (docs/domain-rules.md §6, issue #14 §4): the date an assignment is followed up
 * against — its due date, or the plan's follow-up start when the due date is earlier. A plan
 * registered after its deadlines passed gives its agencies until the follow-up start; no reminder,
 * score or day late counts a day before it. Without a follow-up start (every plan before the
 * setting), the due date itself.
 */
export function followupDueOn(dueOn: LocalDate, followupFrom: LocalDate | null | undefined): LocalDate;
export function followupDueOn(
  dueOn: LocalDate | null,
  followupFrom: LocalDate | null | undefined,
): LocalDate | null;
export function followupDueOn(dueOn: LocalDate | null, followupFrom: LocalDate | null | undefined) {
  if (dueOn === null || !followupFrom) return dueOn;
  return dueOn < followupFrom ? followupFrom : dueOn;
}

/** The reminder an assignment incurs once its due date has passed, or null if it never does. */
export function writtenReminderFor(facts: ReminderFacts): WrittenReminderDue | null {
  if (facts.role !== 'lead' || facts.dueOn === null) return null;
  const counted = followupDueOn(facts.dueOn, facts.followupFrom);
  if (facts.cancelledOn !== null && facts.cancelledOn <= counted) return null;
  if (facts.doneOn !== null && facts.doneOn <= counted) return null;
  return {
    dueOn: facts.dueOn,
    countedDueOn: counted,
    remindedOn: addDays(counted, 1),
    year: dateParts(counted).year,
  };
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
