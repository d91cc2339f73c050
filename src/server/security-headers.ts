import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/** One year, as browsers' preload lists ask. */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Response headers of issue #16, finding 9 (@fastify/helmet): nosniff, no framing, no referrer
 * across origins, for every answer; the SPA's and /api/docs' Content-Security-Policy are set where
 * those pages are served (web.ts, swagger-ui's staticCSP). On top of helmet:
 * - HSTS only when the request came over https (directly or from a trusted proxy), as RFC 6797 asks;
 * - API answers `Cache-Control: no-store` unless a route chose its own caching (they carry personal data).
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: false,
    hsts: false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs')) {
      if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
      reply.header('x-content-type-options', 'nosniff');
    }
  });
}
