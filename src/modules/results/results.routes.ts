import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { uploadGuard } from '../../server/body-guards.ts';
import { ctx, type ZodApp } from '../../server/http.ts';
import { refuseNul } from '../../server/input-guards.ts';
import { AppError } from '../../shared/errors.ts';
import {
  IdParamsSchema,
  IdTextSchema,
  LocalDateSchema,
  PageQuerySchema,
} from '../../shared/schemas/common.ts';
import { MAX_FILES_PER_RESULT, type Upload } from '../files/files.service.ts';
import { acceptResult, listResultsFor, returnResult } from './results.review.ts';
import { type SubmissionBody, submitAssignmentResult } from './results.service.ts';
import { requireResultSubmitAccess } from './results-access.ts';

const ResultSchema = z.object({
  id: z.number(),
  assignmentId: z.number(),
  parentAssignmentId: z.number().nullable(),
  agencyId: z.number(),
  agencyCode: z.string(),
  agencyName: z.string(),
  plan: z.string(),
  task: z.string(),
  occurrence: z.number(),
  dueOn: z.string().nullable(),
  submittedOn: z.string(),
  documentNumber: z.string().nullable(),
  note: z.string(),
  status: z.enum(['pending', 'accepted', 'returned']),
  decidedOn: z.string().nullable(),
  decidedBy: z.string().nullable(),
  returnReason: z.string().nullable(),
  files: z.array(
    z.object({ id: z.number(), fileName: z.string(), mediaType: z.string(), sizeBytes: z.number() }),
  ),
});

const BOOLEAN_WORDS = new Map([
  ['true', true],
  ['1', true],
  ['on', true],
  ['yes', true],
  ['false', false],
  ['0', false],
  ['off', false],
  ['no', false],
]);

/** The fields of a submission, sent as multipart form fields (strings) or as JSON. */
const SubmissionFieldsSchema = z.object({
  documentNumber: z.string().trim().min(1).max(100),
  note: z.string().trim().max(4000).default(''),
  submittedOn: LocalDateSchema.optional(),
  accept: z
    .union([z.boolean(), z.string().refine((v) => BOOLEAN_WORDS.has(v.toLowerCase()), 'true hoặc false')])
    .optional()
    .transform((v) => (typeof v === 'string' ? BOOLEAN_WORDS.get(v.toLowerCase()) === true : v === true)),
});

/**
 * Reads a submission: multipart (fields plus up to five files in `files`, each within the upload
 * limit) or JSON without files. Called by the service after the access check, so nobody uploads
 * anything before being allowed to.
 */
async function readSubmission(request: FastifyRequest): Promise<SubmissionBody> {
  let fields: Record<string, unknown> = {};
  const files: Upload[] = [];
  if (request.isMultipart()) {
    try {
      for await (const part of request.parts()) {
        if (part.type === 'field') {
          fields[part.fieldname] = part.value;
          continue;
        }
        if (part.fieldname !== 'files') {
          throw new AppError('VALIDATION_FAILED', 'Tệp đính kèm phải gửi trong trường "files".', {
            field: part.fieldname,
          });
        }
        if (files.length >= MAX_FILES_PER_RESULT) {
          throw new AppError('VALIDATION_FAILED', `Mỗi báo cáo kèm tối đa ${MAX_FILES_PER_RESULT} tệp.`);
        }
        const bytes = await part.toBuffer();
        if (part.filename === '' && bytes.length === 0) continue; // an empty file input of a form
        files.push({ fileName: part.filename, bytes });
      }
    } catch (error) {
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
        const maxBytes = request.server.deps.http.maxUploadBytes;
        throw new AppError(
          'FILE_TOO_LARGE',
          `Tệp vượt quá dung lượng cho phép (${(maxBytes / 1024 / 1024).toFixed(1)} MB).`,
          { maxBytes },
        );
      }
      throw error;
    }
  } else if (request.body && typeof request.body === 'object') {
    fields = request.body as Record<string, unknown>;
  }
  refuseNul(fields);
  const parsed = SubmissionFieldsSchema.safeParse(fields);
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', 'Dữ liệu gửi lên không hợp lệ.', {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  return { fields: parsed.data, files };
}

/** Báo cáo kết quả, hàng đợi xem xét, tiếp nhận và trả lại kết quả (issue #4). */
export async function resultsRoutes(app: ZodApp) {
  app.post(
    '/assignments/:id/results',
    {
      // who may report on this assignment, and how large the body may be, before the body is read
      ...uploadGuard(async (request) => {
        const params = IdParamsSchema.safeParse(request.params);
        if (params.success) await requireResultSubmitAccess(ctx(request), params.data.id);
      }, MAX_FILES_PER_RESULT),
      schema: {
        summary:
          'Báo cáo kết quả (submit a result): multipart documentNumber, note, submittedOn?, accept?, files ×0–5',
        description:
          'multipart/form-data (or JSON without files). Files are checked by content: PDF, DOCX, XLSX, DOC, XLS, ' +
          'PNG, JPEG, plain UTF-8 text; others 415, over the limit 413. 409 while a result is pending or accepted.',
        tags: ['results'],
        consumes: ['multipart/form-data', 'application/json'],
        params: IdParamsSchema,
        response: { 201: ResultSchema },
      },
    },
    async (request, reply) => {
      const result = await submitAssignmentResult(ctx(request), request.params.id, () =>
        readSubmission(request),
      );
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/results',
    {
      schema: {
        summary: 'Kết quả báo cáo (results): the review queue, by status; agency users see their own scope',
        tags: ['results'],
        querystring: PageQuerySchema.extend({
          status: z.enum(['pending', 'accepted', 'returned']).optional(),
          assignmentId: IdTextSchema.optional(),
          internal: z
            .enum(['true', 'false'])
            .optional()
            .transform((v) => (v === undefined ? undefined : v === 'true'))
            .describe('true: only results of sub-assignments; false: only top-level ones'),
        }),
        response: {
          200: z.object({
            items: z.array(ResultSchema),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
        },
      },
    },
    async (request) => listResultsFor(ctx(request), request.query),
  );

  app.post(
    '/results/:id/accept',
    {
      schema: {
        summary: 'Tiếp nhận kết quả (accept a pending result); its submission date is what counts',
        tags: ['results'],
        params: IdParamsSchema,
        response: { 200: ResultSchema },
      },
    },
    async (request) => acceptResult(ctx(request), request.params.id),
  );

  app.post(
    '/results/:id/return',
    {
      schema: {
        summary: 'Trả lại, yêu cầu bổ sung (return a pending result with a reason); it does not count',
        tags: ['results'],
        params: IdParamsSchema,
        body: z.object({ reason: z.string().trim().min(5).max(2000) }),
        response: { 200: ResultSchema },
      },
    },
    async (request) => returnResult(ctx(request), request.params.id, request.body.reason),
  );
}
