import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { formatVietnameseDate as d, type LocalDate } from '../../domain/dates.ts';
import { followupDueOn, writtenReminderFor } from '../../domain/reminders.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import {
  type ActiveReminderFacts,
  listActiveReminderFacts,
  markReminderWithdrawn,
} from './followup-admin.repo.ts';
import { draftCorrectionNotices } from './letter-correction.ts';

export interface WithdrawnReminder {
  id: number;
  /** the letter that carried it; an issued one gets a correction notice to the agency (§6.1) */
  letterId: number | null;
  assignmentId: number;
  agencyId: number;
  dueOn: LocalDate;
  reason: string;
}

/**
 * Why the rule (docs/domain-rules.md §5–§6, domain/reminders.ts) no longer gives a recorded reminder, or null
 * while it still does. The rule reads the result's receipt date, not its acceptance date: a result
 * received on or before the deadline and accepted afterwards makes the task done on time, so the
 * reminder recorded in between was never due.
 */
export function withdrawalReason(
  f: Pick<ActiveReminderFacts, 'due_on' | 'done_on' | 'cancelled_on'> & { followup_from?: string | null },
) {
  const facts = {
    role: 'lead' as const,
    dueOn: f.due_on,
    doneOn: f.done_on ?? null,
    cancelledOn: f.cancelled_on,
    followupFrom: f.followup_from ?? null,
  };
  if (writtenReminderFor(facts) !== null) return null;
  if (f.due_on === null) return 'Nhiệm vụ không còn thời hạn hoàn thành: không tính nhắc nhở bằng văn bản.';
  const judged = followupDueOn(f.due_on, f.followup_from);
  // a plan followed from a later date is judged from it (docs/domain-rules.md §6, issue #14 §4)
  const limit = judged === f.due_on ? `thời hạn (${d(f.due_on)})` : `ngày bắt đầu theo dõi (${d(judged)})`;
  if (f.done_on && f.done_on <= judged) {
    return (
      `Kết quả nhận ngày ${d(f.done_on)}, trong ${limit}, đã được tiếp nhận: ` +
      'nhiệm vụ hoàn thành đúng hạn, không tính nhắc nhở bằng văn bản.'
    );
  }
  return (
    `Nhiệm vụ đã hủy từ ngày ${d(f.cancelled_on as string)}, không muộn hơn ${limit}: ` +
    'không tính nhắc nhở bằng văn bản.'
  );
}

/**
 * Thu hồi nhắc nhở — withdraws the recorded reminders (of these assignments, or all of the authority)
 * that the rule no longer gives: `withdrawn_at` and the reason are set, the row and the letter that
 * listed it stay for the record, and from then on it is counted nowhere (status, statistics and
 * scores compute from the same rule; lists of recorded reminders filter `withdrawn_at is null`).
 * One audit row per withdrawal, in the caller's transaction; a reminder whose letter was issued gets a
 * draft correction notice to its agency (letter-correction.ts). Called when a result is accepted, and by
 * each sweep day as a safety net (a result accepted while that day's sweep was recording).
 */
export async function withdrawRemindersNoLongerDue(
  trx: Kysely<DB>,
  authorityId: number,
  options: { assignmentIds?: number[]; actor: string; now: Date; ip?: string | null },
): Promise<WithdrawnReminder[]> {
  const facts = await listActiveReminderFacts(trx, authorityId, options.assignmentIds);
  const withdrawn: WithdrawnReminder[] = [];
  const withdrawnFacts: ActiveReminderFacts[] = [];
  for (const f of facts) {
    const reason = withdrawalReason(f);
    if (reason === null) continue;
    if (!(await markReminderWithdrawn(trx, f.id, options.now, reason))) continue;
    await writeAudit(trx, {
      authorityId,
      actor: options.actor,
      action: 'reminder.withdraw',
      entity: 'written_reminder',
      entityId: String(f.id),
      data: {
        assignmentId: f.assignment_id,
        plan: f.plan_number,
        task: f.task_ref,
        dueOn: f.recorded_due_on,
        resultReceivedOn: f.done_on ?? null,
        letterId: f.letter_id,
      },
      before: { withdrawnAt: null },
      after: { withdrawnAt: options.now.toISOString(), reason },
      ip: options.ip ?? null,
    });
    withdrawnFacts.push(f);
    withdrawn.push({
      id: f.id,
      letterId: f.letter_id,
      assignmentId: f.assignment_id,
      agencyId: f.agency_id,
      dueOn: f.recorded_due_on,
      reason,
    });
  }
  await draftCorrectionNotices(
    trx,
    authorityId,
    options.now,
    withdrawn.map((w, i) => {
      const f = withdrawnFacts[i] as ActiveReminderFacts;
      return { ...w, reminderId: w.id, plan: f.plan_number, task: f.task_ref };
    }),
  );
  return withdrawn;
}
