/**
 * Công văn đôn đốc of a sweep day (docs/domain-rules.md §6.1): a step inside the sweep's transaction
 * (sweep.service.ts, whose use case checks the access), not a use case of its own. The sweep drafts;
 * the Office registers (letters.service.ts: number and date from the outgoing register).
 */
import type { Kysely } from 'kysely';
import type { DB, LetterKind } from '../../db/schema.ts';
import { daysBetween, formatVietnameseDate, type LocalDate } from '../../domain/dates.ts';
import { nextWorkingDay, type WorkingCalendar } from '../../domain/working-days.ts';
import { numberLine } from '../../shared/letter-forms.ts';
import { loadWorkingCalendar } from '../calendar/calendar.service.ts';
import { type CorrectionNoticeInput, correctionNoticeText } from '../letters/correction-text.ts';
import type { ReminderLetterInput } from '../letters/letter-input.ts';
import { renderCorrectionNotice, renderReminderLetter } from '../letters/letter-render.ts';
import { reminderLetterText } from '../letters/letter-text.ts';
import { type LetterSettings, letterSettingsOf, replyDueOn } from './letter-settings.ts';
import { insertDraftLetter, linkRemindersToLetter } from './letters.repo.ts';

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

/** What one addressee is told of a drafted letter: its own tasks only. */
export interface LetterNotice {
  letterId: number;
  agencyId: number;
  title: string;
  body: string[];
}

/**
 * What a letter is drafted from, kept with it (`reminder_letter.input`) to be rendered again when
 * registered: a letter's input with the reminder of each item (in order), or a correction notice's.
 */
export type StoredLetterInput =
  | { letter: ReminderLetterInput; reportWithinDays: number; reminderIds: number[] }
  | { correction: CorrectionNoticeInput };

type AuthorityRow = { id: number; name: string; place: string; settings: Record<string, unknown> };

/** The letter's input for these reminders (ordered by agency), undated and unnumbered: a draft. */
function draftInput(
  settings: LetterSettings,
  day: LocalDate,
  list: LetterItem[],
  calendar: WorkingCalendar,
): ReminderLetterInput {
  return {
    issuer: settings.issuer,
    authority: settings.authority,
    number: null,
    symbol: settings.symbol,
    issuedOn: null,
    addressees: [...new Set(list.map((i) => i.agencyName))],
    plans: [...new Map(list.map((i) => [i.planNumber, i])).values()].map((i) => ({
      number: i.planNumber,
      issuedOn: i.planIssuedOn,
      title: i.planTitle,
    })),
    items: list.map((i) => ({
      agency: i.agencyName,
      plan: i.planNumber,
      task: i.taskRef,
      content: i.content,
      dueOn: i.dueOn,
      daysOverdue: daysBetween(i.dueOn, day),
    })),
    consequence: settings.consequence,
    signer: settings.signer,
    recipients: settings.recipients,
    division: settings.division,
    asOf: day,
    // a draft counts the reply from the first working day it can be issued on (docs/domain-rules.md §4a)
    reportBy: replyDueOn(nextWorkingDay(calendar, day), settings, calendar),
  };
}

/**
 * The letter as registered: its number (or blank) and date, the results requested counted from that
 * date, without the tasks whose reminders were withdrawn since the draft (and their agencies).
 */
export function registeredInput(
  stored: Extract<StoredLetterInput, { letter: unknown }>,
  number: number | null,
  issuedOn: LocalDate,
  withdrawn: ReadonlySet<number>,
  calendar: WorkingCalendar,
): ReminderLetterInput {
  const items = stored.letter.items.filter((_, i) => !withdrawn.has(stored.reminderIds[i] ?? -1));
  return {
    ...stored.letter,
    addressees: stored.letter.addressees.filter((a) => items.some((i) => i.agency === a)),
    items,
    number,
    issuedOn,
    reportBy: replyDueOn(issuedOn, stored, calendar),
  };
}

/**
 * 'Du-thao-Cong-van-don-doc-2021-01-21-STP.docx' (a draft; the agency's code when it goes to one), then
 * 'Cong-van-don-doc-04-VP-KSTT-STP-2021-02-15.docx' once registered; 'Dieu-chinh-cong-van-…' for a correction.
 */
export function letterFileName(
  kind: LetterKind,
  registered: { number: number | null; symbol: string; issuedOn: LocalDate } | null,
  agencyCodes: string[],
  day: LocalDate,
): string {
  const what = kind === 'correction' ? 'Dieu-chinh-cong-van' : 'Cong-van-don-doc';
  const who = agencyCodes.length === 1 ? `-${agencyCodes[0]}` : '';
  const name = registered
    ? `${what}-${numberLine(registered.number, registered.symbol).slice(4).trim()}${who}-${registered.issuedOn}`
    : `Du-thao-${what}-${day}${who}`;
  return `${name.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/-+/g, '-')}.docx`;
}

