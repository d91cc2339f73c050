import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Button, Empty, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { ApiError } from '../lib/api.ts';
import { useT } from '../lib/i18n.tsx';

/**
 * Loading, error and empty states for one query, the same on every page: a skeleton while loading,
 * the server's Vietnamese message with a retry button on error, an explanation when there is nothing.
 */
export function QueryState<T>({
  query,
  isEmpty,
  empty,
  rows = 4,
  children,
}: {
  query: UseQueryResult<T>;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  rows?: number;
  children: (data: T) => ReactNode;
}) {
  const t = useT();
  if (query.isPending) return <Skeleton active paragraph={{ rows }} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (isEmpty?.(query.data)) {
    return <Empty description={empty ?? t('Chưa có dữ liệu.', 'Nothing here yet.')} />;
  }
  return <>{children(query.data)}</>;
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof ApiError ? error.code : undefined;
  return (
    <Alert
      type="error"
      showIcon
      title={t('Không tải được dữ liệu', 'Could not load the data')}
      description={code ? `${message} (${code})` : message}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('Thử lại', 'Retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
