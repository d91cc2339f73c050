import type { AgeingBucket, AssignmentState } from '../../lib/domain.ts';

/** Every figure GET /api/statistics counts (src/modules/statistics/statistics.rules.ts STAT_KEYS). */
export type StatKey = 'total' | AssignmentState | 'due' | 'due_on_time' | 'reminders' | AgeingBucket;
export type StatCounts = Record<StatKey, number>;

export interface StatSummary {
  counts: StatCounts;
  /** done on time among the items due ÷ items due; null when none is due */
  onTimeRate: number | null;
}

export interface StatGroup extends StatSummary {
  id: number;
  /** agency code, or plan number */
  code: string;
  /** agency name, or plan title */
  name: string;
}

/** GET /api/statistics */
export interface Statistics {
  asOf: string;
  from: string | null;
  to: string | null;
  planId: number | null;
  groupBy: 'agency' | 'plan';
  groups: StatGroup[];
  totals: StatSummary;
}

/** GET /api/statistics/trend */
export interface Trend {
  asOf: string;
  months: { month: string; due: number; done: number; doneOnTime: number; doneLate: number }[];
}

/** One row of GET /api/statistics/items */
export interface StatItem {
  assignmentId: number;
  agency: { id: number; code: string; name: string };
  plan: { id: number; number: string };
  task: { ref: string; content: string };
  occurrence: number;
  periodLabel: string | null;
  originalDueOn: string | null;
  dueOn: string | null;
  doneOn: string | null;
  cancelledOn: string | null;
  state: AssignmentState;
  daysOverdue: number | null;
  remindedOn: string | null;
}

export interface StatItems {
  asOf: string;
  from: string | null;
  to: string | null;
  state: StatKey;
  items: StatItem[];
  total: number;
  page: number;
  pageSize: number;
}
