import { z } from 'zod';
import type { ZodApp } from '../../server/http.ts';
import { moduleRoutes } from '../../server/route.ts';
import {
  LoginBody,
  LoginReplySchema,
  PasswordChangeBody,
  SessionReplySchema,
} from '../../shared/schemas/account.ts';
import { allowedActions, requireUser } from '../access/access.ts';
import { accountContext, wallClock } from './auth.hooks.ts';
import { changePassword, login, logout, SESSION_COOKIE, sessionProfile } from './auth.service.ts';
import { assertPasswordLoginEnabled } from './oidc.service.ts';

/** Đăng nhập, đăng xuất, phiên hiện tại, đổi mật khẩu; API tokens in tokens.routes.ts. */
export async function authRoutes(app: ZodApp) {
  const route = moduleRoutes(app, 'auth');

  route.post('/auth/login', {
    // per client address, counted in PostgreSQL by every server (server/rate-limit.ts), before the body is read
    config: { rateLimit: { max: app.deps.http.loginAttemptsPerIp, timeWindow: 5 * 60_000 } },
    summary: 'Đăng nhập (sign in): sets the session cookie, returns the CSRF token',
    body: LoginBody,
    response: { 200: LoginReplySchema },
    handler: async (request, reply) => {
      assertPasswordLoginEnabled(app.deps.http.passwordLogin);
      const session = await login(
        app.deps.db,
        { ...request.body, ip: request.ip },
        { sessionHours: app.deps.http.sessionHours, now: wallClock() },
      );
      const secure =
        app.deps.http.secureCookies === 'always' ||
        (app.deps.http.secureCookies === 'auto' && request.protocol === 'https');
      reply.setCookie(SESSION_COOKIE, session.sessionToken, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure,
        expires: session.expiresAt,
      });
      return { user: session.user, csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() };
    },
  });

  route.post('/auth/logout', {
    summary: 'Đăng xuất (sign out)',
    response: { 204: z.null() },
    handler: async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await logout(app.deps.db, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
    },
  });

  route.get('/auth/session', {
    summary: 'Phiên hiện tại: the signed-in user and the CSRF token (401 for the public)',
    response: { 200: SessionReplySchema },
    handler: async (request) => {
      const me = requireUser(request.actor);
      const profile = await sessionProfile(accountContext(request));
      return {
        user: { id: me.userId, username: me.username, role: me.role, agencyId: me.agencyId, ...profile },
        csrfToken: request.csrfToken,
        actions: allowedActions(me),
      };
    },
  });

  route.post('/auth/password', {
    summary:
      'Đổi mật khẩu (change password); other sessions are signed out, every API token too with `revokeTokens`',
    body: PasswordChangeBody,
    response: { 204: z.null() },
    handler: async (request) => {
      await changePassword(accountContext(request), {
        ...request.body,
        keepSessionToken: request.cookies[SESSION_COOKIE],
      });
    },
  });
}
