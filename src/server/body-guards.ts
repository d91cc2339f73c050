/**
 * A request body is read only for a caller allowed to send it (issue #16). Both guards run in
 * `onRequest`, before Fastify or @fastify/multipart reads a byte of the body:
 * - `refuseAnonymousBodies` (every /api route, after attachActor): the public may send a body only
 *   to the few routes made for it (sign-in); anything else with a body is answered 401 at once;
 * - `uploadGuard` (each upload route): the service's own access check, then the announced
 *   Content-Length against the upload limit (413).
 * A refusal answers with `Connection: close` (`closeUnreadBodies`, onSend of the app, for any error
 * answered before the body is read): Node then closes the socket after the answer instead of
 * draining a body nobody will read (a keep-alive connection would read all of it first).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../shared/errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** the public (no session, no token) may send this route a body — sign-in and the like */
    publicBody?: boolean;
  }
}

/** Routes the public sends a body to; others can say so with `config: { publicBody: true }`. */
const PUBLIC_BODY_ROUTES = new Set(['POST /api/auth/login']);

/** Room for the form's text fields beside the files (busboy holds each field to 1 MB). */
export const FORM_FIELDS_BYTES = 2 * 1024 * 1024;

/** Does the request announce a body (a Content-Length above 0, or a chunked one)? */
export function announcesBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  if (length !== undefined) return Number(length) !== 0;
  return request.headers['transfer-encoding'] !== undefined;
}

/** Closes the connection once the answer is sent, so the unread body is not drained. */
export function closeAfterReply(reply: FastifyReply): void {
  reply.header('connection', 'close');
}

/** onRequest of /api: a body from the public, to a route not made for it, is refused unread (401). */
export async function refuseAnonymousBodies(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.actor?.kind !== 'public' || !announcesBody(request)) return;
  if (PUBLIC_BODY_ROUTES.has(`${request.method} ${request.routeOptions.url}`)) return;
  if (request.routeOptions.config?.publicBody === true) return;
  closeAfterReply(reply);
  throw new AppError('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
}

/**
 * onSend of the app: an error answered while part of the body is still unread (a refusal before the
 * body, a file over the limit in the middle of a multipart stream, a JSON body over bodyLimit) closes
 * the connection rather than letting Node drain the rest.
 */
export async function closeUnreadBodies(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
  if (reply.statusCode >= 400 && announcesBody(request) && !request.raw.complete) closeAfterReply(reply);
  return payload;
}

/**
 * The onRequest hook of an upload route: `authorize` (the service's access check, which the service
 * makes again) and the Content-Length against `files` × the upload limit plus the form fields,
 * before the body is read.
 */
export function uploadGuard(authorize: (request: FastifyRequest) => Promise<unknown>, files = 1) {
  return {
    onRequest: async (request: FastifyRequest, reply: FastifyReply) => {
      try {
        await authorize(request);
        const maxFileBytes = request.server.deps.http.maxUploadBytes;
        const maxBytes = files * maxFileBytes + FORM_FIELDS_BYTES;
        const length = Number(request.headers['content-length'] ?? 0);
        if (length > maxBytes) {
          const mb = (bytes: number) =>
            (bytes / 1048576).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
          throw new AppError(
            'FILE_TOO_LARGE',
            `Dữ liệu tải lên quá lớn (${mb(length)} MB; tối đa ${files > 1 ? `${files} tệp × ` : ''}${mb(maxFileBytes)} MB — cài đặt DONDOC_MAX_UPLOAD_MB = ${mb(maxFileBytes)}).`,
            { maxBytes, contentLength: length, setting: 'DONDOC_MAX_UPLOAD_MB' },
          );
        }
      } catch (error) {
        closeAfterReply(reply);
        throw error;
      }
    },
  };
}
