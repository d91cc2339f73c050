import { z } from 'zod';
import { CreatedPlanSchema } from './plan.ts';

/** The contracts of the import routes: the preview of an uploaded plan document and the registered import. */

export const WarningSchema = z.object({
  task: z.string().nullable(),
  field: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  suggestions: z.array(z.string()).optional(),
  agencies: z
    .array(z.string())
    .optional()
    .describe('several_leads: the agencies the lead cell names (keep all as leads, or pick one)'),
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
      movedDueOn: z
        .string()
        .nullable()
        .describe(
          'the due date the rules will judge by when the authority moves deadlines off non-working days (docs/domain-rules.md §4a) and dueOn falls on one; else null',
        ),
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

export type PreviewWarning = z.infer<typeof WarningSchema>;
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;
export type PreviewTask = ImportPreview['tasks'][number];
export type UnknownAgency = ImportPreview['unknownAgencies'][number];
export type TaskWithoutLead = ImportPreview['tasksWithoutLead'][number];
export type Imported = z.infer<typeof ImportedSchema>;
