import { z } from 'zod';
import { IdSchema, LocalDateSchema } from './common.ts';
import { AgencyRefSchema } from './directory.ts';

/**
 * Sắp xếp tổ chức bộ máy (src/modules/reorganisation): the request that moves an agency's open
 * assignments to its successors on a date, and the answer listing what moved and what stayed.
 */

export const MovedAssignmentRefSchema = z.object({
  assignmentId: z.number(),
  plan: z.string(),
  task: z.string(),
  role: z.enum(['lead', 'support']),
  occurrence: z.number(),
  dueOn: z.string().nullable(),
});

export const ReorganisationBody = z.object({
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
});

export const ReorganisationReplySchema = z.object({
  fromAgency: AgencyRefSchema,
  effectiveOn: z.string(),
  moved: z.array(
    MovedAssignmentRefSchema.extend({
      toAssignmentId: z.number(),
      toAgency: AgencyRefSchema,
      merged: z.boolean(),
    }),
  ),
  stayed: z.array(MovedAssignmentRefSchema),
});
