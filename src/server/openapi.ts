import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBodySchema } from '../shared/schemas/common.ts';

/**
 * The OpenAPI document of /api/openapi.json, generated from the routes' zod schemas and completed here,
 * in one place, for every operation: an operationId derived from the method and the path, the security
 * (a session cookie or an API token; none on the public routes) and the error answers the route can give
 * (the one error body of src/shared/errors.ts). test/openapi-lint.test.ts lints it with redocly.
 */

/** Routes open to the public: no session, no token (test/matrix: `allow.public`). */
export const PUBLIC_ROUTES: ReadonlySet<string> = new Set([
  'GET /api/health',
  'GET /api/health/live',
  'GET /api/health/ready',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'GET /api/auth/providers',
  'GET /api/auth/oidc/start',
  'GET /api/auth/oidc/callback',
  'GET /api/public/indices',
  'GET /api/public/authorities',
  'GET /api/public/authorities/:code/plans',
  'GET /api/public/plans/:id',
]);

/** The error answers, one shared component each (the body is always `{ error: { code, message, details? } }`). */
const ERROR_RESPONSES = {
  400: ['BadRequest', 'Dữ liệu gửi lên không hợp lệ (VALIDATION_FAILED, INVALID_DATE, …)'],
  401: ['Unauthenticated', 'Chưa đăng nhập hoặc phiên đã hết hạn (UNAUTHENTICATED, INVALID_CREDENTIALS)'],
  403: ['Forbidden', 'Không có quyền, hoặc thiếu mã CSRF (FORBIDDEN, CSRF_FAILED)'],
  404: ['NotFound', 'Không tìm thấy (NOT_FOUND, PLAN_NOT_FOUND, …)'],
  409: ['Conflict', 'Xung đột: dữ liệu vừa được thay đổi hoặc đã có (VERSION_CONFLICT, CONFLICT, …)'],
  413: ['PayloadTooLarge', 'Tệp hoặc dữ liệu gửi lên quá lớn (FILE_TOO_LARGE, IMPORT_TOO_LARGE, …)'],
  415: ['UnsupportedMediaType', 'Loại tệp không được nhận (FILE_TYPE_NOT_ALLOWED, IMPORT_UNSUPPORTED)'],
  422: ['Unprocessable', 'Tệp hoặc dữ liệu không dùng được (IMPORT_*, INDEX_*)'],
  429: ['TooManyRequests', 'Quá nhiều yêu cầu (RATE_LIMITED, LOGIN_DELAYED); xem Retry-After'],
  502: ['BadGateway', 'Nhà cung cấp định danh không trả lời đúng (OIDC_FAILED)'],
  503: ['ServiceUnavailable', 'Bộ đọc tệp đang bận hoặc chưa cài (PARSE_BUSY, OCR_UNAVAILABLE)'],
} as const;

type ErrorStatus = keyof typeof ERROR_RESPONSES;

/** Answers some routes give besides those derived from their shape (uploads, imports, the identity provider). */
const EXTRA_ERRORS: [RegExp, ErrorStatus[]][] = [
  [/^POST \/api\/plans(\/import(\/preview)?)?$/, [422]],
  [/^POST \/api\/plans\/import(\/preview)?$/, [415, 503]],
  [/^POST \/api\/assignments\/:id\/results$/, [415]],
  [/^(POST|PUT|PATCH|DELETE) \/api\/indices\//, [422]],
  [/^POST \/api\/indices\/import$/, [415]],
  [/^POST \/api\/auth\/login$/, [401, 403]],
  [/^GET \/api\/auth\/oidc\/callback$/, [403, 502]],
  [/^GET \/api\/public\//, [404]],
];

/** `GET /api/plans/:id/tasks` → `getPlansByIdTasks`: stable, camelCase, unique per method and path. */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .replace(/^\/api\//, '')
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      const name = segment.startsWith(':') ? `by-${segment.slice(1)}` : segment;
      return name
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean)
        .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
        .join('');
    });
  return method.toLowerCase() + words.join('');
}

