import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { addDays, daysBetween, type LocalDate } from '../../domain/dates.ts';
import { AppError } from '../../shared/errors.ts';
import { agencyFilterFor, authorityOf, requireAccess } from '../access/access.ts';
import { contentDisposition } from '../files/file-store.ts';
import {
  type ReminderLetterInput,
  reminderLetterText,
  renderReminderLetter,
} from '../letters/reminder-letter.ts';
import type { ServiceContext } from '../service-context.ts';
import { nextLetterNumber } from './followup.repo.ts';
import { letterSettingsOf } from './letter-settings.ts';
import {
  findLetterFile,
  insertReminderLetter,
  linkRemindersToLetter,
  listLetterPage,
  listLetterTasks,
} from './letters.repo.ts';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A written reminder the sweep has just recorded, with what the letter quotes of it. */
export interface LetterItem {
  reminderId: number;
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  planNumber: string;
  planTitle: string;
  planIssuedOn: LocalDate;
  taskRef: string;
  content: string;
  dueOn: LocalDate;
}

export interface IssuedLetter {
  id: number;
  agencyId: number;
  number: number;
  numberLine: string;
  abstract: string;
  body: string[];
}

type AuthorityRow = { id: number; name: string; place: string; settings: Record<string, unknown> };

/**
 * Công văn đôn đốc — one letter per agency for the reminders a sweep day recorded, numbered from the
 * authority's yearly counter inside the day's transaction (a rolled-back day gives its numbers back,
 * a committed one never reuses them), stored as .docx and linked from its reminders.
 */
export async function issueLettersForDay(
  trx: Kysely<DB>,
  authority: AuthorityRow,
  day: LocalDate,
  items: LetterItem[],
): Promise<IssuedLetter[]> {
  if (items.length === 0) return [];
  const settings = letterSettingsOf(authority);
  const byAgency = new Map<number, LetterItem[]>();
  for (const item of items) byAgency.set(item.agencyId, [...(byAgency.get(item.agencyId) ?? []), item]);
  const year = Number(day.slice(0, 4));
  const issued: IssuedLetter[] = [];
  for (const [agencyId, list] of [...byAgency].sort(([a], [b]) => a - b)) {
    const first = list[0] as LetterItem;
    const number = await nextLetterNumber(trx, authority.id, year);
    const input: ReminderLetterInput = {
      issuer: settings.issuer,
      number,
      symbol: settings.symbol,
      issuedOn: day,
      recipient: first.agencyName,
      plans: [...new Map(list.map((i) => [i.planNumber, i])).values()].map((i) => ({
        number: i.planNumber,
        issuedOn: i.planIssuedOn,
        title: i.planTitle,
      })),
      items: list.map((i) => ({
        plan: i.planNumber,
        task: i.taskRef,
        content: i.content,
        dueOn: i.dueOn,
        daysOverdue: daysBetween(i.dueOn, day),
      })),
      consequence: settings.consequence,
      signer: settings.signer,
      recipients: settings.recipients,
      asOf: day,
      reportBy: addDays(day, settings.reportWithinDays),
    };
    const content = await renderReminderLetter(input);
    const fileName = `Cong-van-don-doc-${number}-${settings.symbol}-${first.agencyCode}-${day}.docx`.replace(
      /[\\/:*?"<>|\s]+/g,
      '-',
    );
    const id = await insertReminderLetter(trx, {
      authority_id: authority.id,
      agency_id: agencyId,
      year,
      number,
      issued_on: day,
      sweep_day: day,
      content,
      file_name: fileName,
    });
    await linkRemindersToLetter(
      trx,
      id,
      list.map((i) => i.reminderId),
    );
    const text = reminderLetterText(input);
    issued.push({ id, agencyId, number, numberLine: `Số: ${number}/${settings.symbol}`, ...text });
  }
  return issued;
}

export interface LetterQuery {
  year?: number | undefined;
  page: number;
  pageSize: number;
}

/** The letters an actor may see: every agency's for the Office, leadership and admins; an agency its own. */
export async function listLetters(ctx: ServiceContext, query: LetterQuery) {
  const authorityId = authorityOf(ctx.actor);
  const agencyIds = agencyFilterFor(ctx.actor, 'reminder.read', authorityId);
  const { rows, total } = await listLetterPage(ctx.db, authorityId, agencyIds, query);
  const tasks = await listLetterTasks(
    ctx.db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      year: r.year,
      number: r.number,
      issuedOn: r.issued_on,
      agency: { code: r.code, name: r.name },
      fileName: r.file_name,
      tasks: tasks
        .filter((t) => t.letter_id === r.id)
        .map((t) => ({
          plan: t.number,
          task: t.ref,
          dueOn: t.due_on,
          withdrawnAt: t.withdrawn_at?.toISOString() ?? null,
          withdrawnReason: t.withdrawn_reason,
        })),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The stored .docx, to whoever may read its agency's reminders; another authority's letter is 404. */
export async function getLetterForDownload(ctx: ServiceContext, id: number) {
  const authorityId = authorityOf(ctx.actor);
  // the target agency needs the row: load it, then check, then answer
  const letter = await findLetterFile(ctx.db, authorityId, id);
  if (!letter) throw new AppError('NOT_FOUND', 'Không tìm thấy công văn đôn đốc.');
  requireAccess(ctx.actor, 'reminder.read', { authorityId, agencyId: letter.agency_id });
  return {
    fileName: letter.file_name,
    content: Buffer.from(letter.content),
    contentDisposition: contentDisposition(letter.file_name),
  };
}
