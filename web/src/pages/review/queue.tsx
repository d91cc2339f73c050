import { useQuery } from '@tanstack/react-query';
import { Flex, Segmented, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { CsvButton } from '../../components/CsvButton.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { api, type Page } from '../../lib/api.ts';
import { useT } from '../../lib/i18n.tsx';
import { useSetSearchParams } from '../../lib/search-params.ts';

/** The parts every queue of Duyệt is made of: the status and page in the address, the item's head, the paged list. */
const PAGE_SIZE = 20;

export type QueuePagination = {
  current: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
};

function useStatusParam<T extends string>(
  values: readonly T[],
): [T, (value: T) => void, number, (p: number) => void] {
  const [params] = useSearchParams();
  const setParams = useSetSearchParams();
  const raw = params.get('trang-thai') as T | null;
  const status = raw && values.includes(raw) ? raw : (values[0] as T);
  const page = Math.max(1, Number(params.get('trang')) || 1);
  return [
    status,
    // another status starts again from its first page
    (v) => setParams({ 'trang-thai': v === values[0] ? null : v, trang: null }),
    page,
    (p) => setParams({ trang: p > 1 ? p : null }),
  ];
}

/** What every queue item shows first: the task, its plan and agency, linked to the assignment page. */
export function ItemHead({
  assignmentId,
  task,
  plan,
  agency,
  extra,
}: {
  assignmentId: number;
  task: string;
  plan: string;
  agency: string;
  extra: ReactNode;
}) {
  const t = useT();
  return (
    <Flex justify="space-between" gap={8} wrap style={{ marginBottom: 6 }}>
      <div style={{ minWidth: 0 }}>
        <Typography.Text strong>{agency}</Typography.Text>
        <div>
          <Link to={`/nhiem-vu/${assignmentId}`}>
            {t('Nhiệm vụ', 'Task')} {task} · {t('Kế hoạch', 'Plan')} {plan}
          </Link>
        </div>
      </div>
      <Space wrap>{extra}</Space>
    </Flex>
  );
}

/**
 * One queue of Duyệt: the status filter and the CSV export above, the page of items below (or the
 * sentence saying there is none); the status and the page live in the address.
 */
export function StatusQueue<S extends string, T>({
  name,
  path,
  filter,
  statuses,
  empty,
  list,
}: {
  /** the query key's part: 'results', 'extensions', 'obstacles' */
  name: string;
  path: string;
  /** sent with the status to the list and to the CSV export */
  filter?: Record<string, string>;
  /** the first is the default */
  statuses: readonly { value: S; label: string }[];
  empty: (status: S) => string;
  list: (items: T[], pagination: QueuePagination) => ReactNode;
}) {
  const [status, setStatus, page, setPage] = useStatusParam<S>(statuses.map((s) => s.value));
  const query = useQuery({
    queryKey: ['review', name, status, page],
    queryFn: () => api.get<Page<T>>(path, { status, ...filter, page, pageSize: PAGE_SIZE }),
  });
  return (
    <>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
        <Segmented value={status} onChange={setStatus} options={[...statuses]} />
        <CsvButton path={path} query={{ status, ...filter }} size="small" />
      </Flex>
      <QueryState query={query} isEmpty={(d) => d.items.length === 0} empty={empty(status)}>
        {(data) =>
          list(data.items, { current: page, pageSize: PAGE_SIZE, total: data.total, onChange: setPage })
        }
      </QueryState>
    </>
  );
}
