import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { DB } from '../db/schema.ts';

/** An X-Request-Id a client or proxy may choose: short, printable, no separators that split a log line. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request's id: the caller's `X-Request-Id` when it is a sane token, else a new UUID. */
export function requestIdOf(request: { headers: Record<string, string | string[] | undefined> }): string {
  const sent = request.headers['x-request-id'];
  return typeof sent === 'string' && REQUEST_ID.test(sent) ? sent : randomUUID();
}

/** What the background scheduler tells /metrics and /api/health/ready. */
export interface SchedulerStatus {
  /** off: DONDOC_SCHEDULER=off; catching-up: the first sweep since start is running; running: caught up */
  state: 'off' | 'catching-up' | 'running';
  jobs: Record<string, { lastRunAt: Date; durationMs: number; ok: boolean }>;
}

/** Observes the scheduler's jobs (src/modules/followup/scheduler.ts calls it after each run). */
export interface JobObserver {
  jobDone(name: string, durationMs: number, ok: boolean): void;
}

/**
 * The server's Prometheus metrics (prom-client), one registry per app: HTTP latency by route,
 * the database pool, the scheduler's jobs, the outbox, imports, and Node's own process metrics.
 */
export class ServerMetrics implements JobObserver {
  readonly registry = new Registry();
  readonly #http: Histogram<'method' | 'route' | 'status_code'>;
  readonly #imports: Histogram<'route' | 'outcome'>;
  readonly #jobRuns: Counter<'job' | 'outcome'>;
  readonly #jobLast: Gauge<'job'>;
  readonly #jobDuration: Gauge<'job'>;
  readonly #jobOk: Gauge<'job'>;
  readonly scheduler: SchedulerStatus = { state: 'off', jobs: {} };

  constructor(options: {
    db: Kysely<DB>;
    pool?: () => { total: number; idle: number; waiting: number };
    /** Node's own metrics (CPU, memory, event-loop lag, GC): the server's one registry only, not every test app */
    processMetrics?: boolean;
  }) {
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry, prefix: 'dondoc_' });
    this.#http = new Histogram({
      name: 'dondoc_http_request_duration_seconds',
      help: 'HTTP answers by method, route (as registered) and status',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.#imports = new Histogram({
      name: 'dondoc_import_duration_seconds',
      help: 'Plan and index imports (upload, parse, preview or write) by route and outcome',
      labelNames: ['route', 'outcome'],
      buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers: [this.registry],
    });
    this.#jobRuns = new Counter({
      name: 'dondoc_job_runs_total',
      help: 'Background job runs by outcome',
      labelNames: ['job', 'outcome'],
      registers: [this.registry],
    });
    // what the last run of each background job did, one gauge a figure
    const jobGauge = (name: string, help: string) =>
      new Gauge({ name, help, labelNames: ['job'], registers: [this.registry] });
    this.#jobLast = jobGauge(
      'dondoc_job_last_run_timestamp_seconds',
      'When each background job last finished (Unix time)',
    );
    this.#jobDuration = jobGauge(
      'dondoc_job_last_duration_seconds',
      'How long the last run of each background job took',
    );
    this.#jobOk = jobGauge(
      'dondoc_job_last_success',
      '1 when the last run of the job succeeded, 0 when it failed',
    );
    const scheduler = this.scheduler;
    new Gauge({
      name: 'dondoc_scheduler_catching_up',
      help: '1 while the first sweep since start (the catch-up) is running',
      registers: [this.registry],
      collect() {
        this.set(scheduler.state === 'catching-up' ? 1 : 0);
      },
    });
    const { db, pool } = options;
    new Gauge({
      name: 'dondoc_outbox_messages',
      help: 'E-mails in the outbox not delivered yet, by state (pending, sending, dead: given up after the last retry)',
      labelNames: ['state'],
      registers: [this.registry],
      async collect() {
        // sent messages pile up for ever: only the ones still to deliver or given up are counted
        const rows = await db
          .selectFrom('outbox_message')
          .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
          .where('status', 'in', ['pending', 'sending', 'dead'])
          .groupBy('status')
          .execute();
        for (const state of ['pending', 'sending', 'dead']) this.set({ state }, 0);
        for (const row of rows) this.set({ state: row.status }, Number(row.n));
      },
    });
    if (pool) {
      new Gauge({
        name: 'dondoc_db_pool_connections',
        help: 'PostgreSQL pool connections by state (total, idle, waiting clients)',
        labelNames: ['state'],
        registers: [this.registry],
        collect() {
          const stats = pool();
          this.set({ state: 'total' }, stats.total);
          this.set({ state: 'idle' }, stats.idle);
          this.set({ state: 'waiting' }, stats.waiting);
        },
      });
    }
  }

  observeRequest(request: FastifyRequest, statusCode: number, seconds: number): void {
    const route = request.routeOptions.url ?? 'unmatched';
    this.#http.observe({ method: request.method, route, status_code: String(statusCode) }, seconds);
    if (/^\/api\/(plans|indices)\/import/.test(route)) {
      this.#imports.observe({ route, outcome: statusCode < 400 ? 'ok' : 'refused' }, seconds);
    }
  }

  jobDone(name: string, durationMs: number, ok: boolean): void {
    const at = new Date();
    this.scheduler.jobs[name] = { lastRunAt: at, durationMs, ok };
    this.#jobRuns.inc({ job: name, outcome: ok ? 'ok' : 'failed' });
    this.#jobLast.set({ job: name }, at.getTime() / 1000);
    this.#jobDuration.set({ job: name }, durationMs / 1000);
    this.#jobOk.set({ job: name }, ok ? 1 : 0);
    if (name === 'reminder-sweep' && this.scheduler.state === 'catching-up') this.scheduler.state = 'running';
  }
}

/**
 * X-Request-Id accepted (when sane) or made, returned on every answer and carried by every log
 * line of the request (Fastify's child logger); each answer timed into the metrics; `GET /metrics`
 * in Prometheus' text format, behind `Authorization: Bearer DONDOC_METRICS_TOKEN` when one is set.
 */
export function registerObservability(
  app: FastifyInstance,
  metrics: ServerMetrics | null,
  options: { metricsToken: string | null },
): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  if (!metrics) return;
  app.addHook('onResponse', async (request, reply) => {
    metrics.observeRequest(request, reply.statusCode, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (options.metricsToken) {
      const sent = Buffer.from(request.headers.authorization ?? '');
      const expected = Buffer.from(`Bearer ${options.metricsToken}`);
      if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) {
        return reply.status(401).header('www-authenticate', 'Bearer').send('unauthorised\n');
      }
    }
    return reply
      .header('content-type', metrics.registry.contentType)
      .header('cache-control', 'no-store')
      .send(await metrics.registry.metrics());
  });
}
