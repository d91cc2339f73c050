import { z } from 'zod';
import { AGEING_BUCKETS, ASSIGNMENT_STATES } from '../../domain/state.ts';
import {
  AgencyRefSchema,
  AsOfSchema,
  IdTextSchema,
  LocalDateSchema,
  PageFields,
  PageQuerySchema,
} from './common.ts';
import { StateSchema } from './plan.ts';

/**
 * Every figure of the statistics (docs/domain-rules.md §5, §8), each also the `state` of its drill-down list:
 * `total` (every lead assignment counted), the six states, `due` (đến hạn by asOf), `due_on_time`
 * (done on time among those due: the on-time rate's numerator), `reminders` (written reminders
 * incurred by asOf) and the overdue ageing buckets. A figure and its list come from `statKeysOf`.
 */
export const STAT_KEYS = [
  'total',
  ...ASSIGNMENT_STATES,
  'due',
  'due_on_time',
  'reminders',
  ...AGEING_BUCKETS,
] as const;

/** The contracts of the statistics routes: the figures, their drill-down and the monthly trend. */

export const StatCountsSchema = z.object(
  Object.fromEntries(STAT_KEYS.map((key) => [key, z.number()])) as Record<
    (typeof STAT_KEYS)[number],
    z.ZodNumber
  >,
);

export const StatSummarySchema = z.object({
  counts: StatCountsSchema,
  onTimeRate: z
    .number()
    .nullable()
    .describe('done on time among the items due ÷ items due; null when none is due'),
});

export const StatFilterSchema = z.object({
  asOf: AsOfSchema,
  from: LocalDateSchema.optional().describe('period start: only assignments due on or after this date'),
  to: LocalDateSchema.optional().describe('period end: only assignments due on or before this date'),
  planId: IdTextSchema.optional(),
  scope: z
    .enum(['due', 'in_force'])
    .optional()
    .describe(
      'due (default): assignments due in the period; in_force: assigned in it, due in it, or still open at its start (the report to the Chairman)',
    ),
});

export const StatItemSchema = z.object({
  assignmentId: z.number(),
  agency: AgencyRefSchema,
  plan: z.object({ id: z.number(), number: z.string() }),
  task: z.object({ ref: z.string(), content: z.string() }),
  occurrence: z.number(),
  periodLabel: z.string().nullable(),
  originalDueOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  doneOn: z.string().nullable(),
  cancelledOn: z.string().nullable(),
  state: StateSchema,
  daysOverdue: z.number().nullable(),
  remindedOn: z.string().nullable(),
});

export const StatisticsQuerySchema = StatFilterSchema.extend({
  groupBy: z.enum(['agency', 'plan']).default('agency'),
});

export const StatisticsSchema = z.object({
  asOf: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  planId: z.number().nullable(),
  groupBy: z.enum(['agency', 'plan']),
  groups: z.array(StatSummarySchema.extend({ id: z.number(), code: z.string(), name: z.string() })),
  totals: StatSummarySchema,
});

export const StatItemsQuerySchema = StatFilterSchema.extend({
  agencyId: IdTextSchema.optional(),
  state: z.enum(STAT_KEYS).optional().describe('a key of `counts`; default total (every assignment)'),
}).extend(PageQuerySchema.shape);

export const StatItemsSchema = z.object({
  asOf: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  state: z.enum(STAT_KEYS),
  items: z.array(StatItemSchema),
  ...PageFields,
});

export const TrendSchema = z.object({
  asOf: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  planId: z.number().nullable(),
  months: z.array(
    z.object({
      month: z.string().describe('YYYY-MM'),
      due: z.number().describe('due in the month (current due date; cancelled left out)'),
      done: z.number().describe('done in the month by asOf'),
      doneOnTime: z.number(),
      doneLate: z.number(),
    }),
  ),
});

export type StatKey = (typeof STAT_KEYS)[number];
export type StatCounts = z.infer<typeof StatCountsSchema>;
export type StatSummary = z.infer<typeof StatSummarySchema>;
export type Statistics = z.infer<typeof StatisticsSchema>;
export type StatGroup = Statistics['groups'][number];
export type StatItem = z.infer<typeof StatItemSchema>;
export type StatItems = z.infer<typeof StatItemsSchema>;
export type Trend = z.infer<typeof TrendSchema>;
