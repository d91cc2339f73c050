import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadDemo } from '../modules/demo/demo.service.ts';
import { listAuthorities } from '../modules/directory/directory.repo.ts';
import { startFollowupScheduler } from '../modules/followup/scheduler.ts';
import { buildApp } from './app.ts';

/** `npm start`: migrate, load the demo into an empty database, serve on PORT (default 8080). */
const config = (() => {
  try {
    return loadConfig();
  } catch (error) {
    // the list of what is wrong, without a stack trace: the operator's to fix, not a crash
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
})();
const database = await openDatabase(config.database);
await migrateToLatest(database.db as never);
const app = await buildApp(
  { db: database.db, databaseKind: database.kind, followup: config.followup, http: config.http },
  { logger: { level: config.logLevel }, disableRequestLogging: false },
);
if (config.demoOnFirstStart && (await listAuthorities(database.db)).length === 0) {
  const demo = await loadDemo(database.db, { users: true });
  app.log.info(
    `demo loaded: plan ${demo.plan.number}, ${demo.plan.tasks} tasks, ${demo.plan.leadAssignments} lead assignments`,
  );
}
if (config.followup.scheduler) {
  // the daily sweep and e-mail delivery (issue #5); stopped before the database closes
  const scheduler = startFollowupScheduler({ db: database.db, followup: config.followup, log: app.log });
  app.addHook('onClose', () => scheduler.stop());
}

const shutdown = async (signal: string) => {
  app.log.info(`${signal}: shutting down`);
  await app.close();
  await database.close();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ port: config.port, host: config.host });
