/**
 * What the daily sweep tells whom (issue #5) — pure: facts of one day in, notification drafts out.
 * - notice: the lead agency's users, on each configured day before a deadline (7, 3, 1, 0);
 * - digest: each agency's users, one a day listing its overdue items;
 * - escalation: the agency head (is_head), once per overdue occurrence and due date, from N days overdue;
 * - overdue_list: the Office and leadership, one a day listing the items N days or more overdue.
 * Business keys make each exactly-once: a second sweep of the same day finds them taken.
 * Nothing is sent on a non-working day (docs/domain-rules.md §11, issue #14 §1): the sweep defers the
 * day's messages to the next working day, and a "due soon" notice that would fall on a day off goes out
 * on the next working day, or on the last one before when the deadline comes first (messageDayOf).
 */
import type { NotificationKind, Role } from '../../db/schema.ts';
import { addDays, daysBetween, formatVietnameseDate, type LocalDate } from '../../domain/dates.ts';
import { followupDueOn } from '../../domain/reminders.ts';
import { assignmentStateAsOf } from '../../domain/state.ts';
import { messageDayOf, type WorkingCalendar } from '../../domain/working-days.ts';
import { citePlans } from '../letters/letter-text.ts';

export interface SweepFact {
  assignmentId: number;
  agencyId: number;
  agencyName: string;
  planNumber: string;
  taskRef: string;
  content: string;
  dueOn: LocalDate | null;
  doneOn: LocalDate | null;
  cancelledOn: LocalDate | null;
  /** lãnh đạo phụ trách of the task, who receives its escalations too (docs/domain-rules.md §10) */
  leaderUserId?: number | null;
  /** the plan's follow-up start (theo dõi từ ngày, docs/domain-rules.md §6), when later than its issue */
  followupFrom?: LocalDate | null;
}

export interface Recipient {
  userId: number;
  role: Role;
  agencyId: number | null;
  email: string | null;
  isHead: boolean;
}

export interface NotificationDraft {
  userId: number;
  kind: NotificationKind;
  businessKey: string;
  title: string;
  body: string;
  link: string | null;
  assignmentId: number | null;
}

const d = formatVietnameseDate;

/*
 * Where each notification opens, in the app (docs/domain-rules.md §11): the assignment's page, the
 * agency's overdue tab, the Office's list of overdue items as of the sweep's day, the reminder letters.
 */
const assignmentPage = (assignmentId: number) => `/nhiem-vu/${assignmentId}`;
const AGENCY_OVERDUE_PAGE = '/viec-cua-don-vi?tab=qua-han';
const overdueListPage = (day: LocalDate) => `/danh-sach?state=open_overdue&asOf=${day}`;
export const LETTERS_PAGE = '/nhac-nho?tab=cong-van';

function shorten(text: string, max = 180): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

function taskLine(f: SweepFact, day: LocalDate, withAgency = false): string {
  const due = f.dueOn as LocalDate;
  const who = withAgency ? `${f.agencyName}: ` : '';
  return `- ${who}nhiệm vụ ${f.taskRef} (${f.planNumber}), hạn ${d(due)}, quá hạn ${daysBetween(due, day)} ngày`;
}

const agencyUsers = (recipients: Recipient[], agencyId: number) =>
  recipients.filter((r) => r.role === 'agency' && r.agencyId === agencyId);

const isOpenOverdue = (f: SweepFact, day: LocalDate) =>
  assignmentStateAsOf({ dueOn: f.dueOn, doneOn: f.doneOn, cancelledOn: f.cancelledOn }, day) ===
  'open_overdue';

/**
 * An open lead assignment whose deadline is one of `offsets` days away (0 = today), the notice of an
 * offset falling on a non-working day moved to a working day by messageDayOf; `day` is a working day.
 */
