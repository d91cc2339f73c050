import { z } from 'zod';
import { IdTextSchema, LocalDateSchema, PageQuerySchema, pageOf } from './common.ts';
import { SUBASSIGN_NOTE_MAX } from './limits.ts';
import { StateSchema } from './plan.ts';
import { ResultStatusSchema } from './result.ts';

/** The contracts of the sub-assignment routes: an agency hands an assignment on to its own units. */

export const SubassignmentsSchema = z.object({
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
      state: StateSchema,
      resultStatus: ResultStatusSchema.nullable(),
    }),
  ),
  progress: z.object({ done: z.number(), total: z.number() }),
});

export const UnitSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  parentId: z.number(),
  parentCode: z.string(),
});

export const SubassignBodySchema = z.object({
  items: z
    .array(
      z.object({
        agencyId: IdTextSchema,
        dueOn: LocalDateSchema,
        note: z.string().trim().max(SUBASSIGN_NOTE_MAX).default(''),
      }),
    )
    .min(1)
    .max(50),
});

export const UnitBodySchema = z.object({
  name: z.string().trim().min(3).max(200),
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$/, 'Mã gồm 2–40 ký tự chữ, số, dấu chấm, gạch ngang'),
  parentId: IdTextSchema.optional(),
});

export const UnitListQuerySchema = PageQuerySchema.extend({ parentId: IdTextSchema.optional() });

export const UnitListSchema = pageOf(UnitSchema);

export type Subassignments = z.infer<typeof SubassignmentsSchema>;
export type Unit = z.infer<typeof UnitSchema>;
export type UnitList = z.infer<typeof UnitListSchema>;
export type SubassignBody = z.input<typeof SubassignBodySchema>;
export type UnitBody = z.input<typeof UnitBodySchema>;
