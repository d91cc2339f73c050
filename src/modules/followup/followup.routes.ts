import { serviceContext, type ZodApp } from '../../server/http.ts';
import { moduleRoutes } from '../../server/route.ts';
import {
  FollowupIdParams,
  LetterRegisterBody,
  LetterRegisterReplySchema,
  LettersPageSchema,
  LettersQuery,
  NotificationReadSchema,
  NotificationsPageSchema,
  NotificationsQuery,
  NotificationsReadAllSchema,
  SweepBody,
  SweepResultSchema,
} from '../../shared/schemas/followup.ts';
import { followupAdminRoutes } from './followup-admin.routes.ts';
import { DOCX_TYPE, getLetterForDownload, listLetters, registerLetter } from './letters.service.ts';
import {
  listMyNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from './notifications.service.ts';
import { runSweep } from './sweep.service.ts';

/** Theo dõi, đôn đốc (issue #5): notifications, reminder letters, and running the daily sweep now. */
export async function followupRoutes(app: ZodApp) {
  const route = moduleRoutes(app, 'followup');

  // settings of the letters and the outbox (administration)
  await followupAdminRoutes(app);

  route.get('/notifications', {
    summary: 'Thông báo của tôi (own notifications): unread first, newest first',
    querystring: NotificationsQuery,
    response: { 200: NotificationsPageSchema },
    handler: async (request) => {
      const { unread, ...page } = request.query;
      return listMyNotifications(serviceContext(request), { ...page, unread: unread === 'true' });
    },
  });

  route.post('/notifications/:id/read', {
    summary: 'Đánh dấu đã đọc (mark one of my notifications read)',
    params: FollowupIdParams,
    response: { 200: NotificationReadSchema },
    handler: async (request) => {
      return markNotificationRead(serviceContext(request), request.params.id);
    },
  });

  route.post('/notifications/read-all', {
    summary: 'Đánh dấu tất cả đã đọc (mark all my unread notifications read)',
    response: { 200: NotificationsReadAllSchema },
    handler: async (request) => markAllNotificationsRead(serviceContext(request)),
  });

  route.get('/letters', {
    summary: 'Công văn đôn đốc (reminder letters): all for the Office and leadership, own for an agency',
    querystring: LettersQuery,
    response: { 200: LettersPageSchema },
    handler: async (request) => {
      return listLetters(serviceContext(request), request.query);
    },
  });

  route.get('/letters/:id/download', {
    summary: 'Tải công văn đôn đốc (.docx), to whoever may read its agency’s reminders',
    params: FollowupIdParams,
    handler: async (request, reply) => {
      const letter = await getLetterForDownload(serviceContext(request), request.params.id);
      return reply
        .type(DOCX_TYPE)
        .header('Content-Disposition', letter.contentDisposition)
        .header('X-Content-Type-Options', 'nosniff')
        .header('Cache-Control', 'private, no-store')
        .send(letter.content);
    },
  });

  route.post('/letters/:id/register', {
    summary: 'Vào sổ công văn (register a drafted letter: its number and date); the Office and admins',
    params: FollowupIdParams,
    body: LetterRegisterBody,
    response: { 200: LetterRegisterReplySchema },
    handler: async (request) => registerLetter(serviceContext(request), request.params.id, request.body),
  });

  route.post('/sweeps', {
    summary: 'Quét nhắc việc ngay (run the daily sweep now): every unswept day up to asOf, at most today',
    description:
      'Records the written reminders, issues the letters and queues the notifications of every day not swept ' +
      'yet. Idempotent: days already swept are left as they are.',
    body: SweepBody,
    response: { 200: SweepResultSchema },
    handler: async (request) => {
      return runSweep(serviceContext(request), request.body ?? {}, request.server.deps.followup ?? {});
    },
  });
}
