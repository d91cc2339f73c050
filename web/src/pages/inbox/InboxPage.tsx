import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Flex, Grid, Input, Segmented, Skeleton, Space, Tabs, Typography } from 'antd';
import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { WorkItem, WorkList } from '../../../../src/shared/schemas/assignment.ts';
import type { LeaderList } from '../../../../src/shared/schemas/plan.ts';
import { CsvButton } from '../../components/CsvButton.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { api, type Query } from '../../lib/api.ts';
import type { AssignmentState } from '../../lib/domain.ts';
import { formatDate } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { useSetSearchParams } from '../../lib/search-params.ts';
import { useSession } from '../../lib/session.tsx';
import { DueCell } from './DueCell.tsx';
import { ItemList } from './ItemList.tsx';
import { RoleTag, StateTag } from './labels.tsx';

const loadTable = () => import('./InboxTable.tsx');
const InboxTable = lazy(loadTable);
const LeaderFilter = lazy(() => import('./LeaderFilter.tsx'));

type TabKey = 'sap-den-han' | 'qua-han' | 'hoan-thanh' | 'tat-ca';
type RoleFilter = 'all' | 'lead' | 'support';
const TABS: TabKey[] = ['sap-den-han', 'qua-han', 'hoan-thanh', 'tat-ca'];

/** The query of one tab: due soon = open and on time, soonest first; overdue; done (on time or late); all. */
function tabQuery(
  tab: TabKey,
  done: 'done_on_time' | 'done_late',
): { state?: AssignmentState; order: 'asc' | 'desc' } {
  switch (tab) {
    case 'sap-den-han':
      return { state: 'open_on_time', order: 'asc' };
    case 'qua-han':
      return { state: 'open_overdue', order: 'asc' };
    case 'hoan-thanh':
      return { state: done, order: 'desc' };
    default:
      return { order: 'asc' };
  }
}

