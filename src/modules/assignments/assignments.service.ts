import { agenciesHoldingTopLevel } from '../../db/assignment-facts.ts';
import { pageAnswer } from '../../db/page.ts';
import type { LocalDate } from '../../domain/dates.ts';
import { type AssignmentState, daysOverdue } from '../../domain/state.ts';
import { parseAsOf } from '../../shared/as-of.ts';
import { AppError } from '../../shared/errors.ts';
import type { PageQuery } from '../../shared/schemas/common.ts';
import { agencyFilterFor, authorityOf, requireAccess } from '../access/access.ts';
import { proposalAndDocumentOf } from '../extensions/extensions.service.ts';
import { findPlanById, findTaskById } from '../plans/plans.repo.ts';
import { submissionView } from '../results/results.repo.ts';
import { authorityContext, type ServiceContext } from '../service-context.ts';
import {
  findAssignmentFacts,
  listAssignments,
  loadAssignmentHistory,
  type WorkListRow,
  type WorkListSort,
} from './assignments.repo.ts';

export interface WorkListParams extends PageQuery {
  asOf?: string | undefined;
  agencyId?: number | undefined;
  planId?: number | undefined;
  leaderUserId?: number | undefined;
  role?: 'lead' | 'support' | 'all' | undefined;
  state?: AssignmentState | undefined;
  dueFrom?: LocalDate | undefined;
  dueTo?: LocalDate | undefined;
  q?: string | undefined;
  sort?: WorkListSort | undefined;
  order?: 'asc' | 'desc' | undefined;
}

/**
 * Danh sách việc — assignments that exist as of `asOf` (plan issued, occurrence opened: the set
 * the status counts), lead ones unless `role` says otherwise, each with its §5 state as of `asOf`.
 * Filtering by a state gives exactly the items counted under it by GET /status (same facts, same
 * rule). An agency user sees its own scope only, and is refused another agency's `agencyId`.
 */
export async function listAssignmentsFor(ctx: ServiceContext, params: WorkListParams) {
  let agencyIds = agencyFilterFor(ctx.actor, 'assignment.read', authorityOf(ctx.actor));
  const { authority } = await authorityContext(ctx);
  if (params.agencyId !== undefined) {
    if (agencyIds !== null) {
      requireAccess(ctx.actor, 'assignment.read', { authorityId: authority.id, agencyId: params.agencyId });
    }
    agencyIds = [params.agencyId];
  }
  // an agency's own list: its units hold sub-assignments, which the list leaves out (issue #18)
  if (agencyIds !== null) {
    // the actor's own scope was probed with its session: the same rows, no statement of its own
    agencyIds =
      params.agencyId === undefined && agencyIds.length > 1 && ctx.scopeHoldingTopLevel !== undefined
        ? ctx.scopeHoldingTopLevel
        : await agenciesHoldingTopLevel(ctx.db, authority.id, agencyIds);
  }
  const asOf = parseAsOf(params.asOf, authority.time_zone, ctx.now);
  const role = params.role ?? 'lead';
  const { total, rows } = await listAssignments(
    ctx.db,
    {
      authorityId: authority.id,
      agencyIds,
      planId: params.planId,
      leaderUserId: params.leaderUserId,
      role: role === 'all' ? undefined : role,
      openedBy: asOf,
      q: params.q,
      dueFrom: params.dueFrom,
      dueTo: params.dueTo,
      asOf,
      state: params.state,
      sort: params.sort ?? 'dueOn',
      direction: params.order ?? 'asc',
    },
    params,
  );
  const items = rows.map((row) => workItemOf(row, asOf));
  return { asOf, ...pageAnswer(params, items, total) };
}

