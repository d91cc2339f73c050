import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useMemo } from 'react';
import type { z } from 'zod';
import type { Action } from '../../../src/shared/actions.ts';
import type { SessionReplySchema } from '../../../src/shared/schemas/account.ts';
import { ApiError, api, dropFirstAnswers, onUnauthorised, setCsrfToken } from './api.ts';

/** GET /api/auth/session: the signed-in user and what the server lets them do (src/shared/actions.ts). */
export type Session = z.infer<typeof SessionReplySchema>;
export type SessionUser = Session['user'];

interface SessionContextValue {
  session: Session | null;
  loading: boolean;
  /** may the user take this action (src/modules/access/access.ts)? */
  can: (action: Action) => boolean;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);
const SESSION_KEY = ['session'] as const;

async function fetchSession(): Promise<Session | null> {
  try {
    const session = await api.get<Session>('/auth/session');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** Drops every cached answer but the session itself: the next user must not see the last one's data. */
function forgetUserData(queryClient: QueryClient): void {
  dropFirstAnswers();
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 5 * 60_000, retry: 1 });

  useEffect(
    () =>
      onUnauthorised(() => {
        setCsrfToken(null);
        queryClient.setQueryData(SESSION_KEY, null);
      }),
    [queryClient],
  );

  const value = useMemo<SessionContextValue>(() => {
    const session = query.data ?? null;
    return {
      session,
      loading: query.isPending,
      can: (action) => session?.actions.includes(action) ?? false,
      signIn: async (username, password) => {
        dropFirstAnswers();
        const answer = await api.post<{ csrfToken: string }>('/auth/login', { username, password });
        setCsrfToken(answer.csrfToken);
        const next = await fetchSession();
        forgetUserData(queryClient);
        queryClient.setQueryData(SESSION_KEY, next);
      },
      signOut: async () => {
        try {
          await api.post('/auth/logout');
        } finally {
          setCsrfToken(null);
          forgetUserData(queryClient);
          queryClient.setQueryData(SESSION_KEY, null);
        }
      },
    };
  }, [query.data, query.isPending, queryClient]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
