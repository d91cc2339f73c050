import { serviceContext, type ZodApp } from '../../server/http.ts';
import { moduleRoutes } from '../../server/route.ts';
import {
  FollowupIdParams,
  LetterSettingsBody,
  LetterSettingsReplySchema,
  OutboxMessageSchema,
  OutboxPageSchema,
  OutboxQuery,
} from '../../shared/schemas/followup.ts';
import { getLetterSettings, putLetterSettings } from './letter-settings.service.ts';
import { listOutbox, retryOutboxMessage } from './outbox-admin.service.ts';

/** Quản trị theo dõi, đôn đốc: the reminder letter's settings and the e-mail outbox. */
export async function followupAdminRoutes(app: ZodApp) {
  const route = moduleRoutes(app, 'followup');

  route.get('/settings/letters', {
    summary: 'Cấu hình công văn đôn đốc (signer, Nơi nhận, symbol, consequence): Office, leadership, admins',
    response: { 200: LetterSettingsReplySchema },
    handler: async (request) => getLetterSettings(serviceContext(request)),
  });

  route.put('/settings/letters', {
    summary: 'Lưu cấu hình công văn đôn đốc (the Office and admins); the next letter uses it',
    description:
      'Replaces the settings (a field left out takes its default). `version`: the one read; another edit ' +
      'in between answers 409 VERSION_CONFLICT. Audited with before and after.',
    body: LetterSettingsBody,
    response: { 200: LetterSettingsReplySchema },
    handler: async (request) => putLetterSettings(serviceContext(request), request.body),
  });

  route.get('/outbox', {
    summary: 'Hộp thư đi (e-mail outbox) by state, newest first: the Office and admins',
    querystring: OutboxQuery,
    response: { 200: OutboxPageSchema },
    handler: async (request) => listOutbox(serviceContext(request), request.query),
  });

  route.post('/outbox/:id/retry', {
    summary: 'Gửi lại thư thất bại (admins): a dead e-mail back to pending, attempts reset',
    params: FollowupIdParams,
    response: { 200: OutboxMessageSchema },
    handler: async (request) => retryOutboxMessage(serviceContext(request), request.params.id),
  });
}
