/**
 * The HTTP app of a benchmark as its own process, with `--workers N` node:cluster workers sharing
 * one port (N = 1: the server in this process, no cluster), for profile-http.ts --workers (issue #18).
 * Prints one line `ready <port> <pid,pid…>` (the processes serving: the workers, or this one) once
 * every worker listens; stops on SIGTERM.
 *   node --import tsx bench/scale/serve.ts --url postgres://…/perf_100k --now 2025-06-30T03:00:00Z \
 *     [--workers 2] [--port 0] [--pool 10]
 */
import cluster from 'node:cluster';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../src/db/database.ts';
import { buildApp } from '../../src/server/app.ts';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    now: { type: 'string' },
    workers: { type: 'string', default: '1' },
    port: { type: 'string', default: '0' },
    /** connections per worker */
    pool: { type: 'string', default: '10' },
  },
});
if (!values.url || !values.now) throw new Error('--url and --now are required');
const workers = Number(values.workers);

async function serve(port: number): Promise<{ port: number; close: () => Promise<void> }> {
  const database = await openDatabase({
    kind: 'postgres',
    url: values.url as string,
    poolSize: Number(values.pool),
  });
  const now = new Date(values.now as string);
  const app = await buildApp({
    db: database.db,
    databaseKind: 'postgres',
    now: () => now,
    web: false,
    http: { filesDir: '/tmp/dondoc-scale-files' },
  });
  await app.listen({ host: '127.0.0.1', port });
  const address = app.server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

if (workers <= 1) {
  const server = await serve(Number(values.port));
  console.log(`ready ${server.port} ${process.pid}`);
  process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
} else if (cluster.isPrimary) {
  // a port chosen here, shared by every worker (port 0 would give each worker its own)
  const port = Number(values.port) || 20000 + (process.pid % 20000);
  const pids: number[] = [];
  for (let i = 0; i < workers; i++) {
    const worker = cluster.fork({ DONDOC_BENCH_PORT: String(port) });
    worker.once('message', (message: unknown) => {
      if (message !== 'listening') return;
      pids.push(worker.process.pid as number);
      if (pids.length === workers) console.log(`ready ${port} ${pids.join(',')}`);
    });
  }
  process.once('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    cluster.disconnect(() => process.exit(0));
  });
} else {
  const server = await serve(Number(process.env.DONDOC_BENCH_PORT));
  process.send?.('listening');
  process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
}
