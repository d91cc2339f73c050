import type { UseQueryResult } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { matchesOptionLabel } from '../lib/format.ts';

/**
 * A select over the items of one page the API answered, searched by label without accents:
 * loading while the query runs, its error as the text of an empty list. The rest is the select's own props.
 */
export function PageQuerySelect<T>({
  query,
  option,
  ...select
}: {
  query: UseQueryResult<{ items: T[] }>;
  option: (item: T) => { value: number; label: string };
} & Omit<SelectProps, 'options' | 'loading' | 'notFoundContent' | 'showSearch' | 'filterOption'>) {
  return (
    <Select
      {...select}
      showSearch
      loading={query.isPending}
      filterOption={matchesOptionLabel}
      options={(query.data?.items ?? []).map(option)}
      notFoundContent={query.isError ? query.error.message : undefined}
    />
  );
}
