import { z } from 'zod';
import {
  AsOfSchema,
  IdTextSchema,
  LocalDateSchema,
  PageFields,
  PageQuerySchema,
  SEARCH_TEXT_MAX,
} from './common.ts';
import { ExtensionSchema, ExtensionStatusSchema } from './extension.ts';
import { ObstacleStatusSchema } from './obstacle.ts';
import { AgencyOccurrenceFields, DueStateFields, StateSchema, TaskDeadlineFields } from './plan.ts';
import { ResultFileSchema, ResultStatusSchema } from './result.ts';

/** The contracts of the assignments routes: the work list and one assignment with its history. */

export const WorkItemSchema = z.object({
  id: z.number(),
  planId: z.number(),
  planNumber: z.string(),
  taskId: z.number(),
  taskRef: z.string(),
  taskContent: z.string(),
  ...AgencyOccurrenceFields,
  ...DueStateFields,
  doneOn: z.string().nullable().describe('submission date of the accepted result, if accepted by asOf'),
});

export const WorkListQuerySchema = PageQuerySchema.extend({
  asOf: AsOfSchema,
  agencyId: IdTextSchema.optional(),
  planId: IdTextSchema.optional(),
  leaderUserId: IdTextSchema.optional().describe('lãnh đạo phụ trách: tasks in the charge of this leader'),
  role: z.enum(['lead', 'support', 'all']).default('lead'),
  state: StateSchema.optional().describe('the §5 state as of asOf'),
  dueFrom: LocalDateSchema.optional().describe('current due date on or after'),
  dueTo: LocalDateSchema.optional().describe('current due date on or before'),
  q: z
    .string()
    .max(SEARCH_TEXT_MAX)
    .optional()
    .describe('task content, plan number or agency name; accents optional'),
  sort: z.enum(['dueOn', 'agency', 'plan']).default('dueOn'),
  order: z.enum(['asc', 'desc']).default('asc'),
});

const nullableText = z.string().nullable();

export const WorkListSchema = z.object({ asOf: z.string(), items: z.array(WorkItemSchema), ...PageFields });

export const AssignmentDetailSchema = z.object({
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
    ...TaskDeadlineFields,
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
      period: nullableText.describe('kỳ báo cáo YYYY-MM of a periodic result (Thường xuyên); null otherwise'),
      documentNumber: nullableText,
      note: z.string(),
      status: ResultStatusSchema,
      decidedOn: nullableText,
      decidedBy: nullableText,
      returnReason: nullableText,
      files: z.array(ResultFileSchema),
    }),
  ),
  extensions: z.array(
    z.object({
      id: z.number(),
      requestedOn: z.string(),
      requestedDueOn: z.string(),
      reason: z.string(),
      status: ExtensionStatusSchema,
      decidedOn: nullableText,
      decidedBy: nullableText,
      decisionNote: nullableText,
      ...ExtensionSchema.pick({ proposal: true, decisionNumber: true, decisionDate: true }).shape,
    }),
  ),
  obstacles: z.array(
    z.object({
      id: z.number(),
      reportedOn: z.string(),
      description: z.string(),
      proposal: z.string(),
      status: ObstacleStatusSchema,
      response: nullableText,
      respondedOn: nullableText,
      respondedBy: nullableText,
    }),
  ),
});

export type WorkItem = z.infer<typeof WorkItemSchema>;
export type WorkListQuery = z.input<typeof WorkListQuerySchema>;
export type WorkList = z.infer<typeof WorkListSchema>;
export type AssignmentDetail = z.infer<typeof AssignmentDetailSchema>;
