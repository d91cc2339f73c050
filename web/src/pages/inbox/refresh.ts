import type { QueryClient } from '@tanstack/react-query';

/**
 * After any write on an assignment (a result, a decision, an extension, an obstacle, a sub-assignment)
 * every list and figure that may show it is stale: everything but the session is refetched.
 */
export function refreshWork(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
}
