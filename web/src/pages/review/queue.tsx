import type { useQuery } from '@tanstack/react-query';
import { Flex, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { QueryState } from '../../components/QueryState.tsx';
import type { Page } from '../../lib/api.ts';
import { useT } from '../../lib/i18n.tsx';

/** The parts every queue of Duyệt is made of: the status and page in the address, the item's head, the paged list. */
export const PAGE_SIZE = 20;

export type QueuePagination = {
  current: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
};

export function useStatusParam<T extends string>(
  values: readonly T[],
): [T, (value: T) => void, number, (p: number) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('trang-thai') as T | null;
  const status = raw && values.includes(raw) ? raw : (values[0] as T);
  const page = Math.max(1, Number(params.get('trang')) || 1);
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    if (key !== 'trang') next.delete('trang');
    setParams(next, { replace: true });
  };
  return [
    status,
    (v) => set('trang-thai', v === values[0] ? null : v),
    page,
    (p) => set('trang', p > 1 ? String(p) : null),
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

/** A page of a queue, or the sentence saying it is empty; `list` lays the page's items out. */
export function Queue<T>({
  query,
  page,
  setPage,
  empty,
  list,
}: {
  query: ReturnType<typeof useQuery<Page<T>>>;
  page: number;
  setPage: (p: number) => void;
  empty: string;
  list: (items: T[], pagination: QueuePagination) => ReactNode;
}) {
  return (
    <QueryState query={query} isEmpty={(d) => d.items.length === 0} empty={empty}>
      {(data) =>
        list(data.items, { current: page, pageSize: PAGE_SIZE, total: data.total, onChange: setPage })
      }
    </QueryState>
  );
}
