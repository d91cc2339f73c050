import type { FastifyReply, FastifyRequest } from 'fastify';
import type { HttpOptions, ZodApp } from '../../server/http.ts';
import { moduleRoutes } from '../../server/route.ts';
import { isAppError } from '../../shared/errors.ts';
import { OidcCallbackQuery, OidcStartQuery, ProvidersSchema } from '../../shared/schemas/account.ts';
import { SESSION_COOKIE } from './auth.service.ts';
import { OidcClient } from './oidc.client.ts';
import { beginOidcLogin, finishOidcLogin, OIDC_COOKIE, signInProviders } from './oidc.service.ts';

const CALLBACK_PATH = '/api/auth/oidc/callback';
/** the pending sign-in's cookie goes back only to start and callback */
const OIDC_COOKIE_PATH = '/api/auth/oidc';
/** where a refused sign-in lands: the login page shows `loi` in the reader's language */
export const LOGIN_PAGE = '/dang-nhap';

/** Secure cookies as the password login sets them: always, never, or when the request came over https. */
function secureCookie(request: FastifyRequest, http: HttpOptions): boolean {
  return http.secureCookies === 'always' || (http.secureCookies === 'auto' && request.protocol === 'https');
}

/**
 * Đăng nhập một lần: the login page asks which ways are on; the browser goes to the provider by
 * /auth/oidc/start and comes back to /auth/oidc/callback, which opens the same session as the
 * password form and lands on the page the person came from, or on /dang-nhap?loi=CODE when refused.
 */
export async function oidcRoutes(app: ZodApp) {
  const route = moduleRoutes(app, 'auth');

  const { http } = app.deps;
  const oidc = http.oidc ? new OidcClient(http.oidc) : null;

  const refuse = (request: FastifyRequest, reply: FastifyReply, error: unknown) => {
    if (!isAppError(error)) throw error;
    request.log.warn({ code: error.code, details: error.details }, 'oidc sign-in refused');
    reply.clearCookie(OIDC_COOKIE, { path: OIDC_COOKIE_PATH });
    return reply.redirect(`${LOGIN_PAGE}?loi=${encodeURIComponent(error.code)}`, 302);
  };

  route.get('/auth/providers', {
    summary: 'Cách đăng nhập (sign-in methods): the password form, the identity provider (OpenID Connect)',
    response: { 200: ProvidersSchema },
    handler: async () => signInProviders({ passwordLogin: http.passwordLogin, oidc }),
  });

  route.get('/auth/oidc/start', {
    config: { rateLimit: { max: http.loginAttemptsPerIp, timeWindow: 5 * 60_000 } },
    summary:
      'Đăng nhập một lần: redirects (302) to the identity provider (code + PKCE S256); `returnTo` a path of this site',
    querystring: OidcStartQuery,
    handler: async (request, reply) => {
      try {
        const { url, binding, expiresAt } = await beginOidcLogin(app.deps.db, oidc, {
          returnTo: request.query.returnTo,
          redirectUri: oidc?.options.redirectUrl ?? `${request.protocol}://${request.host}${CALLBACK_PATH}`,
          now: app.deps.now(),
        });
        reply.setCookie(OIDC_COOKIE, binding, {
          path: OIDC_COOKIE_PATH,
          httpOnly: true,
          sameSite: 'lax',
          secure: secureCookie(request, http),
          expires: expiresAt,
        });
        return reply.redirect(url, 302);
      } catch (error) {
        return refuse(request, reply, error);
      }
    },
  });

  route.get('/auth/oidc/callback', {
    summary:
      'Đăng nhập một lần: the identity provider sends the browser back here; sets the session cookie and redirects (302)',
    querystring: OidcCallbackQuery,
    handler: async (request, reply) => {
      try {
        const { session, returnTo } = await finishOidcLogin(app.deps.db, oidc, {
          binding: request.cookies[OIDC_COOKIE],
          query: request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '',
          ip: request.ip,
          now: app.deps.now(),
          sessionHours: http.sessionHours,
        });
        reply.clearCookie(OIDC_COOKIE, { path: OIDC_COOKIE_PATH });
        reply.setCookie(SESSION_COOKIE, session.sessionToken, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: secureCookie(request, http),
          expires: session.expiresAt,
        });
        return reply.redirect(returnTo, 302);
      } catch (error) {
        return refuse(request, reply, error);
      }
    },
  });
}
