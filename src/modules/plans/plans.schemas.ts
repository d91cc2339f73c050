import { z } from 'zod';
import { ASSIGNMENT_STATES } from '../../domain/state.ts';
import { IdSchema, LocalDateSchema } from '../../shared/schemas/common.ts';

export { IdParamsSchema } from '../../shared/schemas/common.ts';

/** The zod schemas of the plans and tasks routes (request validation and the OpenAPI document). */

export const AsOfSchema = z
  .string()
  .max(40)
  .optional()
  .describe('a date YYYY-MM-DD or an instant with offset; default today in Asia/Ho_Chi_Minh');

export const StateSchema = z.enum(ASSIGNMENT_STATES);

const Counts = {
  done_on_time: z.number(),
  done_late: z.number(),
  open_on_time: z.number(),
  open_overdue: z.number(),
  ongoing: z.number(),
  cancelled: z.number(),
  total: z.number(),
};

export const ProgressSchema = z.object({ ...Counts, onTimeRate: z.number().nullable() });

export const PlanHeaderSchema = z.object({
  id: z.number(),
  docType: z.string(),
  number: z.string(),
  issuedOn: z.string(),
  place: z.string(),
  title: z.string(),
  signer: z.string(),
  bases: z.array(z.string()),
  recipients: z.array(z.string()),
  endsOn: z.string().nullable(),
  cancelledOn: z.string().nullable(),
  version: z.number(),
});

export const PlanListSchema = z.object({
  asOf: z.string(),
  items: z.array(
    PlanHeaderSchema.extend({
      tasks: z.number().nullable().describe('null for an agency user (headers only)'),
      progress: z.object(Counts).nullable().describe('lead assignments as of asOf; null for an agency user'),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

const UnresolvedSchema = z.object({
  role: z.enum(['lead', 'support']),
  kind: z.enum(['unmatched', 'open_group']),
  text: z.string(),
  suggestions: z.array(z.string()).optional(),
});

export const PlanDetailSchema = z.object({
  asOf: z.string(),
  plan: PlanHeaderSchema.extend({ hasSource: z.boolean() }),
  progress: ProgressSchema,
  sections: z.array(z.object({ code: z.string(), title: z.string(), progress: ProgressSchema })),
  tasks: z.array(
    z.object({
      id: z.number(),
      ref: z.string(),
      sectionCode: z.string(),
      no: z.string(),
      content: z.string(),
      leadText: z.string(),
      supportText: z.string(),
      deadlineText: z.string(),
      deadlineKind: z.enum(['once', 'recurring', 'ongoing', 'unparsed']),
      dueOn: z.string().nullable(),
      recurrence: z.record(z.string(), z.unknown()).nullable(),
      note: z.string(),
      unresolved: z.array(UnresolvedSchema),
      cancelledOn: z.string().nullable(),
      version: z.number(),
      assignments: z.array(
        z.object({
          id: z.number(),
          agencyId: z.number(),
          agencyCode: z.string(),
          agencyName: z.string(),
          role: z.enum(['lead', 'support']),
          occurrence: z.number(),
          periodLabel: z.string().nullable(),
          opensOn: z.string(),
          originalDueOn: z.string().nullable(),
          currentDueOn: z.string().nullable(),
          state: StateSchema,
          daysOverdue: z.number(),
          doneOn: z.string().nullable(),
        }),
      ),
    }),
  ),
});

export const CreatedPlanSchema = z.object({
  planId: z.number(),
  number: z.string(),
  tasks: z.number(),
  leadAssignments: z.number(),
  supportAssignments: z.number(),
  unresolved: z.array(z.object({ task: z.string(), refs: z.array(UnresolvedSchema) })),
});

const WarningSchema = z.object({
  task: z.string().nullable(),
  field: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  suggestions: z.array(z.string()).optional(),
});

export const ImportPreviewSchema = z.object({
  plan: z.object({
    number: z.string().nullable(),
    docType: z.string(),
    issuedOn: z.string().nullable(),
    place: z.string().nullable(),
    title: z.string().nullable(),
    signer: z.string().nullable(),
    bases: z.array(z.string()),
    recipients: z.array(z.string()),
  }),
  sections: z.array(z.object({ code: z.string(), title: z.string() })),
  tasks: z.array(
    z.object({
      section: z.string(),
      no: z.string(),
      content: z.string(),
      lead: z.array(z.string()),
      support: z.array(z.string()),
      leadText: z.string().describe('the cell as written'),
      supportText: z.string().describe('the cell as written'),
      deadlineText: z.string(),
      dueOn: z.string().nullable(),
      recurrence: z.record(z.string(), z.unknown()).nullable(),
      product: z.string().nullable(),
      note: z.string(),
      extra: z.record(z.string(), z.string()),
      raw: z.string(),
    }),
  ),
  warnings: z.array(WarningSchema),
  unknownAgencies: z
    .array(
      z.object({
        name: z.string(),
        tasks: z.array(z.string()),
        lead: z.boolean().describe('named as a lead agency somewhere'),
        suggestions: z.array(z.string()).describe('closest directory names, never of another level'),
        code: z.string().describe('a free code for adding it as a new agency'),
        kind: z.enum(['province', 'district', 'commune', 'unit']),
      }),
    )
    .describe('names the directory does not know: add each as an agency or as an alias'),
  tasksWithoutLead: z
    .array(z.object({ task: z.string(), leadText: z.string(), reason: z.enum(['none', 'unresolved']) }))
    .describe('tasks that would get no lead assignment; registering them needs confirmTasksWithoutLead'),
});

export const ImportedSchema = z.object({ plan: CreatedPlanSchema, warnings: z.array(WarningSchema) });

const text = (max: number) => z.string().max(max);

export const PlanPatchSchema = z.strictObject({
  version: IdSchema,
  docType: z.string().trim().min(1).max(50).optional(),
  number: z.string().trim().min(1).max(100).optional(),
  title: z.string().trim().min(1).max(2000).optional(),
  signer: text(200).optional(),
  place: text(200).optional(),
  bases: z.array(text(2000)).max(200).optional(),
  recipients: z.array(text(500)).max(500).optional(),
  endsOn: LocalDateSchema.nullable().optional(),
});

export const CancelBodySchema = z.strictObject({
  cancelledOn: LocalDateSchema.optional().describe('default today in the authority’s time zone'),
  version: IdSchema.optional(),
  reason: text(2000).optional(),
});

export const TaskPatchSchema = z.strictObject({
  version: IdSchema,
  content: z.string().trim().min(1).max(10_000).optional(),
  note: text(10_000).optional(),
  dueOn: LocalDateSchema.optional().describe('the Office’s due date; the deadline phrase stays as written'),
});

export const TaskViewSchema = z.object({
  id: z.number(),
  planId: z.number(),
  ref: z.string(),
  content: z.string(),
  note: z.string(),
  deadlineText: z.string(),
  deadlineKind: z.enum(['once', 'recurring', 'ongoing', 'unparsed']),
  dueOn: z.string().nullable(),
  cancelledOn: z.string().nullable(),
  version: z.number(),
});
