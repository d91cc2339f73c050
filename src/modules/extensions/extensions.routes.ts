import { ctx, type ZodApp } from '../../server/http.ts';
import { moduleRoutes } from '../../server/route.ts';
import { IdParamsSchema } from '../../shared/schemas/common.ts';
import {
  ApproveExtensionBodySchema,
  DecisionSettingsSchema,
  ExtensionListQuerySchema,
  ExtensionListSchema,
  ExtensionRequestBodySchema,
  ExtensionSchema,
  ProposeExtensionBodySchema,
  RejectExtensionBodySchema,
} from '../../shared/schemas/extension.ts';
import { getDecisionSettings, putDecisionSettings } from './extension-decisions.ts';
import {
  approveExtension,
  listExtensionsFor,
  proposeExtension,
  rejectExtension,
  requestExtension,
} from './extensions.service.ts';

/** Gia hạn: an agency asks before its deadline, the Office proposes, the leader decides (docs/domain-rules.md §10). */
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

  route.post('/extensions/:id/propose', {
    summary: 'Trình gia hạn (propose): the Office recommends a decision to the leader, with its opinion',
    params: IdParamsSchema,
    body: ProposeExtensionBodySchema,
    response: { 200: ExtensionSchema },
    handler: async (request) => proposeExtension(ctx(request), request.params.id, request.body),
  });

  route.post('/extensions/:id/approve', {
    summary:
      'Duyệt gia hạn (approve): a leader with the decision document, or the Office where allowed; before the deadline only',
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

  route.get('/settings/decisions', {
    summary: 'Ai quyết định gia hạn (who decides extensions): whether the Office may decide alone',
    response: { 200: DecisionSettingsSchema },
    handler: async (request) => getDecisionSettings(ctx(request)),
  });

  route.put('/settings/decisions', {
    summary: 'Cho phép Văn phòng tự quyết định gia hạn (default off): administrators',
    body: DecisionSettingsSchema,
    response: { 200: DecisionSettingsSchema },
    handler: async (request) => putDecisionSettings(ctx(request), request.body),
  });
}
