import { PlusOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Card, Table, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { QueryState } from '../../components/QueryState.tsx';

/** A configuration section of an index page: its rows in a small table, a button to add one, and its dialog. */
export function ConfigCard<T extends { id: number }>({
  title,
  addLabel,
  onAdd,
  query,
  empty,
  columns,
  children,
}: {
  title: string;
  addLabel: string;
  onAdd: () => void;
  query: UseQueryResult<T[]>;
  empty: string;
  columns: TableColumnsType<T>;
  /** the add or edit dialog, when open */
  children?: ReactNode;
}) {
  return (
    <Card
      title={title}
      extra={
        <Button icon={<PlusOutlined />} onClick={onAdd}>
          {addLabel}
        </Button>
      }
    >
      <QueryState query={query} isEmpty={(rows) => rows.length === 0} empty={empty}>
        {(rows) => (
          <Table<T>
            size="small"
            rowKey="id"
            dataSource={rows}
            pagination={false}
            scroll={{ x: true }}
            columns={columns}
          />
        )}
      </QueryState>
      {children}
    </Card>
  );
}
