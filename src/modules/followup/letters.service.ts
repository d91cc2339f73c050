import { pageAnswer } from '../../db/page.ts';
import { inTransaction } from '../../db/transaction.ts';
import { formatVietnameseDate as d, type LocalDate, localDateOf } from '../../domain/dates.ts';
import { isWorkingDay, nextWorkingDay, type WorkingCalendar } from '../../domain/working-days.ts';
import { AppError } from '../../shared/errors.ts';
import { numberLine } from '../../shared/letter-forms.ts';
import type { LetterRegisterInput } from '../../shared/schemas/followup.ts';
import { actorName, agencyFilterFor, authorityOf, can, requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import { loadWorkingCalendar } from '../calendar/calendar.service.ts';
import { findAuthorityById } from '../directory/directory.repo.ts';
import { contentDisposition } from '../files/file-store.ts';
import type { ServiceContext } from '../service-context.ts';
import { insertNotifications } from './followup.repo.ts';
import { renderDraft, renderStoredLetter, type StoredLetterInput } from './letter-issue.ts';
import {
  findLetter,
  findRegisteredNumber,
  keepLetterAgencies,
  listLetterAgencies,
  listLetterPage,
  listLetterTasks,
  listWithdrawnReminderIds,
  storeDraftContent,
  updateLetter,
} from './letters.repo.ts';
import { planEmails, planLetterNotifications } from './notices.ts';
import { enqueueMessages } from './outbox.repo.ts';
import { loadRecipients } from './sweep-facts.ts';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface LetterQuery {
  year?: number | undefined;
  page: number;
  pageSize: number;
}

/**
 * The letters an actor may see, drafts and correction notices with them: every one for the Office,
 * leadership and admins; an agency those addressed to it.
 */
export async function listLetters(ctx: ServiceContext, query: LetterQuery) {
  const authorityId = authorityOf(ctx.actor);
  const agencyIds = agencyFilterFor(ctx.actor, 'reminder.read', authorityId);
  const { rows, total } = await listLetterPage(ctx.db, authorityId, agencyIds, query);
  const letterIds = rows.map((r) => r.id);
  const [agencies, tasks] = await Promise.all([
    listLetterAgencies(ctx.db, letterIds),
    listLetterTasks(ctx.db, letterIds),
  ]);
  const nameOf = new Map(agencies.map((a) => [a.id, a.name]));
  const items = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    status: r.status,
    year: r.year,
    number: r.number,
    numberLine: numberLine(r.number, r.symbol),
    issuedOn: r.issued_on,
    sweepDay: r.sweep_day,
    agencies: agencies.filter((a) => a.letter_id === r.id).map((a) => ({ code: a.code, name: a.name })),
    correctsId: r.corrects_id,
    fileName: r.file_name,
    tasks: tasks
      .filter((t) => (r.kind === 'correction' ? t.correction_id : t.letter_id) === r.id)
      .filter((t) => agencyIds === null || agencyIds.includes(t.agency_id))
      .map((t) => ({
        agency: nameOf.get(t.agency_id) ?? '',
        plan: t.number,
        task: t.ref,
        dueOn: t.due_on,
        withdrawnAt: t.withdrawn_at?.toISOString() ?? null,
        withdrawnReason: t.withdrawn_reason,
      })),
  }));
  return pageAnswer(query, items, total);
}

/** Whether the actor may read a letter: the Office and leadership any; an agency one addressed to it. */
async function requireLetterReader(ctx: ServiceContext, authorityId: number, letterId: number) {
  const addressees = await listLetterAgencies(ctx.db, [letterId]);
  const target = (agencyId: number) => ({ authorityId, agencyId });
  if (!addressees.some((a) => can(ctx.actor, 'reminder.read', target(a.id)))) {
    requireAccess(ctx.actor, 'reminder.read', target(addressees[0]?.id ?? -1));
  }
}

/** The stored .docx (a draft as drafted), to whoever may read it; another authority's letter is 404. */
export async function getLetterForDownload(ctx: ServiceContext, id: number) {
  const authorityId = authorityOf(ctx.actor);
  // the addressees need the row: load it, then check, then answer
  const letter = await findLetter(ctx.db, authorityId, id);
  if (!letter) throw new AppError('NOT_FOUND', 'Không tìm thấy công văn đôn đốc.');
  await requireLetterReader(ctx, authorityId, id);
  let content = letter.content;
  if (content === null) {
    // a draft the sweep left unrendered (issue #18): rendered now from its input, and kept
    content = await renderDraft(letter.input as StoredLetterInput);
    await storeDraftContent(ctx.db, id, content);
  }
  return {
    fileName: letter.file_name,
    content: Buffer.from(content),
    contentDisposition: contentDisposition(letter.file_name),
  };
}

/**
 * Vào sổ công văn — POST /letters/{id}/register (docs/domain-rules.md §6.1):
 * the Office records the draft's number from the outgoing register (or none: 'Số:       /VP-KSTT' for
 * the văn thư to write) and its date, no earlier than its reminders' day and no later than today; the
 * letter is rendered again with them and becomes issued, and each addressee's users are told, by e-mail
 * with the letter attached. The reminders keep their own date (the day after the deadline).
 */
