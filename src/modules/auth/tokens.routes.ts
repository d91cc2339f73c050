import type { ZodApp } from '../../server/http.ts';
import { moduleRoutes } from '../../server/route.ts';
import {
  CreatedTokenSchema,
  TokenCreateBody,
  TokenIdParams,
  TokenSchema,
  TokensPageSchema,
  TokensQuery,
} from '../../shared/schemas/account.ts';
import { accountContext } from './auth.hooks.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './tokens.service.ts';

/** Mã truy cập (API tokens): create (shown once), list (never the secret), revoke. */
export async function tokensRoutes(app: ZodApp) {
  const route = moduleRoutes(app, 'auth');

  route.post('/auth/tokens', {
    summary:
      'Tạo mã truy cập (API token) for an integration; shown once. `days`: lifetime (default DONDOC_TOKEN_DAYS); `scopes` limits it to those actions (e.g. ["index.write"])',
    body: TokenCreateBody,
    response: { 201: CreatedTokenSchema },
    handler: async (request) => {
      const { name, scopes, days } = request.body;
      const created = await createApiToken(accountContext(request), {
        name,
        scopes: scopes ?? null,
        days: days ?? app.deps.http.tokenDays,
      });
      return { ...created, expiresAt: created.expiresAt.toISOString() };
    },
  });

  route.get('/auth/tokens', {
    summary:
      'Mã truy cập của tôi (my API tokens, newest first, never the secret); `userId`: an account of the authority (admins)',
    querystring: TokensQuery,
    response: { 200: TokensPageSchema },
    handler: async (request) => {
      return listApiTokens(accountContext(request), request.query);
    },
  });

  route.delete('/auth/tokens/:id', {
    summary:
      'Thu hồi mã truy cập (revoke an API token): one’s own; an admin any of the authority. Revoking twice changes nothing',
    params: TokenIdParams,
    response: { 200: TokenSchema },
    handler: async (request) => {
      return revokeApiToken(accountContext(request), request.params.id);
    },
  });
}
