import { ctx, type ZodApp } from '../../server/http.ts';
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
  app.get(
    '/assignments',
    {
      schema: {
        summary:
          'Danh sách việc được giao (the work list): filter by agency, plan, role, state as of a date, due dates, text',
        tags: ['assignments'],
        querystring: WorkListQuerySchema,
        response: { 200: WorkListSchema },
      },
    },
    async (request) => listAssignmentsFor(ctx(request), request.query),
  );

  app.get(
    '/assignments/:id',
    {
      schema: {
        summary: 'Chi tiết việc được giao: the task, the plan, results, extensions and obstacles',
        tags: ['assignments'],
        params: IdParamsSchema,
        querystring: AsOfQuerySchema,
        response: { 200: AssignmentDetailSchema },
      },
    },
    async (request) => getAssignmentFor(ctx(request), request.params.id, request.query),
  );
}
