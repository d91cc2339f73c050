import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Progress, Row, Segmented, Space, Table, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { StatGroup, Statistics, StatKey, Trend } from '../../../../src/shared/schemas/statistics.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { ReportButton } from '../../components/ReportButton.tsx';
import { api } from '../../lib/api.ts';
import { AGEING_BUCKETS, ageingLabel, STATE_COLORS, stateLabel } from '../../lib/domain.ts';
import { formatDate, formatNumber, formatRate } from '../../lib/format.ts';
import { useLang } from '../../lib/i18n.tsx';
import { withAsOf } from '../../lib/search-params.ts';
import { useSession } from '../../lib/session.tsx';
import { drillLink, filterQuery, type StatFilter, StatFilterBar, useStatFilter } from './filters.tsx';
import { OfficeOwnCard } from './OfficeOwnCard.tsx';

const AgencyChart = lazy(() => import('./charts.tsx').then((m) => ({ default: m.AgencyChart })));
const TrendChart = lazy(() => import('./charts.tsx').then((m) => ({ default: m.TrendChart })));

/** The figures shown as big numbers, in the order of docs/domain-rules.md §5, then the ones around them. */
const TILES: StatKey[] = ['total', 'done_on_time', 'done_late', 'open_on_time', 'open_overdue', 'ongoing'];
const TILE_COLOR: Partial<Record<StatKey, string>> = { total: '#434343', ...STATE_COLORS };

/**
 * Tổng quan — the §5 figures as of a date (optionally for a plan and a reporting period): big
 * numbers, the on-time rate, overdue ageing, a chart per agency, progress per plan and the monthly
 * trend. Every number opens its drill-down list with the same filters.
 */
export default function DashboardPage() {
  const { t, lang } = useLang();
  const { session, can } = useSession();
  const stat = useStatFilter();
  const { filter } = stat;
  const query = filterQuery(filter);
  const byAgency = useQuery({
    queryKey: ['statistics', { ...query, groupBy: 'agency' }],
    queryFn: () => api.get<Statistics>('/statistics', { ...query, groupBy: 'agency' }),
  });
  const byPlan = useQuery({
    queryKey: ['statistics', { ...query, groupBy: 'plan' }],
    queryFn: () => api.get<Statistics>('/statistics', { ...query, groupBy: 'plan' }),
  });
  const trend = useQuery({
    queryKey: ['statistics-trend', query],
    queryFn: () => api.get<Trend>('/statistics/trend', query),
  });
  const agencyUser = session?.user.role === 'agency';
  const reportDefaults = useReportDefaults(filter, stat.params.has('asOf'));

  return (
    <>
      <PageHeader
        title={t('Tổng quan', 'Overview')}
        subtitle={
          agencyUser
            ? t(
                `Nhiệm vụ chủ trì của ${session?.user.agencyName ?? 'đơn vị'}, tính đến ngày ${formatDate(filter.asOf)}`,
                `Assignments led by ${session?.user.agencyName ?? 'your agency'}, as of ${formatDate(filter.asOf)}`,
              )
            : t(
                `Tình hình thực hiện nhiệm vụ (cơ quan chủ trì), tính đến ngày ${formatDate(filter.asOf)}`,
                `Progress of lead assignments as of ${formatDate(filter.asOf)}`,
              )
        }
        extra={can('stats.read') && !agencyUser ? <ReportButton defaults={reportDefaults} /> : undefined}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <StatFilterBar {...stat} />
      </Card>
      <QueryState query={byAgency} rows={6}>
        {(data) => (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Tiles data={data} filter={filter} />
            <Row gutter={[16, 16]}>
              <Col xs={24} md={12}>
                <RateCard data={data} filter={filter} />
              </Col>
              <Col xs={24} md={12}>
                <AgeingCard data={data} filter={filter} />
              </Col>
            </Row>
            {data.totals.counts.total === 0 ? (
              <Alert
                type="info"
                showIcon
                title={t('Không có nhiệm vụ nào với bộ lọc này.', 'No assignment matches these filters.')}
              />
            ) : (
              <>
                {!agencyUser && <OfficeOwnCard groups={data.groups} filter={filter} />}
                {!agencyUser && <AgencyCard groups={data.groups} filter={filter} />}
                <Row gutter={[16, 16]}>
                  <Col xs={24} xl={10}>
                    <Card title={t('Tiến độ theo kế hoạch', 'Progress by plan')} style={{ height: '100%' }}>
                      <QueryState query={byPlan} rows={3}>
                        {(plans) => <PlanProgress groups={plans.groups} filter={filter} />}
                      </QueryState>
                    </Card>
                  </Col>
                  <Col xs={24} xl={14}>
                    <Card
                      title={t('Đến hạn và hoàn thành theo tháng', 'Due and done per month')}
                      style={{ height: '100%' }}
                    >
                      <QueryState
                        query={trend}
                        rows={5}
                        isEmpty={(d) => d.months.length === 0}
                        empty={t('Chưa có nhiệm vụ nào có hạn xử lý.', 'No assignment has a due date yet.')}
                      >
                        {(d) => (
                          <Suspense fallback={null}>
                            <TrendChart months={d.months} lang={lang} />
                          </Suspense>
                        )}
                      </QueryState>
                    </Card>
                  </Col>
                </Row>
              </>
            )}
          </Space>
        )}
      </QueryState>
    </>
  );
}

