import { ctx, type ZodApp } from '../../server/http.ts';
import { RemindersSchema, StatusQuerySchema, StatusSchema } from '../../shared/schemas/status.ts';
import { getStatusFor, listWrittenRemindersFor } from './status.service.ts';

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
    async (request) => {
      const { db, actor, now } = ctx(request);
      return getStatusFor(db, actor, request.query, now);
    },
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
    async (request) => {
      const { db, actor, now } = ctx(request);
      return listWrittenRemindersFor(db, actor, request.query, now);
    },
  );
}
