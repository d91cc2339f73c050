import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { healthRoutes } from '../modules/health/health.routes.ts';
import { statusRoutes } from '../modules/status/status.routes.ts';
import { AppError, isAppError } from '../shared/errors.ts';

export interface AppDeps {
  db: Kysely<DB>;
  databaseKind: 'pglite' | 'postgres';
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
}

/** The HTTP application: every route under /api, one error handler, no listening (see main.ts). */
export async function buildApp(deps: AppDeps, options: FastifyServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, ...options });
  app.decorate('deps', deps);
  app.setErrorHandler((error, request, reply) => {
    if (isAppError(error)) return reply.status(error.status).send(error.toBody());
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      const appError = new AppError('VALIDATION_FAILED', 'Yêu cầu không hợp lệ.', {
        reason: (error as Error).message,
      });
      return reply.status(status).send(appError.toBody());
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(new AppError('INTERNAL', 'Lỗi hệ thống, vui lòng thử lại sau.').toBody());
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send(new AppError('NOT_FOUND', `Không có đường dẫn ${request.method} ${request.url}.`).toBody()),
  );
  await app.register(
    async (api) => {
      await api.register(healthRoutes);
      await api.register(statusRoutes);
    },
    { prefix: '/api' },
  );
  return app;
}
