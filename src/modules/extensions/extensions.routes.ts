import { z } from 'zod';
import { ctx, type ZodApp } from '../../server/http.ts';
import {
  IdParamsSchema,
  IdSchema,
  IdTextSchema,
  LocalDateSchema,
  PageQuerySchema,
} from '../../shared/schemas/common.ts';
import {
  approveExtension,
  listExtensionsFor,
  rejectExtension,
  requestExtension,
} from './extensions.service.ts';

const ExtensionStatus = z.enum(['pending', 'approved', 'rejected']);

export const ExtensionSchema = z.object({
  id: z.number(),
  assignmentId: z.number(),
  agency: z.object({ id: z.number(), code: z.string(), name: z.string() }),
  plan: z.string(),
  task: z.string(),
  occurrence: z.number(),
  originalDueOn: z.string().nullable(),
  currentDueOn: z.string().nullable(),
  assignmentVersion: z.number(),
  requestedOn: z.string(),
  requestedDueOn: z.string(),
  reason: z.string(),
  status: ExtensionStatus,
  decidedOn: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decisionNote: z.string().nullable(),
});

/** Gia hạn: an agency asks before its deadline, the Office or leadership decides. */
export async function extensionsRoutes(app: ZodApp) {
  app.post(
    '/assignments/:id/extensions',
    {
      schema: {
        summary: 'Đề nghị gia hạn (request an extension): lead agency, open assignment, before the deadline',
        tags: ['extensions'],
        params: IdParamsSchema,
        body: z.object({
          requestedDueOn: LocalDateSchema,
          reason: z.string().trim().min(1).max(4000),
        }),
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
        querystring: PageQuerySchema.extend({
          status: ExtensionStatus.optional(),
          assignmentId: IdTextSchema.optional(),
        }),
        response: {
          200: z.object({
            items: z.array(ExtensionSchema),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
        },
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
        body: z
          .object({
            note: z.string().trim().max(4000).optional(),
            version: IdSchema.optional().describe("the assignment's version"),
          })
          .default({}),
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
        body: z.object({ note: z.string().trim().min(1).max(4000) }),
        response: { 200: ExtensionSchema },
      },
    },
    async (request) => rejectExtension(ctx(request), request.params.id, request.body),
  );
}