function workItemOf(row: WorkListRow, asOf: LocalDate) {
  return {
    id: row.id,
    planId: row.plan_id,
    planNumber: row.plan_number,
    taskId: row.task_id,
    taskRef: row.task_ref,
    taskContent: row.task_content,
    agencyId: row.agency_id,
    agencyCode: row.agency_code,
    agencyName: row.agency_name,
    role: row.role,
    occurrence: row.occurrence,
    periodLabel: row.period_label,
    originalDueOn: row.original_due_on,
    currentDueOn: row.due_on,
    ...stateFields(row, asOf),
  };
}

/**
 * One assignment with its task, the plan's header, and its results, extension requests and
 * obstacles — for anyone who may read that agency's assignments (an agency user: its own scope).
 */
export async function getAssignmentFor(
  ctx: ServiceContext,
  id: number,
  params: { asOf?: string | undefined },
) {
  // who may read assignments at all, before anything is read; the agency's own check once the row is known
  agencyFilterFor(ctx.actor, 'assignment.read', authorityOf(ctx.actor));
  const { authority } = await authorityContext(ctx);
  const asOf = parseAsOf(params.asOf, authority.time_zone, ctx.now);
  const facts = await findAssignmentFacts(ctx.db, authority.id, id, asOf);
  if (!facts) throw new AppError('ASSIGNMENT_NOT_FOUND', 'Không tìm thấy nhiệm vụ được giao.');
  requireAccess(ctx.actor, 'assignment.read', { authorityId: authority.id, agencyId: facts.agency_id });
  const [task, plan, history] = await Promise.all([
    findTaskById(ctx.db, authority.id, facts.task_id),
    findPlanById(ctx.db, authority.id, facts.plan_id),
    loadAssignmentHistory(ctx.db, authority.id, facts.id),
  ]);
  if (!task || !plan) throw new AppError('ASSIGNMENT_NOT_FOUND', 'Không tìm thấy nhiệm vụ được giao.');
  return {
    asOf,
    assignment: {
      ...workItemOf(facts, asOf),
      opensOn: facts.opens_on,
      cancelledOn: facts.cancelled_on,
      parentAssignmentId: history.assignment.parent_assignment_id,
      movedToAssignmentId: history.assignment.moved_to_assignment_id,
      version: history.assignment.version,
    },
    task: {
      id: task.id,
      ref: task.ref,
      content: task.content,
      leadText: task.lead_text,
      supportText: task.support_text,
      deadlineText: task.deadline_text,
      deadlineKind: task.deadline_kind,
      dueOn: task.due_on,
      note: task.note,
      cancelledOn: task.cancelled_on,
    },
    plan: {
      id: plan.id,
      docType: plan.doc_type,
      number: plan.number,
      issuedOn: plan.issued_on,
      title: plan.title,
      signer: plan.signer,
      cancelledOn: plan.cancelled_on,
    },
    results: history.results.map((r) => submissionView(r, history.files)),
    extensions: history.extensions.map((e) => ({
      id: e.id,
      requestedOn: e.requested_on,
      requestedDueOn: e.requested_due_on,
      reason: e.reason,
      status: e.status,
      decidedOn: e.decided_on,
      decidedBy: e.decided_by,
      decisionNote: e.decision_note,
      ...proposalAndDocumentOf(e),
    })),
    obstacles: history.obstacles.map((o) => ({
      id: o.id,
      reportedOn: o.reported_on,
      description: o.description,
      proposal: o.proposal,
      status: o.status,
      response: o.response,
      respondedOn: o.responded_on,
      respondedBy: o.responded_by,
    })),
  };
}

/** The state as of `asOf` with what the lists show beside it: days overdue and the done date by then. */
export function stateFields(
  f: { state: AssignmentState; due_on: LocalDate | null; done_on: LocalDate | null },
  asOf: LocalDate,
) {
  return {
    state: f.state,
    daysOverdue: f.state === 'open_overdue' && f.due_on !== null ? daysOverdue(f.due_on, asOf) : 0,
    doneOn: f.done_on !== null && f.done_on <= asOf ? f.done_on : null,
  };
}
