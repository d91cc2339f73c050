import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { LocalDate } from '../../domain/dates.ts';
import { foldVietnamese } from '../../domain/vietnamese-text.ts';
import { AppError } from '../../shared/errors.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import { listAgencies } from '../directory/directory.repo.ts';
import { findPlanByNumber, findTaskByRef } from '../plans/plans.repo.ts';

export interface SubmitResultInput {
  plan: string;
  /** 'I.3' */
  task: string;
  /** agency code ('STP') or name ('Sở Tư pháp', accents optional) */
  agency: string;
  submittedOn: LocalDate;
  accept: boolean;
  documentNumber?: string | null;
  note?: string;
  /** For a recurring task: which occurrence (1-based); default the earliest without an accepted result. */
  occurrence?: number;
}

export interface SubmittedResult {
  resultId: number;
  assignmentId: number;
  status: 'pending' | 'accepted';
}

/** Báo cáo kết quả — records an agency's result for one of its assignments (accepted at once if asked). */
export async function submitResult(
  db: Kysely<DB>,
  authorityId: number,
  input: SubmitResultInput,
  actor = 'system',
): Promise<SubmittedResult> {
  return inTransaction(db, async (trx) => {
    const plan = await findPlanByNumber(trx, authorityId, input.plan);
    if (!plan) throw new AppError('PLAN_NOT_FOUND', `Không tìm thấy kế hoạch số ${input.plan}.`);
    const task = await findTaskByRef(trx, plan.id, input.task.trim().toUpperCase());
    if (!task) {
      throw new AppError('TASK_NOT_FOUND', `Kế hoạch ${plan.number} không có nhiệm vụ ${input.task}.`);
    }
    const agency = findAgency(await listAgencies(trx, authorityId), input.agency);
    const candidates = await trx
      .selectFrom('assignment as a')
      .select(['a.id', 'a.role', 'a.occurrence'])
      .select((eb) =>
        eb
          .exists(
            eb
              .selectFrom('result_submission as r')
              .whereRef('r.assignment_id', '=', 'a.id')
              .where('r.status', '=', 'accepted')
              .select('r.id'),
          )
          .as('has_accepted'),
      )
      .where('a.task_id', '=', task.id)
      .where('a.agency_id', '=', agency.id)
      .orderBy('a.role')
      .orderBy('a.occurrence')
      .execute();
    if (candidates.length === 0) {
      throw new AppError(
        'ASSIGNMENT_NOT_FOUND',
        `${agency.name} không được giao nhiệm vụ ${task.ref} của kế hoạch ${plan.number}.`,
      );
    }
    const leads = candidates.filter((c) => c.role === 'lead');
    const pool = leads.length > 0 ? leads : candidates;
    const assignment =
      input.occurrence !== undefined
        ? pool.find((c) => c.occurrence === input.occurrence)
        : (pool.find((c) => !c.has_accepted) ?? pool[0]);
    if (!assignment) {
      throw new AppError('ASSIGNMENT_NOT_FOUND', `Nhiệm vụ ${task.ref} không có kỳ thứ ${input.occurrence}.`);
    }
    const status = input.accept ? 'accepted' : 'pending';
    const { id: resultId } = await trx
      .insertInto('result_submission')
      .values({
        authority_id: authorityId,
        assignment_id: assignment.id,
        submitted_on: input.submittedOn,
        document_number: input.documentNumber ?? null,
        note: input.note ?? '',
        status,
        decided_on: input.accept ? input.submittedOn : null,
        decided_by: input.accept ? actor : null,
        return_reason: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, {
      authorityId,
      actor,
      action: input.accept ? 'result.submit_accepted' : 'result.submit',
      entity: 'result_submission',
      entityId: String(resultId),
      data: { plan: plan.number, task: task.ref, agency: agency.code, submittedOn: input.submittedOn },
    });
    return { resultId, assignmentId: assignment.id, status };
  });
}

function findAgency<T extends { code: string; name: string; aliases: string[] }>(
  agencies: T[],
  key: string,
): T {
  const code = key.trim().toUpperCase();
  const folded = foldVietnamese(key);
  const agency =
    agencies.find((a) => a.code.toUpperCase() === code) ??
    agencies.find(
      (a) => foldVietnamese(a.name) === folded || a.aliases.some((x) => foldVietnamese(x) === folded),
    );
  if (!agency) throw new AppError('AGENCY_NOT_FOUND', `Không tìm thấy cơ quan "${key}" trong danh mục.`);
  return agency;
}
