import { ctx, type ZodApp } from '../../server/http.ts';
import { moduleRoutes } from '../../server/route.ts';
import {
  AssignmentDetailSchema,
  WorkListQuerySchema,
  WorkListSchema,
} from '../../shared/schemas/assignment.ts';
import { IdParamsSchema } from '../../shared/schemas/common.ts';
import { AsOfQuerySchema } from '../../shared/schemas/plan.ts';
import { getAssignmentFor, listAssignmentsFor } from './assignments.service.ts';

/** Nhiệm vụ được giao: the work list (filters, search, paging) and one assignment with its history. */
export async function assignmentsRoutes(app: ZodApp) {
  const route = moduleRoutes(app, 'assignments');

  route.get('/assignments', {
    summary:
      'Danh sách việc được giao (the work list): filter by agency, plan, role, state as of a date, due dates, text',
    querystring: WorkListQuerySchema,
    response: { 200: WorkListSchema },
    handler: async (request) => listAssignmentsFor(ctx(request), request.query),
  });

  route.get('/assignments/:id', {
    summary: 'Chi tiết việc được giao: the task, the plan, results, extensions and obstacles',
    params: IdParamsSchema,
    querystring: AsOfQuerySchema,
    response: { 200: AssignmentDetailSchema },
    handler: async (request) => getAssignmentFor(ctx(request), request.params.id, request.query),
  });
}
