import type { LocalDate } from '../../domain/dates.ts';
import {
  type AssignmentFacts,
  type AssignmentState,
  assignmentStateAsOf,
  emptyStateCounts,
  onTimeRate,
  type StateCounts,
} from '../../domain/state.ts';

/** Which state a task shows when its lead agencies differ: the one that needs attention first. */
const TASK_STATE_PRIORITY: readonly AssignmentState[] = [
  'open_overdue',
  'open_on_time',
  'ongoing',
  'done_late',
  'done_on_time',
  'cancelled',
];

/**
 * The state of a task on the public page, over its lead assignments: overdue if any lead agency is
 * overdue, else open if any is still working on it, …; done on time only when every agency was;
 * cancelled only when all are. Null when no lead assignment has started yet.
 */
export function taskStateOf(states: readonly AssignmentState[]): AssignmentState | null {
  for (const state of TASK_STATE_PRIORITY) if (states.includes(state)) return state;
  return null;
}

/** Tiến độ — counts by state, their total and the on-time rate, as of a day. */
export function progressOf(items: readonly AssignmentFacts[], asOf: LocalDate) {
  const counts: StateCounts & { total: number } = { ...emptyStateCounts(), total: 0 };
  for (const item of items) {
    counts[assignmentStateAsOf(item, asOf)]++;
    counts.total++;
  }
  return { asOf, counts, onTimeRate: onTimeRate([...items], asOf) };
}
