import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import {
  addDays,
  formatVietnameseDate as d,
  daysBetween,
  type LocalDate,
  localDateOf,
  maxDate,
} from '../../domain/dates.ts';
import { writtenReminderAsOf, writtenReminderFor } from '../../domain/reminders.ts';
import {
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
  type WorkingCalendar,
} from '../../domain/working-days.ts';
import { parseAsOf } from '../../shared/as-of.ts';
import { AppError } from '../../shared/errors.ts';
import { actorName, authorityOf, requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import { loadWorkingCalendar } from '../calendar/calendar.service.ts';
import { findAuthorityById } from '../directory/directory.repo.ts';
import type { ServiceContext } from '../service-context.ts';
import { listDeferredInternalReminders, listDeferredLetterNotices } from './deferred-notices.ts';
import {
  claimQuietDays,
  claimSweepDay,
  insertNotifications,
  insertWrittenReminders,
  listReminderCandidates,
  listTakenNotificationKeys,
  lockSweepDay,
  type NotificationInsert,
  readSweepStart,
} from './followup.repo.ts';
import { draftLettersForDay, type LetterItem } from './letter-issue.ts';
import { letterSettingsOf } from './letter-settings.ts';
import {
  escalationKey,
  escalationRecipientsOf,
  isNoticeDue,
  longOverdue,
  type NotificationDraft,
  planDigests,
  planEmails,
  planEscalations,
  planInternalReminders,
  planLetterNotifications,
  planNotices,
  planOverdueLists,
} from './notices.ts';
import { enqueueMessages } from './outbox.repo.ts';
import { withdrawRemindersNoLongerDue } from './reminder-withdrawal.ts';
import { planReplyFollowUps } from './reply-followup.ts';
import { fillQuotedDetails, loadRecipients, loadSweepFacts, type SweepFactRow } from './sweep-facts.ts';

export interface SweepOptions {
  /** days before a deadline on which the lead agency is notified */
  noticeOffsets: readonly number[];
  /** days overdue from which the agency head is told and the Office's list shows the item */
  escalateAfterDays: number;
  /** send the day's notices, digests, escalations and overdue lists (reminders and letters always) */
  notify: boolean;
}

export const DEFAULT_SWEEP_OPTIONS: SweepOptions = {
  noticeOffsets: [7, 3, 1, 0],
  escalateAfterDays: 30,
  notify: true,
};

/** A catch-up sends the time-bound messages only for its last days: a 3-year-old "due in 7 days" helps no one. */
export const NOTIFY_WINDOW_DAYS = 2;

/**
 * A catch-up day before the notify window: the candidates (read once for the whole catch-up, see
 * reminderCandidates) whose reminder becomes recordable by this day and that no earlier day of the
 * catch-up was given; the day reads only these (again, in its own transaction). The safety net of
 * withdrawals is left to the window's days, which read everything the day can act on.
 */
export interface CatchUpDay {
  ids: readonly number[];
}

export interface DaySweep {
  day: LocalDate;
  /** false: the day had been swept already (by this or another process) and nothing was done */
  swept: boolean;
  reminders: number;
  letters: number;
  notifications: number;
  emails: number;
}

/**
 * Quét ngày — the daily sweep of one day, in one transaction: claim the day (advisory lock on the
 * (authority, day) pair, then `insert into sweep_day … on conflict do nothing`), record the written
 * reminders incurred by the end of the day that are not recorded yet, issue one letter per agency
 * for them, and create that day's notifications and e-mails. Each row has a unique business key and
 * is inserted `on conflict do nothing`: a day swept twice, or by two processes, creates nothing twice.
 * The day reads only the lead assignments it can act on (loadSweepFacts): those the rule can still
 * remind and, when it notifies, those open and due within the notice window; a catch-up day before the
 * window reads only its candidates (`catchUp`). The Office, admins and the scheduler (`reminder.issue`).
 * On a non-working day of the authority's calendar (docs/domain-rules.md §4a, §11) the day records its
 * reminders and drafts their letters but sends nothing: its notifications and e-mails wait for the next
 * working day, which tells in one go what the days since the last working day left.
 */
export async function sweepDay(
  ctx: ServiceContext,
  day: LocalDate,
  options: Partial<SweepOptions> & { catchUp?: CatchUpDay } = {},
): Promise<DaySweep> {
  const authorityId = authorityOf(ctx.actor);
  requireAccess(ctx.actor, 'reminder.issue', { authorityId });
  return sweepOneDay(ctx, authorityId, day, options);
}

async function sweepOneDay(
  ctx: ServiceContext,
  authorityId: number,
  day: LocalDate,
  options: Partial<SweepOptions> & { catchUp?: CatchUpDay; calendar?: WorkingCalendar },
): Promise<DaySweep> {
  const o = { ...DEFAULT_SWEEP_OPTIONS, ...options };
  const catchUp = options.catchUp;
  return ctx.db.transaction().execute(async (trx) => {
    await lockSweepDay(trx, authorityId, day);
    if (!(await claimSweepDay(trx, authorityId, day))) {
      return { day, swept: false, reminders: 0, letters: 0, notifications: 0, emails: 0 };
    }
    const calendar = options.calendar ?? (await loadWorkingCalendar(trx, authorityId));
    // a day off tells no one; a working day tells what the days off since the last one left
    const working = isWorkingDay(calendar, day);
    const since = previousWorkingDay(calendar, day);
    const notify = o.notify && working;
    // safety net: a result received by its deadline but accepted while a sweep was recording
    if (!catchUp) await withdrawRemindersNoLongerDue(trx, authorityId, { actor: 'system', now: ctx.now });
    // the notices of the day: deadlines up to the longest offset, and those before the next working
    // day (their notices, falling on days off, are sent today: messageDayOf)
    const noticeUntil = notify
      ? maxDate(
          addDays(day, Math.max(0, ...o.noticeOffsets)),
          addDays(nextWorkingDay(calendar, addDays(day, 1)), -1),
        )
      : null;
    const facts = await loadSweepFacts(trx, authorityId, day, catchUp ?? { noticeUntil });
    const due = facts.flatMap((f) => {
      if (f.reminded) return [];
      const r = writtenReminderAsOf({ role: 'lead', ...f }, day);
      return r ? [{ assignmentId: f.assignmentId, agencyId: f.agencyId, ...r }] : [];
    });
    const recorded = await insertWrittenReminders(trx, authorityId, due, day);
    const recipients = await loadRecipients(trx, authorityId);
    // task contents and plan headers only for what is quoted: letters, notices, escalations
    const quoted = recorded.map((r) => r.assignment_id);
    let escalating: SweepFactRow[] = [];
    if (notify) {
      for (const f of facts) if (isNoticeDue(f, day, o.noticeOffsets, calendar)) quoted.push(f.assignmentId);
      // an escalation goes once per occurrence, due date and head: only those not sent yet are
      // drafted (the others would be dropped by their taken business keys)
      const keyed = longOverdue(facts, day, o.escalateAfterDays).flatMap((f) =>
        escalationRecipientsOf(recipients, f).map((h) => ({
          f,
          key: escalationKey(f.assignmentId, f.dueOn as LocalDate, h.userId),
        })),
      );
      const taken = await listTakenNotificationKeys(
        trx,
        keyed.map((k) => k.key),
      );
      const fresh = new Set(keyed.filter((k) => !taken.has(k.key)).map((k) => k.f));
      escalating = facts.filter((f) => fresh.has(f));
      quoted.push(...escalating.map((f) => f.assignmentId));
    }
    await fillQuotedDetails(trx, authorityId, facts, quoted);
    const byId = new Map(facts.map((f) => [f.assignmentId, f]));
    const items: LetterItem[] = recorded.map((r) => ({
      reminderId: r.id,
      ...(byId.get(r.assignment_id) as SweepFactRow),
      dueOn: r.due_on,
    }));
    // the authority's settings, read only on a day that drafts letters or tells of the days off before it
    const deferred = working && daysBetween(since, day) > 1;
    const authority = items.length > 0 || deferred ? await findAuthorityById(trx, authorityId) : null;
    const drafted =
      items.length > 0 && authority
        ? await draftLettersForDay(trx, authority, day, items)
        : { letters: 0, notices: [], internal: [] };
    const drafts: NotificationDraft[] = notify
      ? [
          ...planNotices(day, facts, recipients, o.noticeOffsets, calendar),
          ...planDigests(day, facts, recipients, since),
          ...planEscalations(day, escalating, recipients, o.escalateAfterDays),
          ...planOverdueLists(day, facts, recipients, o.escalateAfterDays),
          // reply deadlines passed since the last working day are not stale
          ...(await planReplyFollowUps(
            trx,
            authorityId,
            day,
            recipients,
            NOTIFY_WINDOW_DAYS + daysBetween(since, day),
          )),
        ]
      : [];
    if (working) {
      const letterNotices = [...drafted.notices];
      const internal: InternalItem[] = [...drafted.internal];
      if (deferred && authority) {
        letterNotices.unshift(...(await listDeferredLetterNotices(trx, authorityId, since, day)));
        const office = letterSettingsOf(authority).officeAgency;
        internal.unshift(...(await listDeferredInternalReminders(trx, authorityId, office, since, day)));
      }
      // the letters last: the newest notification, so the top of the recipient's list
      drafts.push(
        ...planInternalReminders(day, internal, recipients),
        ...planLetterNotifications(
          letterNotices.map((n) => ({ ...n, title: `Nhắc nhở bằng văn bản ngày ${d(day)}: ${n.title}` })),
          recipients,
        ),
      );
    }
    const created = await insertNotifications(
      trx,
      drafts.map((n): NotificationInsert => ({ authorityId, ...n })),
    );
    // a draft is not sent: the letter goes with the e-mails of its registration (letters.service.ts)
    const emails = planEmails(day, created, recipients).map((e) => ({ authorityId, ...e, attachments: [] }));
    const queued = await enqueueMessages(trx, emails);
    if (recorded.length > 0) {
      await writeAudit(trx, {
        authorityId,
        actor: 'system',
        action: 'sweep.reminders',
        entity: 'sweep_day',
        entityId: day,
        data: { reminders: recorded.length, letters: drafted.letters, internal: drafted.internal.length },
      });
    }
    return {
      day,
      swept: true,
      reminders: recorded.length,
      letters: drafted.letters,
      notifications: created.length,
      emails: queued,
    };
  });
}

type InternalItem = Parameters<typeof planInternalReminders>[1][number];

export interface SweepSummary {
  asOf: LocalDate;
  /** the days this call swept (those another process had done are left out) */
  days: LocalDate[];
  reminders: number;
  letters: number;
  notifications: number;
  emails: number;
}

/**
 * Catch-up: sweeps, in order and each in its own transaction, every day not swept yet from the first
 * sweepable day (the first day ever swept, else the first plan's date) to `asOf` — a calendar date, or
 * an instant read as its date in the authority's time zone. A late or repeated call skips no day and
 * repeats none; the time-bound messages are sent only for the last NOTIFY_WINDOW_DAYS + 1 days, and
 * before those, days on which no reminder becomes recordable are claimed in bulk (nothing to do), and
 * the others read only the candidates that become recordable on them (read once for the catch-up). A
 * normal day (every earlier day swept) reads no candidates: its one day reads what it can act on.
 * The scheduler's job calls it as is; `runSweep` (the API and the CLI) checks the date and audits.
 */
export async function sweepUpTo(
  ctx: ServiceContext,
  asOf: LocalDate | Date,
  options: Partial<Omit<SweepOptions, 'notify'>> & {
    notifyWindowDays?: number;
    shouldStop?: () => boolean;
  } = {},
): Promise<SweepSummary> {
  const authorityId = authorityOf(ctx.actor);
  requireAccess(ctx.actor, 'reminder.issue', { authorityId });
  const { db } = ctx;
  // the authority's time zone, read only to date an instant
  const last =
    typeof asOf === 'string' ? asOf : localDateOf(asOf, (await findAuthorityById(db, authorityId)).time_zone);
  const summary: SweepSummary = {
    asOf: last,
    days: [],
    reminders: 0,
    letters: 0,
    notifications: 0,
    emails: 0,
  };
  const { first, swept } = await readSweepStart(db, authorityId);
  if (first === null || first > last) return summary;
  const notifyFrom = addDays(last, -(options.notifyWindowDays ?? NOTIFY_WINDOW_DAYS));
  // read only when a day before the window is left to sweep (never on a normal day)
  let unswept = false;
  for (let day = first; day < notifyFrom && day <= last && !unswept; day = addDays(day, 1))
    unswept = !swept.has(day);
  const candidates = unswept ? await reminderCandidates(db, authorityId) : [];
  const events = new Set(candidates.map((c) => c.day));
  const calendar = await loadWorkingCalendar(db, authorityId);
  // a day off that recorded reminders leaves them to be told on the next working day: not a quiet one
  let owed = false;
  let given = 0; // candidates[0, given) were handed to a day already
  let quiet: LocalDate[] = [];
  const claimQuiet = async () => {
    summary.days.push(...(await claimQuietDays(db, authorityId, quiet)));
    quiet = [];
  };
  for (let day = first; day <= last && !options.shouldStop?.(); day = addDays(day, 1)) {
    if (swept.has(day)) continue;
    // outside the notify window a day on which no reminder becomes recordable has nothing to do
    const working = isWorkingDay(calendar, day);
    if (day < notifyFrom && !events.has(day) && !(owed && working)) {
      quiet.push(day);
      if (quiet.length >= 366) await claimQuiet();
      continue;
    }
    await claimQuiet();
    let catchUp: CatchUpDay | undefined;
    if (day < notifyFrom) {
      const from = given;
      while (given < candidates.length && (candidates[given] as Candidate).day <= day) given++;
      catchUp = { ids: candidates.slice(from, given).map((c) => c.id) };
    }
    const result = await sweepOneDay(ctx, authorityId, day, {
      ...options,
      calendar,
      notify: day >= notifyFrom,
      ...(catchUp ? { catchUp } : {}),
    });
    owed = !working && (owed || result.reminders > 0);
    if (!result.swept) continue;
    summary.days.push(day);
    summary.reminders += result.reminders;
    summary.letters += result.letters;
    summary.notifications += result.notifications;
    summary.emails += result.emails;
  }
  await claimQuiet();
  summary.days.sort();
  return summary;
}

interface Candidate {
  id: number;
  /** the day its reminder becomes recordable */
  day: LocalDate;
}

/**
 * The lead assignments with a reminder not recorded yet, each with the day it becomes recordable —
 * its reminder date, or the day its assignment comes to exist if that is later: exactly the days a
 * full sweep would record one — in that order. Read once per catch-up; a fact that changes meanwhile
 * is caught by the next full day (the window's, rule: ≤ day).
 */
async function reminderCandidates(db: Kysely<DB>, authorityId: number): Promise<Candidate[]> {
  const candidates: Candidate[] = [];
  for (const f of await listReminderCandidates(db, authorityId)) {
    const r = writtenReminderFor({
      role: 'lead',
      dueOn: f.due_on,
      doneOn: f.done_on ?? null,
      cancelledOn: f.cancelled_on,
      followupFrom: f.followup_from,
    });
    if (r) candidates.push({ id: f.id, day: maxDate(r.remindedOn, f.opened_on) });
  }
  return candidates.sort((a, b) => a.day.localeCompare(b.day) || a.id - b.id);
}

/**
 * POST /sweeps and `dondoc sweep` — the Office (or the CLI) runs the catch-up now, up to a date no
 * later than today (default today); audited.
 */
export async function runSweep(
  c: ServiceContext,
  body: { asOf?: string | undefined },
  options: Partial<Omit<SweepOptions, 'notify'>> & { shouldStop?: () => boolean } = {},
): Promise<SweepSummary & { authority: string }> {
  const authorityId = authorityOf(c.actor);
  requireAccess(c.actor, 'reminder.issue', { authorityId });
  const authority = await findAuthorityById(c.db, authorityId);
  const today = localDateOf(c.now, authority.time_zone);
  const asOf = parseAsOf(body.asOf, authority.time_zone, c.now);
  if (asOf > today) {
    throw new AppError('INVALID_DATE', `Không thể quét trước cho ngày ${asOf}: hôm nay là ${today}.`, {
      asOf,
      today,
    });
  }
  const summary = await sweepUpTo(c, asOf, options);
  await writeAudit(c.db, {
    authorityId: authority.id,
    actor: actorName(c.actor),
    action: 'sweep.run',
    entity: 'sweep_day',
    entityId: asOf,
    data: { days: summary.days.length, reminders: summary.reminders, letters: summary.letters },
  });
  return { authority: authority.code, ...summary };
}