export function isNoticeDue(
  f: SweepFact,
  day: LocalDate,
  offsets: readonly number[],
  calendar: WorkingCalendar,
): f is SweepFact & { dueOn: LocalDate } {
  const due = f.dueOn;
  if (due === null || !offsets.some((o) => messageDayOf(calendar, addDays(due, -o), due) === day)) {
    return false;
  }
  return (
    assignmentStateAsOf({ dueOn: f.dueOn, doneOn: f.doneOn, cancelledOn: f.cancelledOn }, day) ===
    'open_on_time'
  );
}

/** Nhắc hạn: a deadline `offset` days away (0 = today), for each still open lead assignment. */
export function planNotices(
  day: LocalDate,
  facts: SweepFact[],
  recipients: Recipient[],
  offsets: readonly number[],
  calendar: WorkingCalendar,
): NotificationDraft[] {
  const drafts: NotificationDraft[] = [];
  for (const f of facts) {
    if (!isNoticeDue(f, day, offsets, calendar)) continue;
    const offset = daysBetween(day, f.dueOn);
    const title =
      offset === 0
        ? `Đến hạn hôm nay: nhiệm vụ ${f.taskRef} (${f.planNumber})`
        : `Còn ${offset} ngày đến hạn: nhiệm vụ ${f.taskRef} (${f.planNumber})`;
    const body =
      `Nhiệm vụ ${f.taskRef} tại ${citePlans([f.planNumber])}: ${shorten(f.content)} — thời hạn hoàn thành ` +
      `${d(f.dueOn)}. Đề nghị ${f.agencyName} hoàn thành và gửi kết quả đúng hạn.`;
    for (const user of agencyUsers(recipients, f.agencyId)) {
      drafts.push({
        userId: user.userId,
        kind: 'notice',
        businessKey: `notice:a${f.assignmentId}:${f.dueOn}:d${offset}:u${user.userId}`,
        title,
        body,
        link: assignmentPage(f.assignmentId),
        assignmentId: f.assignmentId,
      });
    }
  }
  return drafts;
}

/**
 * Tổng hợp quá hạn: one digest a working day per user of each agency that has overdue items; after
 * days off (`since`: the last working day before `day`) one digest covers them, dated `day`.
 */
export function planDigests(
  day: LocalDate,
  facts: SweepFact[],
  recipients: Recipient[],
  since: LocalDate = addDays(day, -1),
): NotificationDraft[] {
  const byAgency = new Map<number, SweepFact[]>();
  for (const f of facts) {
    if (isOpenOverdue(f, day)) byAgency.set(f.agencyId, [...(byAgency.get(f.agencyId) ?? []), f]);
  }
  const drafts: NotificationDraft[] = [];
  for (const [agencyId, items] of byAgency) {
    const title = `${items[0]?.agencyName}: ${items.length} nhiệm vụ quá hạn đến ngày ${d(day)}`;
    const covers =
      daysBetween(since, day) > 1 ? ` (tổng hợp từ ngày ${d(addDays(since, 1))} đến ngày ${d(day)})` : '';
    const body = [
      `Các nhiệm vụ chủ trì đã quá thời hạn mà chưa có kết quả được tiếp nhận${covers}:`,
      ...items.map((f) => taskLine(f, day)),
    ].join('\n');
    for (const user of agencyUsers(recipients, agencyId)) {
      drafts.push({
        userId: user.userId,
        kind: 'digest',
        businessKey: `digest:${day}:u${user.userId}`,
        title,
        body,
        link: AGENCY_OVERDUE_PAGE,
        assignmentId: null,
      });
    }
  }
  return drafts;
}

/**
 * The open overdue tasks escalated and listed: overdue `afterDays` days, counted from the plan's
 * follow-up start when it is later than the deadline (docs/domain-rules.md §6: an old plan imported
 * today does not escalate its whole past on its first sweep).
 */
