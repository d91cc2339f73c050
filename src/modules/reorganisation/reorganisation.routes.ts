import { z } from 'zod';
import { serviceContext, type ZodApp } from '../../server/http.ts';
import { moduleRoutes } from '../../server/route.ts';
import { IdSchema, LocalDateSchema } from '../../shared/schemas/common.ts';
import { reorganise } from './reorganisation.service.ts';

const AgencyRef = z.object({ id: z.number(), code: z.string(), name: z.string() });
const AssignmentRef = z.object({
  assignmentId: z.number(),
  plan: z.string(),
  task: z.string(),
  role: z.enum(['lead', 'support']),
  occurrence: z.number(),
  dueOn: z.string().nullable(),
});

/** Sắp xếp tổ chức bộ máy: open assignments of an agency pass to its successors on a date. */
export async function reorganisationRoutes(app: ZodApp) {
  const route = moduleRoutes(app, 'directory');

  route.post('/reorganisations', {
    summary:
      'Sắp xếp (reorganise): move the open assignments of an agency to its successors on a date, split by task',
    description:
      'Assignments due on or after effectiveOn (or ongoing) move; those already overdue stay with the agency ' +
      'that held them at their deadline, with their written reminder. A move with taskIds takes those tasks; ' +
      'the one move without taskIds takes the rest. The from-agency ends on effectiveOn; successors are recorded.',
    body: z.object({
      fromAgencyId: IdSchema,
      effectiveOn: LocalDateSchema,
      moves: z
        .array(
          z.object({
            toAgencyId: IdSchema,
            taskIds: z.array(IdSchema).min(1).max(1000).optional(),
            functions: z.string().trim().min(1).max(1000).optional(),
          }),
        )
        .min(1)
        .max(20),
    }),
    response: {
      200: z.object({
        fromAgency: AgencyRef,
        effectiveOn: z.string(),
        moved: z.array(
          AssignmentRef.extend({ toAssignmentId: z.number(), toAgency: AgencyRef, merged: z.boolean() }),
        ),
        stayed: z.array(AssignmentRef),
      }),
    },
    handler: async (request) => reorganise(serviceContext(request), request.body),
  });
}
