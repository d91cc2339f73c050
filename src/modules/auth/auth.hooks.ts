import type { FastifyReply, FastifyRequest } from 'fastify';
import { serviceContext } from '../../server/http.ts';
import { AppError } from '../../shared/errors.ts';
import type { ServiceContext } from '../service-context.ts';
import { resolveActor, SESSION_COOKIE } from './auth.service.ts';
import { safeEqual } from './passwords.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

/**
 * onRequest for /api: who is asking (session cookie, Bearer token, or the public), and for a
 * cookie-authenticated write, the session's CSRF token in the X-CSRF-Token header.
 */
export async function attachActor(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const header = request.headers.authorization;
  const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
  const sessionToken = request.cookies[SESSION_COOKIE];
  const { deps } = request.server;
  const { actor, csrfToken, authority, scopeHoldingTopLevel } = await resolveActor(
    deps.db,
    { sessionToken, bearer },
    wallClock(),
    deps.http.sessionIdleMinutes,
  );
  request.actor = actor;
  request.csrfToken = csrfToken;
  request.authority = authority;
  request.scopeHoldingTopLevel = scopeHoldingTopLevel;
  if (actor.kind === 'user' && actor.via === 'session' && !SAFE_METHODS.has(request.method)) {
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !csrfToken || !safeEqual(sent, csrfToken)) {
      throw new AppError('CSRF_FAILED', 'Phiên làm việc không hợp lệ (thiếu mã CSRF): hãy tải lại trang.');
    }
  }
}

/**
 * Sessions, API tokens and password changes live on the wall clock, not on the app's business clock
 * (`deps.now`, which tests set to 2021): an expiry is a security property. Read once per request.
 */
export function wallClock(): Date {
  return new Date();
}

/** The use-case context of the account and token routes: the request's, on the wall clock. */
export function accountContext(request: FastifyRequest): ServiceContext {
  return { ...serviceContext(request), now: wallClock() };
}
