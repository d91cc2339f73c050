import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  type Actor,
  actorName,
  agencyFilterFor,
  allowedActions,
  can,
  PUBLIC_ACTOR,
  systemActor,
} from './access.ts';

const user = (role: 'admin' | 'office' | 'leader' | 'agency', agencyId: number | null = null): Actor => ({
  kind: 'user',
  userId: 1,
  username: role,
  authorityId: 1,
  role,
  agencyId,
  agencyScope: agencyId === null ? [] : [agencyId, 100],
  via: 'session',
});

describe('access rules', () => {
  it('lets the public only read the transparency page', () => {
    for (const action of ACTIONS)
      expect(can(PUBLIC_ACTOR, action, { authorityId: 1 })).toBe(action === 'public.read');
  });

  it('never crosses authorities', () => {
    for (const role of ['admin', 'office', 'leader', 'agency'] as const) {
      for (const action of ACTIONS)
        expect(can(user(role, 5), action, { authorityId: 2, agencyId: 5 })).toBe(false);
    }
  });

  it('keeps an agency user to its own agency and sub-units', () => {
    const agency = user('agency', 5);
    expect(can(agency, 'result.submit', { authorityId: 1, agencyId: 5 })).toBe(true);
    expect(can(agency, 'result.submit', { authorityId: 1, agencyId: 100 })).toBe(true); // a sub-unit
    expect(can(agency, 'result.submit', { authorityId: 1, agencyId: 6 })).toBe(false);
    expect(can(agency, 'assignment.read', { authorityId: 1 })).toBe(false); // no agency named: denied
    expect(can(agency, 'result.decide', { authorityId: 1, agencyId: 5 })).toBe(false);
    expect(can(agency, 'plan.read', { authorityId: 1 })).toBe(false);
  });

  it('lets leaders read and decide but not register or accept', () => {
    const leader = user('leader');
    expect(can(leader, 'extension.decide', { authorityId: 1, agencyId: 6 })).toBe(true);
    expect(can(leader, 'obstacle.respond', { authorityId: 1 })).toBe(true);
    expect(can(leader, 'plan.write', { authorityId: 1 })).toBe(false);
    expect(can(leader, 'result.decide', { authorityId: 1 })).toBe(false);
  });

  it('keeps the audit trail and user management for admins', () => {
    expect(can(user('office'), 'audit.read', { authorityId: 1 })).toBe(false);
    expect(can(user('admin'), 'audit.read', { authorityId: 1 })).toBe(true);
    expect(can(user('office'), 'user.manage', { authorityId: 1 })).toBe(false);
  });

  it('keeps a system actor (the CLI, the scheduler) to its authority and the rights it was given', () => {
    const cli = systemActor(1, 'cli', ['reminder.issue', 'stats.read']);
    expect(can(cli, 'reminder.issue', { authorityId: 1 })).toBe(true);
    expect(can(cli, 'reminder.issue', { authorityId: 2 })).toBe(false);
    expect(can(cli, 'plan.write', { authorityId: 1 })).toBe(false);
    expect(allowedActions(cli)).toEqual(['reminder.issue', 'stats.read']);
    expect(actorName(cli)).toBe('cli');
    expect(agencyFilterFor(cli, 'stats.read', 1)).toBeNull();
    expect(() => agencyFilterFor(cli, 'assignment.read', 1)).toThrow(/không có quyền/);
    const every = systemActor(null);
    expect(ACTIONS.every((action) => can(every, action, { authorityId: 7 }))).toBe(true);
  });
});