export const longOverdue = (facts: SweepFact[], day: LocalDate, afterDays: number) =>
  facts.filter(
    (f) =>
      isOpenOverdue(f, day) &&
      daysBetween(followupDueOn(f.dueOn as LocalDate, f.followupFrom), day) >= afterDays,
  );

/** The escalation's business key: one per occurrence, due date and head. */
export const escalationKey = (assignmentId: number, dueOn: LocalDate, userId: number) =>
  `escalation:a${assignmentId}:${dueOn}:u${userId}`;

/** The agency heads an escalation of `f` goes to. */
export const headsOf = (recipients: Recipient[], agencyId: number) =>
  agencyUsers(recipients, agencyId).filter((r) => r.isHead);

/** Who an overdue task is escalated to: its agency's heads and the leader in charge of the task (§10). */
export const escalationRecipientsOf = (recipients: Recipient[], f: SweepFact) => [
  ...headsOf(recipients, f.agencyId),
  ...recipients.filter((r) => r.role === 'leader' && r.userId === f.leaderUserId),
];

/**
 * Báo cáo thủ trưởng và lãnh đạo phụ trách: once per occurrence, due date and recipient, when it has
 * been overdue `afterDays` days.
 */
export function planEscalations(
  day: LocalDate,
  facts: SweepFact[],
  recipients: Recipient[],
  afterDays: number,
): NotificationDraft[] {
  const drafts: NotificationDraft[] = [];
  for (const f of longOverdue(facts, day, afterDays)) {
    const due = f.dueOn as LocalDate;
    for (const head of escalationRecipientsOf(recipients, f)) {
      drafts.push({
        userId: head.userId,
        kind: 'escalation',
        businessKey: escalationKey(f.assignmentId, due, head.userId),
        title: `Quá hạn ${daysBetween(due, day)} ngày: nhiệm vụ ${f.taskRef} (${f.planNumber})`,
        body:
          `Nhiệm vụ ${f.taskRef} tại ${citePlans([f.planNumber])} do ${f.agencyName} chủ trì: ${shorten(f.content)}. ` +
          `Thời hạn ${d(due)}, đến ngày ${d(day)} đã quá hạn ${daysBetween(due, day)} ngày mà chưa có kết quả. ` +
          (head.role === 'leader'
            ? 'Kính báo cáo lãnh đạo phụ trách lĩnh vực.'
            : 'Đề nghị Thủ trưởng cơ quan chỉ đạo khẩn trương hoàn thành.'),
        link: assignmentPage(f.assignmentId),
        assignmentId: f.assignmentId,
      });
    }
  }
  return drafts;
}

/** Danh sách quá hạn kéo dài: one a day to the Office and leadership while any item is N+ days overdue. */
export function planOverdueLists(
  day: LocalDate,
  facts: SweepFact[],
  recipients: Recipient[],
  afterDays: number,
): NotificationDraft[] {
  const items = longOverdue(facts, day, afterDays);
  if (items.length === 0) return [];
  const title = `${items.length} nhiệm vụ quá hạn từ ${afterDays} ngày trở lên (đến ngày ${d(day)})`;
  const body = items.map((f) => taskLine(f, day, true)).join('\n');
  return recipients
    .filter((r) => r.role === 'office' || r.role === 'leader')
    .map((r) => ({
      userId: r.userId,
      kind: 'overdue_list' as const,
      businessKey: `overdue_list:${day}:u${r.userId}`,
      title,
      body,
      link: overdueListPage(day),
      assignmentId: null,
    }));
}

/**
 * The Office does not write to itself (docs/domain-rules.md §6.1): its own overdue tasks, reminded that
 * day, are told to its users inside dondoc instead of in a letter.
 */
