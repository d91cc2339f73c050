import { useQuery } from '@tanstack/react-query';
import type { Action } from '../../../src/shared/actions.ts';
import { api, type Page } from './api.ts';
import type { Session } from './session.tsx';

/** The menu entries that carry a count (docs/domain-rules.md §11). */
export type NavCountKey = 'review' | 'overdue' | 'inbox';
export type NavCounts = Partial<Record<NavCountKey, number>>;

/** The query key of the menu's counts: a decision, a result or a sweep invalidates it. */
export const NAV_COUNTS_KEY = ['nav-counts'] as const;

const total = (path: string, query: Record<string, string>) =>
  api.get<Page<unknown>>(path, { ...query, pageSize: 1 }).then((page) => page.total);

/**
 * Counts on the menu: Duyệt — what awaits the user's decision (results, extensions, obstacles);
 * Quá hạn — lead assignments open and overdue today; Việc của đơn vị — the agency's overdue ones.
 * Each only for a user who sees the entry; refreshed every minute.
 */
export function useNavCounts(session: Session | null) {
  const has = (action: Action) => session?.actions.includes(action) ?? false;
  const isAgency = session?.user.role === 'agency';
  return useQuery({
    queryKey: [...NAV_COUNTS_KEY, session?.user.id],
    enabled: session !== null,
    refetchInterval: 60_000,
    queryFn: async (): Promise<NavCounts> => {
      const reviews = [
        has('result.decide') && total('/results', { status: 'pending', internal: 'false' }),
        has('extension.decide') && total('/extensions', { status: 'pending' }),
        has('obstacle.respond') && total('/obstacles', { status: 'open' }),
      ].filter((count) => count !== false);
      const overdue = isAgency
        ? total('/assignments', { state: 'open_overdue', role: 'all' })
        : has('stats.read')
          ? total('/assignments', { state: 'open_overdue', role: 'lead' })
          : undefined;
      const [review, n] = await Promise.all([
        Promise.all(reviews).then((ns) => ns.reduce((a, b) => a + b, 0)),
        overdue,
      ]);
      return {
        ...(reviews.length > 0 ? { review } : {}),
        ...(n === undefined ? {} : isAgency ? { inbox: n } : { overdue: n }),
      };
    },
  });
}
