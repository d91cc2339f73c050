import { z } from 'zod';
import { ASSIGNMENT_STATES } from '../../domain/state.ts';
import { IdParamsSchema } from './common.ts';
import { CountsSchema } from './plan.ts';

/** Request and response bodies of the public transparency routes (src/modules/public/public.routes.ts). */

export const PublicProgressSchema = z.object({
  asOf: z.string(),
  counts: CountsSchema,
  onTimeRate: z.number().nullable(),
});

export const PublicAuthoritySchema = z.object({ code: z.string(), name: z.string() });

export const PublicAuthorityParams = z.object({ code: z.string().min(1).max(40) });

export const PublicPlanParams = IdParamsSchema;

/** GET /api/public/authorities/:code/plans */
export const PublicPlansSchema = z.object({
  authority: PublicAuthoritySchema,
  asOf: z.string(),
  plans: z.array(
    z.object({
      id: z.number(),
      docType: z.string(),
      number: z.string(),
      title: z.string(),
      issuedOn: z.string(),
      progress: PublicProgressSchema,
    }),
  ),
});

/** GET /api/public/plans/:id */
export const PublicPlanSchema = z.object({
  asOf: z.string(),
  plan: z.object({
    id: z.number(),
    authority: PublicAuthoritySchema,
    docType: z.string(),
    number: z.string(),
    title: z.string(),
    issuedOn: z.string(),
    signer: z.string(),
    progress: PublicProgressSchema,
  }),
  sections: z.array(z.object({ code: z.string(), title: z.string() })),
  tasks: z.array(
    z.object({
      stt: z.string(),
      ref: z.string(),
      section: z.string().nullable(),
      content: z.string(),
      leadAgencies: z.array(z.string()),
      deadline: z.string(),
      state: z.enum(ASSIGNMENT_STATES).nullable(),
      stateLabel: z.string(),
    }),
  ),
});

export type PublicAuthority = z.infer<typeof PublicAuthoritySchema>;
export type PublicProgress = z.infer<typeof PublicProgressSchema>;
export type PublicPlans = z.infer<typeof PublicPlansSchema>;
export type PublicPlan = z.infer<typeof PublicPlanSchema>;
