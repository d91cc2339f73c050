import { z } from 'zod';
import { ACTIONS } from '../actions.ts';
import { IdParamsSchema, pageOf } from './common.ts';
import { MAX_TOKEN_DAYS, PASSWORD_MAX, TOKEN_NAME_MAX, USERNAME_MAX } from './limits.ts';
import { UserSchema } from './users.ts';

/**
 * Request and response bodies of one's own account (src/modules/auth/*.routes.ts): sign-in, the session, the
 * password, the sign-in methods and the API tokens. The session's `actions` and a token's `scopes` are the
 * actions of src/shared/actions.ts.
 */

export const LoginBody = z.object({
  username: z.string().min(1).max(USERNAME_MAX),
  password: z.string().min(1).max(PASSWORD_MAX),
});

/** Who is signed in: the account's identity, role and agency. */
export const SessionUserSchema = UserSchema.pick({
  id: true,
  username: true,
  displayName: true,
  role: true,
  agencyId: true,
});

/** POST /api/auth/login */
export const LoginReplySchema = z.object({
  user: SessionUserSchema,
  csrfToken: z.string(),
  expiresAt: z.string(),
});

export const PasswordChangeBody = z.object({
  currentPassword: z.string().min(1).max(PASSWORD_MAX),
  newPassword: z.string().min(1).max(PASSWORD_MAX),
  /** thu hồi mọi mã truy cập (API token) of the account */
  revokeTokens: z.boolean().default(false),
});

/** GET /api/auth/providers */
export const ProvidersSchema = z.object({
  password: z.boolean(),
  oidc: z.object({ label: z.string() }).nullable(),
});

export const OidcStartQuery = z.object({ returnTo: z.string().optional() });

export const OidcCallbackQuery = z.object({
  code: z.string().optional(),
  state: z.string().optional(),
  iss: z.string().optional(),
  error: z.string().optional(),
  error_description: z.string().optional(),
});

/** An API token as GET /api/auth/tokens lists it (never its secret). */
export const TokenSchema = z.object({
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

/** POST /api/auth/tokens: the secret, shown once. */
export const CreatedTokenSchema = z.object({ id: z.number(), token: z.string(), expiresAt: z.string() });

export const TokensQuery = z.object({
  userId: z.coerce.number().int().positive().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const TokensPageSchema = pageOf(TokenSchema);

export const TokenIdParams = IdParamsSchema;

export type LoginInput = z.input<typeof LoginBody>;
export type LoginReply = z.infer<typeof LoginReplySchema>;
export type PasswordChangeInput = z.input<typeof PasswordChangeBody>;
export type Providers = z.infer<typeof ProvidersSchema>;
export type ApiToken = z.infer<typeof TokenSchema>;
export type CreatedToken = z.infer<typeof CreatedTokenSchema>;
export type TokensPage = z.infer<typeof TokensPageSchema>;

/** The current session: the user with the names of their authority and agency, the CSRF token, what they may do. */
export const SessionReplySchema = z.object({
  user: SessionUserSchema.extend({ authorityName: z.string(), agencyName: z.string().nullable() }),
  csrfToken: z.string().nullable(),
  actions: z.array(z.enum(ACTIONS)),
});

/** A new API token: its name, the actions it is limited to (all of its owner's without), its lifetime in days. */
export const TokenCreateBody = z.object({
  name: z.string().trim().min(1).max(TOKEN_NAME_MAX),
  scopes: z.array(z.enum(ACTIONS)).min(1).max(ACTIONS.length).optional(),
  days: z.number().int().min(1).max(MAX_TOKEN_DAYS).optional(),
});
