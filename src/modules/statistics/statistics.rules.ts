import type { LocalDate } from '../../domain/dates.ts';
import { followupDueOn, writtenReminderAsOf } from '../../domain/reminders.ts';
import {
  type AssignmentFacts,
  ageingBucket,
  assignmentStateAsOf,
  daysOverdue,
  isDueBy,
} from '../../domain/state.ts';
import { STAT_KEYS } from '../../shared/schemas/statistics.ts';

// the figures' keys are the API's contract (shared/schemas/statistics.ts); re-exported for the rules' callers
export { STAT_KEYS };
export type StatKey = (typeof STAT_KEYS)[number];
export type StatCounts = Record<StatKey, number>;

/** What one lead assignment's figures depend on; `n`: how many assignments share these facts (default 1). */
export interface StatFacts extends AssignmentFacts {
  role: 'lead' | 'support';
  /** theo dõi từ ngày of the plan: reminders and days overdue never count a day before it (§6) */
  followupFrom?: LocalDate | null | undefined;
  n?: number;
  /** false: its written reminder is not counted — the Office's own, `officeRemindersCount` off (docs/domain-rules.md §6.1) */
  remindersCounted?: boolean;
}

/**
 * Kỳ báo cáo — only assignments whose current due date falls in [from, to] (either end optional), or,
 * with `scope: 'in_force'`, every assignment in force in the period (`inForce`).
 */
export interface Period {
  from?: LocalDate | undefined;
  to?: LocalDate | undefined;
  scope?: PeriodScope | undefined;
}

/** 'due': due in the period (the default); 'in_force': assigned in it, due in it, or open (docs/domain-rules.md §8). */
export type PeriodScope = 'due' | 'in_force';

export function emptyStatCounts(): StatCounts {
  return Object.fromEntries(STAT_KEYS.map((key) => [key, 0])) as StatCounts;
}

/** The figures one assignment counts toward as of `asOf`. */
export function statKeysOf(facts: StatFacts, asOf: LocalDate): StatKey[] {
  const state = assignmentStateAsOf(facts, asOf);
  const keys: StatKey[] = ['total', state];
  if (isDueBy(facts, asOf)) {
    keys.push('due');
    if (state === 'done_on_time') keys.push('due_on_time');
  }
  if (facts.remindersCounted !== false && writtenReminderAsOf(facts, asOf)) keys.push('reminders');
  if (state === 'open_overdue' && facts.dueOn !== null)
    keys.push(ageingBucket(daysOverdue(followupDueOn(facts.dueOn, facts.followupFrom), asOf)));
  return keys;
}

/** Whether an assignment belongs to a reporting period; without a period, every one does. */
export function inPeriod(dueOn: LocalDate | null, period: Period): boolean {
  if (period.from === undefined && period.to === undefined) return true;
  if (dueOn === null) return false;
  return (
    (period.from === undefined || dueOn >= period.from) && (period.to === undefined || dueOn <= period.to)
  );
}

/**
 * In force in a period (docs/domain-rules.md §8, the report to the Chairman): due in it, or neither done
 * nor withdrawn before it starts — so everything assigned in it, due in it, or still open at its start
 * (a task due later, an ongoing one, one overdue since before). What is opened after the as-of date
 * is left out by the facts query.
 */
export function inForce(
  facts: { dueOn: LocalDate | null; doneOn: LocalDate | null; cancelledOn: LocalDate | null },
  period: Period,
): boolean {
  if (facts.dueOn !== null && inPeriod(facts.dueOn, period)) return true;
  const { from } = period;
  if (from === undefined) return true;
  return !(
    (facts.doneOn !== null && facts.doneOn < from) ||
    (facts.cancelledOn !== null && facts.cancelledOn < from)
  );
}

/** Whether an assignment belongs to a period in the period's scope (`inPeriod` or `inForce`). */
export function inScope(
  facts: { dueOn: LocalDate | null; doneOn: LocalDate | null; cancelledOn: LocalDate | null },
  period: Period,
): boolean {
  return period.scope === 'in_force' ? inForce(facts, period) : inPeriod(facts.dueOn, period);
}

/**
 * The figures of a set of assignments and their on-time rate (the rule of state.ts `onTimeRate`:
 * done on time among those due — the `due_on_time` and `due` figures). An item standing for `n`
 * assignments with the same facts counts `n` times.
 */
export function summarise(
  items: StatFacts[],
  asOf: LocalDate,
): { counts: StatCounts; onTimeRate: number | null } {
  const counts = emptyStatCounts();
  for (const item of items) {
    const n = item.n ?? 1;
    for (const key of statKeysOf(item, asOf)) counts[key] += n;
  }
  return { counts, onTimeRate: rateOf(counts) };
}

/** Tỷ lệ đúng hạn from the figures: done on time among those due; null when nothing is due yet. */
export function rateOf(counts: StatCounts): number | null {
  return counts.due === 0 ? null : counts.due_on_time / counts.due;
}

/** One calendar month of the trend: what fell due in it and what was done in it. */
export interface TrendMonth {
  /** 'YYYY-MM' */
  month: string;
  /** assignments whose current due date is in the month (cancelled ones left out) */
  due: number;
  /** assignments done (result accepted, dated by submission) in the month, by asOf */
  done: number;
  doneOnTime: number;
  doneLate: number;
}

/**
 * Xu hướng theo tháng — per calendar month, the assignments due in it and those done in it as of
 * `asOf`, from the first month with either to the last, without gaps (an empty month counts 0).
 * A due month after `asOf` is kept: it shows the work still ahead.
 */
export function monthlyTrend(items: StatFacts[], asOf: LocalDate): TrendMonth[] {
  const months = new Map<string, TrendMonth>();
  const monthOf = (month: string) => {
    let entry = months.get(month);
    if (!entry) {
      entry = { month, due: 0, done: 0, doneOnTime: 0, doneLate: 0 };
      months.set(month, entry);
    }
    return entry;
  };
  for (const item of items) {
    const state = assignmentStateAsOf(item, asOf);
    if (state === 'cancelled') continue;
    if (item.dueOn !== null) monthOf(item.dueOn.slice(0, 7)).due++;
    if ((state === 'done_on_time' || state === 'done_late') && item.doneOn !== null) {
      const entry = monthOf(item.doneOn.slice(0, 7));
      entry.done++;
      if (state === 'done_on_time') entry.doneOnTime++;
      else entry.doneLate++;
    }
  }
  const keys = [...months.keys()].sort();
  const first = keys[0];
  const last = keys[keys.length - 1];
  if (first === undefined || last === undefined) return [];
  const result: TrendMonth[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    result.push(months.get(key) ?? { month: key, due: 0, done: 0, doneOnTime: 0, doneLate: 0 });
    if (key === last) break;
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return result;
}
