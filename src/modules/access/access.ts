import type { Role } from '../../db/schema.ts';
import { ACTIONS, type Action } from '../../shared/actions.ts';
import { AppError } from '../../shared/errors.ts';

/**
 * Who may do what — every rule of dondoc in one place, deny by default. Every service function
 * starts with `requireAccess(actor, action, target)`; routes only resolve the actor.
 */
export type Actor =
  | { kind: 'public' }
  /**
   * the CLI, the demo loader and background jobs: trusted local code acting for an authority (null:
   * every authority), with the rights listed (absent: every right); `name` is who the audit log names
   */
  | { kind: 'system'; authorityId: number | null; name?: string; rights?: readonly Action[] }
  | {
      kind: 'user';
      userId: number;
      username: string;
      authorityId: number;
      role: Role;
      /** the agency an `agency` user is bound to */
      agencyId: number | null;
      /** that agency and all its sub-units (đơn vị trực thuộc) */
      agencyScope: readonly number[];
      via: 'session' | 'token';
      /** an API token limited to these actions (null/absent = every right of the user) */
      scopes?: readonly string[] | null;
    };

export const PUBLIC_ACTOR: Actor = Object.freeze({ kind: 'public' });
export const SYSTEM_ACTOR: Actor = Object.freeze({ kind: 'system', authorityId: null });

/** A system actor for one authority (or every one), named for the audit log, with explicit rights. */
export function systemActor(authorityId: number | null, name = 'system', rights?: readonly Action[]): Actor {
  return rights ? { kind: 'system', authorityId, name, rights } : { kind: 'system', authorityId, name };
}

export { ACTIONS, type Action };

/** What an action is about: the authority always, and the agency whose data it is when there is one. */
export interface AccessTarget {
  authorityId: number;
  agencyId?: number | null;
}

/** Actions an agency user may take only on its own agency's (or sub-units') data. */
const AGENCY_SCOPED = new Set<Action>([
  'assignment.read',
  'result.submit',
  'extension.request',
  'obstacle.report',
  'subassign',
  'stats.read',
  'reminder.read',
  'index.write',
]);

const ROLE_ACTIONS: Record<Role, ReadonlySet<Action>> = {
  admin: new Set(ACTIONS),
  office: new Set(ACTIONS.filter((a) => a !== 'audit.read' && a !== 'user.manage' && a !== 'outbox.manage')),
  leader: new Set<Action>([
    'public.read',
    'directory.read',
    'plan.read',
    'assignment.read',
    'stats.read',
    'reminder.read',
    'extension.decide',
    'obstacle.respond',
    'index.read',
    'self',
  ]),
  // the scoped actions on its own data, the reads every agency shares, its own account
  agency: new Set<Action>([...AGENCY_SCOPED, 'public.read', 'directory.read', 'index.read', 'self']),
};

export function can(actor: Actor, action: Action, target?: AccessTarget): boolean {
  if (actor.kind === 'system') {
    if (actor.rights && !actor.rights.includes(action)) return false;
    return actor.authorityId === null || !target || target.authorityId === actor.authorityId;
  }
  if (actor.kind === 'public') return action === 'public.read';
  if (!ROLE_ACTIONS[actor.role].has(action)) return false;
  if (actor.scopes && !actor.scopes.includes(action)) return false;
  if (target && target.authorityId !== actor.authorityId) return false;
  if (actor.role === 'agency' && AGENCY_SCOPED.has(action)) {
    // an agency-scoped action needs a target agency inside the user's scope
    if (!target || target.agencyId === undefined || target.agencyId === null) return false;
    return actor.agencyScope.includes(target.agencyId);
  }
  return true;
}

/** Throws UNAUTHENTICATED for the public, FORBIDDEN for a signed-in user without the right. */
export function requireAccess(actor: Actor, action: Action, target?: AccessTarget): asserts actor is Actor {
  if (can(actor, action, target)) return;
  if (actor.kind === 'public') throw new AppError('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
  throw new AppError('FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này.', { action });
}

/**
 * For administrative bootstraps that stand above any authority (creating one, loading the demo): only a
 * system actor of every authority (the CLI, the demo loader) with the right; anyone else is FORBIDDEN.
 */
export function requireSystemAccess(actor: Actor, action: Action): void {
  if (actor.kind !== 'system' || actor.authorityId !== null) {
    throw new AppError('FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này.', { action });
  }
  requireAccess(actor, action);
}

/** The authority an actor works in (a system actor must be given one). */
export function authorityOf(actor: Actor, fallback?: number): number {
  if (actor.kind === 'user') return actor.authorityId;
  if (actor.kind === 'system' && (actor.authorityId ?? fallback) !== undefined)
    return (actor.authorityId ?? fallback) as number;
  throw new AppError('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
}

/** The user behind an actor, for services that only signed-in users reach. */
export function requireUser(actor: Actor): Extract<Actor, { kind: 'user' }> {
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
  return actor;
}

/**
 * For list queries: null = every agency of the authority; otherwise only these agencies. An agency
 * user sees its scope; everyone else with the action sees all.
 */
export function agencyFilterFor(actor: Actor, action: Action, authorityId: number): readonly number[] | null {
  if (actor.kind === 'system') {
    // a system actor sees every agency of its authority, within the rights it was given
    requireAccess(actor, action, { authorityId });
    return null;
  }
  const user = requireUser(actor);
  if (user.authorityId !== authorityId)
    throw new AppError('FORBIDDEN', 'Bạn không có quyền xem dữ liệu này.');
  requireAccess(
    actor,
    action,
    user.role === 'agency'
      ? { authorityId: user.authorityId, agencyId: user.agencyId }
      : { authorityId: user.authorityId },
  );
  return user.role === 'agency' ? user.agencyScope : null;
}

/** Every action the actor may take on its own data: the SPA builds its navigation from this list. */
export function allowedActions(actor: Actor): Action[] {
  if (actor.kind === 'public') return ['public.read'];
  if (actor.kind === 'system') return actor.rights ? [...actor.rights] : [...ACTIONS];
  const own = { authorityId: actor.authorityId, agencyId: actor.agencyId };
  return ACTIONS.filter((action) => can(actor, action, own));
}

export function actorName(actor: Actor): string {
  if (actor.kind === 'system') return actor.name ?? 'system';
  return actor.kind === 'user' ? actor.username : actor.kind;
}
