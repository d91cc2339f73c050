import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadDemo } from '../modules/demo/demo.service.ts';
import { listAuthorities } from '../modules/directory/directory.repo.ts';
import { buildApp } from './app.ts';

/** `npm start`: migrate, load the demo into an empty database, serve on PORT (default 8080). */
const config = loadConfig();
const database = await openDatabase(config.database);
await migrateToLatest(database.db as never);
const app = await buildApp(
  { db: database.db, databaseKind: database.kind },
  { logger: { level: config.logLevel }, disableRequestLogging: false },
);
if (config.demoOnFirstStart && (await listAuthorities(database.db)).length === 0) {
  const demo = await loadDemo(database.db, { users: true });
  app.log.info(
    `demo loaded: plan ${demo.plan.number}, ${demo.plan.tasks} tasks, ${demo.plan.leadAssignments} lead assignments`,
  );
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
