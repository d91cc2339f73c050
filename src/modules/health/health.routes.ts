import { sql } from 'kysely';
import { z } from 'zod';
import type { ZodApp } from '../../server/http.ts';

export async function healthRoutes(app: ZodApp) {
  app.get(
    '/health',
    {
      schema: {
        summary: 'Tình trạng: the server and its database answer',
        tags: ['health'],
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) },
      },
    },
    async () => {
      await sql`select 1`.execute(app.deps.db);
      return { status: 'ok' as const, database: app.deps.databaseKind };
    },
  );
}
