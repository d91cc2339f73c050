import { z } from 'zod';
import { serviceContext, type ZodApp } from '../../server/http.ts';
import { IdTextSchema, PageQuerySchema } from '../../shared/schemas/common.ts';
import { followupAdminRoutes } from './followup-admin.routes.ts';
import { DOCX_TYPE, getLetterForDownload, listLetters } from './letters.service.ts';
import { listMyNotifications, markNotificationRead } from './notifications.service.ts';
import { runSweep } from './sweep.service.ts';

const Id = IdTextSchema;

const NotificationSchema = z.object({
  id: z.number(),
  kind: z.enum(['notice', 'reminder', 'digest', 'escalation', 'overdue_list']),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  assignmentId: z.number().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

const LetterSchema = z.object({
  id: z.number(),
  year: z.number(),
  number: z.number(),
  issuedOn: z.string(),
  agency: z.object({ code: z.string(), name: z.string() }),
  fileName: z.string(),
  tasks: z.array(
    z.object({
      plan: z.string(),
      task: z.string(),
      dueOn: z.string(),
      /** the reminder was withdrawn (a result received by the deadline, accepted later): not counted */
      withdrawnAt: z.string().nullable(),
      withdrawnReason: z.string().nullable(),
    }),
  ),
});

/** Theo dõi, đôn đốc (issue #5): notifications, reminder letters, and running the daily sweep now. */
export async function followupRoutes(app: ZodApp) {
  // settings of the letters and the outbox (administration)
  await followupAdminRoutes(app);

  app.get(
    '/notifications',
    {
      schema: {
        summary: 'Thông báo của tôi (own notifications): unread first, newest first',
        tags: ['followup'],
        querystring: z
          .object({ unread: z.enum(['true', 'false']).optional().describe('true: only unread') })
          .extend(PageQuerySchema.shape),
        response: {
          200: z.object({
            items: z.array(NotificationSchema),
            total: z.number(),
            unread: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
        },
      },
    },
    async (request) => {
      const { unread, ...page } = request.query;
      return listMyNotifications(serviceContext(request), { ...page, unread: unread === 'true' });
    },
  );

  app.post(
    '/notifications/:id/read',
    {
      schema: {
        summary: 'Đánh dấu đã đọc (mark one of my notifications read)',
        tags: ['followup'],
        params: z.object({ id: Id }),
        response: { 200: z.object({ id: z.number(), readAt: z.string() }) },
      },
    },
    async (request) => {
      return markNotificationRead(serviceContext(request), request.params.id);
    },
  );

  app.get(
    '/letters',
    {
      schema: {
        summary: 'Công văn đôn đốc (reminder letters): all for the Office and leadership, own for an agency',
        tags: ['followup'],
        querystring: z
          .object({ year: z.coerce.number().int().min(1900).max(2200).optional() })
          .extend(PageQuerySchema.shape),
        response: {
          200: z.object({
            items: z.array(LetterSchema),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
        },
      },
    },
    async (request) => {
      return listLetters(serviceContext(request), request.query);
    },
  );

  app.get(
    '/letters/:id/download',
    {
      schema: {
        summary: 'Tải công văn đôn đốc (.docx), to whoever may read its agency’s reminders',
        tags: ['followup'],
        params: z.object({ id: Id }),
      },
    },
    async (request, reply) => {
      const letter = await getLetterForDownload(serviceContext(request), request.params.id);
      return reply
        .type(DOCX_TYPE)
        .header('Content-Disposition', letter.contentDisposition)
        .header('X-Content-Type-Options', 'nosniff')
        .header('Cache-Control', 'private, no-store')
        .send(letter.content);
    },
  );

  app.post(
    '/sweeps',
    {
      schema: {
        summary: 'Quét nhắc việc ngay (run the daily sweep now): every unswept day up to asOf, at most today',
        description:
          'Records the written reminders, issues the letters and queues the notifications of every day not swept ' +
          'yet. Idempotent: days already swept are left as they are.',
        tags: ['followup'],
        body: z
          .object({
            asOf: z
              .string()
              .max(40)
              .optional()
              .describe('a date YYYY-MM-DD or an instant with offset; default today in the authority’s zone'),
          })
          .default({}),
        response: {
          200: z.object({
            authority: z.string(),
            asOf: z.string(),
            days: z.array(z.string()),
            reminders: z.number(),
            letters: z.number(),
            notifications: z.number(),
            emails: z.number(),
          }),
        },
      },
    },
    async (request) => {
      return runSweep(serviceContext(request), request.body ?? {}, request.server.deps.followup ?? {});
    },
  );
}
