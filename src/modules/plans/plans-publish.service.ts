import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../shared/errors.ts';
import type { PublishBody } from '../../shared/schemas/plan.ts';
import { actorName, authorityOf, requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import type { ServiceContext } from '../service-context.ts';
import { findPlanById, updatePlanPublishedAt } from './plans.repo.ts';
import { planConflict, planHeaderOf } from './plans-write.service.ts';

/**
 * Công khai kế hoạch (docs/domain-rules.md §11): the Office puts a plan on the public page, or takes it
 * off, with the publish switch; each change is audited (`plan.publish` / `plan.unpublish`). Switching
 * to the state the plan is already in changes nothing and writes no audit row. The switch is not an
 * edit of the document: the plan's version stays (a `version` given must still be current). A
 * withdrawn plan is never shown, whatever its switch.
 */
export async function setPlanPublished(ctx: ServiceContext, planId: number, body: PublishBody) {
  const authorityId = authorityOf(ctx.actor);
  requireAccess(ctx.actor, 'plan.write', { authorityId });
  return inTransaction(ctx.db, async (trx) => {
    const before = await findPlanById(trx, authorityId, planId);
    if (!before) throw new AppError('PLAN_NOT_FOUND', 'Không tìm thấy kế hoạch.');
    if (body.version !== undefined && body.version !== before.version) throw planConflict(before.version);
    const after = await updatePlanPublishedAt(trx, before.id, body.published ? ctx.now : null);
    if (!after) return planHeaderOf(before);
    await writeAudit(trx, {
      authorityId,
      actor: actorName(ctx.actor),
      action: body.published ? 'plan.publish' : 'plan.unpublish',
      entity: 'plan',
      entityId: String(after.id),
      data: { number: after.number },
      before: { publishedAt: before.published_at?.toISOString() ?? null },
      after: { publishedAt: after.published_at?.toISOString() ?? null },
      ip: ctx.ip ?? null,
    });
    return planHeaderOf(after);
  });
}
