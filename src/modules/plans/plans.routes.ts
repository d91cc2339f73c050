import type { FastifyRequest } from 'fastify';
import { uploadGuard } from '../../server/body-guards.ts';
import { ctx, type ZodApp } from '../../server/http.ts';
import { moduleRoutes } from '../../server/route.ts';
import { AppError } from '../../shared/errors.ts';
import { IdParamsSchema } from '../../shared/schemas/common.ts';
import { ImportedSchema, ImportPreviewSchema } from '../../shared/schemas/import.ts';
import {
  AsOfQuerySchema,
  CancelBodySchema,
  CreatedPlanSchema,
  PlanDetailSchema,
  PlanHeaderSchema,
  PlanInputSchema,
  PlanListQuerySchema,
  PlanListSchema,
  PlanPatchSchema,
  PublishBodySchema,
  UpdatedPlanSchema,
} from '../../shared/schemas/plan.ts';
import type { PlanFile } from '../import/read-plan-file.ts';
import { createPlan } from './plans.service.ts';
import { setPlanPublished } from './plans-publish.service.ts';
import { getPlanDetail, getPlanSource, listPlansFor } from './plans-read.service.ts';
import {
  cancelPlan,
  importPlanUpload,
  previewPlanUpload,
  requirePlanWriteAccess,
  type UploadReader,
  updatePlan,
} from './plans-write.service.ts';
import { tasksRoutes } from './tasks.routes.ts';

const MULTIPART =
  'multipart/form-data: `file` (.docx, .pdf — a scan is read by OCR —, .xlsx, .csv, .txt, .png, .jpg)';

/** Kế hoạch: list, register (JSON or an uploaded document), read, edit, withdraw, source file; and tasks. */
export async function plansRoutes(app: ZodApp) {
  const route = moduleRoutes(app, 'plans');

  // who may import, and how large the body may be, are settled before the body is read
  const planUpload = uploadGuard((request) => requirePlanWriteAccess(ctx(request)));

  route.get('/plans', {
    summary: 'Danh sách kế hoạch (plans, newest first) with task and state counts as of a date',
    querystring: PlanListQuerySchema,
    response: { 200: PlanListSchema },
    handler: async (request) => listPlansFor(ctx(request), request.query),
  });

  route.post('/plans', {
    summary: 'Đăng ký kế hoạch (register a plan from its appendix as JSON)',
    body: PlanInputSchema,
    response: { 201: CreatedPlanSchema },
    // a plan with deadlines already past is followed from today unless the body says (docs/domain-rules.md §6)
    handler: async (request) => createPlan(ctx(request), request.body, { followupDefault: 'today' }),
  });

  route.post('/plans/import/preview', {
    guard: planUpload,
    summary: `Xem trước văn bản (preview an uploaded plan document with its unknown agency names and tasks without lead; nothing stored) — ${MULTIPART}`,
    consumes: ['multipart/form-data'],
    response: { 200: ImportPreviewSchema },
    handler: async (request) => previewPlanUpload(ctx(request), uploadOf(request)),
  });

  route.post('/plans/import', {
    guard: planUpload,
    summary: `Nhập kế hoạch từ văn bản (import and store) — ${MULTIPART}, optional \`replace=true\`, \`confirmTasksWithoutLead=true\` (register tasks that get no lead agency; else 422 IMPORT_TASKS_WITHOUT_LEAD) and \`plan\` (the corrected preview as JSON in the shape of POST /plans, stored instead of what was read)`,
    consumes: ['multipart/form-data'],
    response: { 201: ImportedSchema },
    handler: async (request) => importPlanUpload(ctx(request), uploadOf(request)),
  });

  route.get('/plans/:id', {
    summary:
      'Chi tiết kế hoạch: header, sections, tasks with their assignments and progress as of a date (each task’s assignments grouped by role, occurrence, dates and state; their agencies once, in `agencies`)',
    params: IdParamsSchema,
    querystring: AsOfQuerySchema,
    response: { 200: PlanDetailSchema },
    handler: async (request) => getPlanDetail(ctx(request), request.params.id, request.query),
  });

  route.patch('/plans/:id', {
    summary: 'Sửa thông tin kế hoạch (edit header fields; `version` required, 409 if stale)',
    params: IdParamsSchema,
    body: PlanPatchSchema,
    response: { 200: UpdatedPlanSchema },
    handler: async (request) => updatePlan(ctx(request), request.params.id, request.body),
  });

  route.post('/plans/:id/cancel', {
    summary: 'Thu hồi kế hoạch (withdraw the plan from a date: its assignments become cancelled)',
    params: IdParamsSchema,
    body: CancelBodySchema.nullish(),
    response: { 200: PlanHeaderSchema },
    handler: async (request) => cancelPlan(ctx(request), request.params.id, request.body ?? {}),
  });

  route.post('/plans/:id/publish', {
    summary:
      'Công khai kế hoạch (the publish switch: put the plan on the public page or take it off; audited)',
    params: IdParamsSchema,
    body: PublishBodySchema,
    response: { 200: PlanHeaderSchema },
    handler: async (request) => setPlanPublished(ctx(request), request.params.id, request.body),
  });

  route.get('/plans/:id/source', {
    summary: 'Tải văn bản gốc (download the document the plan was imported from)',
    params: IdParamsSchema,
    produces: ['application/octet-stream'],
    handler: async (request, reply) => {
      const source = await getPlanSource(ctx(request), request.params.id);
      return reply
        .header('content-type', source.mediaType)
        .header('content-disposition', source.contentDisposition)
        .header('x-content-type-options', 'nosniff')
        .send(source.content);
    },
  });

  await tasksRoutes(app);
}

/**
 * Reads the multipart upload: one file in the field `file` and the text fields, whatever their
 * order (`request.parts()` rather than `request.file()`, whose fields stop at the file).
 */
function uploadOf(request: FastifyRequest): UploadReader {
  return async () => {
    if (!request.isMultipart()) {
      throw new AppError(
        'VALIDATION_FAILED',
        'Hãy gửi tệp văn bản dạng multipart/form-data (trường "file").',
      );
    }
    let file: PlanFile | null = null;
    const fields: Record<string, string> = {};
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
      } else if (part.fieldname === 'file' && file === null) {
        file = { fileName: part.filename, bytes: new Uint8Array(await part.toBuffer()) };
      } else {
        throw new AppError('VALIDATION_FAILED', 'Chỉ gửi một tệp văn bản, trong trường "file".');
      }
    }
    if (!file) throw new AppError('VALIDATION_FAILED', 'Thiếu tệp văn bản (trường "file").');
    return { file, fields };
  };
}
