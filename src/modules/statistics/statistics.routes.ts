import { z } from 'zod';
import { ASSIGNMENT_STATES } from '../../domain/state.ts';
import { ctx, type ZodApp } from '../../server/http.ts';
import { IdTextSchema, LocalDateSchema, PageQuerySchema } from '../../shared/schemas/common.ts';
import { STAT_KEYS } from './statistics.rules.ts';
import { getStatistics, getStatisticsTrend, listStatisticItems } from './statistics.service.ts';

const CountsSchema = z.object(
  Object.fromEntries(STAT_KEYS.map((key) => [key, z.number()])) as Record<
    (typeof STAT_KEYS)[number],
    z.ZodNumber
  >,
);

const SummarySchema = z.object({
  counts: CountsSchema,
  onTimeRate: z
    .number()
    .nullable()
    .describe('done on time among the items due ÷ items due; null when none is due'),
});

const FilterSchema = z.object({
  asOf: z
    .string()
    .max(40)
    .optional()
    .describe('a date YYYY-MM-DD or an instant with offset; default today in Asia/Ho_Chi_Minh'),
  from: LocalDateSchema.optional().describe('period start: only assignments due on or after this date'),
  to: LocalDateSchema.optional().describe('period end: only assignments due on or before this date'),
  planId: IdTextSchema.optional(),
});

const ItemSchema = z.object({
  assignmentId: z.number(),
  agency: z.object({ id: z.number(), code: z.string(), name: z.string() }),
  plan: z.object({ id: z.number(), number: z.string() }),
  task: z.object({ ref: z.string(), content: z.string() }),
  occurrence: z.number(),
  periodLabel: z.string().nullable(),
  originalDueOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  doneOn: z.string().nullable(),
  cancelledOn: z.string().nullable(),
  state: z.enum(ASSIGNMENT_STATES),
  daysOverdue: z.number().nullable(),
  remindedOn: z.string().nullable(),
});

/**
 * GET /api/statistics, its drill-down GET /api/statistics/items and the monthly GET /api/statistics/trend
 * (stats.read; agencies: own scope).
 */
export async function statisticsRoutes(app: ZodApp) {
  app.get(
    '/statistics',
    {
      schema: {
        summary:
          'Thống kê tình hình thực hiện: per agency or plan, the §5 counts, due, on-time rate, overdue ageing and reminders',
        tags: ['statistics'],
        querystring: FilterSchema.extend({ groupBy: z.enum(['agency', 'plan']).default('agency') }),
        response: {
          200: z.object({
            asOf: z.string(),
            from: z.string().nullable(),
            to: z.string().nullable(),
            planId: z.number().nullable(),
            groupBy: z.enum(['agency', 'plan']),
            groups: z.array(SummarySchema.extend({ id: z.number(), code: z.string(), name: z.string() })),
            totals: SummarySchema,
          }),
        },
      },
    },
    async (request) => {
      const { db, actor, now } = ctx(request);
      return getStatistics(db, actor, request.query, now);
    },
  );

  app.get(
    '/statistics/items',
    {
      schema: {
        summary: 'Danh sách chi tiết: the assignments behind one figure of the statistics (same filters)',
        tags: ['statistics'],
        querystring: FilterSchema.extend({
          agencyId: IdTextSchema.optional(),
          state: z.enum(STAT_KEYS).optional().describe('a key of `counts`; default total (every assignment)'),
        }).extend(PageQuerySchema.shape),
        response: {
          200: z.object({
            asOf: z.string(),
            from: z.string().nullable(),
            to: z.string().nullable(),
            state: z.enum(STAT_KEYS),
            items: z.array(ItemSchema),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
        },
      },
    },
    async (request) => {
      const { db, actor, now } = ctx(request);
      return listStatisticItems(db, actor, request.query, now);
    },
  );

  app.get(
    '/statistics/trend',
    {
      schema: {
        summary:
          'Xu hướng theo tháng: lead assignments due per month against those done per month (same filters)',
        tags: ['statistics'],
        querystring: FilterSchema,
        response: {
          200: z.object({
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
          }),
        },
      },
    },
    async (request) => {
      const { db, actor, now } = ctx(request);
      return getStatisticsTrend(db, actor, request.query, now);
    },
  );
}
