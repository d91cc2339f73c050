import { useSession } from '../../lib/session.tsx';

/**
 * Who may change the indices from these pages: results and targets need `index.write`, owners and
 * links `index.configure` — and never an agency user on these pages (the navigation shows Chỉ số to
 * the Office, leaders and admins only).
 */
export function useIndexRights(): { write: boolean; configure: boolean } {
  const { session, can } = useSession();
  const agency = session?.user.role === 'agency';
  return { write: !agency && can('index.write'), configure: !agency && can('index.configure') };
}
