import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { dateParts, formatVietnameseDate, localDateOf } from '../../domain/dates.ts';
import {
  allShippedCalendarDays,
  isAnnouncedYear,
  SHIPPED_FIRST_YEAR,
  SHIPPED_LAST_YEAR,
  workingCalendarOf,
} from '../../domain/holidays.ts';
import {
  type DueShift,
  isWorkingDay,
  WEEKENDS_ONLY,
  type WorkingCalendar,
} from '../../domain/working-days.ts';
import { AppError } from '../../shared/errors.ts';
import type { CalendarDayInput, CalendarReply, DueShiftReply } from '../../shared/schemas/calendar.ts';
import { actorName, authorityOf, requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import { findAuthorityById } from '../directory/directory.repo.ts';
import type { ServiceContext } from '../service-context.ts';
import {
  deleteCalendarDay,
  findCalendarDay,
  findDueShift,
  listCalendarDays,
  loadShippedDaysOnce,
  recomputeDueDates,
  saveCalendarDay,
  saveDueShift,
} from './calendar.repo.ts';

/**
 * The shipped holidays (2020–2030) in the authority's calendar: loaded on its first use, once
 * (docs/domain-rules.md §4a). Every reader and writer of the calendar calls it first.
 */
export async function ensureShippedCalendar(db: Kysely<DB>, authorityId: number): Promise<void> {
  await inTransaction(db, (trx) =>
    loadShippedDaysOnce(
      trx,
      authorityId,
      allShippedCalendarDays(),
      `${SHIPPED_FIRST_YEAR}-${SHIPPED_LAST_YEAR}`,
    ),
  );
}

/** The authority's working calendar, for the rules that count working days (sweep, letters). */
export async function loadWorkingCalendar(db: Kysely<DB>, authorityId: number): Promise<WorkingCalendar> {
  await ensureShippedCalendar(db, authorityId);
  return workingCalendarOf(await listCalendarDays(db, authorityId));
}

/** Lịch làm việc — GET /api/settings/calendar: one year's days (default this year); who reads letter settings. */
export async function listCalendar(
  c: ServiceContext,
  query: { year?: number | undefined },
): Promise<CalendarReply> {
  const authorityId = authorityOf(c.actor);
  requireAccess(c.actor, 'reminder.read', { authorityId });
  const year = query.year ?? (await thisYear(c, authorityId));
  await ensureShippedCalendar(c.db, authorityId);
  const days = await listCalendarDays(c.db, authorityId, year);
  return { year, days, announced: isAnnouncedYear(year), dueShift: await findDueShift(c.db, authorityId) };
}

/**
 * POST /api/settings/calendar — the Office and admins add a day off or a weekend day worked, or
 * change the day of that date (a shipped day becomes the Office's). A working day must be a Saturday
 * or Sunday (a weekday is worked unless the calendar says otherwise: remove its day off instead).
 * Audited with before and after.
 */
export async function addCalendarDay(c: ServiceContext, input: CalendarDayInput) {
  const authorityId = authorityOf(c.actor);
  requireAccess(c.actor, 'reminder.issue', { authorityId });
  if (input.kind === 'working_day' && isWorkingDay(WEEKENDS_ONLY, input.date)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Ngày ${formatVietnameseDate(input.date)} là ngày thường (thứ Hai–thứ Sáu), vốn là ngày làm việc: ` +
        'chỉ thứ Bảy, Chủ nhật mới đánh dấu làm việc bù; muốn bỏ một ngày nghỉ, hãy xóa ngày đó.',
      { date: input.date },
    );
  }
  return inTransaction(c.db, async (trx) => {
    await ensureShippedCalendar(trx, authorityId);
    const before = await findCalendarDay(trx, authorityId, input.date);
    const day = { date: input.date, kind: input.kind, name: input.name, source: 'office' as const };
    await saveCalendarDay(trx, authorityId, day);
    await recomputeDueDates(trx, authorityId);
    await auditCalendar(c, trx, before ? 'settings.calendar.update' : 'settings.calendar.add', input.date, {
      before,
      after: day,
    });
    return day;
  });
}

/** DELETE /api/settings/calendar/:date — the Office and admins: the date is again as its weekday says. */
export async function removeCalendarDay(c: ServiceContext, date: string) {
  const authorityId = authorityOf(c.actor);
  requireAccess(c.actor, 'reminder.issue', { authorityId });
  return inTransaction(c.db, async (trx) => {
    await ensureShippedCalendar(trx, authorityId);
    const before = await findCalendarDay(trx, authorityId, date);
    if (!before || !(await deleteCalendarDay(trx, authorityId, date))) {
      throw new AppError('NOT_FOUND', `Lịch làm việc không có ngày ${formatVietnameseDate(date)}.`, { date });
    }
    await recomputeDueDates(trx, authorityId);
    await auditCalendar(c, trx, 'settings.calendar.remove', date, { before });
    return before;
  });
}

/**
 * PUT /api/settings/calendar/due-shift — the Office and admins choose the rule for a deadline on a
 * non-working day (docs/domain-rules.md §4a): every due date of the authority is re-derived in the
 * same transaction, by the shipped calendar too. Audited with before, after and how many dates moved.
 */
export async function setDueShift(c: ServiceContext, dueShift: DueShift): Promise<DueShiftReply> {
  const authorityId = authorityOf(c.actor);
  requireAccess(c.actor, 'reminder.issue', { authorityId });
  return inTransaction(c.db, async (trx) => {
    await ensureShippedCalendar(trx, authorityId);
    const before = await findDueShift(trx, authorityId);
    await saveDueShift(trx, authorityId, dueShift);
    const moved = await recomputeDueDates(trx, authorityId);
    await writeAudit(trx, {
      authorityId,
      actor: actorName(c.actor),
      action: 'settings.calendar.due_shift',
      entity: 'authority',
      entityId: String(authorityId),
      before: { dueShift: before },
      after: { dueShift, moved },
      ip: c.ip,
    });
    return { dueShift, moved };
  });
}

async function auditCalendar(
  c: ServiceContext,
  trx: Kysely<DB>,
  action: string,
  date: string,
  change: { before: unknown; after?: unknown },
) {
  await writeAudit(trx, {
    authorityId: authorityOf(c.actor),
    actor: actorName(c.actor),
    action,
    entity: 'calendar_day',
    entityId: date,
    before: change.before ?? null,
    ...(change.after !== undefined ? { after: change.after } : {}),
    ip: c.ip,
  });
}

async function thisYear(c: ServiceContext, authorityId: number): Promise<number> {
  const authority = await findAuthorityById(c.db, authorityId);
  return dateParts(localDateOf(c.now, authority.time_zone)).year;
}
