import { PlusOutlined } from '@ant-design/icons';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Select, Table, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useFormDialog } from '../../components/FormModal.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { api } from '../../lib/api.ts';
import { useLang } from '../../lib/i18n.tsx';
import { useApiMutation } from '../../lib/mutation.ts';
import { componentOptions, type IndexInfo } from './index-info.ts';

/** The owners or targets of one index (GET /api/indices/<kind>), and the removal of one (DELETE …/:id). */
export function useConfigRows<T>(info: IndexInfo, kind: 'owners' | 'targets', removed: string) {
  const query = useQuery({
    queryKey: ['indices', kind, info.code],
    queryFn: () => api.get<T[]>(`/indices/${kind}`, { index: info.code }),
  });
  const remove = useApiMutation({
    mutationFn: (id: number) => api.delete(`/indices/${kind}/${id}`),
    success: removed,
    invalidate: [['indices']],
  });
  return { query, remove };
}

/** The add or edit dialog of a configuration section: every index query refetched after the save, the refusal shown in it. */
export function useConfigDialog<TValues>(
  mutationFn: (values: TValues) => Promise<unknown>,
  success: string,
  onClose: () => void,
) {
  return useFormDialog({ mutationFn, success, invalidate: [['indices']], inline: true, onClose });
}

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

/** Áp dụng cho: the whole index ('') or one of its components. */
export function ComponentField({ info, label }: { info: IndexInfo; label: string }) {
  const { lang } = useLang();
  return (
    <Form.Item name="component" label={label}>
      <Select options={componentOptions(info, lang)} />
    </Form.Item>
  );
}
