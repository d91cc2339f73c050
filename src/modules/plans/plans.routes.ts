import type { FastifyRequest } from 'fastify';
import { uploadGuard } from '../../server/body-guards.ts';
import { ctx, type ZodApp } from '../../server/http.ts';
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
  UpdatedPlanSchema,
} from '../../shared/schemas/plan.ts';
import type { PlanFile } from '../import/read-plan-file.ts';
import { createPlan } from './plans.service.ts';
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
  // who may import, and how large the body may be, are settled before the body is read
  const planUpload = uploadGuard((request) => requirePlanWriteAccess(ctx(request)));

  app.get(
    '/plans',
    {
      schema: {
        summary: 'Danh sách kế hoạch (plans, newest first) with task and state counts as of a date',
        tags: ['plans'],
        querystring: PlanListQuerySchema,
        response: { 200: PlanListSchema },
      },
    },
    async (request) => listPlansFor(ctx(request), request.query),
  );

  app.post(
    '/plans',
    {
      schema: {
        summary: 'Đăng ký kế hoạch (register a plan from its appendix as JSON)',
        tags: ['plans'],
        body: PlanInputSchema,
        response: { 201: CreatedPlanSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createPlan(ctx(request), request.body)),
  );

  app.post(
    '/plans/import/preview',
    {
      ...planUpload,
      schema: {
        summary: `Xem trước văn bản (preview an uploaded plan document with its unknown agency names and tasks without lead; nothing stored) — ${MULTIPART}`,
        tags: ['plans'],
        consumes: ['multipart/form-data'],
        response: { 200: ImportPreviewSchema },
      },
    },
    async (request) => previewPlanUpload(ctx(request), uploadOf(request)),
  );

  app.post(
    '/plans/import',
    {
      ...planUpload,
      schema: {
        summary: `Nhập kế hoạch từ văn bản (import and store) — ${MULTIPART}, optional \`replace=true\`, \`confirmTasksWithoutLead=true\` (register tasks that get no lead agency; else 422 IMPORT_TASKS_WITHOUT_LEAD) and \`plan\` (the corrected preview as JSON in the shape of POST /plans, stored instead of what was read)`,
        tags: ['plans'],
        consumes: ['multipart/form-data'],
        response: { 201: ImportedSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await importPlanUpload(ctx(request), uploadOf(request))),
  );

  app.get(
    '/plans/:id',
    {
      schema: {
        summary:
          'Chi tiết kế hoạch: header, sections, tasks with their assignments and progress as of a date',
        tags: ['plans'],
        params: IdParamsSchema,
        querystring: AsOfQuerySchema,
        response: { 200: PlanDetailSchema },
      },
    },
    async (request) => getPlanDetail(ctx(request), request.params.id, request.query),
  );

  app.patch(
    '/plans/:id',
    {
      schema: {
        summary: 'Sửa thông tin kế hoạch (edit header fields; `version` required, 409 if stale)',
        tags: ['plans'],
        params: IdParamsSchema,
        body: PlanPatchSchema,
        response: { 200: UpdatedPlanSchema },
      },
    },
    async (request) => updatePlan(ctx(request), request.params.id, request.body),
  );

  app.post(
    '/plans/:id/cancel',
    {
      schema: {
        summary: 'Thu hồi kế hoạch (withdraw the plan from a date: its assignments become cancelled)',
        tags: ['plans'],
        params: IdParamsSchema,
        body: CancelBodySchema.nullish(),
        response: { 200: PlanHeaderSchema },
      },
    },
    async (request) => cancelPlan(ctx(request), request.params.id, request.body ?? {}),
  );

  app.get(
    '/plans/:id/source',
    {
      schema: {
        summary: 'Tải văn bản gốc (download the document the plan was imported from)',
        tags: ['plans'],
        params: IdParamsSchema,
        produces: ['application/octet-stream'],
      },
    },
    async (request, reply) => {
      const source = await getPlanSource(ctx(request), request.params.id);
      return reply
        .header('content-type', source.mediaType)
        .header('content-disposition', source.contentDisposition)
        .header('x-content-type-options', 'nosniff')
        .send(source.content);
    },
  );

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
