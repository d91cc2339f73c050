/**
 * Công văn đôn đốc of a sweep day: a step inside the sweep's transaction (sweep.service.ts, whose use
 * case checks the access), not a use case of its own.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { daysBetween, type LocalDate } from '../../domain/dates.ts';
import { nextWorkingDay } from '../../domain/working-days.ts';
import { loadWorkingCalendar } from '../calendar/calendar.service.ts';
import {
  type ReminderLetterInput,
  reminderLetterText,
  renderReminderLetter,
} from '../letters/reminder-letter.ts';
import { nextLetterNumber } from './followup.repo.ts';
import { letterSettingsOf, replyDueOn } from './letter-settings.ts';
import { insertReminderLetter, linkRemindersToLetter } from './letters.repo.ts';

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
  // dated on a working day: a weekend's or a holiday's letters bear the next working day's date, and
  // the reply is due N working days after it (docs/domain-rules.md §4a, §6)
  const calendar = await loadWorkingCalendar(trx, authority.id);
  const issuedOn = nextWorkingDay(calendar, day);
  const reportBy = replyDueOn(issuedOn, settings, calendar);
  const byAgency = new Map<number, LetterItem[]>();
  for (const item of items) byAgency.set(item.agencyId, [...(byAgency.get(item.agencyId) ?? []), item]);
  const year = Number(issuedOn.slice(0, 4));
  const issued: IssuedLetter[] = [];
  for (const [agencyId, list] of [...byAgency].sort(([a], [b]) => a - b)) {
    const first = list[0] as LetterItem;
    const number = await nextLetterNumber(trx, authority.id, year);
    const input: ReminderLetterInput = {
      issuer: settings.issuer,
      number,
      symbol: settings.symbol,
      issuedOn,
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
      reportBy,
    };
    const content = await renderReminderLetter(input);
    const fileName =
      `Cong-van-don-doc-${number}-${settings.symbol}-${first.agencyCode}-${issuedOn}.docx`.replace(
        /[\\/:*?"<>|\s]+/g,
        '-',
      );
    const id = await insertReminderLetter(trx, {
      authority_id: authority.id,
      agency_id: agencyId,
      year,
      number,
      issued_on: issuedOn,
      sweep_day: day,
      content,
      file_name: fileName,
      reply_due_on: input.reportBy ?? null,
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
