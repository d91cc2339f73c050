import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import { AppError } from '../shared/errors.ts';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * The counters of @fastify/rate-limit in PostgreSQL (table rate_limit_hit), so that every server
 * process behind the load balancer counts the same hits: one upsert per limited request, a fixed
 * window per key (route + client address).
 */
export function postgresRateLimitStore(db: Kysely<DB>) {
  return class PostgresRateLimitStore {
    readonly #prefix: string;
    constructor(options: { routeInfo?: { method?: string; url?: string } } = {}) {
      const route = options.routeInfo;
      this.#prefix = route ? `${route.method} ${route.url}|` : '';
    }

    incr(key: string, callback: Callback, timeWindow: number): void {
      const now = new Date();
      const resetAt = new Date(now.getTime() + timeWindow);
      sql<{ hits: number; reset_at: Date }>`
        insert into rate_limit_hit as r (key, hits, reset_at) values (${this.#prefix + key}, 1, ${resetAt})
        on conflict (key) do update set
          hits = case when r.reset_at <= ${now} then 1 else r.hits + 1 end,
          reset_at = case when r.reset_at <= ${now} then ${resetAt}::timestamptz else r.reset_at end
        returning hits, reset_at`
        .execute(db)
        .then(({ rows: [row] }) => {
          if (!row) throw new Error('rate limit: no row returned');
          callback(null, { current: row.hits, ttl: Math.max(0, row.reset_at.getTime() - now.getTime()) });
        })
        .catch((error: Error) => callback(error));
    }

    read(key: string, callback: Callback, timeWindow: number): void {
      const now = new Date();
      db.selectFrom('rate_limit_hit')
        .select(['hits', 'reset_at'])
        .where('key', '=', this.#prefix + key)
        .executeTakeFirst()
        .then((row) =>
          callback(
            null,
            !row || row.reset_at <= now
              ? { current: 0, ttl: timeWindow }
              : { current: row.hits, ttl: row.reset_at.getTime() - now.getTime() },
          ),
        )
        .catch((error: Error) => callback(error));
    }

    child(routeOptions: { routeInfo?: { method?: string; url?: string } }) {
      return new PostgresRateLimitStore(routeOptions);
    }
  };
}

/**
 * @fastify/rate-limit, off by default: a route opts in with `config: { rateLimit: { max, timeWindow } }`
 * (sign-in, the identity provider's callback, uploads). Counted per client address (request.ip:
 * X-Forwarded-For only from TRUSTED_PROXIES) before the body is read.
 */
export async function registerRateLimit(app: FastifyInstance, db: Kysely<DB>): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    store: postgresRateLimitStore(db) as never,
    skipOnError: false,
    errorResponseBuilder: (_request, context) =>
      new AppError(
        'RATE_LIMITED',
        `Quá nhiều yêu cầu từ địa chỉ này: hãy thử lại sau khoảng ${Math.max(1, Math.ceil(context.ttl / 60_000))} phút.`,
        {
          retryAfterSeconds: Math.ceil(context.ttl / 1000),
        },
      ),
  });
}
