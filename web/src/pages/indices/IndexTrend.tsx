import { EditOutlined } from '@ant-design/icons';
import type { TableColumnsType } from 'antd';
import { App, Button, Empty, Grid, Space, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { IndexResult, Overview, Target, Trend } from '../../../../src/shared/schemas/indices.ts';
import { DeleteButton } from '../../components/ConfirmButton.tsx';
import { api } from '../../lib/api.ts';
import { todayInVietnam } from '../../lib/format.ts';
import { type Lang, useLang } from '../../lib/i18n.tsx';
import { useApiMutation } from '../../lib/mutation.ts';
import { RankTrendChart, ScoreTrendChart, type YearPoint } from './IndexCharts.tsx';
import { formatRank, formatScore, NOT_PUBLISHED } from './labels.tsx';

/** Every year from the first published figure to last year (or the method's end): gaps stay gaps. */
function yearRange(years: number[], methodTo: number | null): number[] {
  if (years.length === 0) return [];
  const lastYear = Number(todayInVietnam().slice(0, 4)) - 1;
  const first = Math.min(...years);
  const last = Math.max(...years, Math.min(lastYear, methodTo ?? lastYear));
  const out: number[] = [];
  for (let y = first; y <= last; y++) out.push(y);
  return out;
}

/** The target set for a component (null: the index itself) in a year, if any. */
export function targetOf(targets: Target[], component: string | null, year: number) {
  return targets.find((x) => x.component === component && x.fromYear <= year && year <= x.toYear);
}

/** Xu hướng: the score and the rank over the years, against the targets. */
export function TrendCharts({
  trend,
  o,
  targets,
  lang,
}: {
  trend: Trend;
  o: Overview;
  targets: Target[];
  lang: Lang;
}) {
  const t = (vi: string, en: string) => (lang === 'en' ? en : vi);
  const points = useMemo<YearPoint[]>(
    () =>
      yearRange(
        trend.points.map((p) => p.year),
        o.index.methodTo,
      ).map((year) => {
        const p = trend.points.find((x) => x.year === year);
        return { year, score: p?.score ?? null, rank: p?.rank ?? null, rankedOf: p?.rankedOf ?? null };
      }),
    [trend, o.index.methodTo],
  );
  const lastYear = points.at(-1)?.year ?? 0;
  const target = targetOf(targets, null, lastYear);
  const hasScores = points.some((p) => p.score !== null);
  const hasRanks = points.some((p) => p.rank !== null);
  return (
    <>
      {trend.predecessorCode && (
        <Typography.Paragraph type="secondary">
          {t('Trước đây là', 'Formerly')}{' '}
          <Link to={`/chi-so/${trend.predecessorCode}`}>{trend.predecessorCode}</Link>
        </Typography.Paragraph>
      )}
      <div className="dd-index-charts">
        <div>
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            {t('Điểm số', 'Score')}
          </Typography.Title>
          {hasScores ? (
            <ScoreTrendChart
              points={points}
              unit={o.index.unit}
              scaleMax={o.index.scaleMax}
              targetScore={target?.score ?? null}
              lang={lang}
            />
          ) : (
            <Empty description={t('Chưa có điểm số nào được công bố.', 'No score has been published.')} />
          )}
        </div>
        <div>
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            {t('Thứ hạng (lên cao là tốt hơn)', 'Rank (up is better)')}
          </Typography.Title>
          {hasRanks ? (
            <RankTrendChart points={points} targetRank={target?.rank ?? null} lang={lang} />
          ) : (
            <Empty description={t('Chưa có thứ hạng nào được công bố.', 'No rank has been published.')} />
          )}
        </div>
      </div>
    </>
  );
}

interface YearRow {
  year: number;
  result: IndexResult | null;
}

/** The figures year by year; the Office enters or corrects a year from here. */
export function YearsTable({
  rows,
  o,
  canWrite,
  onEdit,
  onEnter,
}: {
  rows: IndexResult[];
  o: Overview;
  canWrite: boolean;
  onEdit: (r: IndexResult) => void;
  onEnter: (year: number) => void;
}) {
  const { t, lang } = useLang();
  const { message } = App.useApp();
  const remove = useApiMutation({
    mutationFn: (r: IndexResult) => api.delete(`/indices/results/${r.index}/${r.year}`),
    invalidate: [['indices']],
    onSuccess: (_, r) => {
      message.success(t(`Đã xóa kết quả năm ${r.year}.`, `${r.year} deleted.`));
    },
  });
  const years = yearRange(
    rows.map((r) => r.year),
    o.index.methodTo,
  ).reverse();
  const data = years.map((year) => ({ year, result: rows.find((r) => r.year === year) ?? null }));
  const notPublished = (
    <Typography.Text type="secondary">{t(NOT_PUBLISHED.vi, NOT_PUBLISHED.en)}</Typography.Text>
  );
  const narrow = !Grid.useBreakpoint().md;
  const hasGroups = rows.some((r) => r.group);
  const source = (result: IndexResult) => (
    <>
      {result.sourceNote}
      {result.sourceUrl && (
        <>
          {' '}
          <a href={result.sourceUrl} target="_blank" rel="noreferrer">
            {t('Xem', 'Open')}
          </a>
        </>
      )}
      {!result.published && <Tag style={{ marginInlineStart: 6 }}>{t('Không công khai', 'Not public')}</Tag>}
    </>
  );
  const figures: TableColumnsType<YearRow> = narrow
    ? [
        {
          title: t('Kết quả', 'Result'),
          key: 'result',
          render: (_, { result }) =>
            result ? (
              <>
                <div>
                  {formatScore(result.score, result.unit, result.scaleMax, lang) ?? notPublished}
                  {' · '}
                  {formatRank(result.rank, result.rankedOf, lang) ?? notPublished}
                  {result.group && ` · ${t('nhóm', 'group')} ${result.group}`}
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {source(result)}
                </Typography.Text>
              </>
            ) : (
              notPublished
            ),
        },
      ]
    : [
        {
          title: t('Điểm số', 'Score'),
          key: 'score',
          render: (_, { result }) =>
            result
              ? (formatScore(result.score, result.unit, result.scaleMax, lang) ?? notPublished)
              : notPublished,
        },
        {
          title: t('Xếp hạng', 'Rank'),
          key: 'rank',
          render: (_, { result }) =>
            result ? (formatRank(result.rank, result.rankedOf, lang) ?? notPublished) : notPublished,
        },
        ...(hasGroups
          ? [
              {
                title: t('Nhóm', 'Group'),
                key: 'group',
                render: (_: unknown, { result }: YearRow) => result?.group ?? '',
              },
            ]
          : []),
        {
          title: t('Nguồn', 'Source'),
          key: 'source',
          render: (_, { result }) => (result ? source(result) : ''),
        },
      ];
  return (
    <Table<YearRow>
      size="small"
      rowKey="year"
      dataSource={data}
      pagination={false}
      scroll={narrow ? undefined : { x: true }}
      data-testid="index-years"
      columns={[
        { title: t('Năm', 'Year'), dataIndex: 'year', width: 64 },
        ...figures,
        ...(canWrite
          ? [
              {
                title: t('Thao tác', 'Actions'),
                key: 'actions',
                render: (_: unknown, { year, result }: YearRow) =>
                  result ? (
                    <Space size={4}>
                      <Button
                        size="small"
                        icon={<EditOutlined />}
                        aria-label={t(`Sửa kết quả năm ${year}`, `Edit ${year}`)}
                        onClick={() => onEdit(result)}
                      />
                      <DeleteButton
                        question={t(`Xóa kết quả năm ${year}?`, `Delete the ${year} result?`)}
                        okText={t('Xóa', 'Delete')}
                        onConfirm={() => remove.mutate(result)}
                        aria-label={t(`Xóa kết quả năm ${year}`, `Delete ${year}`)}
                      />
                    </Space>
                  ) : (
                    <Button size="small" onClick={() => onEnter(year)}>
                      {t('Nhập', 'Enter')}
                    </Button>
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}
