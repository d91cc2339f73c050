import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Grid, Pagination, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { StatItem, StatItems, StatKey } from '../../../../src/shared/schemas/statistics.ts';
import { CsvButton } from '../../components/CsvButton.tsx';
import { FieldColumns } from '../../components/FieldColumns.tsx';
import { FilterField, SearchFilter } from '../../components/filters.tsx';
import { BackLink, PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { api } from '../../lib/api.ts';
import {
  AGEING_BUCKETS,
  type AgeingBucket,
  ASSIGNMENT_STATES,
  type AssignmentState,
  ageingLabel,
  STATE_TAG_COLORS,
  stateLabel,
} from '../../lib/domain.ts';
import { formatDate, formatNumber, matchesSearch } from '../../lib/format.ts';
import { type Lang, useLang } from '../../lib/i18n.tsx';
import { withAsOf } from '../../lib/search-params.ts';
import { filterQuery, StatFilterBar, useStatFilter } from './filters.tsx';

const STAT_KEYS: StatKey[] = [
  'total',
  ...ASSIGNMENT_STATES,
  'due',
  'due_on_time',
  'reminders',
  ...AGEING_BUCKETS,
];

/** The name of a figure of the statistics, as the list's title says it. */
export function statKeyLabel(key: StatKey, lang: Lang): string {
  if ((ASSIGNMENT_STATES as readonly string[]).includes(key)) return stateLabel(key as AssignmentState, lang);
  if ((AGEING_BUCKETS as readonly string[]).includes(key)) {
    return `${lang === 'en' ? 'Overdue' : 'Quá hạn'} ${ageingLabel(key as AgeingBucket, lang).toLowerCase()}`;
  }
  const labels: Record<string, [string, string]> = {
    total: ['Tất cả lượt giao chủ trì', 'All lead assignments'],
    due: ['Đã đến hạn', 'Due'],
    due_on_time: ['Đến hạn và hoàn thành đúng hạn', 'Due and done on time'],
    reminders: ['Đã bị nhắc nhở bằng văn bản', 'Reminded in writing'],
  };
  const [vi, en] = labels[key] ?? [key, key];
  return lang === 'en' ? en : vi;
}

const PAGE = 200;

/** Every item of one figure: the API pages by 200 at most, so the pages are fetched in turn. */
async function fetchAll(query: Record<string, string | number | undefined>): Promise<StatItems> {
  const first = await api.get<StatItems>('/statistics/items', { ...query, page: 1, pageSize: PAGE });
  const items = [...first.items];
  for (let page = 2; (page - 1) * PAGE < first.total; page++) {
    const next = await api.get<StatItems>('/statistics/items', { ...query, page, pageSize: PAGE });
    items.push(...next.items);
  }
  return { ...first, items };
}

/**
 * Danh sách chi tiết — the assignments behind one number of the dashboard (same filters and
 * `state`), searchable without accents over agency and task, paged in the browser.
 */
export default function DrillDownPage() {
  const { t, lang } = useLang();
  const stat = useStatFilter();
  const { filter, params, setFilter } = stat;
  const stateParam = params.get('state') ?? 'total';
  const state: StatKey = (STAT_KEYS as string[]).includes(stateParam) ? (stateParam as StatKey) : 'total';
  const agencyParam = Number(params.get('agencyId'));
  const agencyId = Number.isInteger(agencyParam) && agencyParam > 0 ? agencyParam : undefined;
  const [search, setSearch] = useState('');
  const screens = Grid.useBreakpoint();
  const query = { ...filterQuery(filter), agencyId, state } as Record<string, string | number | undefined>;
  const list = useQuery({
    queryKey: ['statistics-items', query],
    queryFn: () => fetchAll(query),
  });
  const rows = useMemo(
    () =>
      (list.data?.items ?? []).filter(
        (item) =>
          !search.trim() ||
          matchesSearch(
            `${item.agency.name} ${item.agency.code} ${item.task.ref} ${item.task.content} ${item.plan.number}`,
            search,
          ),
      ),
    [list.data, search],
  );
  const agencyName = list.data?.items[0]?.agency.name;

  return (
    <>
      <PageHeader
        title={t('Danh sách chi tiết', 'Drill-down list')}
        subtitle={
          <Space size={4} wrap>
            <span>{statKeyLabel(state, lang)}</span>
            {agencyId !== undefined && agencyName && <span>· {agencyName}</span>}
            <span>
              · {t('tính đến ngày', 'as of')} {formatDate(filter.asOf)}
            </span>
          </Space>
        }
        extra={
          <Space size={12} wrap>
            <CsvButton path="/statistics/items" query={query} />
            <BackLink to={`/tong-quan?${overviewParams(params)}`}>
              {t('Về tổng quan', 'Back to overview')}
            </BackLink>
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <StatFilterBar {...stat} />
        <FieldColumns min={220} rowGap={12}>
          <FilterField id="drill-state" label={t('Số liệu', 'Figure')}>
            <Select<StatKey>
              id="drill-state"
              value={state}
              onChange={(value) => setFilter({ state: value })}
              options={STAT_KEYS.map((key) => ({ value: key, label: statKeyLabel(key, lang) }))}
              style={{ width: '100%' }}
            />
          </FilterField>
          <SearchFilter id="drill-search" value={search} onChange={setSearch} />
        </FieldColumns>
        {agencyId !== undefined && (
          <Tag closable onClose={() => setFilter({ agencyId: undefined })} style={{ marginTop: 12 }}>
            {agencyName ?? t('Một cơ quan', 'One agency')}
          </Tag>
        )}
      </Card>
      <Card>
        <QueryState query={list} rows={8}>
          {(data) => (
            <>
              <Typography.Paragraph>
                <span data-testid="drill-total" style={{ fontWeight: 600, fontSize: 18 }}>
                  {formatNumber(data.total, lang)}
                </span>{' '}
                {t('lượt giao chủ trì', 'lead assignments')}
                {search.trim() && (
                  <Typography.Text type="secondary">
                    {' '}
                    · {t(`${rows.length} khớp với tìm kiếm`, `${rows.length} match the search`)}
                  </Typography.Text>
                )}
              </Typography.Paragraph>
              {screens.md ? <ItemTable rows={rows} lang={lang} /> : <ItemCards rows={rows} lang={lang} />}
            </>
          )}
        </QueryState>
      </Card>
    </>
  );
}

/** The dashboard's own filters, without the list's state and agency. */
function overviewParams(params: URLSearchParams): string {
  const next = new URLSearchParams();
  for (const key of ['asOf', 'planId', 'from', 'to']) {
    const value = params.get(key);
    if (value) next.set(key, value);
  }
  return next.toString();
}

function DueDate({ item, lang }: { item: StatItem; lang: Lang }) {
  if (!item.dueOn) return <>{lang === 'en' ? 'Ongoing' : 'Thường xuyên'}</>;
  return (
    <>
      {formatDate(item.dueOn)}
      {item.originalDueOn && item.originalDueOn !== item.dueOn && (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {lang === 'en' ? 'extended from' : 'gia hạn từ'} {formatDate(item.originalDueOn)}
          </Typography.Text>
        </div>
      )}
    </>
  );
}

/** The list's as-of date, which its links to a plan or an assignment keep (docs/domain-rules.md §11). */
function useListAsOf(): string | null {
  return useSearchParams()[0].get('asOf');
}

function TaskCell({ item }: { item: StatItem }) {
  const asOf = useListAsOf();
  return (
    <>
      <Link to={withAsOf(`/nhiem-vu/${item.assignmentId}`, asOf)} style={{ fontWeight: 600 }}>
        {item.task.ref}
        {item.periodLabel ? ` · ${item.periodLabel}` : ''}
      </Link>
      <Typography.Paragraph ellipsis={{ rows: 2, tooltip: item.task.content }} style={{ margin: 0 }}>
        {item.task.content}
      </Typography.Paragraph>
    </>
  );
}

function ItemTable({ rows, lang }: { rows: StatItem[]; lang: Lang }) {
  const t = (vi: string, en: string) => (lang === 'en' ? en : vi);
  const asOf = useListAsOf();
  return (
    <Table<StatItem>
      rowKey="assignmentId"
      size="small"
      dataSource={rows}
      // fixed layout, no horizontal scroll: every column shows at 1366 px (docs/domain-rules.md §11)
      tableLayout="fixed"
      pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100, 200] }}
      locale={{ emptyText: t('Không có nhiệm vụ nào.', 'No assignment.') }}
      columns={[
        {
          title: t('Cơ quan, đơn vị', 'Agency'),
          key: 'agency',
          width: 150,
          render: (_, item) => item.agency.name,
        },
        {
          title: t('Kế hoạch', 'Plan'),
          key: 'plan',
          width: 108,
          render: (_, item) => (
            <Link to={withAsOf(`/ke-hoach/${item.plan.id}`, asOf)}>{item.plan.number}</Link>
          ),
        },
        {
          title: t('Nhiệm vụ', 'Task'),
          key: 'task',
          render: (_, item) => <TaskCell item={item} />,
        },
        {
          title: t('Hạn xử lý', 'Due'),
          key: 'due',
          width: 96,
          render: (_, item) => <DueDate item={item} lang={lang} />,
        },
        {
          title: t('Ngày hoàn thành', 'Done on'),
          key: 'done',
          width: 96,
          render: (_, item) => formatDate(item.doneOn),
        },
        {
          title: t('Trạng thái', 'State'),
          key: 'state',
          width: 150,
          render: (_, item) => (
            <Tag color={STATE_TAG_COLORS[item.state]} style={{ whiteSpace: 'normal' }}>
              {stateLabel(item.state, lang)}
            </Tag>
          ),
        },
        {
          title: t('Số ngày quá hạn', 'Days overdue'),
          key: 'days',
          width: 78,
          align: 'right',
          render: (_, item) => item.daysOverdue ?? '',
        },
        {
          title: t('Ngày nhắc nhở', 'Reminded on'),
          key: 'reminded',
          width: 96,
          render: (_, item) => formatDate(item.remindedOn),
        },
      ]}
    />
  );
}

