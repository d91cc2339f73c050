import module from 'node:module';
import { loadConfig } from '../config.ts';
import type { Scheduler } from '../modules/followup/scheduler.ts';
import { startupPhases } from './startup-phases.ts';

const phases = startupPhases();
// Node 22.1+: V8's compiled code of each module kept on disk (the OS's temporary folder) between starts,
// for the module graph imported below; a no-op on Node 20, whose types do not know it
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

/** The server (`npm start`, `node dist/server/main.js`): migrate, the demo if asked, serve on PORT (default 8080). */
const config = (() => {
  try {
    return loadConfig();
  } catch (error) {
    // the list of what is wrong, without a stack trace: the operator's to fix, not a crash
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
})();
// the server's modules loaded once the configuration is valid: a wrong setting is told in a fraction of
// a second, without loading (or, under tsx, compiling) the database drivers, the app and its routes.
// The database opens while the app's modules load: PGlite's start (compiling and starting PostgreSQL
// in WASM, ≈ 1.7 CPU-s) and the module graph then share the start instead of following each other
// (issue #18, docs/benchmarks.md).
const opening = import('../db/database.ts').then(({ openDatabase }) => openDatabase(config.database));
const [
  database,
  { migrateToLatest },
  { openFileStore },
  { startFollowupScheduler },
  { prepareFirstStart },
  { buildApp },
  { ServerMetrics },
] = await Promise.all([
  opening,
  import('../db/migrate.ts'),
  import('../modules/files/open-file-store.ts'),
  import('../modules/followup/scheduler.ts'),
  import('../modules/setup/first-start.ts'),
  import('./app.ts'),
  import('./observability.ts'),
]);
phases.mark('modules+database');
await migrateToLatest(database.db as never);
phases.mark('migrations');
// uploaded files: the local folder or the S3-compatible bucket (DONDOC_FILES_STORE), one store per process
const files = await openFileStore(config.files);
const metrics = new ServerMetrics({
  db: database.db,
  processMetrics: true,
  ...(database.poolStats ? { pool: database.poolStats } : {}),
});
const app = await buildApp(
  {
    db: database.db,
    files,
    metrics,
    metricsToken: config.metricsToken,
    databaseKind: database.kind,
    followup: config.followup,
    http: config.http,
    parsing: config.parsing,
  },
  { logger: { level: config.logLevel } },
);
phases.mark('app');
// the demo only with DONDOC_DEMO=on (npm start sets it); without an administrator, the log says how to create one
await prepareFirstStart(database.db, {
  demo: config.demoOnFirstStart,
  embedded: database.kind === 'pglite',
  log: { info: (m) => app.log.info(m), warn: (m) => app.log.warn(m) },
});
phases.mark('first-start');
// the daily sweep and e-mail delivery (issue #5), started once the server listens; stopped before the database closes
let scheduler: Scheduler | null = null;
app.addHook('onClose', async () => scheduler?.stop());
let cliSocket: { close(): Promise<void> } | null = null;

const shutdown = async (signal: string) => {
  app.log.info(`${signal}: shutting down`);
  // the CLI's commands running here end (or are cut after 10 s) before the database closes
  await cliSocket?.close();
  await app.close();
  await database.close();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));

// listen first: the catch-up of days missed while the server was down runs in the background,
// and /api/health/ready says so (scheduler: catching-up) instead of the port staying closed
await app.listen({ port: config.port, host: config.host });
phases.mark('listen');
app.log.info({ startup: phases.summary() }, `ready in ${phases.totalMs()} ms`);
// the CLI beside this server on the embedded database (which no other process may open): its commands
// come over a socket in the data folder and run here (src/cli/cli-socket.ts)
if (config.database.kind === 'pglite' && config.database.dataDir) {
  const [{ serveCliSocket }, { runForwardedOn }] = await Promise.all([
    import('../cli/cli-socket.ts'),
    import('../cli/main.ts'),
  ]);
  cliSocket = await serveCliSocket(config.database.dataDir, runForwardedOn(database.db, config), (m) =>
    app.log.warn(m),
  ).catch((error: Error) => {
    app.log.warn(`the CLI cannot reach this server (${error.message}): dondoc commands need it stopped`);
    return null;
  });
}
if (config.followup.scheduler) {
  metrics.scheduler.state = 'catching-up';
  scheduler = startFollowupScheduler({
    db: database.db,
    followup: config.followup,
    log: app.log,
    observer: metrics,
    housekeeping: { files, sessionIdleMinutes: config.http.sessionIdleMinutes },
  });
}
