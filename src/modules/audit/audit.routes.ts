import { z } from 'zod';
import { serviceContext, type ZodApp } from '../../server/http.ts';
import { LocalDateSchema, PageQuerySchema } from '../../shared/schemas/common.ts';
import { listAudit } from './audit.service.ts';

const Text = z.string().trim().min(1).max(100);

/** GET /api/audit (audit.read: administrators). There is deliberately no route that changes the log. */
export async function auditRoutes(app: ZodApp) {
  app.get(
    '/audit',
    {
      schema: {
        summary: 'Nhật ký hệ thống (audit log): who did what, when, from where; newest first, append-only',
        tags: ['audit'],
        querystring: z
          .object({
            entity: Text.optional().describe('e.g. plan, assignment, result_submission, app_user'),
            action: Text.optional().describe('e.g. result.submit, auth.login'),
            actor: Text.optional().describe('a user name, or system'),
            from: LocalDateSchema.optional().describe('first day (Asia/Ho_Chi_Minh), inclusive'),
            to: LocalDateSchema.optional().describe('last day (Asia/Ho_Chi_Minh), inclusive'),
          })
          .extend(PageQuerySchema.shape),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.number(),
                at: z.string(),
                actor: z.string(),
                action: z.string(),
                entity: z.string(),
                entityId: z.string().nullable(),
                data: z.record(z.string(), z.unknown()),
                before: z.unknown(),
                after: z.unknown(),
                ip: z.string().nullable(),
              }),
            ),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
        },
      },
    },
    async (request) => {
      return listAudit(serviceContext(request), request.query);
    },
  );
}
