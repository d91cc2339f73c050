import { z } from 'zod';
import { AGEING_BUCKETS, ASSIGNMENT_STATES } from '../../domain/state.ts';
import { serviceContext, type ZodApp } from '../../server/http.ts';
import { IdSchema, IdTextSchema, LocalDateSchema } from '../../shared/schemas/common.ts';
import { ExtensionSchema } from '../../shared/schemas/extension.ts';
import { ObstacleSchema } from '../../shared/schemas/obstacle.ts';
import { STAT_KEYS } from '../statistics/statistics.rules.ts';
import { buildReportData } from './report-data.ts';
import { ReportDraftSchema } from './report-draft.ts';
import { getReportDraft, putReportDraft } from './report-drafts.service.ts';
import { type ExportedFile, exportPlanAppendix, exportReport } from './reports.service.ts';

const Id = IdTextSchema;

const PeriodSchema = z.object({
  from: LocalDateSchema.describe('period start: assignments due on or after this date'),
  to: LocalDateSchema.describe('period end: assignments due on or before this date'),
  planId: Id.optional().describe('one plan; default every plan of the authority'),
});

const CountsSchema = z.object(
  Object.fromEntries(STAT_KEYS.map((key) => [key, z.number()])) as Record<
    (typeof STAT_KEYS)[number],
    z.ZodNumber
  >,
);
const SummarySchema = z.object({ counts: CountsSchema, onTimeRate: z.number().nullable() });
const GroupSchema = SummarySchema.extend({ id: z.number(), code: z.string(), name: z.string() });
const ItemSchema = z.object({
  assignmentId: z.number(),
  agency: z.object({ id: z.number(), code: z.string(), name: z.string() }),
  plan: z.object({ id: z.number(), number: z.string() }),
  task: z.object({ ref: z.string(), content: z.string() }),
  occurrence: z.number(),
  periodLabel: z.string().nullable(),
  originalDueOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  doneOn: z.string().nullable(),
  cancelledOn: z.string().nullable(),
  state: z.enum(ASSIGNMENT_STATES),
  daysOverdue: z.number().nullable(),
  remindedOn: z.string().nullable(),
});
const DraftSchema = z.object({
  number: z.string(),
  issuedOn: z.string().nullable(),
  addressee: z.string(),
  signer: z.object({ authority: z.string(), title: z.string(), name: z.string() }),
  recipients: z.array(z.string()),
  overview: z.string(),
  obstacles: z.string(),
  proposals: z.string(),
  nextSteps: z.string(),
});
const CauseSchema = z.object({
  plan: z.string(),
  task: z.string(),
  occurrence: z.number(),
  dueOn: z.string(),
  remindedOn: z.string().optional(),
});

const ReportSchema = z.object({
  authority: z.object({ id: z.number(), name: z.string(), place: z.string() }),
  issuer: z.object({ parent: z.string(), name: z.string(), place: z.string() }),
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  plan: z.object({ id: z.number(), number: z.string(), issuedOn: z.string(), title: z.string() }).nullable(),
  totals: SummarySchema,
  agencies: z.array(GroupSchema),
  plans: z.array(GroupSchema),
  overdue: z.array(ItemSchema.extend({ daysOverdue: z.number(), age: z.enum(AGEING_BUCKETS) })),
  ageing: z.object(
    Object.fromEntries(AGEING_BUCKETS.map((b) => [b, z.number()])) as Record<
      (typeof AGEING_BUCKETS)[number],
      z.ZodNumber
    >,
  ),
  reminders: z.array(ItemSchema),
  obstacles: z.array(ObstacleSchema),
  extensions: z.array(ExtensionSchema),
  commendations: z.object({
    from: z.string(),
    to: z.string(),
    asOf: z.string(),
    provisional: z.boolean(),
    threshold: z.number(),
    commended: z.array(z.object({ code: z.string(), name: z.string(), due: z.number() })),
    criticised: z.array(
      z.object({ code: z.string(), name: z.string(), reminders: z.number(), because: z.array(CauseSchema) }),
    ),
  }),
  draft: DraftSchema,
  draftVersion: z.number().nullable(),
});

const DraftReplySchema = z.object({
  from: z.string(),
  to: z.string(),
  planId: z.number().nullable(),
  version: z.number().nullable().describe('null while nothing is saved (the defaults are shown)'),
  updatedBy: z.string().nullable(),
  draft: DraftSchema,
});

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
  app.get(
    '/reports',
    {
      schema: {
        summary:
          'Báo cáo tình hình thực hiện nhiệm vụ (report to the Chairman) for a period as of a date: JSON, .docx, .xlsx or .pdf',
        tags: ['reports'],
        querystring: PeriodSchema.extend({
          asOf: z
            .string()
            .max(40)
            .optional()
            .describe(
              'a date YYYY-MM-DD or an instant; default the end of the period, or today while it runs',
            ),
          format: z.enum(['json', 'docx', 'xlsx', 'pdf']).default('json'),
        }),
        response: { 200: ReportSchema },
      },
    },
    async (request, reply) => {
      const c = serviceContext(request);
      const { format, ...query } = request.query;
      if (format === 'json') return buildReportData(c, query);
      return sendFile(reply, await exportReport(c, { ...query, format }));
    },
  );

  app.get(
    '/reports/draft',
    {
      schema: {
        summary:
          'Dự thảo báo cáo (draft): the free-text sections saved for a period and plan, or the defaults',
        tags: ['reports'],
        querystring: PeriodSchema,
        response: { 200: DraftReplySchema },
      },
    },
    async (request) => {
      return getReportDraft(serviceContext(request), request.query);
    },
  );

  app.put(
    '/reports/draft',
    {
      schema: {
        summary:
          'Lưu dự thảo báo cáo (save the draft): the Office; `version` as read, null for the first save',
        tags: ['reports'],
        querystring: PeriodSchema,
        body: z.strictObject({
          version: IdSchema.nullable(),
          draft: ReportDraftSchema,
        }),
        response: { 200: DraftReplySchema },
      },
    },
    async (request) => {
      return putReportDraft(serviceContext(request), request.query, request.body);
    },
  );

  app.get(
    '/plans/:id/appendix.xlsx',
    {
      schema: {
        summary:
          'Tải phụ lục kế hoạch (.xlsx): the document columns plus state columns as of a date; re-importable',
        tags: ['plans', 'reports'],
        params: z.object({ id: Id }),
        querystring: z.object({ asOf: z.string().max(40).optional() }),
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (request, reply) =>
      sendFile(reply, await exportPlanAppendix(serviceContext(request), request.params.id, request.query)),
  );
}
