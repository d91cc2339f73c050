import { daysBetween, type LocalDate } from './dates.ts';

/**
 * Trạng thái nhiệm vụ — the Government Office's 2×2 classification (docs/domain-rules.md §5), plus
 * `ongoing` (thường xuyên, no due date) and `cancelled` (withdrawn by leadership).
 */
export const ASSIGNMENT_STATES = [
  'done_on_time',
  'done_late',
  'open_on_time',
  'open_overdue',
  'ongoing',
  'cancelled',
] as const;
export type AssignmentState = (typeof ASSIGNMENT_STATES)[number];

export const STATE_LABELS: Record<AssignmentState, string> = {
  done_on_time: 'Đã hoàn thành – đúng hạn',
  done_late: 'Đã hoàn thành – quá hạn',
  open_on_time: 'Chưa hoàn thành – trong hạn',
  open_overdue: 'Chưa hoàn thành – quá hạn',
  ongoing: 'Thường xuyên',
  cancelled: 'Đã hủy',
};

/** What the state of one assignment (one occurrence) depends on. */
export interface AssignmentFacts {
  /** Effective due date (after extensions approved in time); null for an ongoing task. */
  dueOn: LocalDate | null;
  /** Submission date of the earliest accepted result; null if none accepted. */
  doneOn: LocalDate | null;
  /** Date leadership withdrew the assignment; null if never. */
  cancelledOn: LocalDate | null;
}

/**
 * The state as of the end of `asOf` (a calendar day in the authority's time zone): a task due
 * 2021-01-20 is still on time all of 20/01 and overdue from 21/01.
 */
export function assignmentStateAsOf(facts: AssignmentFacts, asOf: LocalDate): AssignmentState {
  if (facts.cancelledOn !== null && facts.cancelledOn <= asOf) return 'cancelled';
  if (facts.doneOn !== null && facts.doneOn <= asOf) {
    if (facts.dueOn === null || facts.doneOn <= facts.dueOn) return 'done_on_time';
    return 'done_late';
  }
  if (facts.dueOn === null) return 'ongoing';
  return facts.dueOn < asOf ? 'open_overdue' : 'open_on_time';
}

/** Đến hạn — due on or before `asOf` (and neither ongoing nor cancelled). */
export function isDueBy(facts: AssignmentFacts, asOf: LocalDate): boolean {
  if (facts.cancelledOn !== null && facts.cancelledOn <= asOf) return false;
  return facts.dueOn !== null && facts.dueOn <= asOf;
}

/**
 * Tỷ lệ đúng hạn — done on time among the items due by `asOf`; null when nothing is due yet.
 * Items finished early but not yet due are left out of both sides so the rate never exceeds 1.
 */
export function onTimeRate(items: AssignmentFacts[], asOf: LocalDate): number | null {
  let due = 0;
  let onTime = 0;
  for (const item of items) {
    if (!isDueBy(item, asOf)) continue;
    due++;
    if (assignmentStateAsOf(item, asOf) === 'done_on_time') onTime++;
  }
  return due === 0 ? null : onTime / due;
}

export const AGEING_BUCKETS = ['d0_30', 'd31_90', 'd91_120', 'd120_plus'] as const;
export type AgeingBucket = (typeof AGEING_BUCKETS)[number];
export const AGEING_LABELS: Record<AgeingBucket, string> = {
  d0_30: 'Đến 30 ngày',
  d31_90: 'Từ 31 đến 90 ngày',
  d91_120: 'Từ 91 đến 120 ngày',
  d120_plus: 'Trên 120 ngày',
};

/** Số ngày quá hạn — whole days past the due date as of `asOf` (0 if not overdue). */
export function daysOverdue(dueOn: LocalDate, asOf: LocalDate): number {
  return Math.max(0, daysBetween(dueOn, asOf));
}

export function ageingBucket(days: number): AgeingBucket {
  if (days <= 30) return 'd0_30';
  if (days <= 90) return 'd31_90';
  if (days <= 120) return 'd91_120';
  return 'd120_plus';
}

/** Counts of each state, the shape every statistic of §5 reports. */
export type StateCounts = Record<AssignmentState, number>;

export function emptyStateCounts(): StateCounts {
  return { done_on_time: 0, done_late: 0, open_on_time: 0, open_overdue: 0, ongoing: 0, cancelled: 0 };
}
