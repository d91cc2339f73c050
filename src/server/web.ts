import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../shared/errors.ts';
import { pageWithFirstAnswers, readShell } from './first-page.ts';

/** The built SPA (`npm run build:web` → web/dist); `npm start` builds it first when it is missing or stale. */
export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** Content-Security-Policy of the SPA: own scripts only; antd writes its styles inline. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

const COMPRESS = {
  // quality 6: within 10 % of the best (11) on a page with its answers, in a tenth of the time
  br: (text: string) => promisify(brotliCompress)(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 6 } }),
  gzip: (text: string) => promisify(gzip)(text),
};

/** brotli when the browser takes it, else gzip, else none (a `;q=0` refuses). */
function acceptedEncoding(header: string | undefined): keyof typeof COMPRESS | null {
  const accepted = (header ?? '')
    .split(',')
    .map((part) => part.trim().split(';'))
    .filter(([, q]) => !q || !/^\s*q=0(\.0*)?\s*$/.test(q))
    .map(([name]) => name?.trim().toLowerCase());
  return accepted.includes('br') ? 'br' : accepted.includes('gzip') ? 'gzip' : null;
}

/**
 * Serves the web app at `/`: hashed assets cached for a year, index.html never cached, and every
 * other GET outside /api answered with index.html so that deep links (/ke-hoach/3) open the app.
 * index.html carries the first answers of its page (first-page.ts); a signed-in user's is the user's
 * own and never stored (`no-store`, like the API's answers).
 */
export async function registerWeb(app: FastifyInstance, root = WEB_DIST): Promise<void> {
  const built = existsSync(`${root}index.html`);
  const shell = built ? readShell(root) : null;
  app.addHook('onSend', async (request, reply) => {
    if (!request.url.startsWith('/api')) {
      reply.header('x-content-type-options', 'nosniff');
      reply.header('referrer-policy', 'same-origin');
      reply.header('content-security-policy', CSP);
    }
  });
  if (built) {
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: false,
      // index.js.br / .gz written at build (web/precompress.ts), chosen by Accept-Encoding
      preCompressed: true,
      setHeaders: (reply, path) => {
        reply.header(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    // a missing hashed asset (a chunk of an older build) is a 404, never the page in its place — nor the
    // API requests the page would carry (first-page.ts)
    const isPage =
      request.method === 'GET' && !request.url.startsWith('/api') && !request.url.startsWith('/assets/');
    if (isPage && shell) {
      reply.header('vary', 'cookie');
      const page = await pageWithFirstAnswers(app, shell, request).catch((error: unknown) => {
        request.log.warn({ err: error }, 'first answers left out of index.html');
        return null;
      });
      if (!page) return reply.header('cache-control', 'no-cache').sendFile('index.html');
      reply.header('cache-control', page.personal ? 'private, no-store' : 'no-cache');
      reply.header('vary', 'cookie, accept-encoding').type('text/html; charset=utf-8');
      // @fastify/compress compresses routes' answers, not this handler's: brotli or gzip here
      const encoding = acceptedEncoding(request.headers['accept-encoding']);
      if (!encoding) return reply.send(page.html);
      return reply.header('content-encoding', encoding).send(await COMPRESS[encoding](page.html));
    }
    if (isPage) {
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('Giao diện web chưa được dựng: chạy `npm run build:web` (web app not built).');
    }
    return reply
      .status(404)
      .send(new AppError('NOT_FOUND', `Không có đường dẫn ${request.method} ${request.url}.`).toBody());
  });
}
