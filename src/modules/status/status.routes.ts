import { ctx, type ZodApp } from '../../server/http.ts';
import { RemindersSchema, StatusQuerySchema, StatusSchema } from '../../shared/schemas/status.ts';
import { getStatus, listWrittenReminders } from './status.service.ts';

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
        response: { 200: StatusSchema },
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
        response: { 200: RemindersSchema },
      },
    },
    async (request) => listWrittenReminders(ctx(request), request.query),
  );
}