interface RouteShape {
  method: string;
  url: string;
  schema: { params?: unknown; querystring?: unknown; body?: unknown; consumes?: readonly string[] };
  rateLimited: boolean;
}

/** The error answers a route can give, from its shape: input → 400, signed-in → 401/403, a row → 404, a write → 409. */
export function errorStatusesOf(route: RouteShape): ErrorStatus[] {
  const key = `${route.method} ${route.url}`;
  const statuses = new Set<ErrorStatus>();
  const { params, querystring, body, consumes } = route.schema;
  const write = route.method !== 'GET';
  if (params || querystring || body || consumes) statuses.add(400);
  if (!PUBLIC_ROUTES.has(key)) {
    statuses.add(401);
    statuses.add(403);
    if (write) statuses.add(409);
  }
  if (params) statuses.add(404);
  if (body || consumes) statuses.add(413);
  if (route.rateLimited) statuses.add(429);
  for (const [pattern, extra] of EXTRA_ERRORS) if (pattern.test(key)) for (const s of extra) statuses.add(s);
  return [...statuses].sort((a, b) => a - b);
}

type Operation = { operationId?: string; responses?: Record<string, unknown> };

/** The options of @fastify/swagger: the zod transform, then operationId, security and error answers. */
export function openApiOptions(): FastifyDynamicSwaggerOptions {
  const errorsByOperation = new Map<string, ErrorStatus[]>();
  return {
    openapi: {
      info: {
        title: 'dondoc API',
        description: 'Theo dõi, đôn đốc thực hiện nhiệm vụ',
        version: '0.1.0',
        license: { name: 'Proprietary', url: 'https://example.invalid/dondoc/license' },
      },
      servers: [{ url: '/', description: 'this server' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'dondoc_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: (input) => {
      const transformed = jsonSchemaTransform(input as Parameters<typeof jsonSchemaTransform>[0]);
      const { route, url } = input;
      const method = Array.isArray(route.method) ? String(route.method[0]) : String(route.method);
      const schema = (route.schema ?? {}) as RouteShape['schema'] & { operationId?: string };
      const operationId = schema.operationId ?? operationIdOf(method, url);
      const shape = {
        method,
        url,
        schema,
        rateLimited: Boolean((route.config as { rateLimit?: unknown } | undefined)?.rateLimit),
      };
      errorsByOperation.set(operationId, errorStatusesOf(shape));
      const security: Record<string, string[]>[] = PUBLIC_ROUTES.has(`${method} ${url}`)
        ? []
        : [{ session: [] }, { token: [] }];
      return { ...transformed, schema: { ...transformed.schema, operationId, security } };
    },
    transformObject: (documentObject) => {
      const document = (
        'openapiObject' in documentObject ? documentObject.openapiObject : documentObject.swaggerObject
      ) as {
        paths?: Record<string, Record<string, Operation>>;
        components?: Record<string, Record<string, unknown>>;
      };
      const used = new Set<ErrorStatus>();
      for (const path of Object.values(document.paths ?? {})) {
        for (const operation of Object.values(path)) {
          const statuses = operation.operationId ? errorsByOperation.get(operation.operationId) : undefined;
          for (const status of statuses ?? []) {
            used.add(status);
            operation.responses ??= {};
            operation.responses[status] ??= { $ref: `#/components/responses/${ERROR_RESPONSES[status][0]}` };
          }
        }
      }
      document.components ??= {};
      const components = document.components;
      const { $schema: _, ...errorBody } = z.toJSONSchema(ErrorBodySchema, { io: 'output' });
      components.schemas = { ...components.schemas, ErrorBody: errorBody };
      components.responses = { ...components.responses };
      for (const status of [...used].sort((a, b) => a - b)) {
        const [name, description] = ERROR_RESPONSES[status];
        components.responses[name] = {
          description,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
        };
      }
      return document as ReturnType<NonNullable<FastifyDynamicSwaggerOptions['transformObject']>>;
    },
  };
}
