import { Grid, Table, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { ItemList, ItemMeta } from '../inbox/ItemList.tsx';

/**
 * One list of the directory: a table of `columns` on a wide screen, 50 rows a page; on a phone a
 * card per row, its title, description and action from `card`.
 */
export function DirectoryList<T extends { id: number }>({
  rows,
  columns,
  card,
  label,
  empty,
}: {
  rows: T[];
  columns: TableColumnsType<T>;
  card: (row: T) => { title: ReactNode; description: ReactNode; extra?: ReactNode };
  label?: string;
  empty?: string;
}) {
  const narrow = !Grid.useBreakpoint().md;
  return narrow ? (
    <ItemList
      items={rows}
      rowKey={(row) => row.id}
      label={label}
      empty={empty}
      render={(row) => <ItemMeta {...card(row)} />}
    />
  ) : (
    <Table<T>
      rowKey="id"
      size="middle"
      className="dd-fit-table"
      columns={columns}
      dataSource={rows}
      scroll={{ x: true }}
      locale={empty ? { emptyText: empty } : undefined}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
    />
  );
}
