/**
 * What an actor may do (src/modules/access/access.ts decides who may): the session's `actions` and an
 * API token's `scopes` are these names, in the contracts (src/shared/schemas/account.ts) and the SPA.
 */
export const ACTIONS = [
  'public.read', // the transparency page: plan progress without files or internal notes
  'directory.read',
  'directory.write', // agencies, groups, successors
  'reorganise', // move open assignments to successors
  'plan.read', // plan header and its whole appendix with every agency's state
  'plan.write', // create, import, update, cancel
  'assignment.read', // one agency's assignments (own scope for agency users)
  'assignment.write', // cancel, reassign, edit due dates as the Office
  'result.submit',
  'result.decide', // accept or return
  'extension.request',
  'extension.decide', // a leader, or the Office where the authority allows it (docs/domain-rules.md §10)
  'extension.propose', // trình: the Office's opinion on a request, for the leader who decides
  'obstacle.report',
  'obstacle.respond',
  'subassign', // split an own assignment to own units
  'stats.read', // statistics (own agency only for agency users)
  'scoring.configure', // scoring rule sets per year (the Office and admins)
  'reminder.read',
  'reminder.issue', // run the follow-up sweep now (records reminders, issues letters): the Office and admins
  'report.write', // the free-text drafts of the reports to the Chairman: the Office and admins
  'audit.read',
  'user.manage',
  'index.read', // index results, targets, owners, links, overview (signed-in users)
  'index.write', // results and targets: the Office; an owner agency only where the Office allows it
  'index.configure', // owner agencies and links to plans, tasks, assignments: the Office and admins
  'outbox.manage', // put a dead e-mail of the outbox back in the queue: admins
  'self', // own account: password change, API tokens, sign-out
] as const;
export type Action = (typeof ACTIONS)[number];
