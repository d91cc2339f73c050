import { formatVietnameseDate, type LocalDate } from './dates.ts';
import type { AssignmentState } from './state.ts';

/**
 * Chấm điểm — scoring agencies for a year (docs/domain-rules.md §7). The rules are data (a `RuleSet` per
 * authority and year, validated in src/modules/scoring/rule-set.ts); this file only applies them.
 * Every point lost names the reminders or tasks behind it.
 */

/** Xếp loại by the rate (points ÷ max): the first band whose `minRate` ≤ rate; bands in descending order. */
export interface GradeBand {
  minRate: number;
  label: string;
}

interface CriterionBase {
  id: string;
  name: string;
  /** Điểm tối đa */
  max: number;
  /** a different maximum for some agencies, by agency code (Tây Ninh's maxima differ by agency) */
  maxByAgency?: Record<string, number> | undefined;
}

/** The seed's criterion: max M points, minus D per written reminder, never below `floor`. */
export interface PerReminderCriterion extends CriterionBase {
  kind: 'per_reminder';
  deduction: number;
  floor: number;
}

/**
 * On-time rate of the lead assignments due in the year → the points of the first band whose
 * `minRate` ≤ rate (bands in descending order, the first worth `max`). With a `maxByAgency`
 * override the band points are scaled to that maximum. No task due → full points.
 */
export interface RateBandsCriterion extends CriterionBase {
  kind: 'rate_bands';
  bands: { minRate: number; points: number }[];
}

/**
 * The NĐ 335/2025/NĐ-CP style on `max` (100) points: a general part scored by the Office (full marks
 * unless entered in `general.points`) and a results part: `results.max` minus a deduction per task
 * done late and per task still open and overdue at the end of the year, never below 0. Graded by
 * points with its own `grades` (descending `min`). Such a rule set has no other criterion.
 */
export interface Nd335Criterion {
  kind: 'nd335';
  id: string;
  name: string;
  max: number;
  general: { max: number; points?: Record<string, number> | undefined };
  results: { max: number; deductionPerLateTask: number; deductionPerOverdueTask: number };
  grades: { min: number; label: string }[];
}

export type Criterion = PerReminderCriterion | RateBandsCriterion | Nd335Criterion;

export interface RuleSet {
  year: number;
  name: string;
  criteria: Criterion[];
  /** Xếp loại by rate, for rule sets without an nd335 criterion */
  grades: GradeBand[];
  /** agency codes not scored (e.g. the monitor, 'VP') */
  exclude: string[];
  /** phê bình: agencies with at least this many written reminders in a period */
  criticismThreshold: number;
  /**
   * The commendation and criticism lists include the monitor (the Office, `agency.is_monitor`); by default
   * they do not: the Office does not propose itself for praise or blame (docs/domain-rules.md §7).
   */
  listMonitor?: boolean | undefined;
}

/** A written reminder of the year, as listWrittenReminders gives it. */
export interface ScoreReminder {
  plan: string;
  task: string;
  occurrence: number;
  dueOn: LocalDate;
  remindedOn: LocalDate;
}

/** A lead assignment due in the year (by the as-of date), with its state as of that date. */
export interface ScoreItem {
  plan: string;
  task: string;
  occurrence: number;
  dueOn: LocalDate;
  doneOn: LocalDate | null;
  state: AssignmentState;
}

export interface AgencyFacts {
  code: string;
  name: string;
  reminders: ScoreReminder[];
  items: ScoreItem[];
}

/** What a point was lost for: a reminder (remindedOn) or a task (doneOn and state). */
export interface Cause {
  plan: string;
  task: string;
  occurrence: number;
  dueOn: LocalDate;
  remindedOn?: LocalDate | undefined;
  doneOn?: LocalDate | null | undefined;
  state?: AssignmentState | undefined;
}

export interface LostPoints {
  /** criterion id */
  criterion: string;
  points: number;
  reason: string;
  because: Cause[];
}

export interface CriterionScore {
  id: string;
  name: string;
  kind: Criterion['kind'];
  max: number;
  points: number;
  note: string | null;
}

export interface AgencyScore {
  code: string;
  name: string;
  max: number;
  points: number;
  /** points ÷ max */
  rate: number;
  grade: string;
  reminders: number;
  /** lead assignments due in the year, and how many of them were done on time */
  due: number;
  onTime: number;
  criteria: CriterionScore[];
  /** every point lost, each with the reminders or tasks behind it; Σ points = max − points */
  lost: LostPoints[];
}

/** Scores one agency for the year of the rule set from its reminders and due lead assignments. */
export function scoreAgencyYear(ruleSet: RuleSet, facts: AgencyFacts): AgencyScore {
  const criteria: CriterionScore[] = [];
  const lost: LostPoints[] = [];
  for (const criterion of ruleSet.criteria) {
    const scored = scoreCriterion(criterion, facts);
    criteria.push(scored.score);
    lost.push(...scored.lost);
  }
  const max = round2(criteria.reduce((sum, c) => sum + c.max, 0));
  const points = round2(criteria.reduce((sum, c) => sum + c.points, 0));
  const rate = max > 0 ? Math.round((points / max) * 10_000) / 10_000 : 0;
  const nd335 = ruleSet.criteria.find((c): c is Nd335Criterion => c.kind === 'nd335');
  const grade = nd335
    ? (nd335.grades.find((g) => g.min <= points)?.label ?? '')
    : (ruleSet.grades.find((g) => g.minRate <= rate)?.label ?? '');
  return {
    code: facts.code,
    name: facts.name,
    max,
    points,
    rate,
    grade,
    reminders: facts.reminders.length,
    due: facts.items.length,
    onTime: facts.items.filter((i) => i.state === 'done_on_time').length,
    criteria,
    lost,
  };
}

