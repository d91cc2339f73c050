import { z } from 'zod';

/** Replies of tình trạng (src/modules/health/health.routes.ts), for load balancers and orchestrators. */

export const HealthSchema = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) });

export const LiveSchema = z.object({ status: z.literal('live'), uptimeSeconds: z.number() });

const Check = z.object({ ok: z.boolean(), detail: z.string() });

/** GET /health/ready, with 200 or 503 */
export const ReadySchema = z.object({
  status: z.enum(['ready', 'not-ready']),
  checks: z.object({ database: Check, migrations: Check, files: Check, scheduler: Check }),
});

export type Health = z.infer<typeof HealthSchema>;
export type Live = z.infer<typeof LiveSchema>;
export type Ready = z.infer<typeof ReadySchema>;
