import type { LocalDate } from '../../domain/dates.ts';
import { writtenReminderAsOf } from '../../domain/reminders.ts';
import {
  AGEING_BUCKETS,
  ASSIGNMENT_STATES,
  type AssignmentFacts,
  ageingBucket,
  assignmentStateAsOf,
  daysOverdue,
  isDueBy,
  onTimeRate,
} from '../../domain/state.ts';

/**
 * Every figure of the statistics (DOMAIN.md §5, §8), each also the `state` of its drill-down list:
 * `total` (every lead assignment counted), the six states, `due` (đến hạn by asOf), `due_on_time`
 * (done on time among those due: the on-time rate's numerator), `reminders` (written reminders
 * incurred by asOf) and the overdue ageing buckets. A figure and its list come from `statKeysOf`.
 */
export const STAT_KEYS = [
  'total',
  ...ASSIGNMENT_STATES,
  'due',
  'due_on_time',
  'reminders',
  ...AGEING_BUCKETS,
] as const;
export type StatKey = (typeof STAT_KEYS)[number];
export type StatCounts = Record<StatKey, number>;

/** What one lead assignment's figures depend on. */
export interface StatFacts extends AssignmentFacts {
  role: 'lead' | 'support';
}

/** Kỳ báo cáo — only assignments whose current due date falls in [from, to] (either end optional). */
export interface Period {
  from?: LocalDate | undefined;
  to?: LocalDate | undefined;
}

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
  if (writtenReminderAsOf(facts, asOf)) keys.push('reminders');
  if (state === 'open_overdue' && facts.dueOn !== null)
    keys.push(ageingBucket(daysOverdue(facts.dueOn, asOf)));
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

/** The figures of a set of assignments and their on-time rate (the pure rule of state.ts). */
export function summarise(
  items: StatFacts[],
  asOf: LocalDate,
): { counts: StatCounts; onTimeRate: number | null } {
  const counts = emptyStatCounts();
  for (const item of items) for (const key of statKeysOf(item, asOf)) counts[key]++;
  return { counts, onTimeRate: onTimeRate(items, asOf) };
}