export async function registerLetter(ctx: ServiceContext, id: number, body: LetterRegisterInput) {
  const authorityId = authorityOf(ctx.actor);
  requireAccess(ctx.actor, 'reminder.issue', { authorityId });
  return inTransaction(ctx.db, async (trx) => {
    const letter = await findLetter(trx, authorityId, id, true);
    if (!letter) throw new AppError('NOT_FOUND', 'Không tìm thấy công văn đôn đốc.');
    const line = numberLine(letter.number, letter.symbol);
    if (letter.status !== 'draft' || letter.input === null) {
      throw new AppError(
        'CONFLICT',
        `Công văn ${line.slice(4).trim()} đã vào sổ ngày ${d(letter.issued_on ?? '')}.`,
      );
    }
    const authority = await findAuthorityById(trx, authorityId);
    const today = localDateOf(ctx.now, authority.time_zone);
    const calendar = await loadWorkingCalendar(trx, authorityId);
    requireIssueDate(body.issuedOn, letter.sweep_day, today, calendar);
    const year = Number(body.issuedOn.slice(0, 4));
    if (body.number !== null) {
      const key = { authorityId, year, symbol: letter.symbol, number: body.number };
      const taken = await findRegisteredNumber(trx, key);
      if (taken) {
        throw new AppError(
          'CONFLICT',
          `Số ${numberLine(body.number, letter.symbol).slice(4).trim()} năm ${year} đã vào sổ cho công văn khác ` +
            `(ngày ${d(taken.issued_on ?? '')}).`,
          { letterId: taken.id },
        );
      }
    }
    const agencies = await listLetterAgencies(trx, [id]);
    const registered = { number: body.number, symbol: letter.symbol, issuedOn: body.issuedOn };
    const rendered = await renderStoredLetter(
      letter.input as StoredLetterInput,
      registered,
      agencies,
      await listWithdrawnReminderIds(trx, id),
      calendar,
    );
    if (rendered === null) {
      throw new AppError(
        'CONFLICT',
        'Mọi nhắc nhở trong dự thảo công văn đã được thu hồi (kết quả nhận trong thời hạn): không còn nội dung để ban hành.',
      );
    }
    const kept = agencies.filter((a) => rendered.addressees.includes(a.name));
    await keepLetterAgencies(
      trx,
      id,
      kept.map((a) => a.id),
    );
    await updateLetter(trx, id, {
      status: 'issued',
      number: body.number,
      year,
      issued_on: body.issuedOn,
      reply_due_on: rendered.replyDueOn,
      content: rendered.content,
      file_name: rendered.fileName,
    });
    const issuedLine = numberLine(body.number, letter.symbol);
    await writeAudit(trx, {
      authorityId,
      actor: actorName(ctx.actor),
      action: 'letter.register',
      entity: 'reminder_letter',
      entityId: String(id),
      data: { kind: letter.kind, numberLine: issuedLine, issuedOn: body.issuedOn },
      before: { status: 'draft' },
      after: { status: 'issued', number: body.number, issuedOn: body.issuedOn },
      ip: ctx.ip,
    });
    await notifyAddressees(trx, authorityId, id, body.issuedOn, rendered.noticeFor, kept);
    return {
      id,
      status: 'issued' as const,
      numberLine: issuedLine,
      issuedOn: body.issuedOn,
      fileName: rendered.fileName,
    };
  });
}

function requireIssueDate(
  issuedOn: LocalDate,
  sweepDay: LocalDate,
  today: LocalDate,
  calendar: WorkingCalendar,
) {
  // nothing is dated on a non-working day (docs/domain-rules.md §4a)
  if (!isWorkingDay(calendar, issuedOn)) {
    throw new AppError(
      'INVALID_DATE',
      `Ngày ban hành ${d(issuedOn)} không phải ngày làm việc (nghỉ cuối tuần, lễ, Tết): hãy chọn ngày ` +
        `${d(nextWorkingDay(calendar, issuedOn))} hoặc một ngày làm việc khác.`,
      { issuedOn, nextWorkingDay: nextWorkingDay(calendar, issuedOn) },
    );
  }
  if (issuedOn < sweepDay) {
    throw new AppError(
      'INVALID_DATE',
      `Ngày ban hành ${d(issuedOn)} sớm hơn ngày lập dự thảo công văn (${d(sweepDay)}).`,
      { issuedOn, sweepDay },
    );
  }
  if (issuedOn > today) {
    throw new AppError('INVALID_DATE', `Ngày ban hành ${d(issuedOn)} sau hôm nay (${d(today)}).`, {
      issuedOn,
      today,
    });
  }
}

/** The registered letter to each addressee's users: in dondoc, and by e-mail with the .docx attached. */
async function notifyAddressees(
  trx: ServiceContext['db'],
  authorityId: number,
  letterId: number,
  issuedOn: LocalDate,
  noticeFor: (agencyName: string) => { title: string; body: string[] },
  agencies: { id: number; name: string }[],
) {
  const recipients = await loadRecipients(trx, authorityId);
  const notices = agencies.map((a) => ({ letterId, agencyId: a.id, ...noticeFor(a.name) }));
  const created = await insertNotifications(
    trx,
    planLetterNotifications(notices, recipients, 'letter').map((n) => ({ authorityId, ...n })),
  );
  await enqueueMessages(
    trx,
    planEmails(issuedOn, created, recipients).map((e) => ({
      authorityId,
      ...e,
      businessKey: `mail:letter:l${letterId}:u${e.userId}`,
      attachments: [{ kind: 'reminder_letter' as const, letterId }],
    })),
  );
}
