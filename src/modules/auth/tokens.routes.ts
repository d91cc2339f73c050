import { z } from 'zod';
import type { ZodApp } from '../../server/http.ts';
import { ACTIONS } from '../access/access.ts';
import { accountContext } from './auth.hooks.ts';
import { createApiToken, listApiTokens, MAX_TOKEN_DAYS, revokeApiToken } from './tokens.service.ts';

const TokenSchema = z.object({
  id: z.number(),
  userId: z.number(),
  username: z.string(),
  name: z.string(),
  scopes: z.array(z.string()).nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  state: z.enum(['active', 'expired', 'revoked']),
});

/** Mã truy cập (API tokens): create (shown once), list (never the secret), revoke. */
export async function tokensRoutes(app: ZodApp) {
  app.post(
    '/auth/tokens',
    {
      schema: {
        summary:
          'Tạo mã truy cập (API token) for an integration; shown once. `days`: lifetime (default DONDOC_TOKEN_DAYS); `scopes` limits it to those actions (e.g. ["index.write"])',
        tags: ['auth'],
        body: z.object({
          name: z.string().trim().min(1).max(100),
          scopes: z.array(z.enum(ACTIONS)).min(1).max(ACTIONS.length).optional(),
          days: z.number().int().min(1).max(MAX_TOKEN_DAYS).optional(),
        }),
        response: { 201: z.object({ id: z.number(), token: z.string(), expiresAt: z.string() }) },
      },
    },
    async (request, reply) => {
      const { name, scopes, days } = request.body;
      const created = await createApiToken(accountContext(request), {
        name,
        scopes: scopes ?? null,
        days: days ?? app.deps.http.tokenDays,
      });
      return reply.status(201).send({ ...created, expiresAt: created.expiresAt.toISOString() });
    },
  );

  app.get(
    '/auth/tokens',
    {
      schema: {
        summary:
          'Mã truy cập của tôi (my API tokens, newest first, never the secret); `userId`: an account of the authority (admins)',
        tags: ['auth'],
        querystring: z.object({
          userId: z.coerce.number().int().positive().optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: {
          200: z.object({
            items: z.array(TokenSchema),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
        },
      },
    },
    async (request) => {
      return listApiTokens(accountContext(request), request.query);
    },
  );

  app.delete(
    '/auth/tokens/:id',
    {
      schema: {
        summary:
          'Thu hồi mã truy cập (revoke an API token): one’s own; an admin any of the authority. Revoking twice changes nothing',
        tags: ['auth'],
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: TokenSchema },
      },
    },
    async (request) => {
      return revokeApiToken(accountContext(request), request.params.id);
    },
  );
}
