import { ctx, type ZodApp } from '../../server/http.ts';
import { moduleRoutes } from '../../server/route.ts';
import { RemindersSchema, StatusQuerySchema, StatusSchema } from '../../shared/schemas/status.ts';
import { getStatus, listWrittenReminders } from './status.service.ts';

/** GET /api/status and /api/reminders: the same answers as `dondoc status|reminders --json`. */
export async function statusRoutes(app: ZodApp) {
  const route = moduleRoutes(app, 'statistics');

  route.get('/status', {
    summary: 'Tình hình thực hiện: the §5 counts of lead assignments per agency and in total, as of a date',
    querystring: StatusQuerySchema,
    response: { 200: StatusSchema },
    handler: async (request) => getStatus(ctx(request), request.query),
  });

  route.get('/reminders', {
    summary: 'Nhắc nhở bằng văn bản: every written reminder incurred up to a date',
    tags: ['reminders'],
    querystring: StatusQuerySchema,
    response: { 200: RemindersSchema },
    handler: async (request) => listWrittenReminders(ctx(request), request.query),
  });
}
