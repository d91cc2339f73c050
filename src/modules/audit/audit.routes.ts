import { serviceContext, type ZodApp } from '../../server/http.ts';
import { moduleRoutes } from '../../server/route.ts';
import { AuditPageSchema, AuditQuery } from '../../shared/schemas/audit.ts';
import { listAudit } from './audit.service.ts';

/** GET /api/audit (audit.read: administrators). There is deliberately no route that changes the log. */
export async function auditRoutes(app: ZodApp) {
  const route = moduleRoutes(app, 'audit');

  route.get('/audit', {
    summary: 'Nhật ký hệ thống (audit log): who did what, when, from where; newest first, append-only',
    querystring: AuditQuery,
    response: { 200: AuditPageSchema },
    handler: async (request) => {
      return listAudit(serviceContext(request), request.query);
    },
  });
}
