import { ctx, type ZodApp } from '../../server/http.ts';
import { moduleRoutes } from '../../server/route.ts';
import { IdParamsSchema } from '../../shared/schemas/common.ts';
import {
  ApproveExtensionBodySchema,
  ExtensionListQuerySchema,
  ExtensionListSchema,
  ExtensionRequestBodySchema,
  ExtensionSchema,
  RejectExtensionBodySchema,
} from '../../shared/schemas/extension.ts';
import {
  approveExtension,
  listExtensionsFor,
  rejectExtension,
  requestExtension,
} from './extensions.service.ts';

/** Gia hạn: an agency asks before its deadline, the Office or leadership decides. */
export async function extensionsRoutes(app: ZodApp) {
  const route = moduleRoutes(app, 'extensions');

  route.post('/assignments/:id/extensions', {
    summary: 'Đề nghị gia hạn (request an extension): lead agency, open assignment, before the deadline',
    params: IdParamsSchema,
    body: ExtensionRequestBodySchema,
    response: { 201: ExtensionSchema },
    handler: async (request) => requestExtension(ctx(request), request.params.id, request.body),
  });

  route.get('/extensions', {
    summary: 'Danh sách đề nghị gia hạn (extension requests): all, or an agency its own',
    querystring: ExtensionListQuerySchema,
    response: { 200: ExtensionListSchema },
    handler: async (request) => listExtensionsFor(ctx(request), request.query),
  });

  route.post('/extensions/:id/approve', {
    summary: 'Duyệt gia hạn (approve): moves the current due date, on or before the deadline only',
    params: IdParamsSchema,
    body: ApproveExtensionBodySchema,
    response: { 200: ExtensionSchema },
    handler: async (request) => approveExtension(ctx(request), request.params.id, request.body),
  });

  route.post('/extensions/:id/reject', {
    summary: 'Từ chối gia hạn (reject) with a note',
    params: IdParamsSchema,
    body: RejectExtensionBodySchema,
    response: { 200: ExtensionSchema },
    handler: async (request) => rejectExtension(ctx(request), request.params.id, request.body),
  });
}
