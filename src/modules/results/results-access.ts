import { AppError } from '../../shared/errors.ts';
import { authorityOf, requireAccess } from '../access/access.ts';
import type { ServiceContext } from '../service-context.ts';
import { findAssignmentForResult } from './results.repo.ts';

export function assignmentNotFound() {
  return new AppError('ASSIGNMENT_NOT_FOUND', 'Không tìm thấy nhiệm vụ được giao.');
}

/**
 * The assignment a result is about, once the actor may do `action` on it (report a result, or read
 * its results): 404 when the actor's authority has no such assignment, 403 when the actor may not.
 */
export async function assignmentForResults(
  c: Pick<ServiceContext, 'db' | 'actor'>,
  assignmentId: number,
  action: 'result.submit' | 'assignment.read',
) {
  const authorityId = authorityOf(c.actor);
  const assignment = await findAssignmentForResult(c.db, authorityId, assignmentId);
  if (!assignment) throw assignmentNotFound();
  requireAccess(c.actor, action, { authorityId, agencyId: assignment.agency_id });
  return assignment;
}

/**
 * May the actor report a result for this assignment? The check `submitAssignmentResult` makes before
 * reading the submission; the upload route asks it before the body is read (issue #16).
 */
export async function requireResultSubmitAccess(
  c: Pick<ServiceContext, 'db' | 'actor'>,
  assignmentId: number,
): Promise<void> {
  await assignmentForResults(c, assignmentId, 'result.submit');
}
