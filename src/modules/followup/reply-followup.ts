import type { Kysely } from 'kysely';
import { assignmentsWithPlanAndAgency, cancelledOnSql, doneOnSql } from '../../db/assignment-facts.ts';
import type { DB } from '../../db/schema.ts';
import { addDays, formatVietnameseDate as d, type LocalDate } from '../../domain/dates.ts';
import { numberLine } from '../../shared/letter-forms.ts';
import { LETTERS_PAGE, type NotificationDraft, type Recipient } from './notices.ts';

/**
 * Hạn báo cáo theo công văn đôn đốc (docs/domain-rules.md §10): a reminder letter asks for the results
 * within `reportWithinDays` working days (`reminder_letter.reply_due_on`). On the first notifying
 * sweep day after that date, each task the letter listed that is still without a result received by
 * then (and not cancelled) is followed up once: the Office is proposed a second reminder (đôn đốc lần
 * 2) and the leader in charge of the task (every leader when the task has none) is told. A second
 * letter is not a second written reminder: the §6 count stays one per missed deadline. Like every
 * time-bound message of a catch-up, a reply deadline that passed more than `staleAfterDays` days
 * before the day is marked followed up without messages (a year-old "not answered" helps no one).
 */
export async function planReplyFollowUps(
  trx: Kysely<DB>,
  authorityId: number,
  day: LocalDate,
  recipients: Recipient[],
  staleAfterDays: number,
): Promise<NotificationDraft[]> {
  const letters = await trx
    .selectFrom('reminder_letter as l')
    .select(['l.id', 'l.number', 'l.symbol', 'l.issued_on', 'l.reply_due_on'])
    .where('l.authority_id', '=', authorityId)
    // only a registered letter sets a reply deadline (a draft has none: docs/domain-rules.md §6.1)
    .where('l.status', '=', 'issued')
    .where('l.reply_due_on', '<', day)
    .where('l.reply_followed_up_on', 'is', null)
    .orderBy('l.id')
    .forUpdate()
    .execute();
  if (letters.length === 0) return [];
  const drafts: NotificationDraft[] = [];
  for (const letter of letters) {
    const replyDue = letter.reply_due_on as LocalDate;
    if (replyDue < addDays(day, -staleAfterDays)) continue;
    const open = (await listLetterTasks(trx, letter.id)).filter(
      (t) =>
        (t.done_on === null || t.done_on > replyDue) && (t.cancelled_on === null || t.cancelled_on > day),
    );
    if (open.length === 0) continue;
    const cite = `Công văn đôn đốc số ${numberLine(letter.number, letter.symbol).slice(4).trim()} ngày ${d(letter.issued_on as LocalDate)}`;
    // a letter may go to several agencies (one letter a day to many): those still owing a result
    const agencyNames = [...new Set(open.map((t) => t.agency_name))].join(', ');
    const lines = open.map(
      (t) => `- Nhiệm vụ ${t.task_ref} (${t.plan_number}), hạn ${d(t.due_on as LocalDate)}`,
    );
    const body = `${cite} đề nghị ${agencyNames} gửi kết quả trước ngày ${d(replyDue)}; đến ngày ${d(day)} chưa nhận được kết quả của:\n${lines.join('\n')}`;
    const link = LETTERS_PAGE;
    for (const r of recipients.filter((r) => r.role === 'office')) {
      drafts.push({
        userId: r.userId,
        kind: 'overdue_list',
        businessKey: `second_reminder:l${letter.id}:u${r.userId}`,
        title: `Đề nghị đôn đốc lần 2: ${agencyNames} chưa báo cáo theo ${cite}`,
        body: `${body}\n\nĐề nghị Văn phòng trình ban hành công văn đôn đốc lần 2 (không tính thêm lần nhắc nhở bằng văn bản).`,
        link,
        assignmentId: null,
      });
    }
    const leaders = recipients.filter((r) => r.role === 'leader');
    const inCharge = new Set(open.map((t) => t.leader_user_id));
    const told = inCharge.has(null) ? leaders : leaders.filter((r) => inCharge.has(r.userId));
    for (const r of told) {
      drafts.push({
        userId: r.userId,
        kind: 'escalation',
        businessKey: `reply_escalation:l${letter.id}:u${r.userId}`,
        title: `Quá hạn báo cáo theo ${cite}: ${agencyNames}`,
        body: `${body}\n\nKính báo cáo lãnh đạo phụ trách lĩnh vực.`,
        link,
        assignmentId: null,
      });
    }
  }
  await trx
    .updateTable('reminder_letter')
    .set({ reply_followed_up_on: day })
    .where(
      'id',
      'in',
      letters.map((l) => l.id),
    )
    .execute();
  return drafts;
}

/** The lead assignments a letter listed (its reminders not withdrawn), with the rule's facts. */
function listLetterTasks(trx: Kysely<DB>, letterId: number) {
  return assignmentsWithPlanAndAgency(trx)
    .innerJoin('written_reminder as w', 'w.assignment_id', 'a.id')
    .select([
      'a.id',
      't.ref as task_ref',
      'p.number as plan_number',
      'g.name as agency_name',
      't.leader_user_id',
      'w.due_on',
      doneOnSql.as('done_on'),
      cancelledOnSql.as('cancelled_on'),
    ])
    .where('w.letter_id', '=', letterId)
    .where('w.withdrawn_at', 'is', null)
    .orderBy('t.position')
    .orderBy('a.id')
    .execute();
}
