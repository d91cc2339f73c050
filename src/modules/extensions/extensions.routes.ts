import { ctx, type ZodApp } from '../../server/http.ts';
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
  app.post(
    '/assignments/:id/extensions',
    {
      schema: {
        summary: 'Đề nghị gia hạn (request an extension): lead agency, open assignment, before the deadline',
        tags: ['extensions'],
        params: IdParamsSchema,
        body: ExtensionRequestBodySchema,
        response: { 201: ExtensionSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await requestExtension(ctx(request), request.params.id, request.body)),
  );

  app.get(
    '/extensions',
    {
      schema: {
        summary: 'Danh sách đề nghị gia hạn (extension requests): all, or an agency its own',
        tags: ['extensions'],
        querystring: ExtensionListQuerySchema,
        response: { 200: ExtensionListSchema },
      },
    },
    async (request) => listExtensionsFor(ctx(request), request.query),
  );

  app.post(
    '/extensions/:id/approve',
    {
      schema: {
        summary: 'Duyệt gia hạn (approve): moves the current due date, on or before the deadline only',
        tags: ['extensions'],
        params: IdParamsSchema,
        body: ApproveExtensionBodySchema,
        response: { 200: ExtensionSchema },
      },
    },
    async (request) => approveExtension(ctx(request), request.params.id, request.body),
  );

  app.post(
    '/extensions/:id/reject',
    {
      schema: {
        summary: 'Từ chối gia hạn (reject) with a note',
        tags: ['extensions'],
        params: IdParamsSchema,
        body: RejectExtensionBodySchema,
        response: { 200: ExtensionSchema },
      },
    },
    async (request) => rejectExtension(ctx(request), request.params.id, request.body),
  );
}
