import { z } from 'zod';
import { LocalDateSchema, PageQuerySchema, pageOf } from './common.ts';

/** Request and reply of nhật ký hệ thống (src/modules/audit/audit.routes.ts). */

const Text = z.string().trim().min(1).max(100);

export const AuditQuery = z
  .object({
    entity: Text.optional().describe('e.g. plan, assignment, result_submission, app_user'),
    action: Text.optional().describe('e.g. result.submit, auth.login'),
    actor: Text.optional().describe('a user name, or system'),
    from: LocalDateSchema.optional().describe('first day (Asia/Ho_Chi_Minh), inclusive'),
    to: LocalDateSchema.optional().describe('last day (Asia/Ho_Chi_Minh), inclusive'),
  })
  .extend(PageQuerySchema.shape);

export const AuditEntrySchema = z.object({
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
});

export const AuditPageSchema = pageOf(AuditEntrySchema);

/** GET /api/audit → items */
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export type AuditPage = z.infer<typeof AuditPageSchema>;
