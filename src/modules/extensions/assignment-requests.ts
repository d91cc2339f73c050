import type { Kysely } from 'kysely';
import { pageAnswer } from '../../db/page.ts';
import type { DB } from '../../db/schema.ts';
import { lockRow } from '../../db/transaction.ts';
import type { LocalDate } from '../../domain/dates.ts';
import { AppError } from '../../shared/errors.ts';
import type { PageQuery } from '../../shared/schemas/common.ts';
import { type Action, agencyFilterFor, authorityOf, requireAccess } from '../access/access.ts';
import { authorityContext, type ServiceContext } from '../service-context.ts';
import { type AssignmentForWorkflow, findAssignmentOfAuthority } from './extensions.repo.ts';

/**
 * The request → decision core that extension requests (xin gia hạn) and obstacle reports (khó khăn,
 * vướng mắc) share: an agency raises one on an assignment of its scope, the Office or leadership
 * decides on it once, lists show every agency to the Office and an agency its own scope. What
 * differs (the deadline rules of an extension, the answer to an obstacle) stays in each service.
 */

/**
 * Opening a request on an assignment: the assignment of the actor's authority (404 otherwise), the
 * access check on its agency, refused when cancelled or moved; `today` in the authority's time zone.
 */
export async function openRequestOn(
  ctx: ServiceContext,
  assignmentId: number,
  action: Extract<Action, 'extension.request' | 'obstacle.report'>,
  /** a refusal of the kind's own, checked before "cancelled" (an extension: only the lead agency asks) */
  refuse?: (assignment: AssignmentForWorkflow) => void,
): Promise<{ authorityId: number; assignment: AssignmentForWorkflow; today: LocalDate }> {
  const { authority, today } = await authorityContext(ctx);
  const assignment = await findAssignmentOfAuthority(ctx.db, authority.id, assignmentId);
  if (!assignment) throw new AppError('ASSIGNMENT_NOT_FOUND', 'Không tìm thấy nhiệm vụ được giao.');
  requireAccess(ctx.actor, action, { authorityId: authority.id, agencyId: assignment.agency_id });
  refuse?.(assignment);
  if (assignment.cancelled_on !== null)
    throw new AppError('CONFLICT', 'Nhiệm vụ đã bị hủy hoặc đã chuyển giao.');
  return { authorityId: authority.id, assignment, today };
}

/** What a kind of request brings to the shared core: its repo functions, its view and its words. */
export interface RequestKind<Row extends { agency_id: number; status: string }, View> {
  /** the access check of a decision */
  action: Extract<Action, 'extension.decide' | 'obstacle.respond'>;
  list: (
    db: Kysely<DB>,
    authorityId: number,
    filter: {
      status: Row['status'] | undefined;
      assignmentId: number | undefined;
      agencyIds: readonly number[] | null;
    },
    page: PageQuery,
  ) => Promise<{ rows: Row[]; total: number }>;
  /** the table of its rows, locked while one is decided */
  table: 'extension_request' | 'obstacle';
  find: (db: Kysely<DB>, authorityId: number, id: number) => Promise<Row | undefined>;
  view: (row: Row) => View;
  /** the status of a request not yet decided */
  open: Row['status'];
  notFound: string;
  /** the refusal once decided */
  decided: (status: Row['status']) => AppError;
}

/** Who reads a request list: the database and the actor are enough. */
export type RequestReader = Pick<ServiceContext, 'db' | 'actor'>;

/** What a request list may be narrowed by, besides its page. */
export type RequestListQuery<Status> = PageQuery & {
  status?: Status | undefined;
  assignmentId?: number | undefined;
};

/** The rows of a request list as the actor may see them: all for the Office and leadership, else its scope. */
export async function listRequests<Row extends { agency_id: number; status: string }, View>(
  ctx: RequestReader,
  query: RequestListQuery<Row['status']>,
  kind: RequestKind<Row, View>,
) {
  const authorityId = authorityOf(ctx.actor);
  const agencyIds = agencyFilterFor(ctx.actor, 'assignment.read', authorityId);
  const filter = { status: query.status, assignmentId: query.assignmentId, agencyIds };
  const { rows, total } = await kind.list(ctx.db, authorityId, filter, query);
  return pageAnswer(query, rows.map(kind.view), total);
}

/** One request of the authority as its view, NOT_FOUND when there is none. */
export async function viewRequest<Row extends { agency_id: number; status: string }, View>(
  db: Kysely<DB>,
  authorityId: number,
  id: number,
  kind: RequestKind<Row, View>,
): Promise<View> {
  const row = await kind.find(db, authorityId, id);
  if (!row) throw new AppError('NOT_FOUND', kind.notFound);
  return kind.view(row);
}

/**
 * A request about to be decided, inside the deciding transaction: its row locked, found in the
 * actor's authority (NOT_FOUND otherwise), the access check on its agency, refused once decided.
 */
export async function loadForDecision<Row extends { agency_id: number; status: string }, View>(
  trx: Kysely<DB>,
  ctx: ServiceContext,
  authorityId: number,
  id: number,
  kind: RequestKind<Row, View>,
  /** a refusal of the kind's own, after the access check and before "decided" (who may decide, §10) */
  refuse?: () => Promise<void>,
): Promise<Row> {
  await lockRow(trx, kind.table, id);
  const row = await kind.find(trx, authorityId, id);
  if (!row) throw new AppError('NOT_FOUND', kind.notFound);
  requireAccess(ctx.actor, kind.action, { authorityId, agencyId: row.agency_id });
  await refuse?.();
  if (row.status !== kind.open) throw kind.decided(row.status);
  return row;
}

/** The actor's authority and today there. */
export async function decisionDay(ctx: ServiceContext): Promise<{ authorityId: number; today: LocalDate }> {
  const { authority, today } = await authorityContext(ctx);
  return { authorityId: authority.id, today };
}
