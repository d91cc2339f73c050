import { z } from 'zod';
import { ASSIGNMENT_STATES } from '../../domain/state.ts';
import { ctx, type ZodApp } from '../../server/http.ts';
import { IdTextSchema, LocalDateSchema, PageQuerySchema } from '../../shared/schemas/common.ts';
import { getSubassignments, subassign } from './subassign.service.ts';
import { createUnit, listUnits } from './units.service.ts';

const SubassignmentsSchema = z.object({
  parent: z.object({
    id: z.number(),
    agencyId: z.number(),
    agencyCode: z.string(),
    dueOn: z.string().nullable(),
  }),
  items: z.array(
    z.object({
      id: z.number(),
      agencyId: z.number(),
      agencyCode: z.string(),
      agencyName: z.string(),
      opensOn: z.string(),
      dueOn: z.string().nullable(),
      note: z.string(),
      state: z.enum(ASSIGNMENT_STATES),
      resultStatus: z.enum(['pending', 'accepted', 'returned']).nullable(),
    }),
  ),
  progress: z.object({ done: z.number(), total: z.number() }),
});

const UnitSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  parentId: z.number(),
  parentCode: z.string(),
});

/** Phân công lại cho đơn vị trực thuộc, and the units to sub-assign to (issue #4). */
export async function subassignRoutes(app: ZodApp) {
  app.post(
    '/assignments/:id/subassignments',
    {
      schema: {
        summary: 'Phân công lại (sub-assign to own units): internal deadlines within the parent due date',
        tags: ['subassign'],
        params: z.object({ id: IdTextSchema }),
        body: z.object({
          items: z
            .array(
              z.object({
                agencyId: IdTextSchema,
                dueOn: LocalDateSchema,
                note: z.string().trim().max(2000).default(''),
              }),
            )
            .min(1)
            .max(50),
        }),
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
        params: z.object({ id: IdTextSchema }),
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
        body: z.object({
          name: z.string().trim().min(3).max(200),
          code: z
            .string()
            .trim()
            .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$/, 'Mã gồm 2–40 ký tự chữ, số, dấu chấm, gạch ngang'),
          parentId: IdTextSchema.optional(),
        }),
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
        querystring: PageQuerySchema.extend({
          parentId: IdTextSchema.optional(),
        }),
        response: {
          200: z.object({
            items: z.array(UnitSchema),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
        },
      },
    },
    async (request) => listUnits(ctx(request), request.query),
  );
}
