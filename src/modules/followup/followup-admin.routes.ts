import { serviceContext, type ZodApp } from '../../server/http.ts';
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
  app.get(
    '/settings/letters',
    {
      schema: {
        summary:
          'Cấu hình công văn đôn đốc (signer, Nơi nhận, symbol, consequence): Office, leadership, admins',
        tags: ['followup'],
        response: { 200: LetterSettingsReplySchema },
      },
    },
    async (request) => getLetterSettings(serviceContext(request)),
  );

  app.put(
    '/settings/letters',
    {
      schema: {
        summary: 'Lưu cấu hình công văn đôn đốc (the Office and admins); the next letter uses it',
        description:
          'Replaces the settings (a field left out takes its default). `version`: the one read; another edit ' +
          'in between answers 409 VERSION_CONFLICT. Audited with before and after.',
        tags: ['followup'],
        body: LetterSettingsBody,
        response: { 200: LetterSettingsReplySchema },
      },
    },
    async (request) => putLetterSettings(serviceContext(request), request.body),
  );

  app.get(
    '/outbox',
    {
      schema: {
        summary: 'Hộp thư đi (e-mail outbox) by state, newest first: the Office and admins',
        tags: ['followup'],
        querystring: OutboxQuery,
        response: { 200: OutboxPageSchema },
      },
    },
    async (request) => listOutbox(serviceContext(request), request.query),
  );

  app.post(
    '/outbox/:id/retry',
    {
      schema: {
        summary: 'Gửi lại thư thất bại (admins): a dead e-mail back to pending, attempts reset',
        tags: ['followup'],
        params: FollowupIdParams,
        response: { 200: OutboxMessageSchema },
      },
    },
    async (request) => retryOutboxMessage(serviceContext(request), request.params.id),
  );
}
