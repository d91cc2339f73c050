import { UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Grid, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { PlanList, PlanListItem } from '../../../../src/shared/schemas/plan.ts';
import { CsvButton } from '../../components/CsvButton.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { api } from '../../lib/api.ts';
import { DATE_INPUT_FORMATS, formatDate, matchesSearch } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import { DoneBar, StateCounts } from './parts.tsx';
import './plans.css';
import { PAGE_SIZE_MAX } from '../../../../src/shared/schemas/limits.ts';
import { ToolbarSearch } from '../../components/filters.tsx';
import { useSetSearchParams } from '../../lib/search-params.ts';

type StatusFilter = 'all' | 'active' | 'overdue' | 'cancelled';

function statusOf(plan: PlanListItem): Exclude<StatusFilter, 'all' | 'overdue'> {
  return plan.cancelledOn ? 'cancelled' : 'active';
}

/** Kế hoạch: every plan of the authority with its progress as of a date; search without accents, filter by status. */
export default function PlansPage() {
  const t = useT();
  const { can } = useSession();
  const screens = Grid.useBreakpoint();
  const [params] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = (params.get('trang-thai') as StatusFilter | null) ?? 'all';
  // no date chosen: the server's today (its clock and the authority's time zone)
  const chosen = params.get('ngay') ?? undefined;
  const [typed, setTyped] = useState(q);

  const query = useQuery({
    queryKey: ['plans', 'list', chosen ?? 'today'],
    queryFn: () => api.get<PlanList>('/plans', { asOf: chosen, pageSize: PAGE_SIZE_MAX }),
  });

  const asOf = query.data?.asOf ?? chosen;
  const setParams = useSetSearchParams();
  const set = (key: string, value: string | null) => setParams({ [key]: value });

  const statusLabel = (plan: PlanListItem) =>
    plan.cancelledOn ? (
      <Tag>
        {t(`Đã thu hồi từ ${formatDate(plan.cancelledOn)}`, `Withdrawn from ${formatDate(plan.cancelledOn)}`)}
      </Tag>
    ) : (
      <Tag color="blue">{t('Đang thực hiện', 'In progress')}</Tag>
    );

  const filter = (items: PlanListItem[]) =>
    items.filter(
      (plan) =>
        (q === '' || matchesSearch(`${plan.number} ${plan.title} ${plan.signer}`, q)) &&
        (status === 'all' ||
          (status === 'overdue'
            ? !plan.cancelledOn && (plan.progress?.open_overdue ?? 0) > 0
            : statusOf(plan) === status)),
    );

  return (
    <>
      <PageHeader
        title={t('Kế hoạch', 'Plans')}
        subtitle={t(`Tiến độ tính đến ngày ${formatDate(asOf)}`, `Progress as of ${formatDate(asOf)}`)}
        extra={
          <Space wrap>
            <CsvButton path="/plans" query={{ asOf }} />
            {can('plan.write') && (
              <Link to="/nhap-ke-hoach">
                <Button type="primary" icon={<UploadOutlined />}>
                  {t('Nhập kế hoạch', 'Import a plan')}
                </Button>
              </Link>
            )}
          </Space>
        }
      />
      <Card>
        <div className="dd-toolbar">
          <ToolbarSearch
            label={t('Tìm kế hoạch', 'Search plans')}
            placeholder={t('Tìm theo số, trích yếu, người ký', 'Search number, title, signer')}
            value={typed}
            onChange={(value) => {
              setTyped(value);
              set('q', value.trim() || null);
            }}
          />
          <Select<StatusFilter>
            aria-label={t('Trạng thái', 'Status')}
            value={status}
            onChange={(value) => set('trang-thai', value === 'all' ? null : value)}
            style={{ width: 220, maxWidth: '100%' }}
            options={[
              { value: 'all', label: t('Mọi trạng thái', 'Any status') },
              { value: 'active', label: t('Đang thực hiện', 'In progress') },
              { value: 'overdue', label: t('Có việc quá hạn', 'With overdue work') },
              { value: 'cancelled', label: t('Đã thu hồi', 'Withdrawn') },
            ]}
          />
          <DatePicker
            aria-label={t('Tính đến ngày', 'As of')}
            format={DATE_INPUT_FORMATS}
            allowClear={false}
            value={asOf ? dayjs(asOf) : null}
            onChange={(value) => set('ngay', value ? value.format('YYYY-MM-DD') : null)}
          />
        </div>
        <QueryState
          query={query}
          isEmpty={(data) => data.items.length === 0}
          empty={t(
            'Chưa có kế hoạch nào. Hãy nhập kế hoạch từ văn bản.',
            'No plans yet. Import one from its document.',
          )}
        >
          {(data) => {
            const items = filter(data.items);
            if (!screens.md) {
              return (
                <ul className="dd-card-list" aria-label={t('Danh sách kế hoạch', 'Plans')}>
                  {items.length === 0 && (
                    <li>
                      <Typography.Text type="secondary">
                        {t('Không có kế hoạch phù hợp.', 'No matching plan.')}
                      </Typography.Text>
                    </li>
                  )}
                  {items.map((plan) => (
                    <li key={plan.id}>
                      <Link to={`/ke-hoach/${plan.id}`}>
                        <Typography.Text strong>{plan.number}</Typography.Text>
                      </Link>{' '}
                      <Typography.Text type="secondary">· {formatDate(plan.issuedOn)}</Typography.Text>
                      <div style={{ margin: '4px 0 8px' }}>{plan.title}</div>
                      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
                        {statusLabel(plan)}
                        {plan.progress && <DoneBar counts={plan.progress} width={240} />}
                        {plan.progress && <StateCounts counts={plan.progress} />}
                      </Space>
                    </li>
                  ))}
                </ul>
              );
            }
            return (
              <Table<PlanListItem>
                rowKey="id"
                dataSource={items}
                pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
                scroll={{ x: true }}
                locale={{ emptyText: t('Không có kế hoạch phù hợp.', 'No matching plan.') }}
                columns={[
                  {
                    title: t('Số, ký hiệu', 'Number'),
                    dataIndex: 'number',
                    width: 140,
                    render: (_, plan) => (
                      <Link to={`/ke-hoach/${plan.id}`}>
                        <strong>{plan.number}</strong>
                      </Link>
                    ),
                  },
                  {
                    title: t('Ngày ban hành', 'Issued on'),
                    dataIndex: 'issuedOn',
                    width: 120,
                    render: (value: string) => formatDate(value),
                  },
                  {
                    title: t('Trích yếu', 'Title'),
                    dataIndex: 'title',
                    render: (value: string, plan) => (
                      <>
                        <div>{value}</div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {plan.signer && t(`Người ký: ${plan.signer}`, `Signed by ${plan.signer}`)}
                          {plan.tasks !== null && ` · ${t(`${plan.tasks} nhiệm vụ`, `${plan.tasks} tasks`)}`}
                        </Typography.Text>
                      </>
                    ),
                  },
                  {
                    title: t('Trạng thái', 'Status'),
                    width: 150,
                    render: (_, plan) => statusLabel(plan),
                  },
                  {
                    title: t('Tiến độ (lượt giao chủ trì)', 'Progress (lead assignments)'),
                    width: 300,
                    render: (_, plan) =>
                      plan.progress ? (
                        <Space orientation="vertical" size={4}>
                          <DoneBar counts={plan.progress} />
                          <StateCounts counts={plan.progress} />
                        </Space>
                      ) : (
                        '—'
                      ),
                  },
                ]}
              />
            );
          }}
        </QueryState>
      </Card>
    </>
  );
}
