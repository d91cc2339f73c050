import { findOfAuthority } from '../../db/rows.ts';
import type { LocalDate } from '../../domain/dates.ts';
import { followupDueOn, writtenReminderAsOf } from '../../domain/reminders.ts';
import { type AssignmentState, assignmentStateAsOf, daysOverdue } from '../../domain/state.ts';
import { parseAsOf } from '../../shared/as-of.ts';
import { AppError } from '../../shared/errors.ts';
import { agencyFilterFor, authorityOf, requireAccess } from '../access/access.ts';
import { findAuthorityById } from '../directory/directory.repo.ts';
import {
  type CategoryCounts,
  countCategories,
  emptyCategoryCounts,
  REPORT_CATEGORIES,
} from '../reports/report-categories.ts';
import type { ServiceContext } from '../service-context.ts';
import { findUncountedReminderAgency } from '../status/counted-reminders.ts';
import {
  type AssignmentFactsFilter,
  type AssignmentFactsRow,
  listAssignmentFacts,
} from '../status/status.repo.ts';
import {
  countFromDeltas,
  countReportFromDeltas,
  countStatistics,
  isWholeMonths,
  listOverdueOrRemindedFacts,
  listPlanHeaders,
  type ReportCountedGroup,
  taskContentByAssignment,
} from './statistics.repo.ts';
import {
  emptyStatCounts,
  inScope,
  monthlyTrend,
  type Period,
  type PeriodScope,
  rateOf,
  STAT_KEYS,
  type StatCounts,
  type StatFacts,
  type StatKey,
  statKeysOf,
  summarise,
} from './statistics.rules.ts';

/** The filters a statistic and its drill-down list share. */
export interface StatisticsFilter {
  asOf?: string | undefined;
  from?: LocalDate | undefined;
  to?: LocalDate | undefined;
  planId?: number | undefined;
  /** which assignments a period holds: due in it (default) or in force in it (statistics.rules.ts `inForce`) */
  scope?: PeriodScope | undefined;
}

export interface StatisticsQuery extends StatisticsFilter {
  groupBy?: 'agency' | 'plan' | undefined;
}

export interface StatisticItemsQuery extends StatisticsFilter {
  agencyId?: number | undefined;
  /** the figure to list (a key of `counts`); default `total`, every assignment */
  state?: StatKey | undefined;
  page: number;
  pageSize: number;
}

export interface StatisticsGroup {
  id: number;
  /** agency code, or plan number */
  code: string;
  /** agency name, or plan title */
  name: string;
  counts: StatCounts;
  onTimeRate: number | null;
}

/**
 * Thống kê — the §5 figures of lead assignments per agency (or per plan) and in total, as of a date,
 * optionally for a reporting period. Built on the status's facts query and rules; every figure
 * equals the `total` of `listStatisticItems` with the same filters and `state` = its key.
 */
export async function getStatistics(ctx: ServiceContext, query: StatisticsQuery) {
  const authorityId = authorityOf(ctx.actor);
  const scope = agencyFilterFor(ctx.actor, 'stats.read', authorityId);
  const { db } = ctx;
  const { asOf, period, filter, plans, uncounted, followedFromStart } = await resolveScope(
    ctx,
    authorityId,
    scope,
    query,
    undefined,
  );
  const groupBy = query.groupBy ?? 'agency';
  // from the counts the writes keep (issue #18) where they serve the filter: no period, no plan, and
  // for an agency's scope only by agency — and where every reminder counts from the due date (the
  // counts know neither a plan's follow-up start, docs/domain-rules.md §6, nor the Office's uncounted
  // reminders, §6.1); else counted by the database in one pass over the assignments (issue #9), by the
  // rules of statKeysOf
  const fromCounts =
    period.from === undefined &&
    period.to === undefined &&
    filter.planId === undefined &&
    (groupBy === 'agency' || !filter.agencyIds) &&
    uncounted === null &&
    !followedFromStart;
  const counted = fromCounts
    ? await countFromDeltas(db, authorityId, asOf, groupBy, filter.agencyIds ?? null)
    : await countStatistics(db, authorityId, filter, asOf, period, groupBy, uncounted);
  const titles = new Map([...plans.values()].map((p) => [p.id, p.title]));
  const groups = counted.map(
    (g): StatisticsGroup => ({
      ...g,
      name: groupBy === 'plan' ? (titles.get(g.id) ?? '') : g.name,
      onTimeRate: rateOf(g.counts),
    }),
  );
  const counts = emptyStatCounts();
  for (const g of counted) for (const key of STAT_KEYS) counts[key] += g.counts[key];
  return {
    asOf,
    from: period.from ?? null,
    to: period.to ?? null,
    planId: query.planId ?? null,
    groupBy,
    groups,
    totals: { counts, onTimeRate: rateOf(counts) },
  };
}

