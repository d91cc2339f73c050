import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { addDays, type LocalDate, localDateOf, minDate } from '../../domain/dates.ts';
import { followupDueOn } from '../../domain/reminders.ts';
import {
  type AgencyScore,
  commendationLists,
  type RuleSet,
  type ScoreItem,
  type ScoreReminder,
  scoreAgencyYear,
} from '../../domain/scoring.ts';
import { assignmentStateAsOf, isDueBy } from '../../domain/state.ts';
import { AppError } from '../../shared/errors.ts';
import { agencyFilterFor, authorityOf } from '../access/access.ts';
import { findAuthorityById } from '../directory/directory.repo.ts';
import type { ServiceContext } from '../service-context.ts';
import { listAssignmentFacts } from '../status/status.repo.ts';
import { computeWrittenReminders } from '../status/written-reminders.ts';
import { listMonitorCodes, listScorableAgencies, loadRuleSet } from './scoring.repo.ts';

export interface YearScores {
  year: number;
  /** the day the states are read on: 31/12 of the year, or today while the year is not over */
  asOf: LocalDate;
  /** true while the year is not over: the scores can still change */
  provisional: boolean;
  ruleSet: { name: string; source: 'configured' | 'default'; version: number | null; excluded: string[] };
  agencies: AgencyScore[];
}

/**
 * Chấm điểm năm — each scored agency's max, points, rate, grade and every point lost, for a year.
 * Reminders belong to the year of their due date (one for a task due 31/12 is dated 1/1 and still
 * counts); states are read as of 31/12, or as of today while the year runs (`provisional`).
 * Agency users see only their own agency. "Today" is that of `ctx.now`.
 */
export async function scoreYear(ctx: ServiceContext, query: { year: number }): Promise<YearScores> {
  const authorityId = authorityOf(ctx.actor);
  const scope = agencyFilterFor(ctx.actor, 'stats.read', authorityId);
  const { db, now } = ctx;
  const authority = await findAuthorityById(db, authorityId);
  const { year } = query;
  const { ruleSet, source, version } = await loadRuleSet(db, authority.id, year);
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const today = localDateOf(now, authority.time_zone);
  const provisional = today <= end;
  const asOf = provisional ? today : end;
  const facts = await loadFacts(db, authority.id, scope, ruleSet, {
    from: start,
    to: end,
    statesAsOf: asOf,
    remindersAsOf: provisional ? today : addDays(end, 1),
  });
  return {
    year,
    asOf,
    provisional,
    ruleSet: { name: ruleSet.name, source, version, excluded: ruleSet.exclude },
    agencies: facts.map((agency) => scoreAgencyYear(ruleSet, agency)),
  };
}

/**
 * Biểu dương / phê bình for a period [from, to]: agencies with ≥ 1 task due in it and all done on
 * time; agencies with at least the rule set's threshold of written reminders for tasks due in it.
 * The rule set is that of the year of `to`. A period still running is read as of today (`ctx.now`).
 */
export async function listCommendations(ctx: ServiceContext, query: { from: LocalDate; to: LocalDate }) {
  const authorityId = authorityOf(ctx.actor);
  const scope = agencyFilterFor(ctx.actor, 'stats.read', authorityId);
  const { db, now } = ctx;
  const authority = await findAuthorityById(db, authorityId);
  if (query.from > query.to) {
    throw new AppError('VALIDATION_FAILED', 'Kỳ không hợp lệ: "từ ngày" phải trước "đến ngày".', {
      ...query,
    });
  }
  const year = Number(query.to.slice(0, 4));
  const { ruleSet } = await loadRuleSet(db, authority.id, year);
  const today = localDateOf(now, authority.time_zone);
  const asOf = minDate(query.to, today);
  const facts = await loadFacts(db, authority.id, scope, ruleSet, {
    from: query.from,
    to: query.to,
    statesAsOf: asOf,
    remindersAsOf: minDate(addDays(query.to, 1), today),
  });
  // the Office reports its own overdue tasks; it does not propose itself (docs/domain-rules.md §7)
  const monitors = ruleSet.listMonitor ? [] : await listMonitorCodes(db, authority.id);
  const listed = facts.filter((a) => !monitors.includes(a.code));
  return {
    from: query.from,
    to: query.to,
    asOf,
    provisional: today <= query.to,
    threshold: ruleSet.criticismThreshold,
    ...commendationLists(listed, ruleSet.criticismThreshold),
  };
}

