import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Authority, DB } from '../db/schema.ts';
import type { Actor } from '../modules/access/access.ts';
import type { OidcOptions } from '../modules/auth/oidc.client.ts';
import type { FileStore } from '../modules/files/file-store.ts';
import type { ParseOptions } from '../modules/import/parse-limits.ts';
import type { ParsePool } from '../modules/import/parse-pool.ts';
import type { ServiceContext } from '../modules/service-context.ts';
import type { ServerMetrics } from './observability.ts';

/** What the HTTP layer needs besides the database; parsed from Config in main.ts. */
export interface HttpOptions {
  sessionHours: number;
  /** folder of uploaded files (content-addressed): the local store when AppDeps.files is absent */
  filesDir: string;
  maxUploadBytes: number;
  /** Secure cookies: always, never, or when the request came over https (behind a proxy: X-Forwarded-Proto) */
  secureCookies: 'auto' | 'always' | 'never';
  /** login attempts per IP per window before 429 */
  loginAttemptsPerIp: number;
  /** sign-in with a local password (POST /api/auth/login); off: the identity provider only */
  passwordLogin: boolean;
  /** the province's identity provider (OpenID Connect); null: none */
  oidc: OidcOptions | null;
  /** an API token's lifetime in days when its creator does not choose one */
  tokenDays: number;
  /** addresses or CIDR ranges of the reverse proxies whose X-Forwarded-* headers are believed */
  trustedProxies: readonly string[];
  /** a session unused this long ends (the absolute limit is sessionHours) */
  sessionIdleMinutes: number;
}

export interface AppDeps {
  db: Kysely<DB>;
  databaseKind: 'pglite' | 'postgres';
  http?: Partial<HttpOptions>;
  /** the file store (Config.files, opened once by main.ts); absent: the local folder http.filesDir */
  files?: FileStore;
  /** the clock: "today" for submissions, extension requests and defaults (tests set it to 2021) */
  now?: () => Date;
  /** the follow-up sweep's notice offsets and escalation threshold (Config.followup); defaults when absent */
  followup?: { noticeOffsets: readonly number[]; escalateAfterDays: number };
  /** the parsing pool of uploaded documents: threads, queue, limits (Config.parsing); defaults when absent */
  parsing?: Partial<ParseOptions>;
  /** Prometheus metrics and the scheduler's status (main.ts makes one with process metrics; tests get a plain one) */
  metrics?: ServerMetrics;
  /** when set, GET /metrics asks for `Authorization: Bearer <token>` */
  metricsToken?: string | null;
  /** the SPA: served from web/dist by default; `false` serves the API alone; `root` another build folder */
  web?: false | { root: string };
}

export const DEFAULT_HTTP_OPTIONS: HttpOptions = {
  sessionHours: 12,
  filesDir: './data/files',
  maxUploadBytes: 20 * 1024 * 1024,
  secureCookies: 'auto',
  loginAttemptsPerIp: 30,
  passwordLogin: true,
  oidc: null,
  tokenDays: 90,
  trustedProxies: [],
  sessionIdleMinutes: 120,
};

/** A route as the matrix test and the docs see it. */
export interface RouteEntry {
  method: string;
  url: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps & { http: HttpOptions; now: () => Date; files: FileStore };
    routeTable: RouteEntry[];
    /** uploaded documents are parsed here, off the event loop (src/modules/import/parse-pool.ts) */
    parser: ParsePool;
  }
  interface FastifyRequest {
    actor: Actor;
    csrfToken: string | null;
    /** the actor's authority as the session or token lookup read it (null for the public) */
    authority: Authority | null;
    /** of an agency user's scope, the agencies holding assignments of their own, read with the session */
    scopeHoldingTopLevel: readonly number[] | null;
  }
}

/** The Fastify instance with zod schemas as its type provider: routes get typed params, query and body. */
export type ZodApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** The use-case context of a request (src/modules/service-context.ts): database, actor, clock, address, files. */
export function serviceContext(request: FastifyRequest): ServiceContext {
  const { deps } = request.server;
  return {
    db: deps.db,
    actor: request.actor,
    ip: request.ip,
    now: deps.now(),
    files: deps.files,
    authority: request.authority ?? undefined,
    scopeHoldingTopLevel: request.scopeHoldingTopLevel ?? undefined,
  };
}

/** The use-case context plus what only routes use: the HTTP options and the parsing pool. */
export function ctx(request: FastifyRequest) {
  return { ...serviceContext(request), http: request.server.deps.http, parser: request.server.parser };
}

export type RequestContext = ReturnType<typeof ctx>;