/** The same list on a phone: one card per assignment, 20 a page. */
function ItemCards({ rows, lang }: { rows: StatItem[]; lang: Lang }) {
  const t = (vi: string, en: string) => (lang === 'en' ? en : vi);
  const asOf = useListAsOf();
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(rows.length / 20));
  const current = Math.min(page, pages);
  if (rows.length === 0) return <Empty description={t('Không có nhiệm vụ nào.', 'No assignment.')} />;
  return (
    <>
      <ul
        style={{ listStyle: 'none', margin: 0, padding: 0 }}
        aria-label={t('Danh sách nhiệm vụ', 'Assignments')}
      >
        {rows.slice((current - 1) * 20, current * 20).map((item) => (
          <li
            key={item.assignmentId}
            data-testid="drill-item"
            style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0' }}
          >
            <Space orientation="vertical" size={2} style={{ width: '100%' }}>
              <Typography.Text type="secondary">
                {item.agency.name} ·{' '}
                <Link to={withAsOf(`/ke-hoach/${item.plan.id}`, asOf)}>{item.plan.number}</Link>
              </Typography.Text>
              <TaskCell item={item} />
              <Space size={[8, 4]} wrap>
                <Tag color={STATE_TAG_COLORS[item.state]}>{stateLabel(item.state, lang)}</Tag>
                <span>
                  {t('Hạn', 'Due')}: {item.dueOn ? formatDate(item.dueOn) : t('Thường xuyên', 'Ongoing')}
                </span>
                {item.doneOn && (
                  <span>
                    {t('Hoàn thành', 'Done')}: {formatDate(item.doneOn)}
                  </span>
                )}
                {item.daysOverdue !== null && (
                  <span>
                    {t('Quá hạn', 'Overdue')} {item.daysOverdue} {t('ngày', 'days')}
                  </span>
                )}
                {item.remindedOn && (
                  <span>
                    {t('Nhắc nhở', 'Reminded')}: {formatDate(item.remindedOn)}
                  </span>
                )}
              </Space>
            </Space>
          </li>
        ))}
      </ul>
      {pages > 1 && (
        <Pagination
          size="small"
          align="center"
          current={current}
          pageSize={20}
          total={rows.length}
          showSizeChanger={false}
          onChange={setPage}
          style={{ marginTop: 12 }}
        />
      )}
    </>
  );
}
