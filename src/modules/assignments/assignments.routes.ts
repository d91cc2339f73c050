import { z } from 'zod';
import { ctx, type ZodApp } from '../../server/http.ts';
import {
  AsOfSchema,
  IdParamsSchema,
  IdTextSchema,
  LocalDateSchema,
  PageQuerySchema,
} from '../../shared/schemas/common.ts';
import { StateSchema } from '../../shared/schemas/plan.ts';
import { getAssignmentFor, listAssignmentsFor } from './assignments.service.ts';

const WorkItemSchema = z.object({
  id: z.number(),
  planId: z.number(),
  planNumber: z.string(),
  taskId: z.number(),
  taskRef: z.string(),
  taskContent: z.string(),
  agencyId: z.number(),
  agencyCode: z.string(),
  agencyName: z.string(),
  role: z.enum(['lead', 'support']),
  occurrence: z.number(),
  periodLabel: z.string().nullable(),
  originalDueOn: z.string().nullable(),
  currentDueOn: z.string().nullable(),
  state: StateSchema,
  daysOverdue: z.number(),
  doneOn: z.string().nullable().describe('submission date of the accepted result, if accepted by asOf'),
});

const WorkListQuerySchema = PageQuerySchema.extend({
  asOf: AsOfSchema,
  agencyId: IdTextSchema.optional(),
  planId: IdTextSchema.optional(),
  role: z.enum(['lead', 'support', 'all']).default('lead'),
  state: StateSchema.optional().describe('the §5 state as of asOf'),
  dueFrom: LocalDateSchema.optional().describe('current due date on or after'),
  dueTo: LocalDateSchema.optional().describe('current due date on or before'),
  q: z.string().max(200).optional().describe('task content, plan number or agency name; accents optional'),
  sort: z.enum(['dueOn', 'agency', 'plan']).default('dueOn'),
  order: z.enum(['asc', 'desc']).default('asc'),
});

const nullableText = z.string().nullable();

const AssignmentDetailSchema = z.object({
  asOf: z.string(),
  assignment: WorkItemSchema.extend({
    opensOn: z.string(),
    cancelledOn: nullableText.describe('earliest cancellation of the assignment, its task or its plan'),
    parentAssignmentId: z.number().nullable(),
    movedToAssignmentId: z.number().nullable(),
    version: z.number(),
  }),
  task: z.object({
    id: z.number(),
    ref: z.string(),
    content: z.string(),
    leadText: z.string(),
    supportText: z.string(),
    deadlineText: z.string(),
    deadlineKind: z.enum(['once', 'recurring', 'ongoing', 'unparsed']),
    dueOn: nullableText,
    note: z.string(),
    cancelledOn: nullableText,
  }),
  plan: z.object({
    id: z.number(),
    docType: z.string(),
    number: z.string(),
    issuedOn: z.string(),
    title: z.string(),
    signer: z.string(),
    cancelledOn: nullableText,
  }),
  results: z.array(
    z.object({
      id: z.number(),
      submittedOn: z.string(),
      documentNumber: nullableText,
      note: z.string(),
      status: z.enum(['pending', 'accepted', 'returned']),
      decidedOn: nullableText,
      decidedBy: nullableText,
      returnReason: nullableText,
      files: z.array(
        z.object({ id: z.number(), fileName: z.string(), mediaType: z.string(), sizeBytes: z.number() }),
      ),
    }),
  ),
  extensions: z.array(
    z.object({
      id: z.number(),
      requestedOn: z.string(),
      requestedDueOn: z.string(),
      reason: z.string(),
      status: z.enum(['pending', 'approved', 'rejected']),
      decidedOn: nullableText,
      decidedBy: nullableText,
      decisionNote: nullableText,
    }),
  ),
  obstacles: z.array(
    z.object({
      id: z.number(),
      reportedOn: z.string(),
      description: z.string(),
      proposal: z.string(),
      status: z.enum(['open', 'answered']),
      response: nullableText,
      respondedOn: nullableText,
      respondedBy: nullableText,
    }),
  ),
});

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
        response: {
          200: z.object({
            asOf: z.string(),
            items: z.array(WorkItemSchema),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
        },
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
        querystring: z.object({ asOf: AsOfSchema }),
        response: { 200: AssignmentDetailSchema },
      },
    },
    async (request) => getAssignmentFor(ctx(request), request.params.id, request.query),
  );
}
