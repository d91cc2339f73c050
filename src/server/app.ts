import { constants as zlib } from 'node:zlib';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { attachActor } from '../modules/auth/auth.hooks.ts';
import { createLocalFileStore } from '../modules/files/local-file-store.ts';
import { DEFAULT_PARSE_OPTIONS } from '../modules/import/parse-limits.ts';
import { createParsePool } from '../modules/import/parse-pool.ts';
import { AppError, isAppError } from '../shared/errors.ts';
import { closeUnreadBodies, refuseAnonymousBodies } from './body-guards.ts';
import { FEATURES } from './features.ts';
import { type AppDeps, DEFAULT_HTTP_OPTIONS } from './http.ts';
import { isTruncatedMultipart, registerInputGuards } from './input-guards.ts';
import { registerObservability, requestIdOf, ServerMetrics } from './observability.ts';
import { openApiOptions } from './openapi.ts';
import { registerRateLimit } from './rate-limit.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { registerWeb } from './web.ts';

export type { AppDeps } from './http.ts';

/**
 * PostgreSQL errors caused by a value from the request (SQLSTATE class 22: out of range, malformed
 * number or date, a NUL or a byte sequence the database refuses, a string too long; 23514 a check).
 */
const PG_BAD_VALUE = new Set(['22001', '22003', '22P02', '22007', '22008', '22021', '22P05', '23514']);
/** PostgreSQL errors that mean "someone else got there first": a duplicate, a vanished row, a lost race. */
const PG_CONFLICT = new Set(['23505', '23503', '40001', '40P01']);

/** The HTTP application: every route under /api, OpenAPI from the zod schemas, one error handler. */
export async function buildApp(deps: AppDeps, options: FastifyServerOptions = {}): Promise<FastifyInstance> {
  const http = { ...DEFAULT_HTTP_OPTIONS, ...deps.http };
  const app = Fastify({
    logger: false,
    // X-Forwarded-* only from the proxies named in TRUSTED_PROXIES: nobody else chooses the address
    trustProxy: http.trustedProxies.length > 0 ? [...http.trustedProxies] : false,
    // X-Request-Id from the caller or a proxy when sane, else a UUID: on every log line and answer
    genReqId: (raw) => requestIdOf(raw),
    // a URL the router cannot even decode (broken percent-encoding) or a malformed content type: our 400 body
    frameworkErrors: (error, _request, reply) => {
      const status =
        error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
      void (reply as unknown as { status: (code: number) => { send: (body: unknown) => unknown } })
        .status(status)
        .send(
          new AppError('VALIDATION_FAILED', 'Đường dẫn hoặc yêu cầu không hợp lệ.', {
            reason: error.code,
          }).toBody(),
        );
    },
    ...options,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const files = deps.files ?? createLocalFileStore(http.filesDir);
  app.decorate('deps', { ...deps, http, files, now: deps.now ?? (() => new Date()) });
  app.decorate('routeTable', []);
  // uploaded documents are parsed in worker threads, started on the first upload (issue #16)
  app.decorate('parser', createParsePool({ ...DEFAULT_PARSE_OPTIONS, ...deps.parsing }, app.log));
  app.addHook('onClose', () => app.parser.close());
  app.addHook('onSend', closeUnreadBodies);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method !== 'HEAD' && route.url.startsWith('/api/') && !route.url.startsWith('/api/docs')) {
        app.routeTable.push({ method, url: route.url });
      }
    }
  });
  app.setErrorHandler((error, request, reply) => {
    if (isAppError(error)) {
      const retryAfter = error.details?.retryAfterSeconds;
      if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
      return reply.status(error.status).send(error.toBody());
    }
    const e = error as { statusCode?: number; validation?: unknown; message?: string; code?: string };
    if (e.validation) {
      return reply.status(400).send(
        new AppError('VALIDATION_FAILED', 'Dữ liệu gửi lên không hợp lệ.', {
          issues: e.validation,
        }).toBody(),
      );
    }
    // a value the database cannot hold (an id past int4, a malformed date) slipped past a schema: still the client's error
    if (e.code && PG_BAD_VALUE.has(e.code)) {
      request.log.warn({ err: error }, 'value refused by the database');
      return reply
        .status(400)
        .send(new AppError('VALIDATION_FAILED', 'Giá trị gửi lên nằm ngoài phạm vi cho phép.').toBody());
    }
    if (e.code && PG_CONFLICT.has(e.code)) {
      request.log.warn({ err: error }, 'conflict reported by the database');
      return reply
        .status(409)
        .send(
          new AppError('CONFLICT', 'Dữ liệu vừa được thay đổi hoặc đã có: hãy tải lại và thử lại.').toBody(),
        );
    }
    if (isTruncatedMultipart(error)) {
      return reply
        .status(400)
        .send(
          new AppError(
            'VALIDATION_FAILED',
            'Dữ liệu tải lên bị cắt ngang hoặc sai định dạng multipart.',
          ).toBody(),
        );
    }
    if (e.statusCode === 413 || e.code === 'FST_REQ_FILE_TOO_LARGE') {
      return reply
        .status(413)
        .send(new AppError('FILE_TOO_LARGE', 'Tệp hoặc dữ liệu gửi lên quá lớn.').toBody());
    }
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
      return reply
        .status(e.statusCode)
        .send(new AppError('VALIDATION_FAILED', 'Yêu cầu không hợp lệ.', { reason: e.message }).toBody());
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .status(500)
      .send(
        new AppError('INTERNAL', `Lỗi hệ thống, vui lòng thử lại sau (mã yêu cầu ${request.id}).`).toBody(),
      );
  });
  const metrics = deps.metrics ?? new ServerMetrics({ db: deps.db });
  app.deps.metrics = metrics;
  registerObservability(app, metrics, { metricsToken: deps.metricsToken ?? null });
  // brotli or gzip for JSON, CSV and text answers over 1 KB (quality 4: fast enough per request);
  // the SPA's assets are compressed once at build (web/precompress.ts) and sent as they are
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
  });
  registerInputGuards(app);
  await registerSecurityHeaders(app);
  await registerRateLimit(app, deps.db);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: http.maxUploadBytes, files: 10, fields: 20 } });
  await app.register(swagger, openApiOptions());
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    // the page's own scripts and styles only (hashes of its inline parts), never inside a frame
    staticCSP: true,
    transformStaticCSP: (header) =>
      header
        .replace("frame-ancestors 'self'", "frame-ancestors 'none'")
        .replace(' upgrade-insecure-requests;', ''),
  });
  await app.register(
    async (api) => {
      api.addHook('onRequest', attachActor);
      api.addHook('onRequest', refuseAnonymousBodies);
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      for (const feature of FEATURES) await api.register(feature);
    },
    { prefix: '/api' },
  );
  if (deps.web !== false) await registerWeb(app, deps.web?.root);
  return app;
}
