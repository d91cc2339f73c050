import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { attachActor } from '../modules/auth/auth.hooks.ts';
import { createLocalFileStore } from '../modules/files/local-file-store.ts';
import { DEFAULT_PARSE_OPTIONS } from '../modules/import/parse-limits.ts';
import { createParsePool } from '../modules/import/parse-pool.ts';
import { AppError, isAppError } from '../shared/errors.ts';
import { closeUnreadBodies, refuseAnonymousBodies } from './body-guards.ts';
import { FEATURES } from './features.ts';
import { type AppDeps, DEFAULT_HTTP_OPTIONS } from './http.ts';
import { registerWeb } from './web.ts';

export type { AppDeps } from './http.ts';

/** PostgreSQL errors caused by a value from the request: out of range, malformed number or date. */
const PG_BAD_VALUE = new Set(['22003', '22P02', '22007', '22008']);

/** The HTTP application: every route under /api, OpenAPI from the zod schemas, one error handler. */
export async function buildApp(deps: AppDeps, options: FastifyServerOptions = {}): Promise<FastifyInstance> {
  const http = { ...DEFAULT_HTTP_OPTIONS, ...deps.http };
  const app = Fastify({ logger: false, trustProxy: true, ...options }).withTypeProvider<ZodTypeProvider>();
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
    if (isAppError(error)) return reply.status(error.status).send(error.toBody());
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
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: http.maxUploadBytes, files: 10, fields: 20 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'dondoc API', description: 'Theo dõi, đôn đốc thực hiện nhiệm vụ', version: '0.1.0' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'dondoc_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
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