/** The letter's text as one addressee reads it: the salutation and the tasks narrowed to its own. */
export function letterTextFor(input: ReminderLetterInput, agency: string) {
  return reminderLetterText({
    ...input,
    addressees: [agency],
    items: input.items.filter((i) => i.agency === agency),
  });
}

/**
 * Công văn đôn đốc — drafts the letters for the reminders a sweep day recorded: one to every agency
 * concerned (`combined`, the default) or one per agency, stored as a .docx without number or date and
 * linked from its reminders and to its addressees. The reminders of the Office's own tasks go into no
 * letter (the Office does not write to itself): they are returned as `internal`, reported inside.
 */
export async function draftLettersForDay(
  trx: Kysely<DB>,
  authority: AuthorityRow,
  day: LocalDate,
  items: LetterItem[],
): Promise<{ letters: number; notices: LetterNotice[]; internal: LetterItem[] }> {
  const settings = letterSettingsOf(authority);
  const calendar = await loadWorkingCalendar(trx, authority.id);
  const internal = items.filter((i) => i.agencyCode === settings.officeAgency);
  const external = items
    .filter((i) => i.agencyCode !== settings.officeAgency)
    .sort((a, b) => a.agencyId - b.agencyId);
  const byAgency = new Map<number, LetterItem[]>();
  for (const item of external) byAgency.set(item.agencyId, [...(byAgency.get(item.agencyId) ?? []), item]);
  const groups = settings.combined ? (external.length > 0 ? [external] : []) : [...byAgency.values()];
  const notices: LetterNotice[] = [];
  for (const list of groups) {
    const input = draftInput(settings, day, list, calendar);
    const agencies = [...new Map(list.map((i) => [i.agencyId, i])).values()];
    const stored: StoredLetterInput = {
      letter: input,
      reportWithinDays: settings.reportWithinDays,
      reminderIds: list.map((i) => i.reminderId),
    };
    const id = await insertDraftLetter(
      trx,
      {
        authority_id: authority.id,
        symbol: settings.symbol,
        sweep_day: day,
        // rendered on its first download (renderDraft), not in the sweep day's transaction (issue #18)
        content: null,
        file_name: letterFileName(
          'reminder',
          null,
          agencies.map((a) => a.agencyCode),
          day,
        ),
        input: JSON.stringify(stored),
      },
      agencies.map((a) => a.agencyId),
    );
    await linkRemindersToLetter(
      trx,
      id,
      list.map((i) => i.reminderId),
    );
    for (const a of agencies) {
      const text = letterTextFor(input, a.agencyName);
      notices.push({ letterId: id, agencyId: a.agencyId, title: text.abstract, body: text.body });
    }
  }
  return { letters: groups.length, notices, internal };
}

/** A draft's .docx, rendered from what it was drafted from (on its first download: letters.service.ts). */
export async function renderDraft(stored: StoredLetterInput): Promise<Uint8Array> {
  return 'correction' in stored
    ? renderCorrectionNotice(stored.correction)
    : renderReminderLetter(stored.letter);
}

/**
 * A draft rendered again as registered (docs/domain-rules.md §6.1): its .docx and file name, the
 * agencies it still goes to, and what each is told (`noticeFor`, by agency name); null when every
 * reminder it carried has been withdrawn since (nothing is left to send).
 */
export async function renderStoredLetter(
  stored: StoredLetterInput,
  registered: { number: number | null; symbol: string; issuedOn: LocalDate },
  agencies: { code: string; name: string }[],
  withdrawn: ReadonlySet<number>,
  calendar: WorkingCalendar,
) {
  const { number, issuedOn } = registered;
  const cited = numberLine(number, registered.symbol).slice(4).trim();
  const title = (abstract: string, what: string) =>
    `${what} số ${cited} ngày ${formatVietnameseDate(issuedOn)}: ${abstract}`;
  if ('correction' in stored) {
    const input = { ...stored.correction, number, issuedOn };
    const text = correctionNoticeText(input);
    return {
      content: await renderCorrectionNotice(input),
      fileName: letterFileName(
        'correction',
        registered,
        agencies.map((a) => a.code),
        issuedOn,
      ),
      addressees: agencies.map((a) => a.name),
      replyDueOn: null,
      noticeFor: () => ({ title: title(text.abstract, 'Công văn'), body: text.body }),
    };
  }
  const input = registeredInput(stored, number, issuedOn, withdrawn, calendar);
  if (input.items.length === 0) return null;
  const kept = agencies.filter((a) => input.addressees.includes(a.name));
  return {
    content: await renderReminderLetter(input),
    fileName: letterFileName(
      'reminder',
      registered,
      kept.map((a) => a.code),
      issuedOn,
    ),
    addressees: input.addressees,
    // tracked: when it passes without a result, the sweep follows up (docs/domain-rules.md §10)
    replyDueOn: input.reportBy ?? null,
    noticeFor: (agency: string) => {
      const text = letterTextFor(input, agency);
      return { title: title(text.abstract, 'Công văn đôn đốc'), body: text.body };
    },
  };
}
