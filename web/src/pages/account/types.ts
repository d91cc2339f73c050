/** An API token as GET /api/auth/tokens lists it (never its secret). */
export interface ApiToken {
  id: number;
  userId: number;
  username: string;
  name: string;
  scopes: string[] | null;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string;
  revokedAt: string | null;
  state: 'active' | 'expired' | 'revoked';
}

/** POST /api/auth/tokens: the secret, shown once. */
export interface CreatedToken {
  id: number;
  token: string;
  expiresAt: string;
}

export const TOKENS_KEY = ['auth-tokens'] as const;
