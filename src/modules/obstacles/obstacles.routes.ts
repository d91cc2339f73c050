import { ctx, type ZodApp } from '../../server/http.ts';
import { moduleRoutes } from '../../server/route.ts';
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
  const route = moduleRoutes(app, 'obstacles');

  route.post('/assignments/:id/obstacles', {
    summary: 'Báo cáo khó khăn, vướng mắc (report an obstacle) on an own assignment, with a proposal',
    params: IdParamsSchema,
    body: ObstacleReportBodySchema,
    response: { 201: ObstacleSchema },
    handler: async (request) => reportObstacle(ctx(request), request.params.id, request.body),
  });

  route.get('/obstacles', {
    summary: 'Danh sách khó khăn, vướng mắc (obstacles): all, or an agency its own',
    querystring: ObstacleListQuerySchema,
    response: { 200: ObstacleListSchema },
    handler: async (request) => listObstaclesFor(ctx(request), request.query),
  });

  route.post('/obstacles/:id/respond', {
    summary: 'Trả lời khó khăn, vướng mắc (respond): the Office or leadership',
    params: IdParamsSchema,
    body: ObstacleResponseBodySchema,
    response: { 200: ObstacleSchema },
    handler: async (request) => respondToObstacle(ctx(request), request.params.id, request.body),
  });
}
