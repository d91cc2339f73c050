import { z } from 'zod';
import { ctx, type ZodApp } from '../../server/http.ts';
import { IdParamsSchema, IdTextSchema, PageQuerySchema } from '../../shared/schemas/common.ts';
import { listObstaclesFor, reportObstacle, respondToObstacle } from './obstacles.service.ts';

const ObstacleStatus = z.enum(['open', 'answered']);

export const ObstacleSchema = z.object({
  id: z.number(),
  assignmentId: z.number(),
  agency: z.object({ id: z.number(), code: z.string(), name: z.string() }),
  plan: z.string(),
  task: z.string(),
  role: z.enum(['lead', 'support']),
  occurrence: z.number(),
  reportedOn: z.string(),
  description: z.string(),
  proposal: z.string(),
  status: ObstacleStatus,
  response: z.string().nullable(),
  respondedOn: z.string().nullable(),
  respondedBy: z.string().nullable(),
});

/** Khó khăn, vướng mắc: agencies report them on their assignments, the Office or leadership answers. */
export async function obstaclesRoutes(app: ZodApp) {
  app.post(
    '/assignments/:id/obstacles',
    {
      schema: {
        summary: 'Báo cáo khó khăn, vướng mắc (report an obstacle) on an own assignment, with a proposal',
        tags: ['obstacles'],
        params: IdParamsSchema,
        body: z.object({
          description: z.string().trim().min(1).max(8000),
          proposal: z.string().trim().max(8000).optional(),
        }),
        response: { 201: ObstacleSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await reportObstacle(ctx(request), request.params.id, request.body)),
  );

  app.get(
    '/obstacles',
    {
      schema: {
        summary: 'Danh sách khó khăn, vướng mắc (obstacles): all, or an agency its own',
        tags: ['obstacles'],
        querystring: PageQuerySchema.extend({
          status: ObstacleStatus.optional(),
          assignmentId: IdTextSchema.optional(),
        }),
        response: {
          200: z.object({
            items: z.array(ObstacleSchema),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
        },
      },
    },
    async (request) => listObstaclesFor(ctx(request), request.query),
  );

  app.post(
    '/obstacles/:id/respond',
    {
      schema: {
        summary: 'Trả lời khó khăn, vướng mắc (respond): the Office or leadership',
        tags: ['obstacles'],
        params: IdParamsSchema,
        body: z.object({ response: z.string().trim().min(1).max(8000) }),
        response: { 200: ObstacleSchema },
      },
    },
    async (request) => respondToObstacle(ctx(request), request.params.id, request.body),
  );
}
