import type { AssignmentGroup, PlanAgency, PlanDetail, PlanTask } from './schemas/plan.ts';

/**
 * The plan page's answer (`GET /api/plans/:id`) carries a task's assignments as groups sharing their
 * role, occurrence, dates and state, and each agency once (issue #18 goal 5): these turn one into the
 * other. The server groups (`groupAssignments`); the SPA and the appendix export read one row per
 * assignment with its agency's code and name (`expandPlanDetail`).
 */

/** One assignment of a plan's task: its agency, role, occurrence, dates and state as of the answer's date. */
export type PlanAssignment = Omit<AssignmentGroup, 'ids' | 'agencyIds'> & {
  id: number;
  agencyId: number;
  agencyCode: string;
  agencyName: string;
};

/** A task with one row per assignment, in the server's order: lead first, then by agency id and occurrence. */
export type PlanTaskView = Omit<PlanTask, 'assignmentGroups'> & { assignments: PlanAssignment[] };
export type PlanDetailView = Omit<PlanDetail, 'tasks'> & { tasks: PlanTaskView[] };

type Row = Omit<PlanAssignment, 'agencyCode' | 'agencyName'>;

/** The fields a group shares, as one key. */
function keyOf(row: Omit<AssignmentGroup, 'ids' | 'agencyIds'>): string {
  return JSON.stringify([
    row.role,
    row.occurrence,
    row.periodLabel,
    row.opensOn,
    row.originalDueOn,
    row.currentDueOn,
    row.state,
    row.daysOverdue,
    row.doneOn,
  ]);
}

/** One task's assignments as groups, in the order each group first appears. */
export function groupAssignments(rows: readonly Row[]): AssignmentGroup[] {
  const groups = new Map<string, AssignmentGroup>();
  for (const { id, agencyId, ...shared } of rows) {
    const key = keyOf(shared);
    let group = groups.get(key);
    if (!group) {
      group = { ...shared, ids: [], agencyIds: [] };
      groups.set(key, group);
    }
    group.ids.push(id);
    group.agencyIds.push(agencyId);
  }
  return [...groups.values()];
}

const byServerOrder = (a: PlanAssignment, b: PlanAssignment) =>
  (a.role === b.role ? 0 : a.role === 'lead' ? -1 : 1) ||
  a.agencyId - b.agencyId ||
  a.occurrence - b.occurrence ||
  a.id - b.id;

/** One row per assignment of a task's groups, with its agency's code and name, in the server's order. */
export function expandAssignments(
  groups: readonly AssignmentGroup[],
  agencies: ReadonlyMap<number, PlanAgency>,
): PlanAssignment[] {
  const rows: PlanAssignment[] = [];
  for (const { ids, agencyIds, ...shared } of groups) {
    ids.forEach((id, i) => {
      const agencyId = agencyIds[i] as number;
      const agency = agencies.get(agencyId);
      if (!agency) throw new Error(`assignment ${id}: agency ${agencyId} missing from the answer's agencies`);
      rows.push({ ...shared, id, agencyId, agencyCode: agency.code, agencyName: agency.name });
    });
  }
  return rows.sort(byServerOrder);
}

/** The plan's answer with one row per assignment in each task (the agencies table stays, for lookups). */
export function expandPlanDetail(detail: PlanDetail): PlanDetailView {
  const agencies = new Map(detail.agencies.map((a) => [a.id, a]));
  return {
    ...detail,
    tasks: detail.tasks.map(({ assignmentGroups, ...task }) => ({
      ...task,
      assignments: expandAssignments(assignmentGroups, agencies),
    })),
  };
}
