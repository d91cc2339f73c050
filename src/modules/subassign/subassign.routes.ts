import { ctx, type ZodApp } from '../../server/http.ts';
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
  app.post(
    '/assignments/:id/subassignments',
    {
      schema: {
        summary: 'Phân công lại (sub-assign to own units): internal deadlines within the parent due date',
        tags: ['subassign'],
        params: IdParamsSchema,
        body: SubassignBodySchema,
        response: { 201: SubassignmentsSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await subassign(ctx(request), request.params.id, request.body.items)),
  );

  app.get(
    '/assignments/:id/subassignments',
    {
      schema: {
        summary: 'Đơn vị được phân công lại: the children, their states and the rolled-up progress',
        tags: ['subassign'],
        params: IdParamsSchema,
        response: { 200: SubassignmentsSchema },
      },
    },
    async (request) => getSubassignments(ctx(request), request.params.id),
  );

  app.post(
    '/units',
    {
      schema: {
        summary: 'Thêm đơn vị trực thuộc (add a sub-unit) below the own agency or parentId',
        tags: ['subassign'],
        body: UnitBodySchema,
        response: { 201: UnitSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createUnit(ctx(request), request.body)),
  );

  app.get(
    '/units',
    {
      schema: {
        summary: 'Đơn vị trực thuộc (sub-units): own scope for an agency, all for the Office',
        tags: ['subassign'],
        querystring: UnitListQuerySchema,
        response: { 200: UnitListSchema },
      },
    },
    async (request) => listUnits(ctx(request), request.query),
  );
}
