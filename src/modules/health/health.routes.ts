import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';

export async function healthRoutes(app: FastifyInstance) {
  app.get('/health', async () => {
    await sql`select 1`.execute(app.deps.db);
    return { status: 'ok', database: app.deps.databaseKind };
  });
}