function scoreCriterion(
  criterion: Criterion,
  facts: AgencyFacts,
): { score: CriterionScore; lost: LostPoints[] } {
  const base = { id: criterion.id, name: criterion.name, kind: criterion.kind };
  if (criterion.kind === 'per_reminder') {
    const max = criterion.maxByAgency?.[facts.code] ?? criterion.max;
    const lost: LostPoints[] = [];
    let points = max;
    const reminders = [...facts.reminders].sort((a, b) => a.remindedOn.localeCompare(b.remindedOn));
    for (const r of reminders) {
      const take = round2(Math.max(0, Math.min(criterion.deduction, points - criterion.floor)));
      points = round2(points - take);
      lost.push({
        criterion: criterion.id,
        points: take,
        reason:
          `Nhắc nhở bằng văn bản ngày ${formatVietnameseDate(r.remindedOn)} (nhiệm vụ ${r.task}, ${r.plan}, hạn ${formatVietnameseDate(r.dueOn)})` +
          (take < criterion.deduction ? `: đã chạm mức sàn ${formatPoints(criterion.floor)} điểm` : ''),
        because: [{ ...r }],
      });
    }
    return { score: { ...base, max, points, note: null }, lost };
  }
  if (criterion.kind === 'rate_bands') {
    const max = criterion.maxByAgency?.[facts.code] ?? criterion.max;
    const due = facts.items.length;
    if (due === 0) {
      const note = 'Không có nhiệm vụ đến hạn trong năm: đạt điểm tối đa.';
      return { score: { ...base, max, points: max, note }, lost: [] };
    }
    const late = facts.items.filter((i) => i.state !== 'done_on_time');
    const rate = (due - late.length) / due;
    const band = criterion.bands.find((b) => b.minRate <= rate);
    const points = band ? round2((band.points * max) / criterion.max) : 0;
    const note =
      `Tỷ lệ đúng hạn ${formatPercent(rate)} (${due - late.length}/${due} nhiệm vụ đến hạn): ` +
      (band
        ? `mức từ ${formatPercent(band.minRate)} được ${formatPoints(points)} điểm`
        : 'dưới mọi mức, 0 điểm');
    const lost: LostPoints[] =
      points < max
        ? [
            {
              criterion: criterion.id,
              points: round2(max - points),
              reason: note,
              because: late.map((i) => ({ ...i })),
            },
          ]
        : [];
    return { score: { ...base, max, points, note }, lost };
  }
  return scoreNd335(criterion, facts);
}

function scoreNd335(
  criterion: Nd335Criterion,
  facts: AgencyFacts,
): { score: CriterionScore; lost: LostPoints[] } {
  const lost: LostPoints[] = [];
  const entered = criterion.general.points?.[facts.code];
  const general = entered ?? criterion.general.max;
  if (general < criterion.general.max) {
    lost.push({
      criterion: criterion.id,
      points: round2(criterion.general.max - general),
      reason: `Phần đánh giá chung do Văn phòng chấm: ${formatPoints(general)}/${formatPoints(criterion.general.max)} điểm`,
      because: [],
    });
  }
  let results = criterion.results.max;
  const ordered = [...facts.items].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  for (const item of ordered) {
    const late = item.state === 'done_late';
    if (!late && item.state !== 'open_overdue') continue;
    const deduction = late
      ? criterion.results.deductionPerLateTask
      : criterion.results.deductionPerOverdueTask;
    const take = round2(Math.max(0, Math.min(deduction, results)));
    results = round2(results - take);
    const what = late
      ? `hoàn thành quá hạn (ngày ${formatVietnameseDate(item.doneOn ?? item.dueOn)})`
      : 'chưa hoàn thành, quá hạn cuối năm';
    lost.push({
      criterion: criterion.id,
      points: take,
      reason:
        `Nhiệm vụ ${item.task} (${item.plan}, hạn ${formatVietnameseDate(item.dueOn)}) ${what}` +
        (take < deduction ? ': đã hết điểm phần kết quả' : ''),
      because: [{ ...item }],
    });
  }
  const note = `Đánh giá chung ${formatPoints(general)}${entered === undefined ? ' (mặc định đủ điểm, chưa chấm)' : ''}; kết quả ${formatPoints(results)}/${formatPoints(criterion.results.max)}`;
  return {
    score: {
      id: criterion.id,
      name: criterion.name,
      kind: 'nd335',
      max: criterion.max,
      points: round2(general + results),
      note,
    },
    lost,
  };
}

/**
 * Biểu dương: agencies with at least one task due in the period and every one done on time.
 * Phê bình: agencies with at least `threshold` written reminders in the period. The facts are
 * those of the period: the lead assignments due in it and the reminders for tasks due in it.
 */
export function commendationLists(agencies: AgencyFacts[], threshold: number) {
  const commended = agencies
    .filter((a) => a.items.length > 0 && a.items.every((i) => i.state === 'done_on_time'))
    .map((a) => ({ code: a.code, name: a.name, due: a.items.length }));
  const criticised = agencies
    .filter((a) => a.reminders.length >= threshold)
    .map((a) => ({
      code: a.code,
      name: a.name,
      reminders: a.reminders.length,
      because: a.reminders.map((r): Cause => ({ ...r })),
    }));
  return { commended, criticised };
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** 0.5 → '0,5'; 12 → '12' (Vietnamese decimal comma). */
export function formatPoints(value: number): string {
  return String(round2(value)).replace('.', ',');
}

/** 0.6667 → '66,67%' */
export function formatPercent(rate: number): string {
  return `${formatPoints(rate * 100)}%`;
}