/**
 * Everything a report takes from the statistics: the figures by agency, by plan and in total, their
 * report categories (report-categories.ts), and the whole list behind some figures. Each part equals
 * what `getStatistics` (groupBy agency / plan) and `listStatisticItems` (state, every page at once)
 * answer for the same filter. A period of whole months in force (the report's), over every agency and
 * plan, where every reminder counts from the due date, is counted from the counts the writes keep
 * (`countReportFromDeltas`, issue #18) and its lists read only the rows that can be on them; anything
 * else reads the facts once and applies the rules row by row.
 */
export async function getStatisticsDigest<S extends StatKey>(
  ctx: ServiceContext,
  query: StatisticsFilter & { itemStates: readonly S[] },
): Promise<StatisticsDigest<S>> {
  const authorityId = authorityOf(ctx.actor);
  const scope = agencyFilterFor(ctx.actor, 'stats.read', authorityId);
  const resolved = await resolveScope(ctx, authorityId, scope, query, undefined);
  const { period, filter, uncounted, followedFromStart } = resolved;
  const fromCounts =
    period.scope === 'in_force' &&
    period.from !== undefined &&
    period.to !== undefined &&
    isWholeMonths(period.from, period.to) &&
    filter.planId === undefined &&
    !filter.agencyIds &&
    uncounted === null &&
    !followedFromStart;
  return fromCounts
    ? digestFromCounts(
        ctx,
        { ...resolved, period: { ...period, from: period.from as LocalDate, to: period.to as LocalDate } },
        query.itemStates,
      )
    : digestFromFacts(ctx, authorityId, scope, query);
}

export interface StatisticsDigest<S extends StatKey> {
  asOf: LocalDate;
  from: LocalDate | null;
  to: LocalDate | null;
  planId: number | null;
  byAgency: StatisticsGroup[];
  byPlan: StatisticsGroup[];
  totals: { counts: StatCounts; onTimeRate: number | null };
  /** the report's categories (report-categories.ts) of the period, in total and per agency / plan id */
  categories: {
    total: CategoryCounts;
    byAgency: Map<number, CategoryCounts>;
    byPlan: Map<number, CategoryCounts>;
  };
  items: Record<S, StatisticItem[]>;
}

