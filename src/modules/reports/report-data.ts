/**
 * The data of a report to the Chairman (docs/domain-rules.md §8, issue #7) for a period, as of a date, for one
 * plan or every plan of the authority. Every figure comes from the functions the dashboard and the
 * statistics endpoint use (the statistics' facts and rules through getStatisticsDigest — one read for
 * what getStatistics and listStatisticItems would answer —, listCommendations, the obstacle and
 * extension lists): nothing is counted twice in two ways.
 */
import { type LocalDate, localDateOf, minDate } from '../../domain/dates.ts';
import { AGEING_BUCKETS, type AgeingBucket, ageingBucket } from '../../domain/state.ts';
import { parseAsOf } from '../../shared/as-of.ts';
import { AppError } from '../../shared/errors.ts';
import { authorityOf, requireAccess } from '../access/access.ts';
import { findAuthorityById } from '../directory/directory.repo.ts';
import { listExtensionsDecidedIn } from '../extensions/extensions.service.ts';
import { letterIssuerOf, letterSettingsOf } from '../followup/letter-settings.ts';
import { listObstaclesFor } from '../obstacles/obstacles.service.ts';
import { findPlanById } from '../plans/plans.repo.ts';
import { leaderNamesOf } from '../plans/task-leaders.ts';
import { listMonitorCodes } from '../scoring/scoring.repo.ts';
import { listCommendations } from '../scoring/scoring.service.ts';
import type { ServiceContext } from '../service-context.ts';
import type { StatCounts } from '../statistics/statistics.rules.ts';
import {
  getStatisticsDigest,
  type StatisticItem,
  type StatisticsGroup,
} from '../statistics/statistics.service.ts';
import { type CategoryCounts, emptyCategoryCounts } from './report-categories.ts';
import { completeDraft, type ReportDraft } from './report-draft.ts';
import { listPeriodicItems, type PeriodicItem } from './report-periodic.ts';
import { findReportDraft, listPlanCitations } from './reports.repo.ts';

export interface ReportQuery {
  from: LocalDate;
  to: LocalDate;
  /** a date or an instant; default: the end of the period, or today while it runs */
  asOf?: string | undefined;
  planId?: number | undefined;
}

export type OverdueItem = StatisticItem & {
  daysOverdue: number;
  age: AgeingBucket;
  /** lãnh đạo phụ trách of the task (docs/domain-rules.md §10), null when none is set */
  leader: string | null;
};
export type ReminderItem = StatisticItem & {
  remindedOn: LocalDate;
};
export type ObstacleItem = Awaited<ReturnType<typeof listObstaclesFor>>['items'][number];
export type ExtensionItem = Awaited<ReturnType<typeof listExtensionsDecidedIn>>['items'][number];
export type Commendations = Awaited<ReturnType<typeof listCommendations>>;

/** An agency's row: its §5 figures and the report's categories (report-categories.ts). */
export type AgencyGroup = StatisticsGroup & { categories: CategoryCounts; isMonitor: boolean };
/** A plan's row: the same, with the plan's full citation ('Kế hoạch số 87/KH-UBND ngày 13/01/2021 của UBND tỉnh'). */
export type PlanGroup = StatisticsGroup & { categories: CategoryCounts; issuedOn: LocalDate | null };

export interface ReportData {
  authority: { id: number; name: string; place: string };
  /** issuer block: { parent: 'UBND TỈNH TÂY NINH', name: 'VĂN PHÒNG' } */
  issuer: { parent: string; name: string; place: string };
  from: LocalDate;
  to: LocalDate;
  asOf: LocalDate;
  /** the plan reported on, or null for every plan of the authority */
  plan: { id: number; number: string; issuedOn: LocalDate; title: string } | null;
  /** every lead assignment in force in the period: assigned in it, due in it, or open (§8) */
  totals: { counts: StatCounts; onTimeRate: number | null; categories: CategoryCounts };
  /** one row per agency, the most overdue first */
  agencies: AgencyGroup[];
  plans: PlanGroup[];
  /** open overdue lead assignments, longest overdue first */
  overdue: OverdueItem[];
  ageing: Record<AgeingBucket, number>;
  /** written reminders incurred by asOf for assignments due in the period, by date */
  reminders: ReminderItem[];
  /** obstacles reported in the period (by asOf), with their answers as of asOf */
  obstacles: ObstacleItem[];
  /** extension requests decided (approved or rejected) in the period, by asOf */
  extensions: ExtensionItem[];
  /** biểu dương / phê bình for the period, read as of asOf (every plan: the lists are per agency) */
  commendations: Commendations;
  /**
   * Thường xuyên: each ongoing lead assignment in force, the reporting periods (months) the report
   * covers for it and those without an accepted periodic result; the count of assignments with one
   * missing (đã báo cáo / chưa báo cáo kỳ này; report-periodic.ts)
   */
  periodic: { items: PeriodicItem[]; reported: number; missing: number };
  draft: ReportDraft;
  draftVersion: number | null;
}

