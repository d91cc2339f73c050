import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../shared/errors.ts';
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
  const { actor, csrfToken } = await resolveActor(request.server.deps.db, { sessionToken, bearer });
  request.actor = actor;
  request.csrfToken = csrfToken;
  if (actor.kind === 'user' && actor.via === 'session' && !SAFE_METHODS.has(request.method)) {
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !csrfToken || !safeEqual(sent, csrfToken)) {
      throw new AppError('CSRF_FAILED', 'Phiên làm việc không hợp lệ (thiếu mã CSRF): hãy tải lại trang.');
    }
  }
}

/** A fixed-window counter per key (the login limit per IP), per process. */
export class RateLimiter {
  readonly #hits = new Map<string, { count: number; resetAt: number }>();
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  hit(key: string, now = Date.now()): boolean {
    const entry = this.#hits.get(key);
    if (!entry || entry.resetAt <= now) {
      if (this.#hits.size > 10_000) this.#hits.clear();
      this.#hits.set(key, { count: 1, resetAt: now + this.windowMs });
      return true;
    }
    entry.count++;
    return entry.count <= this.limit;
  }
}
