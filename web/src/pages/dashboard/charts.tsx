import { Grid } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import type { StatGroup, StatKey, Trend } from '../../../../src/shared/schemas/statistics.ts';
import { Chart, type ChartOption } from '../../components/Chart.tsx';
import { FOUR_STATES, STATE_COLORS, stateLabel } from '../../lib/domain.ts';
import type { Lang } from '../../lib/i18n.tsx';
import { drillLink, type StatFilter } from './filters.tsx';

/** The states stacked in the bar of each agency (ongoing too when some agency has such tasks). */
function stackedStates(groups: StatGroup[]): StatKey[] {
  return groups.some((g) => g.counts.ongoing > 0) ? [...FOUR_STATES, 'ongoing'] : [...FOUR_STATES];
}

/** One horizontal bar per agency, stacked by state; a click opens that agency's list of that state. */
export function AgencyChart({
  groups,
  filter,
  lang,
}: {
  groups: StatGroup[];
  filter: StatFilter;
  lang: Lang;
}) {
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const states = stackedStates(groups);
  // the top of a horizontal bar chart is the last category: reverse so the worst agency comes first
  const rows = useMemo(() => [...groups].reverse(), [groups]);
  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 16, top: narrow ? 56 : 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        data: rows.map((g) => (narrow ? g.code : g.name)),
        axisLabel: { width: narrow ? 64 : 220, overflow: 'truncate' },
      },
      series: states.map((state) => ({
        id: state,
        name: stateLabel(state as never, lang),
        type: 'bar',
        stack: 'state',
        barMaxWidth: 22,
        itemStyle: { color: STATE_COLORS[state as keyof typeof STATE_COLORS] },
        emphasis: { focus: 'series' },
        data: rows.map((g) => g.counts[state]),
      })),
    }),
    [rows, states, narrow, lang],
  );
  return (
    <Chart
      option={option}
      height={Math.max(220, rows.length * 28 + 80)}
      label={
        lang === 'en'
          ? 'Assignments by agency, stacked by state'
          : 'Biểu đồ số lượt giao chủ trì theo cơ quan, đơn vị và trạng thái'
      }
      onClick={({ seriesId, dataIndex }) => {
        const group = rows[dataIndex];
        if (group && seriesId) navigate(drillLink(filter, seriesId as StatKey, { agencyId: group.id }));
      }}
    />
  );
}

/** The bars of a month: what fell due beside what was done, on time and late stacked. */
const TREND_SERIES: {
  id: 'due' | 'doneOnTime' | 'doneLate';
  vi: string;
  en: string;
  color: string;
  stack?: string;
}[] = [
  { id: 'due', vi: 'Đến hạn', en: 'Due', color: '#91caff' },
  {
    id: 'doneOnTime',
    vi: 'Hoàn thành đúng hạn',
    en: 'Done on time',
    color: STATE_COLORS.done_on_time,
    stack: 'done',
  },
  { id: 'doneLate', vi: 'Hoàn thành quá hạn', en: 'Done late', color: STATE_COLORS.done_late, stack: 'done' },
];

/** Per month: what fell due, against what was done (on time and late stacked). */
export function TrendChart({ months, lang }: { months: Trend['months']; lang: Lang }) {
  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      tooltip: { trigger: 'axis', confine: true },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: months.map((m) => `${m.month.slice(5, 7)}/${m.month.slice(0, 4)}`),
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: TREND_SERIES.map(({ id, vi, en, color, stack }) => ({
        id,
        name: lang === 'en' ? en : vi,
        type: 'bar',
        stack,
        barMaxWidth: 24,
        itemStyle: { color },
        data: months.map((m) => m[id]),
      })),
    }),
    [months, lang],
  );
  return (
    <Chart
      option={option}
      height={300}
      label={
        lang === 'en'
          ? 'Assignments due per month against assignments done per month'
          : 'Biểu đồ số lượt giao chủ trì đến hạn và hoàn thành theo tháng'
      }
    />
  );
}