export function planInternalReminders(
  day: LocalDate,
  items: { agencyId: number; taskRef: string; planNumber: string; content: string; dueOn: LocalDate }[],
  recipients: Recipient[],
): NotificationDraft[] {
  if (items.length === 0) return [];
  const title = `${items.length} nhiệm vụ của Văn phòng quá hạn ngày ${d(day)} (theo dõi nội bộ, không gửi công văn)`;
  const body = items
    .map(
      (i) =>
        `- Nhiệm vụ ${i.taskRef} tại ${citePlans([i.planNumber])}: ${i.content.trim()} (thời hạn ${d(i.dueOn)})`,
    )
    .join('\n');
  const agencies = new Set(items.map((i) => i.agencyId));
  return recipients
    .filter((r) => r.agencyId !== null && agencies.has(r.agencyId))
    .map((r) => ({
      userId: r.userId,
      kind: 'reminder' as const,
      businessKey: `reminder:internal:${day}:u${r.userId}`,
      title,
      body,
      link: overdueListPage(day),
      assignmentId: null,
    }));
}

/**
 * Công văn đôn đốc: each addressee's part of a letter (its own tasks), as a notification to each user
 * of that agency; `key` tells the drafted letter ('reminder', at the sweep) from the registered one ('letter').
 */
export function planLetterNotifications(
  notices: { letterId: number; agencyId: number; title: string; body: string[] }[],
  recipients: Recipient[],
  key: 'reminder' | 'letter' = 'reminder',
): NotificationDraft[] {
  return notices.flatMap((notice) =>
    agencyUsers(recipients, notice.agencyId).map((r) => ({
      userId: r.userId,
      kind: 'reminder' as const,
      businessKey: `${key}:l${notice.letterId}:u${r.userId}`,
      title: notice.title,
      body: notice.body.join('\n\n'),
      link: LETTERS_PAGE,
      assignmentId: null,
    })),
  );
}

export interface EmailDraft {
  userId: number;
  kind: NotificationKind;
  businessKey: string;
  to: string;
  subject: string;
  bodyText: string;
}

const SUBJECTS: Record<NotificationKind, (day: LocalDate, n: number) => string> = {
  notice: (day, n) => `[dondoc] ${n} nhiệm vụ sắp đến hạn (${d(day)})`,
  digest: (day, n) => `[dondoc] Tổng hợp nhiệm vụ quá hạn ngày ${d(day)}${n > 1 ? ` (${n})` : ''}`,
  escalation: (day, n) => `[dondoc] ${n} nhiệm vụ quá hạn cần Thủ trưởng chỉ đạo (${d(day)})`,
  overdue_list: (day) => `[dondoc] Danh sách nhiệm vụ quá hạn kéo dài ngày ${d(day)}`,
  reminder: (day) => `[dondoc] Công văn đôn đốc ngày ${d(day)}`,
};

/**
 * One e-mail per recipient, per kind, per sweep day, gathering the notifications just created for
 * them (so at most one digest a day); users without an address get in-app notifications only.
 */
export function planEmails(
  day: LocalDate,
  created: { user_id: number; kind: NotificationKind; title: string; body: string }[],
  recipients: Recipient[],
): EmailDraft[] {
  const email = new Map(recipients.map((r) => [r.userId, r.email]));
  const groups = new Map<string, typeof created>();
  for (const n of created) {
    if (!email.get(n.user_id)) continue;
    const key = `${n.kind}:u${n.user_id}`;
    groups.set(key, [...(groups.get(key) ?? []), n]);
  }
  return [...groups].map(([key, items]) => {
    const first = items[0] as (typeof created)[number];
    const subject =
      items.length === 1 && first.kind !== 'digest'
        ? `[dondoc] ${first.title}`
        : SUBJECTS[first.kind](day, items.length);
    return {
      userId: first.user_id,
      kind: first.kind,
      businessKey: `mail:${key.replace(':u', `:${day}:u`)}`,
      to: email.get(first.user_id) as string,
      subject,
      bodyText: `${items.map((n) => `${n.title}\n\n${n.body}`).join('\n\n---\n\n')}\n\n— dondoc, theo dõi, đôn đốc thực hiện nhiệm vụ\n`,
    };
  });
}
