import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import type { WorkItem, WorkList } from '../../../../src/shared/schemas/assignment.ts';
import { useT } from '../../lib/i18n.tsx';
import { DueCell } from './DueCell.tsx';
import { RoleTag, StateTag } from './labels.tsx';

/**
 * The work list as a table (wider screens): loaded apart from InboxPage, so that an agency's first page
 * on a phone does not download antd's Table it never shows (issue #18 goal 5).
 */
export default function InboxTable({
  data,
  showAgency,
  page,
  pageSize,
  onPage,
}: {
  data: WorkList;
  showAgency: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
}) {
  const t = useT();
  const columns: ColumnsType<WorkItem> = [
    {
      title: t('Nhiệm vụ', 'Task'),
      key: 'task',
      render: (_, item) => (
        <div style={{ minWidth: 280 }}>
          <Link to={`/nhiem-vu/${item.id}`}>
            <Typography.Text strong>{item.taskRef}.</Typography.Text> {item.taskContent}
          </Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('Kế hoạch', 'Plan')} {item.planNumber}
              {item.periodLabel ? ` · ${item.periodLabel}` : ''}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    ...(!showAgency
      ? []
      : [{ title: t('Cơ quan', 'Agency'), dataIndex: 'agencyName', key: 'agency', width: 200 } as const]),
    {
      title: t('Vai trò', 'Role'),
      key: 'role',
      width: 100,
      render: (_, item) => <RoleTag role={item.role} />,
    },
    {
      title: t('Thời hạn', 'Deadline'),
      key: 'due',
      width: 150,
      render: (_, item) => <DueCell item={item} asOf={data.asOf} />,
    },
    {
      title: t('Tình trạng', 'State'),
      key: 'state',
      width: 170,
      render: (_, item) => <StateTag state={item.state} />,
    },
  ];

  return (
    <Table<WorkItem>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={data.items}
      scroll={{ x: true }}
      pagination={{
        current: page,
        pageSize,
        total: data.total,
        showSizeChanger: false,
        hideOnSinglePage: true,
        showTotal: (total) => t(`${total} lượt giao`, `${total} assignments`),
        onChange: onPage,
      }}
    />
  );
}