/** Việc của đơn vị: an agency's assignments by tab (due soon, overdue, done, all), each opening its page. */
export default function InboxPage() {
  const t = useT();
  const { session, can } = useSession();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  // a wider screen shows the table: its code is asked at once, with the lists, not after them
  useEffect(() => {
    if (!narrow) void loadTable();
  }, [narrow]);
  const [params] = useSearchParams();
  const tab = (TABS.includes(params.get('tab') as TabKey) ? params.get('tab') : 'sap-den-han') as TabKey;
  const role = (
    ['all', 'lead', 'support'].includes(params.get('vai-tro') ?? '') ? params.get('vai-tro') : 'all'
  ) as RoleFilter;
  const done = params.get('ket-qua') === 'tre-han' ? 'done_late' : 'done_on_time';
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('trang')) || 1);
  const pageSize = 20;
  const isAgency = session?.user.role === 'agency';
  // lãnh đạo phụ trách (docs/domain-rules.md §10): the overseers narrow the list to one leader's tasks
  const leader = Number(params.get('lanh-dao')) || undefined;
  const leaders = useQuery({
    queryKey: ['leaders'],
    queryFn: () => api.get<LeaderList>('/leaders'),
    enabled: can('plan.read'),
  });

  const setParams = useSetSearchParams();
  // any other change starts the list again from its first page
  const update = (next: Record<string, string | null>) => setParams({ trang: null, ...next });

  const base: Query = { role, q: q.trim() || undefined, leaderUserId: leader };
  const list = useQuery({
    queryKey: ['assignments', 'inbox', tab, role, done, q, leader, page],
    queryFn: () =>
      api.get<WorkList>('/assignments', { ...base, ...tabQuery(tab, done), sort: 'dueOn', page, pageSize }),
    placeholderData: (previous) => previous,
  });
  const counts = useQuery({
    queryKey: ['assignments', 'inbox-counts', role, q, leader],
    queryFn: async () => {
      const count = (state: AssignmentState) =>
        api.get<WorkList>('/assignments', { ...base, state, pageSize: 1 }).then((r) => r.total);
      const [soon, overdue, onTime, late] = await Promise.all([
        count('open_on_time'),
        count('open_overdue'),
        count('done_on_time'),
        count('done_late'),
      ]);
      return { soon, overdue, done: onTime + late };
    },
  });

  const label = (text: string, n: number | undefined, danger = false) => (
    <Space size={6}>
      {text}
      {n !== undefined && (
        <Badge count={n} showZero overflowCount={999} color={danger && n > 0 ? '#cf1322' : '#8c8c8c'} />
      )}
    </Space>
  );

  const changeTab = (key: TabKey) => update({ tab: key === 'sap-den-han' ? null : key, 'ket-qua': null });
  const tabItems: { key: TabKey; label: ReactNode }[] = [
    { key: 'sap-den-han', label: label(t('Sắp đến hạn', 'Due soon'), counts.data?.soon) },
    { key: 'qua-han', label: label(t('Quá hạn', 'Overdue'), counts.data?.overdue, true) },
    { key: 'hoan-thanh', label: label(t('Đã hoàn thành', 'Done'), counts.data?.done) },
    { key: 'tat-ca', label: t('Tất cả', 'All') },
  ];

  return (
    <>
      <PageHeader
        title={t('Việc của đơn vị', 'Our assignments')}
        subtitle={
          list.data
            ? t(
                `${session?.user.agencyName ?? ''} · tính đến ngày ${formatDate(list.data.asOf)}`,
                `${session?.user.agencyName ?? ''} · as of ${formatDate(list.data.asOf)}`,
              )
            : session?.user.agencyName
        }
      />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 8 }}>
          <Input.Search
            allowClear
            defaultValue={q}
            placeholder={t('Tìm nội dung, số kế hoạch…', 'Search content, plan number…')}
            aria-label={t('Tìm nhiệm vụ', 'Search assignments')}
            onSearch={(value) => update({ q: value })}
            style={{ flex: '1 1 240px', maxWidth: 420 }}
          />
          <Segmented<RoleFilter>
            value={role}
            onChange={(value) => update({ 'vai-tro': value === 'all' ? null : value })}
            aria-label={t('Vai trò', 'Role')}
            options={[
              { value: 'all', label: t('Chủ trì và phối hợp', 'Lead and support') },
              { value: 'lead', label: t('Chủ trì', 'Lead') },
              { value: 'support', label: t('Phối hợp', 'Support') },
            ]}
          />
          {leaders.data && leaders.data.items.length > 0 && (
            // antd's Select only for those who choose a leader, not in an agency's first page
            <Suspense fallback={null}>
              <LeaderFilter
                leaders={leaders.data.items}
                value={leader}
                onChange={(id) => update({ 'lanh-dao': id ? String(id) : null })}
              />
            </Suspense>
          )}
          <CsvButton path="/assignments" query={{ ...base, ...tabQuery(tab, done), sort: 'dueOn' }} />
        </Flex>
        {narrow ? (
          <Flex
            gap={6}
            wrap
            role="group"
            aria-label={t('Nhóm nhiệm vụ', 'Which assignments')}
            style={{ margin: '8px 0 12px' }}
          >
            {tabItems.map((item) => (
              <Button
                key={item.key}
                size="small"
                type={tab === item.key ? 'primary' : 'default'}
                aria-pressed={tab === item.key}
                onClick={() => changeTab(item.key)}
              >
                {item.label}
              </Button>
            ))}
          </Flex>
        ) : (
          <Tabs activeKey={tab} onChange={(key) => changeTab(key as TabKey)} items={tabItems} />
        )}
        {tab === 'hoan-thanh' && (
          <Segmented
            style={{ marginBottom: 12 }}
            value={done}
            onChange={(value) => update({ 'ket-qua': value === 'done_late' ? 'tre-han' : null })}
            options={[
              { value: 'done_on_time', label: t('Đúng hạn', 'On time') },
              { value: 'done_late', label: t('Trễ hạn', 'Late') },
            ]}
          />
        )}
        <QueryState
          query={list}
          isEmpty={(data) => data.items.length === 0}
          empty={
            tab === 'qua-han'
              ? t('Không có nhiệm vụ quá hạn.', 'Nothing overdue.')
              : t('Không có nhiệm vụ nào ở mục này.', 'No assignments here.')
          }
        >
          {(data) =>
            narrow ? (
              <ItemList
                items={data.items}
                rowKey={(item) => item.id}
                grid={280}
                pagination={{
                  current: page,
                  pageSize,
                  total: data.total,
                  onChange: (p) => update({ trang: String(p) }),
                }}
                render={(item) => <WorkCard item={item} asOf={data.asOf} showAgency={!isAgency} />}
              />
            ) : (
              // the table (antd's Table) only where it is shown: a phone reads the cards above without it
              <Suspense fallback={<Skeleton active paragraph={{ rows: 4 }} />}>
                <InboxTable
                  data={data}
                  showAgency={!isAgency}
                  page={page}
                  pageSize={pageSize}
                  onPage={(p) => update({ trang: String(p) })}
                />
              </Suspense>
            )
          }
        </QueryState>
      </Card>
    </>
  );
}

/** One assignment as a card on a phone: the whole card is the link. */
function WorkCard({ item, asOf, showAgency }: { item: WorkItem; asOf: string; showAgency: boolean }) {
  return (
    <Link to={`/nhiem-vu/${item.id}`} style={{ display: 'block', width: '100%', color: 'inherit' }}>
      <Card size="small" hoverable style={{ width: '100%' }}>
        <Flex justify="space-between" gap={8} wrap style={{ marginBottom: 4 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {item.planNumber} · {item.taskRef}
          </Typography.Text>
          <RoleTag role={item.role} />
        </Flex>
        <Typography.Paragraph ellipsis={{ rows: 3 }} style={{ marginBottom: 8 }}>
          {item.taskContent}
        </Typography.Paragraph>
        {showAgency && (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8, fontSize: 12 }}>
            {item.agencyName}
          </Typography.Paragraph>
        )}
        <Flex justify="space-between" align="flex-start" gap={8} wrap>
          <DueCell item={item} asOf={asOf} />
          <StateTag state={item.state} />
        </Flex>
      </Card>
    </Link>
  );
}