/** The report's defaults from the dashboard: its period (or the month of its as-of date) and plan. */
function useReportDefaults(filter: StatFilter, asOfChosen: boolean) {
  const { from, to, asOf, planId } = filter;
  return useMemo(() => {
    const month = asOf.slice(0, 7);
    const [y, m] = [Number(asOf.slice(0, 4)), Number(asOf.slice(5, 7))];
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return {
      from: from ?? `${month}-01`,
      to: to ?? `${month}-${String(last).padStart(2, '0')}`,
      asOf: asOfChosen ? asOf : undefined,
      planId,
    };
  }, [from, to, asOf, planId, asOfChosen]);
}

function Tiles({ data, filter }: { data: Statistics; filter: StatFilter }) {
  const { t, lang } = useLang();
  const counts = data.totals.counts;
  const tiles = TILES.filter((key) => key !== 'ongoing' || counts.ongoing > 0);
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))', gap: 12 }}>
      {tiles.map((key) => (
        <Link
          key={key}
          to={drillLink(filter, key)}
          data-testid={`stat-${key}`}
          className="dd-stat-tile"
          style={{
            display: 'block',
            height: '100%',
            padding: '12px 14px',
            background: '#fff',
            borderRadius: 8,
            border: '1px solid #f0f0f0',
            borderTop: `3px solid ${TILE_COLOR[key] ?? '#434343'}`,
            color: 'inherit',
          }}
        >
          <div style={{ fontSize: 13, color: '#595959', minHeight: 36 }}>
            {key === 'total'
              ? t('Tổng số lượt giao chủ trì', 'Lead assignments')
              : stateLabel(key as never, lang)}
          </div>
          <div
            className="dd-stat-number"
            style={{ fontSize: 30, fontWeight: 600, lineHeight: 1.2, color: TILE_COLOR[key] }}
          >
            {formatNumber(counts[key], lang)}
          </div>
        </Link>
      ))}
    </div>
  );
}

function RateCard({ data, filter }: { data: Statistics; filter: StatFilter }) {
  const { t, lang } = useLang();
  const { counts, onTimeRate } = data.totals;
  return (
    <Card title={t('Tỷ lệ hoàn thành đúng hạn', 'On-time rate')} style={{ height: '100%' }}>
      <Space size={24} align="center" wrap>
        <Progress
          type="circle"
          percent={onTimeRate === null ? 0 : Math.round(onTimeRate * 1000) / 10}
          format={() => formatRate(onTimeRate, lang)}
          strokeColor={STATE_COLORS.done_on_time}
          size={112}
          aria-label={t('Tỷ lệ đúng hạn', 'On-time rate')}
        />
        <Space orientation="vertical" size={4}>
          <span>
            <Link to={drillLink(filter, 'due_on_time')} data-testid="stat-due_on_time">
              {formatNumber(counts.due_on_time, lang)}
            </Link>{' '}
            {t('hoàn thành đúng hạn trong số', 'done on time out of')}{' '}
            <Link to={drillLink(filter, 'due')} data-testid="stat-due">
              {formatNumber(counts.due, lang)}
            </Link>{' '}
            {t('nhiệm vụ đã đến hạn', 'assignments due')}
          </span>
          <span>
            {t('Nhắc nhở bằng văn bản', 'Written reminders')}:{' '}
            <Link to={drillLink(filter, 'reminders')} data-testid="stat-reminders">
              {formatNumber(counts.reminders, lang)}
            </Link>
          </span>
          {counts.cancelled > 0 && (
            <span>
              {stateLabel('cancelled', lang)}:{' '}
              <Link to={drillLink(filter, 'cancelled')} data-testid="stat-cancelled">
                {formatNumber(counts.cancelled, lang)}
              </Link>
            </span>
          )}
          {onTimeRate === null && (
            <Typography.Text type="secondary">
              {t('Chưa có nhiệm vụ nào đến hạn.', 'Nothing is due yet.')}
            </Typography.Text>
          )}
        </Space>
      </Space>
    </Card>
  );
}

function AgeingCard({ data, filter }: { data: Statistics; filter: StatFilter }) {
  const { t, lang } = useLang();
  const counts = data.totals.counts;
  const overdue = counts.open_overdue;
  return (
    <Card title={t('Nhiệm vụ quá hạn theo thời gian', 'Overdue by age')} style={{ height: '100%' }}>
      {overdue === 0 ? (
        <Typography.Text type="secondary">
          {t('Không có nhiệm vụ quá hạn.', 'Nothing is overdue.')}
        </Typography.Text>
      ) : (
        <Space orientation="vertical" size={6} style={{ width: '100%' }}>
          {AGEING_BUCKETS.map((bucket, i) => (
            <Link
              key={bucket}
              to={drillLink(filter, bucket)}
              data-testid={`stat-${bucket}`}
              style={{ display: 'block', color: 'inherit' }}
            >
              <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                <span>{ageingLabel(bucket, lang)}</span>
                <Typography.Text strong>{formatNumber(counts[bucket], lang)}</Typography.Text>
              </div>
              <Progress
                percent={(counts[bucket] / overdue) * 100}
                showInfo={false}
                size="small"
                strokeColor={['#ff7875', '#f5222d', '#cf1322', '#820014'][i]}
                aria-hidden
              />
            </Link>
          ))}
        </Space>
      )}
    </Card>
  );
}

