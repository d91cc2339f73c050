import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/**
 * When a plan is replaced by a re-imported document (`dondoc import --replace`), its tasks are new
 * rows: the links from the plan, its tasks and its assignments to the indices they serve are carried
 * over to the new plan by task number (STT), lead agency and occurrence. A link whose task is gone
 * from the new document is dropped (the audit row of the replacement says how many).
 */
export interface DetachedLink {
  indexCode: string;
  componentCode: string;
  createdBy: string;
  kind: 'plan' | 'task' | 'assignment';
  taskRef: string | null;
  agencyId: number | null;
  occurrence: number | null;
}

/** Removes (and returns) every index link that points into the plan. */
export async function detachPlanLinks(
  trx: Kysely<DB>,
  authorityId: number,
  planId: number,
): Promise<DetachedLink[]> {
  const rows = await trx
    .selectFrom('index_link as l')
    .leftJoin('task as lt', 'lt.id', 'l.task_id')
    .leftJoin('assignment as la', 'la.id', 'l.assignment_id')
    .leftJoin('task as at', 'at.id', 'la.task_id')
    .select([
      'l.id',
      'l.index_code',
      'l.component_code',
      'l.created_by',
      'l.plan_id',
      'l.task_id',
      'lt.ref as task_ref',
      'at.ref as assignment_task_ref',
      'la.agency_id',
      'la.occurrence',
    ])
    .where('l.authority_id', '=', authorityId)
    .where((eb) =>
      eb.or([eb('l.plan_id', '=', planId), eb('lt.plan_id', '=', planId), eb('at.plan_id', '=', planId)]),
    )
    .execute();
  if (rows.length === 0) return [];
  await trx
    .deleteFrom('index_link')
    .where(
      'id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  return rows.map((r) => ({
    indexCode: r.index_code,
    componentCode: r.component_code,
    createdBy: r.created_by,
    kind: r.plan_id !== null ? 'plan' : r.task_id !== null ? 'task' : 'assignment',
    taskRef: r.task_ref ?? r.assignment_task_ref ?? null,
    agencyId: r.agency_id ?? null,
    occurrence: r.occurrence ?? null,
  }));
}

/** Re-creates the detached links on the new plan; returns how many found their task again. */
export async function reattachPlanLinks(
  trx: Kysely<DB>,
  authorityId: number,
  planId: number,
  links: DetachedLink[],
): Promise<{ kept: number; dropped: number }> {
  if (links.length === 0) return { kept: 0, dropped: 0 };
  const tasks = await trx.selectFrom('task').select(['id', 'ref']).where('plan_id', '=', planId).execute();
  const taskByRef = new Map(tasks.map((t) => [t.ref, t.id]));
  const assignments = await trx
    .selectFrom('assignment as a')
    .innerJoin('task as t', 't.id', 'a.task_id')
    .select(['a.id', 't.ref', 'a.agency_id', 'a.occurrence'])
    .where('t.plan_id', '=', planId)
    .execute();
  const assignmentKey = (ref: string, agencyId: number, occurrence: number) =>
    `${ref}|${agencyId}|${occurrence}`;
  const assignmentBy = new Map(
    assignments.map((a) => [assignmentKey(a.ref, a.agency_id, a.occurrence), a.id]),
  );
  const values = [];
  for (const link of links) {
    const target =
      link.kind === 'plan'
        ? { plan_id: planId }
        : link.kind === 'task'
          ? link.taskRef !== null && taskByRef.has(link.taskRef)
            ? { task_id: taskByRef.get(link.taskRef) as number }
            : null
          : link.taskRef !== null && link.agencyId !== null && link.occurrence !== null
            ? (() => {
                const id = assignmentBy.get(assignmentKey(link.taskRef, link.agencyId, link.occurrence));
                return id === undefined ? null : { assignment_id: id };
              })()
            : null;
    if (!target) continue;
    values.push({
      authority_id: authorityId,
      index_code: link.indexCode,
      component_code: link.componentCode,
      created_by: link.createdBy,
      ...target,
    });
  }
  if (values.length > 0)
    await trx
      .insertInto('index_link')
      .values(values)
      .onConflict((oc) => oc.doNothing())
      .execute();
  return { kept: values.length, dropped: links.length - values.length };
}
