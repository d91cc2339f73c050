import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import { authorityOf, requireAccess } from '../access/access.ts';
import type { ServiceContext } from '../service-context.ts';

/**
 * Lãnh đạo phụ trách — the Phó Chủ tịch in charge of a task (docs/domain-rules.md §10): a `leader`
 * account of the authority, enabled. The task's field, the work list's filter, the report's column
 * and the recipient of the task's escalations.
 */

/** The leader accounts of an authority a task can be given to, by name. */
export function listLeaderAccounts(db: Kysely<DB>, authorityId: number) {
  return db
    .selectFrom('app_user')
    .select(['id', 'display_name as displayName'])
    .where('authority_id', '=', authorityId)
    .where('role', '=', 'leader')
    .where('disabled', '=', false)
    .orderBy('display_name')
    .orderBy('id')
    .execute();
}

/** GET /api/leaders — whoever reads plans chooses among these. */
export async function listLeadersFor(ctx: ServiceContext) {
  const authorityId = authorityOf(ctx.actor);
  requireAccess(ctx.actor, 'plan.read', { authorityId });
  return { items: await listLeaderAccounts(ctx.db, authorityId) };
}

/** Refuses an id that is not an enabled leader account of the authority (null clears the field). */
export async function checkLeaderAccount(db: Kysely<DB>, authorityId: number, userId: number | null) {
  if (userId === null) return;
  const leaders = await listLeaderAccounts(db, authorityId);
  if (!leaders.some((l) => l.id === userId)) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Lãnh đạo phụ trách phải là một tài khoản lãnh đạo (Chủ tịch, Phó Chủ tịch) đang hoạt động của UBND tỉnh.',
      { leaderUserId: userId },
    );
  }
}

/** The leader in charge of each of these tasks (or of these assignments' tasks), by that id; none left out. */
export async function leaderNamesOf(
  db: Kysely<DB>,
  authorityId: number,
  ids: { tasks: readonly number[] } | { assignments: readonly number[] },
): Promise<Map<number, { id: number; name: string }>> {
  const byTask = 'tasks' in ids;
  const wanted = [...new Set(byTask ? ids.tasks : ids.assignments)];
  if (wanted.length === 0) return new Map();
  const base = db
    .selectFrom('task as t')
    .innerJoin('app_user as u', 'u.id', 't.leader_user_id')
    .where('t.authority_id', '=', authorityId);
  const leaders = new Map<number, { id: number; name: string }>();
  // in slices: a report's overdue list at 1M holds ~80,000 assignments, past PostgreSQL's 65,535
  // parameters of one statement
  for (let i = 0; i < wanted.length; i += LEADER_SLICE) {
    const slice = wanted.slice(i, i + LEADER_SLICE);
    const rows = byTask
      ? await base.select(['t.id as key', 'u.id', 'u.display_name']).where('t.id', 'in', slice).execute()
      : await base
          .innerJoin('assignment as a', 'a.task_id', 't.id')
          .select(['a.id as key', 'u.id', 'u.display_name'])
          .where('a.id', 'in', slice)
          .execute();
    for (const r of rows) leaders.set(r.key, { id: r.id, name: r.display_name });
  }
  return leaders;
}

const LEADER_SLICE = 10_000;
