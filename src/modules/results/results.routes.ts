import type { FastifyRequest } from 'fastify';
import { uploadGuard } from '../../server/body-guards.ts';
import { ctx, type ZodApp } from '../../server/http.ts';
import { refuseNul } from '../../server/input-guards.ts';
import { moduleRoutes } from '../../server/route.ts';
import { AppError } from '../../shared/errors.ts';
import { IdParamsSchema } from '../../shared/schemas/common.ts';
import {
  ResultListQuerySchema,
  ResultListSchema,
  ResultSchema,
  ReturnResultBodySchema,
  SubmissionFieldsSchema,
} from '../../shared/schemas/result.ts';
import { MAX_FILES_PER_RESULT, type Upload } from '../files/files.service.ts';
import { acceptResult, listResults, returnResult } from './results.review.ts';
import { type SubmissionBody, submitAssignmentResult } from './results.service.ts';
import { requireResultSubmitAccess } from './results-access.ts';

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
  const route = moduleRoutes(app, 'results');

  route.post('/assignments/:id/results', {
    // who may report on this assignment, and how large the body may be, before the body is read
    guard: uploadGuard(async (request) => {
      const params = IdParamsSchema.safeParse(request.params);
      if (params.success) await requireResultSubmitAccess(ctx(request), params.data.id);
    }, MAX_FILES_PER_RESULT),
    summary:
      'Báo cáo kết quả (submit a result): multipart documentNumber, note, submittedOn?, period? (YYYY-MM, an ongoing task), accept?, files ×0–5',
    description:
      'multipart/form-data (or JSON without files). Files are checked by content: PDF, DOCX, XLSX, DOC, XLS, ' +
      'PNG, JPEG, plain UTF-8 text; others 415, over the limit 413. 409 while a result is pending or accepted.',
    consumes: ['multipart/form-data', 'application/json'],
    params: IdParamsSchema,
    response: { 201: ResultSchema },
    handler: async (request) => {
      const result = await submitAssignmentResult(ctx(request), request.params.id, () =>
        readSubmission(request),
      );
      return result;
    },
  });

  route.get('/results', {
    summary: 'Kết quả báo cáo (results): the review queue, by status; agency users see their own scope',
    querystring: ResultListQuerySchema,
    response: { 200: ResultListSchema },
    handler: async (request) => listResults(ctx(request), request.query),
  });

  route.post('/results/:id/accept', {
    summary: 'Tiếp nhận kết quả (accept a pending result); its submission date is what counts',
    params: IdParamsSchema,
    response: { 200: ResultSchema },
    handler: async (request) => acceptResult(ctx(request), request.params.id),
  });

  route.post('/results/:id/return', {
    summary: 'Trả lại, yêu cầu bổ sung (return a pending result with a reason); it does not count',
    params: IdParamsSchema,
    body: ReturnResultBodySchema,
    response: { 200: ResultSchema },
    handler: async (request) => returnResult(ctx(request), request.params.id, request.body.reason),
  });
}
