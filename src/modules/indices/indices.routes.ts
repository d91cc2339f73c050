import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DEFAULT_TIME_ZONE, localDateOf } from '../../domain/dates.ts';
import { uploadGuard } from '../../server/body-guards.ts';
import { ctx, type ZodApp } from '../../server/http.ts';
import { moduleRoutes } from '../../server/route.ts';
import { AppError } from '../../shared/errors.ts';
import {
  DefinitionSchema,
  DefinitionsQuery,
  ImportReplySchema,
  IndexParams,
  IndexYearParams,
  OverviewQuery,
  OverviewSchema,
  PublicIndicesQuery,
  PublicIndicesSchema,
  ResultBody,
  ResultSchema,
  ResultsQuery,
  SavedResultSchema,
  TemplateQuery,
  TrendSchema,
} from '../../shared/schemas/indices.ts';
import { indicesConfigRoutes } from './indices-config.routes.ts';
import {
  buildResultsTemplate,
  importResults,
  requireIndexImportAccess,
  TEMPLATE_CONTENT_TYPE,
} from './indices-import.service.ts';
import { getIndexOverview, getIndexTrend } from './indices-overview.service.ts';
import {
  deleteIndexResult,
  listIndexDefinitions,
  listIndexResults,
  listPublicIndexResults,
  saveIndexResult,
} from './indices-results.service.ts';

/**
 * Chỉ số PCI, PAPI, PAR Index, ICT/DTI, SIPAS: definitions, results (entered, imported, or posted by
 * another system with an API token scoped to index.write), overview, trend, and the public figures.
 */
export async function indicesRoutes(app: ZodApp) {
  const route = moduleRoutes(app, 'indices');

  route.get('/indices/definitions', {
    summary: 'Định nghĩa chỉ số: every method version, or those that scored `year`, with components',
    querystring: DefinitionsQuery,
    response: { 200: z.array(DefinitionSchema) },
    handler: async (request) => listIndexDefinitions(ctx(request), request.query.year),
  });

  route.get('/indices/results', {
    summary: 'Kết quả chỉ số of the authority (optionally one index and/or year), with component scores',
    querystring: ResultsQuery,
    response: { 200: z.array(ResultSchema) },
    handler: async (request) => listIndexResults(ctx(request), request.query),
  });

  route.put('/indices/results/:index/:year', {
    summary:
      'Ghi kết quả (create or replace) of an index and year — the Office, an owner agency the Office allows, or a token with scope index.write',
    params: IndexYearParams,
    body: ResultBody,
    response: { 200: SavedResultSchema },
    handler: async (request) =>
      saveIndexResult(ctx(request), request.params.index, request.params.year, request.body),
  });

  route.delete('/indices/results/:index/:year', {
    summary: 'Xóa kết quả of an index and year',
    params: IndexYearParams,
    response: { 204: z.null() },
    handler: async (request) => deleteIndexResult(ctx(request), request.params.index, request.params.year),
  });

  route.get('/indices/template.xlsx', {
    summary: 'Tải mẫu nhập kết quả (.xlsx) for the indices scored in `year` (default: last year)',
    querystring: TemplateQuery,
    produces: [TEMPLATE_CONTENT_TYPE],
    handler: async (request, reply) => {
      const context = ctx(request);
      const year = request.query.year ?? Number(localDateOf(context.now, DEFAULT_TIME_ZONE).slice(0, 4)) - 1;
      const bytes = await buildResultsTemplate(context, year);
      return reply
        .header('content-type', TEMPLATE_CONTENT_TYPE)
        .header('content-disposition', `attachment; filename="mau-nhap-chi-so-${year}.xlsx"`)
        .header('x-content-type-options', 'nosniff')
        .send(Buffer.from(bytes));
    },
  });

  route.post('/indices/import', {
    // who may import, and how large the body may be, are settled before the body is read
    guard: uploadGuard((request) => requireIndexImportAccess(ctx(request))),
    summary: 'Nhập kết quả từ tệp .xlsx/.csv (multipart `file`, the template layout): all or nothing',
    consumes: ['multipart/form-data'],
    response: { 200: ImportReplySchema },
    handler: async (request) => importResults(ctx(request), await uploadedFile(request)),
  });

  route.get('/indices/:index/overview', {
    summary:
      'Tổng quan chỉ số: latest score and rank, change, target met, per component score vs target, owner and linked assignments with their state as of `asOf`',
    params: IndexParams,
    querystring: OverviewQuery,
    response: { 200: OverviewSchema },
    handler: async (request) => getIndexOverview(ctx(request), request.params.index, request.query),
  });

  route.get('/indices/:index/trend', {
    summary: 'Xu hướng: score, rank and component scores per year',
    params: IndexParams,
    response: { 200: TrendSchema },
    handler: async (request) => getIndexTrend(ctx(request), request.params.index),
  });

  route.get('/public/indices', {
    summary: 'Công khai: the published index results of an authority (figures and sources only)',
    tags: ['public'],
    querystring: PublicIndicesQuery,
    response: { 200: PublicIndicesSchema },
    handler: async (request) => listPublicIndexResults(ctx(request), request.query),
  });

  await indicesConfigRoutes(app);
}

/** The one file of a multipart upload, in the field `file`. */
async function uploadedFile(request: FastifyRequest): Promise<{ fileName: string; bytes: Uint8Array }> {
  if (!request.isMultipart())
    throw new AppError(
      'VALIDATION_FAILED',
      'Hãy gửi tệp .xlsx hoặc .csv dạng multipart/form-data (trường "file").',
    );
  let file: { fileName: string; bytes: Uint8Array } | null = null;
  for await (const part of request.parts()) {
    if (part.type === 'file' && part.fieldname === 'file' && file === null)
      file = { fileName: part.filename, bytes: new Uint8Array(await part.toBuffer()) };
    else if (part.type === 'file')
      throw new AppError('VALIDATION_FAILED', 'Chỉ gửi một tệp, trong trường "file".');
  }
  if (!file) throw new AppError('VALIDATION_FAILED', 'Thiếu tệp (trường "file").');
  return file;
}
