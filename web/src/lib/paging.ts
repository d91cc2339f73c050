import { useState } from 'react';
import type { Page } from './api.ts';

/**
 * The page and page size of a list paged by the server (20 rows to start with), and the antd
 * pagination of one answer: 20, 50 or 100 rows a page, `showTotal` saying how many in all.
 */
export function usePaging() {
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const pagination = (
    data: Pick<Page<unknown>, 'page' | 'pageSize' | 'total'>,
    showTotal: (total: number) => string,
    showSizeChanger = true,
  ) => ({
    current: data.page,
    pageSize: data.pageSize,
    total: data.total,
    showSizeChanger,
    pageSizeOptions: [20, 50, 100],
    onChange: (page: number, pageSize: number) => setPaging({ page, pageSize }),
    showTotal,
  });
  /** back to the first page, when the filter changes */
  const firstPage = () => setPaging((p) => ({ ...p, page: 1 }));
  return { paging, pagination, firstPage };
}

/**
 * Whether a list paged by the server is loading another page: the previous page stays on screen (the
 * query's placeholder) while the next one is fetched, and only then does the list show as loading.
 */
export function loadingPage(query: { isFetching: boolean; isPlaceholderData: boolean }): boolean {
  return query.isFetching && query.isPlaceholderData;
}