/** The digest from the kept counts (`countReportFromDeltas`) and the rows of its lists alone. */
async function digestFromCounts<S extends StatKey>(
  ctx: ServiceContext,
  scope: Awaited<ReturnType<typeof resolveScope>> & { period: Period & { from: LocalDate; to: LocalDate } },
  itemStates: readonly S[],
): Promise<StatisticsDigest<S>> {
  const { db } = ctx;
  const { authorityId, asOf, period, filter, plans } = scope;
  const [byAgency, byPlan, rows] = await Promise.all([
    countReportFromDeltas(db, authorityId, period, asOf, 'agency'),
    countReportFromDeltas(db, authorityId, period, asOf, 'plan'),
    itemStates.length === 0 ? [] : listOverdueOrRemindedFacts(db, authorityId, filter, period, asOf),
  ]);
  const planIds = new Map([...plans.values()].map((p) => [p.number, p.id]));
  const titles = new Map([...plans.values()].map((p) => [p.id, p.title]));
  const wanted = new Set<StatKey>(itemStates);
  const items = Object.fromEntries(itemStates.map((state) => [state, [] as StatisticItem[]])) as Record<
    S,
    StatisticItem[]
  >;
  for (const row of rows) {
    const keys = statKeysOf(toFacts(row), asOf).filter((key) => wanted.has(key));
    if (keys.length === 0) continue;
    const item = toItem(row, asOf, planIds.get(row.plan_number) ?? 0, row.content);
    for (const key of keys) items[key as S].push(item);
  }
  const categoriesOf = (groups: ReportCountedGroup[]) =>
    new Map(groups.map((g) => [g.id, categoriesFromCounts(g.counts, g.notYetDue)]));
  const total = emptyCategoryCounts();
  for (const g of byAgency) {
    const counts = categoriesFromCounts(g.counts, g.notYetDue);
    for (const c of REPORT_CATEGORIES) total[c] += counts[c];
  }
  const counts = emptyStatCounts();
  for (const g of byAgency) for (const key of STAT_KEYS) counts[key] += g.counts[key];
  const group = (g: ReportCountedGroup, name: string): StatisticsGroup => ({
    id: g.id,
    code: g.code,
    name,
    counts: g.counts,
    onTimeRate: rateOf(g.counts),
  });
  return {
    asOf,
    from: period.from,
    to: period.to,
    planId: null,
    byAgency: byAgency.map((g) => group(g, g.name)),
    byPlan: byPlan.map((g) => group(g, titles.get(g.id) ?? '')),
    totals: { counts, onTimeRate: rateOf(counts) },
    categories: { total, byAgency: categoriesOf(byAgency), byPlan: categoriesOf(byPlan) },
    items,
  };
}

/** The report's categories of a group from its figures: the open ones split by whether they are due after the period. */
function categoriesFromCounts(counts: StatCounts, notYetDue: number): CategoryCounts {
  return {
    done_on_time: counts.done_on_time,
    done_late: counts.done_late,
    open_on_time: counts.open_on_time - notYetDue,
    open_overdue: counts.open_overdue,
    not_yet_due: notYetDue,
    ongoing: counts.ongoing,
  };
}

/** The digest from one read of the facts, the rules applied row by row. */
async function digestFromFacts<S extends StatKey>(
  ctx: ServiceContext,
  authorityId: number,
  scope: readonly number[] | null,
  query: StatisticsFilter & { itemStates: readonly S[] },
): Promise<StatisticsDigest<S>> {
  const { db } = ctx;
  const { asOf, period, rows, plans } = await loadFacts(ctx, authorityId, scope, query, undefined);
  const facts = rows.map(toFacts);
  const wanted = new Set<StatKey>(query.itemStates);
  const matching = new Map<StatKey, number[]>(query.itemStates.map((state) => [state, []]));
  facts.forEach((f, i) => {
    for (const key of statKeysOf(f, asOf)) if (wanted.has(key)) matching.get(key)?.push(i);
  });
  const listed = [...new Set([...matching.values()].flat())].map((i) => (rows[i] as AssignmentFactsRow).id);
  const content = await taskContentByAssignment(db, authorityId, listed);
  const items = Object.fromEntries(
    query.itemStates.map((state) => [
      state,
      (matching.get(state) ?? []).map((i) => {
        const row = rows[i] as AssignmentFactsRow;
        return toItem(row, asOf, plans.get(row.plan_number)?.id ?? 0, content.get(row.id) ?? '');
      }),
    ]),
  ) as Record<S, StatisticItem[]>;
  // every assignment counted, as little as the report's categories need
  const assignments = rows.map((row, i) => ({
    agencyId: row.agency_id,
    planId: plans.get(row.plan_number)?.id ?? 0,
    dueOn: row.due_on,
    state: assignmentStateAsOf(facts[i] as StatFacts, asOf),
  }));
  const periodEnd = period.to ?? asOf;
  const byAgencyCategories = countCategories(assignments, periodEnd, (a) => a.agencyId);
  return {
    asOf,
    from: period.from ?? null,
    to: period.to ?? null,
    planId: query.planId ?? null,
    byAgency: groupFigures(rows, facts, plans, 'agency', asOf),
    byPlan: groupFigures(rows, facts, plans, 'plan', asOf),
    totals: summarise(facts, asOf),
    categories: {
      total: byAgencyCategories.total,
      byAgency: byAgencyCategories.by,
      byPlan: countCategories(assignments, periodEnd, (a) => a.planId).by,
    },
    items,
  };
}

