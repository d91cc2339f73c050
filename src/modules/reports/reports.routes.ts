import { z } from 'zod';
import { serviceContext, type ZodApp } from '../../server/http.ts';
import { moduleRoutes } from '../../server/route.ts';
import { AsOfSchema, IdParamsSchema } from '../../shared/schemas/common.ts';
import {
  DraftBodySchema,
  DraftReplySchema,
  ReportPeriodSchema,
  ReportQuerySchema,
  ReportSchema,
} from '../../shared/schemas/report.ts';
import { buildReportData } from './report-data.ts';
import { getReportDraft, putReportDraft } from './report-drafts.service.ts';
import { type ExportedFile, exportPlanAppendix, exportReport } from './reports.service.ts';

function sendFile(reply: import('fastify').FastifyReply, file: ExportedFile) {
  return reply
    .header('content-type', file.mediaType)
    .header('content-disposition', file.contentDisposition)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .send(file.content);
}

/** Báo cáo Chủ tịch (issue #7): the report as JSON, .docx, .xlsx or .pdf; its drafts; the plan's appendix. */
export async function reportsRoutes(app: ZodApp) {
  const route = moduleRoutes(app, 'reports');

  route.get('/reports', {
    summary:
      'Báo cáo tình hình thực hiện nhiệm vụ (report to the Chairman) for a period as of a date: JSON, .docx, .xlsx or .pdf',
    querystring: ReportQuerySchema,
    response: { 200: ReportSchema },
    handler: async (request, reply) => {
      const c = serviceContext(request);
      const { format, ...query } = request.query;
      if (format === 'json') return buildReportData(c, query);
      return sendFile(reply, await exportReport(c, { ...query, format }));
    },
  });

  route.get('/reports/draft', {
    summary: 'Dự thảo báo cáo (draft): the free-text sections saved for a period and plan, or the defaults',
    querystring: ReportPeriodSchema,
    response: { 200: DraftReplySchema },
    handler: async (request) => {
      return getReportDraft(serviceContext(request), request.query);
    },
  });

  route.put('/reports/draft', {
    summary: 'Lưu dự thảo báo cáo (save the draft): the Office; `version` as read, null for the first save',
    querystring: ReportPeriodSchema,
    body: DraftBodySchema,
    response: { 200: DraftReplySchema },
    handler: async (request) => {
      return putReportDraft(serviceContext(request), request.query, request.body);
    },
  });

  route.get('/plans/:id/appendix.xlsx', {
    summary:
      'Tải phụ lục kế hoạch (.xlsx): the document columns plus state columns as of a date; re-importable',
    tags: ['plans', 'reports'],
    params: IdParamsSchema,
    querystring: z.object({ asOf: AsOfSchema }),
    produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    handler: async (request, reply) =>
      sendFile(reply, await exportPlanAppendix(serviceContext(request), request.params.id, request.query)),
  });
}