function AgencyCard({ groups, filter }: { groups: StatGroup[]; filter: StatFilter }) {
  const { t, lang } = useLang();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const sorted = [...groups].sort(
    (a, b) => b.counts.open_overdue - a.counts.open_overdue || b.counts.total - a.counts.total,
  );
  const number = (group: StatGroup, key: StatKey) =>
    group.counts[key] ? (
      <Link to={drillLink(filter, key, { agencyId: group.id })}>{formatNumber(group.counts[key], lang)}</Link>
    ) : (
      <Typography.Text type="secondary">0</Typography.Text>
    );
  return (
    <Card
      title={t('Theo cơ quan, đơn vị', 'By agency')}
      extra={
        <Segmented
          size="small"
          value={view}
          onChange={setView}
          options={[
            { label: t('Biểu đồ', 'Chart'), value: 'chart' },
            { label: t('Bảng', 'Table'), value: 'table' },
          ]}
          aria-label={t('Cách hiển thị', 'View')}
        />
      }
    >
      {view === 'chart' ? (
        <Suspense fallback={null}>
          <AgencyChart groups={sorted} filter={filter} lang={lang} />
        </Suspense>
      ) : (
        <Table<StatGroup>
          size="small"
          rowKey="id"
          dataSource={sorted}
          pagination={false}
          scroll={{ x: true }}
          columns={[
            {
              title: t('Cơ quan, đơn vị', 'Agency'),
              dataIndex: 'name',
              render: (name: string, group) => (
                <Link to={drillLink(filter, 'total', { agencyId: group.id })}>{name}</Link>
              ),
            },
            ...(['done_on_time', 'done_late', 'open_on_time', 'open_overdue'] as const).map((key) => ({
              title: stateLabel(key, lang),
              key,
              align: 'right' as const,
              render: (_: unknown, group: StatGroup) => number(group, key),
            })),
            {
              title: t('Nhắc nhở', 'Reminders'),
              key: 'reminders',
              align: 'right' as const,
              render: (_: unknown, group: StatGroup) => number(group, 'reminders'),
            },
            {
              title: t('Tỷ lệ đúng hạn', 'On-time rate'),
              key: 'rate',
              align: 'right' as const,
              render: (_: unknown, group: StatGroup) => formatRate(group.onTimeRate, lang),
            },
          ]}
        />
      )}
    </Card>
  );
}

function PlanProgress({ groups, filter }: { groups: StatGroup[]; filter: StatFilter }) {
  const { t, lang } = useLang();
  if (groups.length === 0) {
    return <Typography.Text type="secondary">{t('Chưa có kế hoạch.', 'No plan yet.')}</Typography.Text>;
  }
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {groups.map((plan) => {
        const c = plan.counts;
        const done = c.done_on_time + c.done_late;
        const counted = c.total - c.cancelled;
        const pct = counted ? (done / counted) * 100 : 0;
        return (
          <div key={plan.id}>
            <Link to={withAsOf(`/ke-hoach/${plan.id}`, filter.asOf)} style={{ fontWeight: 600 }}>
              {plan.code}
            </Link>
            {plan.name && (
              <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                {plan.name}
              </Typography.Paragraph>
            )}
            <Progress
              percent={Math.round(pct * 10) / 10}
              success={{ percent: counted ? (c.done_on_time / counted) * 100 : 0 }}
              strokeColor={STATE_COLORS.done_late}
              format={() => `${done}/${counted}`}
              aria-label={t(`Đã hoàn thành ${done} trên ${counted}`, `${done} of ${counted} done`)}
            />
            <Space size={12} wrap style={{ fontSize: 13 }}>
              <span>
                {t('Đúng hạn', 'On time')}:{' '}
                <Link to={drillLink(filter, 'done_on_time', { planId: plan.id })}>{c.done_on_time}</Link>
              </span>
              <span>
                {t('Hoàn thành quá hạn', 'Done late')}:{' '}
                <Link to={drillLink(filter, 'done_late', { planId: plan.id })}>{c.done_late}</Link>
              </span>
              <span>
                {t('Quá hạn', 'Overdue')}:{' '}
                <Link to={drillLink(filter, 'open_overdue', { planId: plan.id })}>{c.open_overdue}</Link>
              </span>
              <span>
                {t('Tỷ lệ đúng hạn', 'On-time rate')}: {formatRate(plan.onTimeRate, lang)}
              </span>
            </Space>
          </div>
        );
      })}
    </Space>
  );
}
