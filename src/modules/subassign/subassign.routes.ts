import { ctx, type ZodApp } from '../../server/http.ts';
import { moduleRoutes } from '../../server/route.ts';
import { IdParamsSchema } from '../../shared/schemas/common.ts';
import {
  SubassignBodySchema,
  SubassignmentsSchema,
  UnitBodySchema,
  UnitListQuerySchema,
  UnitListSchema,
  UnitSchema,
} from '../../shared/schemas/subassign.ts';
import { getSubassignments, subassign } from './subassign.service.ts';
import { createUnit, listUnits } from './units.service.ts';

/** Phân công lại cho đơn vị trực thuộc, and the units to sub-assign to (issue #4). */
export async function subassignRoutes(app: ZodApp) {
  const route = moduleRoutes(app, 'subassign');

  route.post('/assignments/:id/subassignments', {
    summary: 'Phân công lại (sub-assign to own units): internal deadlines within the parent due date',
    params: IdParamsSchema,
    body: SubassignBodySchema,
    response: { 201: SubassignmentsSchema },
    handler: async (request) => subassign(ctx(request), request.params.id, request.body.items),
  });

  route.get('/assignments/:id/subassignments', {
    summary: 'Đơn vị được phân công lại: the children, their states and the rolled-up progress',
    params: IdParamsSchema,
    response: { 200: SubassignmentsSchema },
    handler: async (request) => getSubassignments(ctx(request), request.params.id),
  });

  route.post('/units', {
    summary: 'Thêm đơn vị trực thuộc (add a sub-unit) below the own agency or parentId',
    body: UnitBodySchema,
    response: { 201: UnitSchema },
    handler: async (request) => createUnit(ctx(request), request.body),
  });

  route.get('/units', {
    summary: 'Đơn vị trực thuộc (sub-units): own scope for an agency, all for the Office',
    querystring: UnitListQuerySchema,
    response: { 200: UnitListSchema },
    handler: async (request) => listUnits(ctx(request), request.query),
  });
}