/**
 * `String.prototype.localeCompare` without arguments, the order the lists had: by definition the compare
 * of a collator of the default locale and options, built once here instead of once per call (the
 * sorts of 70,000 overdue and 85,000 reminded assignments at 1M took seconds; issue #18).
 */
const collate = new Intl.Collator().compare;

/** `items` in the order of a numeric key, those with equal keys in their order (as Array#sort, stable). */
function stableSortBy<T>(items: readonly T[], key: (item: T) => number): T[] {
  const keys = Float64Array.from(items, key);
  const order = Array.from(items, (_, i) => i);
  order.sort((i, j) => (keys[i] as number) - (keys[j] as number) || i - j);
  return order.map((i) => items[i] as T);
}

/**
 * The rank of each of these strings in `collate` order, equal ranks for strings that collate equal: the
 * sort of a long list by a key with few distinct values (agency codes, dates) compares two numbers
 * instead of calling the collator each time — the same order by construction.
 */
function collationRanks(values: Iterable<string>): (value: string) => number {
  const sorted = [...new Set(values)].sort(collate);
  const ranks = new Map<string, number>();
  let rank = 0;
  sorted.forEach((value, i) => {
    if (i > 0 && collate(sorted[i - 1] as string, value) !== 0) rank++;
    ranks.set(value, rank);
  });
  return (value) => ranks.get(value) as number;
}

/** No list of a report is paged: the whole list is read in one call of the same service. */
const ALL = { page: 1, pageSize: Number.MAX_SAFE_INTEGER };

/**
 * Builds a report's data. The Office, leadership and admins (stats.read over the whole authority);
 * an agency user is refused: a report to the Chairman covers every agency.
 */