interface Window {
  from: LocalDate;
  to: LocalDate;
  statesAsOf: LocalDate;
  remindersAsOf: LocalDate;
}

/** Per scored agency: the reminders for tasks due in the window, and the lead assignments due in it. */
async function loadFacts(
  db: Kysely<DB>,
  authorityId: number,
  scope: readonly number[] | null,
  ruleSet: RuleSet,
  window: Window,
) {
  const agencies = (await listScorableAgencies(db, authorityId, window.from, window.to)).filter(
    (a) => !ruleSet.exclude.includes(a.code) && (scope === null || scope.includes(a.id)),
  );
  const agencyIds = agencies.map((a) => a.id);
  const inWindow = (dueOn: LocalDate) => dueOn >= window.from && dueOn <= window.to;
  const reminders = new Map<string, ScoreReminder[]>();
  // only the window's rows: those judged by a date in it (the rule below keeps exactly those)
  const followed = await db
    .selectFrom('plan')
    .select('id')
    .where('authority_id', '=', authorityId)
    .where('followup_from', '>=', window.from)
    .where('followup_from', '<=', window.to)
    .execute();
  const judgedIn = { from: window.from, to: window.to, followedPlans: followed.map((p) => p.id) };
  // the two reads at once (each its own connection on PostgreSQL)
  const [written, rows] = await Promise.all([
    computeWrittenReminders(db, authorityId, { asOf: window.remindersAsOf, agencyIds, judgedIn }),
    listAssignmentFacts(db, authorityId, { role: 'lead', openedBy: window.statesAsOf, agencyIds, judgedIn }),
  ]);
  for (const r of written) {
    // scored in the year of the date it is judged by: a plan followed from a later date, from it (§6)
    if (!inWindow(r.countedDueOn)) continue;
    const list = reminders.get(r.agency) ?? [];
    list.push({
      plan: r.plan,
      task: r.task,
      occurrence: r.occurrence,
      dueOn: r.dueOn,
      remindedOn: r.remindedOn,
    });
    reminders.set(r.agency, list);
  }
  const items = new Map<number, ScoreItem[]>();
  for (const row of rows) {
    // theo dõi từ ngày (docs/domain-rules.md §7, issue #14 §4): work finished or withdrawn before the
    // plan's follow-up start is not scored; the rest is judged from it when its deadline was earlier
    const from = row.followup_from;
    if (from && ((row.done_on && row.done_on < from) || (row.cancelled_on && row.cancelled_on < from)))
      continue;
    const facts = {
      dueOn: followupDueOn(row.due_on, from),
      doneOn: row.done_on ?? null,
      cancelledOn: row.cancelled_on,
    };
    if (facts.dueOn === null || !inWindow(facts.dueOn) || !isDueBy(facts, window.statesAsOf)) continue;
    const list = items.get(row.agency_id) ?? [];
    list.push({
      plan: row.plan_number,
      task: row.task_ref,
      occurrence: row.occurrence,
      dueOn: facts.dueOn,
      doneOn: facts.doneOn,
      state: assignmentStateAsOf(facts, window.statesAsOf),
    });
    items.set(row.agency_id, list);
  }
  return agencies.map((a) => ({
    code: a.code,
    name: a.name,
    reminders: reminders.get(a.code) ?? [],
    items: items.get(a.id) ?? [],
  }));
}
