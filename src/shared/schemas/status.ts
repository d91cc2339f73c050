import { z } from 'zod';
import { AsOfSchema } from './common.ts';
import { StateCountFields } from './plan.ts';

/** The contracts of GET /api/status and /api/reminders (the same answers as `dondoc status|reminders --json`). */

export const StatusCountsSchema = z.object({ ...StateCountFields, reminders: z.number() });

export const StatusQuerySchema = z.object({
  asOf: AsOfSchema,
  plan: z.string().max(100).optional().describe('a plan number, e.g. 87/KH-UBND'),
});

export const StatusSchema = z.object({
  asOf: z.string(),
  plan: z.string().nullable(),
  totals: StatusCountsSchema,
  agencies: z.array(StatusCountsSchema.extend({ code: z.string(), name: z.string() })),
});

export const RemindersSchema = z.object({
  asOf: z.string(),
  reminders: z.array(
    z.object({
      agency: z.string(),
      agencyName: z.string(),
      plan: z.string(),
      task: z.string(),
      occurrence: z.number(),
      dueOn: z.string(),
      /** the date it is judged by: the due date, or the plan's follow-up start when later (docs/domain-rules.md §6) */
      countedDueOn: z.string(),
      remindedOn: z.string(),
      year: z.number(),
    }),
  ),
});

export type StatusQuery = z.infer<typeof StatusQuerySchema>;
export type Status = z.infer<typeof StatusSchema>;
export type Reminders = z.infer<typeof RemindersSchema>;
