import { authorityOf, requireAccess } from '../access/access.ts';
import type { ServiceContext } from '../service-context.ts';
import { findAssignmentForResult } from './results.repo.ts';
import { assignmentNotFound } from './results.service.ts';

/**
 * May the actor report a result for this assignment? The check `submitAssignmentResult` makes before
 * reading the submission; the upload route asks it before the body is read (issue #16).
 */
export async function requireResultSubmitAccess(
  c: Pick<ServiceContext, 'db' | 'actor'>,
  assignmentId: number,
) {
  const authorityId = authorityOf(c.actor);
  const assignment = await findAssignmentForResult(c.db, authorityId, assignmentId);
  if (!assignment) throw assignmentNotFound();
  requireAccess(c.actor, 'result.submit', { authorityId, agencyId: assignment.agency_id });
}
