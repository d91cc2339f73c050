import type { PlanAssignment, PlanTaskView as PlanTask } from '../../../../src/shared/plan-assignments.ts';
import type { Counts } from '../../../../src/shared/schemas/plan.ts';
import type { AssignmentState } from '../../lib/domain.ts';

/** Which state speaks for a group of assignments: the most urgent first. */
const URGENCY: AssignmentState[] = [
  'open_overdue',
  'open_on_time',
  'ongoing',
  'done_late',
  'done_on_time',
  'cancelled',
];

export function emptyCounts(): Counts {
  return {
    done_on_time: 0,
    done_late: 0,
    open_on_time: 0,
    open_overdue: 0,
    ongoing: 0,
    cancelled: 0,
    total: 0,
  };
}

/** The lead assignments that exist by `asOf` (opened, plan issued), as the server counts progress. */
export function openedLeads(task: PlanTask, asOf: string, issuedOn: string): PlanAssignment[] {
  if (issuedOn > asOf) return [];
  return task.assignments.filter((a) => a.role === 'lead' && a.opensOn <= asOf);
}

export function countsOf(assignments: PlanAssignment[]): Counts {
  const counts = emptyCounts();
  for (const a of assignments) counts[a.state]++;
  counts.total = assignments.length;
  return counts;
}

/** The one state that sums up a group of assignments (the most urgent one), or null when there is none. */
export function summaryState(assignments: PlanAssignment[]): AssignmentState | null {
  for (const state of URGENCY) if (assignments.some((a) => a.state === state)) return state;
  return null;
}

/** Per lead agency: its assignments (every occurrence opened by then) and the state that sums them up. */
export function byAgency(assignments: PlanAssignment[]) {
  const groups = new Map<number, { name: string; code: string; items: PlanAssignment[] }>();
  for (const a of assignments) {
    const group = groups.get(a.agencyId) ?? { name: a.agencyName, code: a.agencyCode, items: [] };
    group.items.push(a);
    groups.set(a.agencyId, group);
  }
  return [...groups.values()].map((g) => ({ ...g, state: summaryState(g.items) as AssignmentState }));
}

/** The last due date of a task's lead assignments (recurring tasks: the last occurrence), or its own. */
export function lastDueOf(task: PlanTask): string | null {
  let last: string | null = task.dueOn;
  for (const a of task.assignments) {
    if (a.role === 'lead' && a.currentDueOn && (last === null || a.currentDueOn > last))
      last = a.currentDueOn;
  }
  return last;
}

/** The first day of each month from `from` to `to`, for the timeline's scale. */
export function monthStarts(from: string, to: string): string[] {
  const [y0, m0] = from.split('-').map(Number) as [number, number];
  const out: string[] = [];
  let y = y0;
  let m = m0;
  for (;;) {
    const first = `${y}-${String(m).padStart(2, '0')}-01`;
    if (first > to) break;
    if (first >= from) out.push(first);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** Done and total of a progress: the done ones whether on time or late; cancelled ones left out. */
export function doneOf(counts: Counts): { done: number; total: number } {
  return {
    done: counts.done_on_time + counts.done_late,
    total: counts.total - counts.cancelled,
  };
}

/** A task's reference as the server writes it: 'I.3', or '3' without a section. */
export function taskRef(sectionCode: string, no: string): string {
  return sectionCode ? `${sectionCode}.${no}` : no;
}

/** One mark of the timeline's scale: where it stands and what it reads. */
export interface ScaleTick {
  date: string;
  label: string;
}

/**
 * The timeline's scale for a span (docs/domain-rules.md §11): months up to 14 of them, quarters up to
 * four years, years beyond — so that a plan of years gets as few labels as one of months.
 */
export function timeScale(
  from: string,
  to: string,
): { unit: 'month' | 'quarter' | 'year'; ticks: ScaleTick[] } {
  const months = monthStarts(from, to);
  const ym = (date: string) => [Number(date.slice(0, 4)), Number(date.slice(5, 7))] as const;
  if (months.length <= 14) {
    return {
      unit: 'month',
      ticks: months.map((date) => ({ date, label: `${date.slice(5, 7)}/${date.slice(0, 4)}` })),
    };
  }
  if (months.length <= 48) {
    const quarters = months.filter((date) => ym(date)[1] % 3 === 1);
    return {
      unit: 'quarter',
      ticks: quarters.map((date) => ({ date, label: `Q${(ym(date)[1] + 2) / 3}/${ym(date)[0]}` })),
    };
  }
  const years = months.filter((date) => ym(date)[1] === 1);
  return { unit: 'year', ticks: years.map((date) => ({ date, label: date.slice(0, 4) })) };
}
