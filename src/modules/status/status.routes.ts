import { z } from 'zod';
import { ctx, type ZodApp } from '../../server/http.ts';
import { getStatus, listWrittenReminders } from './status.service.ts';

const CountsSchema = z.object({
  done_on_time: z.number(),
  done_late: z.number(),
  open_on_time: z.number(),
  open_overdue: z.number(),
  ongoing: z.number(),
  cancelled: z.number(),
  reminders: z.number(),
});

export const StatusQuerySchema = z.object({
  asOf: z
    .string()
    .max(40)
    .optional()
    .describe('a date YYYY-MM-DD or an instant with offset; default today in Asia/Ho_Chi_Minh'),
  plan: z.string().max(100).optional().describe('a plan number, e.g. 87/KH-UBND'),
});

/** GET /api/status and /api/reminders: the same answers as `dondoc status|reminders --json`. */
export async function statusRoutes(app: ZodApp) {
  app.get(
    '/status',
    {
      schema: {
        summary:
          'Tình hình thực hiện: the §5 counts of lead assignments per agency and in total, as of a date',
        tags: ['statistics'],
        querystring: StatusQuerySchema,
        response: {
          200: z.object({
            asOf: z.string(),
            plan: z.string().nullable(),
            totals: CountsSchema,
            agencies: z.array(CountsSchema.extend({ code: z.string(), name: z.string() })),
          }),
        },
      },
    },
    async (request) => getStatus(ctx(request), request.query),
  );

  app.get(
    '/reminders',
    {
      schema: {
        summary: 'Nhắc nhở bằng văn bản: every written reminder incurred up to a date',
        tags: ['reminders'],
        querystring: StatusQuerySchema,
        response: {
          200: z.object({
            asOf: z.string(),
            reminders: z.array(
              z.object({
                agency: z.string(),
                agencyName: z.string(),
                plan: z.string(),
                task: z.string(),
                occurrence: z.number(),
                dueOn: z.string(),
                remindedOn: z.string(),
                year: z.number(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => listWrittenReminders(ctx(request), request.query),
  );
}
