/** The query of the API tokens: the password form refreshes it when it revokes them. */
export const TOKENS_KEY = ['auth-tokens'] as const;
