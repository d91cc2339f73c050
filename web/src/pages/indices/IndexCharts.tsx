import { useMemo } from 'react';
import type { IndexUnit } from '../../../../src/shared/schemas/indices.ts';
import { Chart, type ChartOption } from '../../components/Chart.tsx';
import type { Lang } from '../../lib/i18n.tsx';
import { formatNumberExact } from './labels.tsx';

export interface YearPoint {
  year: number;
  score: number | null;
  rank: number | null;
  rankedOf: number | null;
}

const BLUE = '#1677ff';
const GREEN = '#389e0d';

/** How a year with no figure reads: in the tooltip and in the chart's text for screen readers. */
const notPublished = (lang: Lang) => (lang === 'en' ? 'not published' : 'chưa công bố');

/** "2021 54.2, 2022 not published, …": each year of the chart with its figure, for the chart's text. */
function yearsReading(
  points: YearPoint[],
  value: (p: YearPoint) => number | null,
  format: (value: number) => string,
  lang: Lang,
): string {
  return points
    .map((p) => {
      const v = value(p);
      return `${p.year} ${v === null ? notPublished(lang) : format(v)}`;
    })
    .join(', ');
}

/**
 * The option both year charts share: one line over the years, a gap where a year has no figure, the
 * figures written on the points and the target (when set) as a dashed line.
 */
function yearLineOption({
  points,
  values,
  lang,
  name,
  color,
  format,
  pointLabel,
  yAxis,
  target,
}: {
  points: YearPoint[];
  values: (number | null)[];
  lang: Lang;
  name: string;
  color: string;
  /** how a figure reads in the tooltip, and on its point */
  format: (value: number) => string;
  pointLabel: (value: number) => string;
  yAxis: ChartOption['yAxis'];
  target: { value: number; label: string } | null;
}): ChartOption {
  return {
    animation: false,
    tooltip: {
      trigger: 'axis',
      confine: true,
      valueFormatter: (v) => (typeof v === 'number' ? format(v) : notPublished(lang)),
    },
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: points.map((p) => String(p.year)) },
    yAxis,
    series: [
      {
        name,
        type: 'line',
        connectNulls: false,
        symbolSize: 8,
        itemStyle: { color },
        label: { show: true, formatter: (p) => pointLabel(Number(p.value)) },
        data: values,
        markLine: target
          ? {
              symbol: 'none',
              lineStyle: { color: GREEN, type: 'dashed' },
              label: { formatter: target.label, position: 'insideEndTop' },
              data: [{ yAxis: target.value }],
            }
          : undefined,
      },
    ],
  };
}

/** Điểm qua các năm: a line over every year of the range; a year with no figure is a gap, never a guess. */
export function ScoreTrendChart({
  points,
  unit,
  scaleMax,
  targetScore,
  lang,
}: {
  points: YearPoint[];
  unit: IndexUnit;
  scaleMax: number;
  targetScore: number | null;
  lang: Lang;
}) {
  const option = useMemo(
    () =>
      yearLineOption({
        points,
        values: points.map((p) => p.score),
        lang,
        name: lang === 'en' ? 'Score' : 'Điểm',
        color: BLUE,
        format: (v) => formatNumberExact(v, lang),
        pointLabel: (v) => formatNumberExact(v, lang),
        yAxis: {
          type: 'value',
          scale: true,
          max: unit === 'ratio' ? undefined : scaleMax,
          axisLabel: { formatter: (v: number) => formatNumberExact(v, lang) },
        },
        target:
          targetScore === null ? null : { value: targetScore, label: lang === 'en' ? 'target' : 'mục tiêu' },
      }),
    [points, unit, scaleMax, targetScore, lang],
  );
  return (
    <Chart
      option={option}
      height={260}
      label={
        lang === 'en'
          ? `Score by year: ${yearsReading(points, (p) => p.score, String, lang)}`
          : `Điểm qua các năm: ${yearsReading(
              points,
              (p) => p.score,
              (v) => formatNumberExact(v, lang),
              lang,
            )}`
      }
    />
  );
}

/** Thứ hạng qua các năm: the axis is inverted so that going up means a better rank. */
export function RankTrendChart({
  points,
  targetRank,
  lang,
}: {
  points: YearPoint[];
  targetRank: number | null;
  lang: Lang;
}) {
  const option = useMemo(
    () =>
      yearLineOption({
        points,
        values: points.map((p) => p.rank),
        lang,
        name: lang === 'en' ? 'Rank' : 'Thứ hạng',
        color: '#722ed1',
        format: (v) => (lang === 'en' ? `rank ${v}` : `hạng ${v}`),
        pointLabel: String,
        yAxis: { type: 'value', inverse: true, min: 1, minInterval: 1 },
        target:
          targetRank === null
            ? null
            : {
                value: targetRank,
                label: lang === 'en' ? `top ${targetRank}` : `mục tiêu top ${targetRank}`,
              },
      }),
    [points, targetRank, lang],
  );
  return (
    <Chart
      option={option}
      height={260}
      label={
        lang === 'en'
          ? `Rank by year (up is better): ${yearsReading(points, (p) => p.rank, String, lang)}`
          : `Thứ hạng qua các năm (càng cao càng tốt): ${yearsReading(points, (p) => p.rank, String, lang)}`
      }
    />
  );
}

export interface ComponentBar {
  name: string;
  max: number;
  score: number | null;
  target: number | null;
}

/** Chỉ số thành phần: a bar per component against its target (where one is set). */
export function ComponentBars({ bars, year, lang }: { bars: ComponentBar[]; year: number; lang: Lang }) {
  const rows = useMemo(() => [...bars].reverse(), [bars]);
  const max = Math.max(...bars.map((b) => b.max));
  const hasTargets = bars.some((b) => b.target !== null);
  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        confine: true,
        valueFormatter: (v) => (typeof v === 'number' ? formatNumberExact(v, lang) : '—'),
      },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', min: 0, max },
      yAxis: {
        type: 'category',
        data: rows.map((b) => b.name),
        axisLabel: { width: 150, overflow: 'truncate' },
      },
      series: [
        {
          name: lang === 'en' ? `Score ${year}` : `Điểm ${year}`,
          type: 'bar',
          barMaxWidth: 18,
          itemStyle: { color: BLUE },
          label: {
            show: true,
            position: 'right',
            formatter: (p) => formatNumberExact(Number(p.value), lang),
          },
          data: rows.map((b) => b.score),
        },
        ...(hasTargets
          ? [
              {
                name: lang === 'en' ? 'Target' : 'Mục tiêu',
                type: 'bar' as const,
                barMaxWidth: 10,
                itemStyle: { color: GREEN, opacity: 0.6 },
                data: rows.map((b) => b.target),
              },
            ]
          : []),
      ],
    }),
    [rows, max, hasTargets, year, lang],
  );
  return (
    <Chart
      option={option}
      height={Math.max(200, bars.length * (hasTargets ? 40 : 30) + 60)}
      label={
        lang === 'en'
          ? `Components in ${year}: ${bars.map((b) => `${b.name} ${b.score ?? '—'}`).join(', ')}`
          : `Chỉ số thành phần năm ${year}: ${bars.map((b) => `${b.name} ${b.score === null ? '—' : formatNumberExact(b.score, lang)}`).join(', ')}`
      }
    />
  );
}
