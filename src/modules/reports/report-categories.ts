/**
 * The categories of the Government Office's reports on assigned tasks (docs/domain-rules.md §8): what the
 * report to the Chairman counts, per plan and per agency, over every assignment in force in the period.
 * They refine the §5 states with the period: a task open and not overdue is "trong hạn" when its
 * deadline falls in the period, "chưa đến hạn" when it falls after it; a "Thường xuyên" task is its own
 * line (no deadline, reported on each period).
 */
import type { LocalDate } from '../../domain/dates.ts';
import type { AssignmentState } from '../../domain/state.ts';

export const REPORT_CATEGORIES = [
  'done_on_time',
  'done_late',
  'open_on_time',
  'open_overdue',
  'not_yet_due',
  'ongoing',
] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];
export type CategoryCounts = Record<ReportCategory, number>;

export const CATEGORY_LABELS: Record<ReportCategory, string> = {
  done_on_time: 'Hoàn thành đúng hạn',
  done_late: 'Hoàn thành quá hạn',
  open_on_time: 'Đang thực hiện trong hạn',
  open_overdue: 'Đang thực hiện quá hạn',
  not_yet_due: 'Chưa đến hạn',
  ongoing: 'Thường xuyên',
};

/** The category of an assignment in a period ending `periodEnd`; null for a cancelled one (not counted). */
export function reportCategoryOf(
  item: { state: AssignmentState; dueOn: LocalDate | null },
  periodEnd: LocalDate,
): ReportCategory | null {
  if (item.state === 'cancelled') return null;
  if (item.state === 'open_on_time' && item.dueOn !== null && item.dueOn > periodEnd) return 'not_yet_due';
  return item.state;
}

export function emptyCategoryCounts(): CategoryCounts {
  return Object.fromEntries(REPORT_CATEGORIES.map((c) => [c, 0])) as CategoryCounts;
}

/** The category counts of a set of assignments, in total and by a key (agency id, plan id). */
export function countCategories<T extends { state: AssignmentState; dueOn: LocalDate | null }>(
  items: readonly T[],
  periodEnd: LocalDate,
  keyOf: (item: T) => number,
): { total: CategoryCounts; by: Map<number, CategoryCounts> } {
  const total = emptyCategoryCounts();
  const by = new Map<number, CategoryCounts>();
  for (const item of items) {
    const category = reportCategoryOf(item, periodEnd);
    if (category === null) continue;
    total[category]++;
    const key = keyOf(item);
    const counts = by.get(key) ?? emptyCategoryCounts();
    counts[category]++;
    by.set(key, counts);
  }
  return { total, by };
}