/** The figures of each agency (or plan), in id order. */
function groupFigures(
  rows: Pick<AssignmentFactsRow, 'agency_id' | 'agency_code' | 'agency_name' | 'plan_number'>[],
  facts: StatFacts[],
  plans: Map<string, { id: number; title: string }>,
  groupBy: 'agency' | 'plan',
  asOf: LocalDate,
): StatisticsGroup[] {
  const groups = new Map<number, { id: number; code: string; name: string; facts: StatFacts[] }>();
  rows.forEach((row, i) => {
    const plan = plans.get(row.plan_number);
    const key =
      groupBy === 'agency'
        ? { id: row.agency_id, code: row.agency_code, name: row.agency_name }
        : { id: plan?.id ?? 0, code: row.plan_number, name: plan?.title ?? '' };
    let group = groups.get(key.id);
    if (!group) {
      group = { ...key, facts: [] };
      groups.set(key.id, group);
    }
    group.facts.push(facts[i] as StatFacts);
  });
  // in id order, as countStatistics gives them (agencies already are: the facts query's order)
  return [...groups.values()]
    .sort((a, b) => a.id - b.id)
    .map(
      ({ facts: groupFacts, ...group }): StatisticsGroup => ({ ...group, ...summarise(groupFacts, asOf) }),
    );
}

/** Danh sách chi tiết — the assignments behind one figure of the statistics, a page at a time. */
export async function listStatisticItems(ctx: ServiceContext, query: StatisticItemsQuery) {
  const authorityId = authorityOf(ctx.actor);
  const scope = agencyFilterFor(ctx.actor, 'stats.read', authorityId);
  const { db } = ctx;
  const { asOf, period, rows, plans } = await loadFacts(ctx, authorityId, scope, query, query.agencyId);
  const state = query.state ?? 'total';
  const matching = rows.filter((row) => statKeysOf(toFacts(row), asOf).includes(state));
  const page = matching.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  const content = await taskContentByAssignment(
    db,
    authorityId,
    page.map((row) => row.id),
  );
  return {
    asOf,
    from: period.from ?? null,
    to: period.to ?? null,
    state,
    total: matching.length,
    page: query.page,
    pageSize: query.pageSize,
    items: page.map((row) =>
      toItem(row, asOf, plans.get(row.plan_number)?.id ?? 0, content.get(row.id) ?? ''),
    ),
  };
}

/** Xu hướng theo tháng — due per month against done per month, same filters as the statistics. */
export async function getStatisticsTrend(ctx: ServiceContext, query: StatisticsFilter) {
  const authorityId = authorityOf(ctx.actor);
  const scope = agencyFilterFor(ctx.actor, 'stats.read', authorityId);
  const { asOf, period, rows } = await loadFacts(ctx, authorityId, scope, query, undefined);
  return {
    asOf,
    from: period.from ?? null,
    to: period.to ?? null,
    planId: query.planId ?? null,
    months: monthlyTrend(rows.map(toFacts), asOf),
  };
}

/** The one place every route read their rows: scope, as-of, plan, agency and period filters. */
async function loadFacts(
  ctx: ServiceContext,
  authorityId: number,
  agencies: readonly number[] | null,
  query: StatisticsFilter,
  agencyId: number | undefined,
) {
  const scope = await resolveScope(ctx, authorityId, agencies, query, agencyId);
  const rows = (await listAssignmentFacts(ctx.db, scope.authorityId, scope.filter)).map((row) => ({
    ...row,
    remindersCounted: row.agency_id !== scope.uncounted,
  }));
  return { ...scope, rows: rows.filter((row) => inScope(toFacts(row), scope.period)) };
}

