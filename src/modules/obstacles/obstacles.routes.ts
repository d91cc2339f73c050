import { ctx, type ZodApp } from '../../server/http.ts';
import { IdParamsSchema } from '../../shared/schemas/common.ts';
import {
  ObstacleListQuerySchema,
  ObstacleListSchema,
  ObstacleReportBodySchema,
  ObstacleResponseBodySchema,
  ObstacleSchema,
} from '../../shared/schemas/obstacle.ts';
import { listObstaclesFor, reportObstacle, respondToObstacle } from './obstacles.service.ts';

/** Khó khăn, vướng mắc: agencies report them on their assignments, the Office or leadership answers. */
export async function obstaclesRoutes(app: ZodApp) {
  app.post(
    '/assignments/:id/obstacles',
    {
      schema: {
        summary: 'Báo cáo khó khăn, vướng mắc (report an obstacle) on an own assignment, with a proposal',
        tags: ['obstacles'],
        params: IdParamsSchema,
        body: ObstacleReportBodySchema,
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
        querystring: ObstacleListQuerySchema,
        response: { 200: ObstacleListSchema },
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
        body: ObstacleResponseBodySchema,
        response: { 200: ObstacleSchema },
      },
    },
    async (request) => respondToObstacle(ctx(request), request.params.id, request.body),
  );
}
