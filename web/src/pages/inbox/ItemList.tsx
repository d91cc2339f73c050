import { Empty, Typography } from 'antd';
import { type Key, lazy, type ReactNode, Suspense } from 'react';

/** antd's Pagination (and the Select it imports) only for a list longer than a page: not in a first page of one. */
const Pagination = lazy(() => import('antd/es/pagination'));

/**
 * A plain list of items separated by hairlines (antd's List is deprecated in antd 6.6 and warns in the
 * console): cards on a phone, queues, histories. `grid` lays items out in columns instead.
 */
export function ItemList<T>({
  items,
  rowKey,
  render,
  empty,
  grid,
  pagination,
  label,
}: {
  items: readonly T[];
  rowKey: (item: T) => Key;
  render: (item: T) => ReactNode;
  empty?: ReactNode;
  /** minimum column width in px: items in a responsive grid without hairlines */
  grid?: number;
  pagination?: { current: number; pageSize: number; total: number; onChange: (page: number) => void } | false;
  label?: string;
}) {
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  return (
    <>
      <ul
        aria-label={label}
        style={{
          listStyle: 'none',
          margin: 0,
          padding: 0,
          ...(grid
            ? {
                display: 'grid',
                gap: 12,
                gridTemplateColumns: `repeat(auto-fill, minmax(min(${grid}px, 100%), 1fr))`,
              }
            : {}),
        }}
      >
        {items.map((item, index) => (
          <li
            key={rowKey(item)}
            className="dd-item"
            style={
              grid
                ? { minWidth: 0 }
                : { padding: '12px 0', borderTop: index === 0 ? undefined : '1px solid #f0f0f0', minWidth: 0 }
            }
          >
            {render(item)}
          </li>
        ))}
      </ul>
      {pagination && pagination.total > pagination.pageSize && (
        <Suspense fallback={null}>
          <Pagination
            style={{ marginTop: 12, justifyContent: 'flex-end' }}
            size="small"
            current={pagination.current}
            pageSize={pagination.pageSize}
            total={pagination.total}
            showSizeChanger={false}
            onChange={pagination.onChange}
          />
        </Suspense>
      )}
    </>
  );
}

/** Title and secondary description of one list row (what List.Item.Meta used to be). */
export function ItemMeta({
  title,
  description,
  extra,
}: {
  title: ReactNode;
  description?: ReactNode;
  extra?: ReactNode;
}) {
  return (
    <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start', justifyContent: 'space-between' }}>
      <div style={{ minWidth: 0 }}>
        <Typography.Text strong>{title}</Typography.Text>
        {description && <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13 }}>{description}</div>}
      </div>
      {extra}
    </div>
  );
}