/**
 * As of which date, for which plan, agency and period, within the agencies the caller may see
 * (`scope`, from its access check; null: every agency): one place for every route.
 */
async function resolveScope(
  ctx: ServiceContext,
  authorityId: number,
  scope: readonly number[] | null,
  query: StatisticsFilter,
  agencyId: number | undefined,
) {
  const { db, actor } = ctx;
  const authority = await findAuthorityById(db, authorityId);
  const asOf = parseAsOf(query.asOf, authority.time_zone, ctx.now);
  const period: Period = { from: query.from, to: query.to, scope: query.scope };
  if (period.from !== undefined && period.to !== undefined && period.from > period.to) {
    throw new AppError('VALIDATION_FAILED', 'Kỳ báo cáo không hợp lệ: "từ ngày" phải trước "đến ngày".', {
      from: period.from,
      to: period.to,
    });
  }
  const planList = await listPlanHeaders(db, authority.id);
  if (query.planId !== undefined && !planList.some((p) => p.id === query.planId)) {
    throw new AppError('PLAN_NOT_FOUND', 'Không tìm thấy kế hoạch.', { planId: query.planId });
  }
  let agencyIds = scope;
  if (agencyId !== undefined) {
    if (!(await findOfAuthority(db, 'agency', authority.id, agencyId))) {
      throw new AppError('AGENCY_NOT_FOUND', 'Không tìm thấy cơ quan.', { agencyId });
    }
    requireAccess(actor, 'stats.read', { authorityId: authority.id, agencyId });
    agencyIds = [agencyId];
  }
  const filter: AssignmentFactsFilter = {
    role: 'lead',
    openedBy: asOf,
    agencyIds,
    ...(query.planId !== undefined ? { planId: query.planId } : {}),
  };
  return {
    authorityId: authority.id,
    asOf,
    period,
    filter,
    plans: new Map(planList.map((p) => [p.number, p])),
    // the Office's own reminders, when they do not count (docs/domain-rules.md §6.1)
    uncounted: (await findUncountedReminderAgency(db, authority.id))?.id ?? null,
    // a plan followed from a start later than its issue (docs/domain-rules.md §6)
    followedFromStart: planList.some((p) => p.followup_from !== null),
  };
}

function toFacts(
  row: Pick<AssignmentFactsRow, 'role' | 'due_on' | 'done_on' | 'cancelled_on' | 'followup_from'> & {
    remindersCounted?: boolean;
  },
): StatFacts {
  return {
    role: row.role,
    dueOn: row.due_on,
    doneOn: row.done_on ?? null,
    cancelledOn: row.cancelled_on,
    followupFrom: row.followup_from,
    ...(row.remindersCounted === false ? { remindersCounted: false } : {}),
  };
}

/** One assignment of a drill-down list. */
export type StatisticItem = ReturnType<typeof toItem>;

function toItem(row: AssignmentFactsRow, asOf: LocalDate, planId: number, content: string) {
  const facts = toFacts(row);
  const state: AssignmentState = assignmentStateAsOf(facts, asOf);
  return {
    assignmentId: row.id,
    agency: { id: row.agency_id, code: row.agency_code, name: row.agency_name },
    plan: { id: planId, number: row.plan_number },
    task: { ref: row.task_ref, content },
    occurrence: row.occurrence,
    periodLabel: row.period_label,
    originalDueOn: row.original_due_on,
    dueOn: row.due_on,
    doneOn: facts.doneOn,
    cancelledOn: row.cancelled_on,
    state,
    daysOverdue:
      state === 'open_overdue' && row.due_on !== null
        ? daysOverdue(followupDueOn(row.due_on, row.followup_from), asOf)
        : null,
    remindedOn: writtenReminderAsOf(facts, asOf)?.remindedOn ?? null,
  };
}