export async function buildReportData(ctx: ServiceContext, query: ReportQuery): Promise<ReportData> {
  const authorityId = authorityOf(ctx.actor);
  requireAccess(ctx.actor, 'stats.read', { authorityId });
  const { db, now } = ctx;
  const authority = await findAuthorityById(db, authorityId);
  if (query.from > query.to) {
    throw new AppError('VALIDATION_FAILED', 'Kỳ báo cáo không hợp lệ: "từ ngày" phải trước "đến ngày".', {
      from: query.from,
      to: query.to,
    });
  }
  const today = localDateOf(now, authority.time_zone);
  const asOf =
    query.asOf === undefined || query.asOf === ''
      ? minDate(query.to, today)
      : parseAsOf(query.asOf, authority.time_zone, now);
  const plan = query.planId === undefined ? null : await findPlanById(db, authority.id, query.planId);
  if (query.planId !== undefined && !plan) {
    throw new AppError('PLAN_NOT_FOUND', 'Không tìm thấy kế hoạch.', { planId: query.planId });
  }
  const filter = { from: query.from, to: query.to, asOf, planId: query.planId };
  const [stats, obstacles, extensions, commendations, periodicItems] = await Promise.all([
    getStatisticsDigest(ctx, { ...filter, scope: 'in_force', itemStates: ['open_overdue', 'reminders'] }),
    listObstaclesFor(ctx, ALL),
    // those decided in the period (the filter below keeps those decided by asOf)
    listExtensionsDecidedIn(ctx, { from: query.from, to: query.to }, ALL),
    // the lists are read "as of" the report's date: a period still running at asOf is provisional
    listCommendations({ ...ctx, now: noonOf(asOf) }, { from: query.from, to: query.to }),
    listPeriodicItems(db, authority.id, filter),
  ]);
  const draftRow = await findReportDraft(db, authority.id, {
    from: query.from,
    to: query.to,
    planId: query.planId ?? 0,
  });
  const settings = letterSettingsOf(authority);
  const [monitors, citations] = await Promise.all([
    listMonitorCodes(db, authority.id),
    listPlanCitations(
      db,
      authority.id,
      stats.byPlan.map((g) => g.id),
    ),
  ]);
  const inPeriod = (day: LocalDate | null) =>
    day !== null && day >= query.from && day <= query.to && day <= asOf;
  const ofPlan = (number: string) => !plan || number === plan.number;

  const leaders = await leaderNamesOf(db, authority.id, {
    assignments: stats.items.open_overdue.map((i) => i.assignmentId),
  });
  const codes = [...stats.items.open_overdue, ...stats.items.reminders].map((i) => i.agency.code);
  const codeRank = collationRanks(codes);
  const overdueCodes = new Set(codes);
  const dayRank = collationRanks(stats.items.reminders.map((r) => r.remindedOn ?? ''));
  const overdueItems = stats.items.open_overdue.map((item) => {
    const days = item.daysOverdue ?? 0;
    const leader = leaders.get(item.assignmentId)?.name ?? null;
    return { ...item, daysOverdue: days, age: ageingBucket(days), leader };
  });
  // longest overdue first, then by agency code, else in the facts' order (a stable sort), by one number each
  const overdueSorted = stableSortBy(
    overdueItems,
    (o) => -o.daysOverdue * (overdueCodes.size + 1) + codeRank(o.agency.code),
  );
  const ageing = Object.fromEntries(AGEING_BUCKETS.map((b) => [b, stats.totals.counts[b]])) as Record<
    AgeingBucket,
    number
  >;
  return {
    authority: { id: authority.id, name: authority.name, place: authority.place },
    // the Office reports: its own issuer block, whatever form its letters take (§6.1)
    issuer: settings.form === 'office' ? settings.issuer : letterIssuerOf(authority, 'office'),
    from: query.from,
    to: query.to,
    asOf,
    plan: plan ? { id: plan.id, number: plan.number, issuedOn: plan.issued_on, title: plan.title } : null,
    totals: { ...stats.totals, categories: stats.categories.total },
    agencies: stats.byAgency
      .map((g) => ({
        ...g,
        categories: stats.categories.byAgency.get(g.id) ?? emptyCategoryCounts(),
        isMonitor: monitors.includes(g.code),
      }))
      .sort((a, b) => b.counts.open_overdue - a.counts.open_overdue),
    plans: stats.byPlan.map((g) => ({
      ...g,
      categories: stats.categories.byPlan.get(g.id) ?? emptyCategoryCounts(),
      issuedOn: citations.get(g.id)?.issued_on ?? null,
    })),
    overdue: overdueSorted,
    ageing,
    reminders: stats.items.reminders
      .filter((r): r is ReminderItem => r.remindedOn !== null)
      .sort(
        (a, b) =>
          dayRank(a.remindedOn) - dayRank(b.remindedOn) || codeRank(a.agency.code) - codeRank(b.agency.code),
      ),
    obstacles: obstacles.items
      .filter((o) => inPeriod(o.reportedOn) && ofPlan(o.plan))
      .map((o) =>
        o.respondedOn !== null && o.respondedOn > asOf
          ? { ...o, status: 'open' as const, response: null, respondedOn: null, respondedBy: null }
          : o,
      )
      .sort((a, b) => collate(a.reportedOn, b.reportedOn) || a.id - b.id),
    extensions: extensions.items
      .filter((e) => e.status !== 'pending' && inPeriod(e.decidedOn) && ofPlan(e.plan))
      .sort((a, b) => collate(a.decidedOn ?? '', b.decidedOn ?? '') || a.id - b.id),
    commendations,
    periodic: {
      items: periodicItems,
      reported: periodicItems.filter((i) => i.owed.length > 0 && i.missing.length === 0).length,
      missing: periodicItems.filter((i) => i.missing.length > 0).length,
    },
    draft: completeDraft(draftRow?.content ?? {}, settings.reportSigner),
    draftVersion: draftRow?.version ?? null,
  };
}

/** Noon of a calendar day in Asia/Ho_Chi_Minh: "today" for a service that reads its clock. */
function noonOf(day: LocalDate): Date {
  return new Date(`${day}T12:00:00+07:00`);
}
