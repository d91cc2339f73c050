import { z } from 'zod';
import { serviceContext, type ZodApp } from '../../server/http.ts';
import { IdTextSchema, PageQuerySchema } from '../../shared/schemas/common.ts';
import { getLetterSettings, putLetterSettings } from './letter-settings.service.ts';
import { LetterSettingsSchema } from './letter-settings.ts';
import { listOutbox, retryOutboxMessage } from './outbox-admin.service.ts';

const Id = IdTextSchema;

const EffectiveLetterSettingsSchema = z.object({
  issuer: z.object({ parent: z.string(), name: z.string(), place: z.string() }),
  symbol: z.string(),
  signer: z.object({ authority: z.string(), title: z.string(), name: z.string() }),
  recipients: z.array(z.string()),
  consequence: z.string(),
  reportWithinDays: z.number(),
});

const LetterSettingsReplySchema = z.object({
  settings: z
    .record(z.string(), z.unknown())
    .describe('what the authority has set; a missing field takes the default'),
  effective: EffectiveLetterSettingsSchema.nullable().describe(
    'what the next letter uses; null if settings are invalid',
  ),
  problems: z.array(z.string()).describe('why the stored settings cannot be used (set outside dondoc)'),
  version: z.number().describe('send it back with PUT: a concurrent edit answers 409 VERSION_CONFLICT'),
});

const OutboxStatusSchema = z.enum(['pending', 'sending', 'sent', 'dead']);

const OutboxMessageSchema = z.object({
  id: z.number(),
  kind: z.string(),
  to: z.string(),
  subject: z.string(),
  status: OutboxStatusSchema,
  attempts: z.number(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});

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
        body: LetterSettingsSchema.extend({ version: z.number().int().min(0).nullable().optional() }),
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
        querystring: z
          .object({
            state: z
              .enum(['pending', 'sent', 'dead'])
              .optional()
              .describe('pending: waiting or being sent; dead: failed after every attempt; none: all'),
          })
          .extend(PageQuerySchema.shape),
        response: {
          200: z.object({
            items: z.array(OutboxMessageSchema),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
            counts: z.object({
              pending: z.number(),
              sending: z.number(),
              sent: z.number(),
              dead: z.number(),
            }),
          }),
        },
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
        params: z.object({ id: Id }),
        response: { 200: OutboxMessageSchema },
      },
    },
    async (request) => retryOutboxMessage(serviceContext(request), request.params.id),
  );
}
