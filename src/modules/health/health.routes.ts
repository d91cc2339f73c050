import { sql } from 'kysely';
import { migrationStatus } from '../../db/migrate.ts';
import type { ZodApp } from '../../server/http.ts';
import { moduleRoutes } from '../../server/route.ts';
import { HealthSchema, LiveSchema, ReadySchema } from '../../shared/schemas/health.ts';

/** How long a good migration check is believed (a probe every few seconds need not re-read it). */
const MIGRATIONS_CHECK_TTL_MS = 60_000;

/**
 * Tình trạng — for load balancers and orchestrators (issue #15): `/health/live` says the process
 * answers (restart it if not); `/health/ready` says it can serve (database reachable, schema
 * exactly the code's, file store writable) and what the scheduler is doing (catching up after a
 * start is reported, not a reason to stop traffic); `/health` stays the one-line check it was.
 */
export async function healthRoutes(app: ZodApp) {
  const route = moduleRoutes(app, 'health');

  route.get('/health', {
    summary: 'Tình trạng: the server and its database answer',
    response: { 200: HealthSchema },
    handler: async () => {
      await sql`select 1`.execute(app.deps.db);
      return { status: 'ok' as const, database: app.deps.databaseKind };
    },
  });

  route.get('/health/live', {
    summary: 'Liveness: the process answers (no database call)',
    response: { 200: LiveSchema },
    handler: async () => ({ status: 'live' as const, uptimeSeconds: Math.round(process.uptime()) }),
  });

  let migrationsOkUntil = 0;
  route.get('/health/ready', {
    summary: 'Readiness: database, schema version, file store and scheduler (503 when it cannot serve)',
    response: { 200: ReadySchema, 503: ReadySchema },
    handler: async (_request, reply) => {
      const { db, metrics } = app.deps;
      const database = await sql`select 1`
        .execute(db)
        .then(() => ({ ok: true, detail: app.deps.databaseKind }))
        .catch((error: Error) => {
          // the reason goes to the log, not to an anonymous caller
          app.log.error({ err: error }, 'readiness: database unreachable');
          return { ok: false, detail: 'unreachable' };
        });
      let migrations = { ok: true, detail: 'up to date' };
      if (database.ok && Date.now() >= migrationsOkUntil) {
        const m = await migrationStatus(db as never);
        migrations =
          m.pending.length > 0
            ? { ok: false, detail: `${m.pending.length} pending: ${m.pending.join(', ')}` }
            : m.unknown.length > 0
              ? { ok: false, detail: `applied by a newer server: ${m.unknown.join(', ')}` }
              : { ok: true, detail: `up to date (${m.applied.at(-1) ?? 'none'})` };
        if (migrations.ok) migrationsOkUntil = Date.now() + MIGRATIONS_CHECK_TTL_MS;
      } else if (!database.ok) {
        migrations = { ok: false, detail: 'database unreachable' };
      }
      const files = await app.deps.files
        .check()
        .then(() => ({ ok: true, detail: app.deps.files.description.split(' ')[0] ?? 'store' }))
        .catch((error: Error) => {
          app.log.error({ err: error }, 'readiness: file store not usable');
          return { ok: false, detail: 'not usable' };
        });
      const state = metrics?.scheduler.state ?? 'off';
      const scheduler = { ok: true, detail: state };
      const ready = database.ok && migrations.ok && files.ok;
      return reply
        .status(ready ? 200 : 503)
        .send({ status: ready ? 'ready' : 'not-ready', checks: { database, migrations, files, scheduler } });
    },
  });
}
