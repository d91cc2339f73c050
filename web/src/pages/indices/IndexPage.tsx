import { DeleteOutlined, EditOutlined, LinkOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import {
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Grid,
  Popconfirm,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import type {
  Definition,
  IndexResult,
  LinkWithState,
  Overview,
  Target,
  Trend,
} from '../../../../src/shared/schemas/indices.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { api } from '../../lib/api.ts';
import { STATE_TAG_COLORS, stateLabel } from '../../lib/domain.ts';
import { formatDate, todayInVietnam } from '../../lib/format.ts';
import { type Lang, useLang } from '../../lib/i18n.tsx';
import { useIndexRights } from './access.ts';
import { type IndexInfo, LinkDialog, OwnersCard, TargetsCard } from './ConfigSections.tsx';
import { ImportButton, TemplateButton } from './ImportDialog.tsx';
import { ComponentBars, RankTrendChart, ScoreTrendChart, type YearPoint } from './IndexCharts.tsx';
import {
  ChangeArrow,
  componentKindLabel,
  componentName,
  formatRank,
  formatRankMove,
  formatScore,
  formatScoreChange,
  NOT_PUBLISHED,
  TargetTag,
  targetText,
} from './labels.tsx';
import { ResultDialog } from './ResultDialog.tsx';
import './indices.css';

/** One index: latest figures, trend of score and rank, components against targets, linked tasks; and, for the Office, its data. */
export default function IndexPage() {
  const { t, lang } = useLang();
  const code = (useParams().code ?? '').toUpperCase();
  const rights = useIndexRights();
  const [entering, setEntering] = useState<IndexResult | { year: number } | null | false>(false);
  const [linking, setLinking] = useState(false);
  const overview = useQuery({
    queryKey: ['indices', 'overview', code],
    queryFn: () => api.get<Overview>(`/indices/${code}/overview`),
  });
  const trend = useQuery({
    queryKey: ['indices', 'trend', code],
    queryFn: () => api.get<Trend>(`/indices/${code}/trend`),
  });
  const results = useQuery({
    queryKey: ['indices', 'results', code],
    queryFn: () => api.get<IndexResult[]>('/indices/results', { index: code }),
  });
  const definitions = useQuery({
    queryKey: ['indices', 'definitions'],
    queryFn: () => api.get<Definition[]>('/indices/definitions'),
    staleTime: 10 * 60_000,
  });
  const targets = useQuery({
    queryKey: ['indices', 'targets', code],
    queryFn: () => api.get<Target[]>('/indices/targets', { index: code }),
  });
  const o = overview.data;
  const info = useMemo<IndexInfo | null>(() => {
    if (!o || !definitions.data) return null;
    const versions = definitions.data
      .filter((d) => d.code === code)
      .sort((a, b) => b.validFrom - a.validFrom);
    const components = new Map<string, Definition['components'][number]>();
    for (const v of versions)
      for (const c of v.components) if (!components.has(c.code)) components.set(c.code, c);
    return {
      code,
      shortName: o.index.shortName,
      unit: o.index.unit,
      scaleMax: o.index.scaleMax,
      groups: o.index.groups,
      components: [...components.values()],
    };
  }, [o, definitions.data, code]);

  return (
    <>
      <PageHeader
        title={
          o
            ? `${o.index.shortName} — ${lang === 'en' ? o.index.nameEn : o.index.nameVi}`
            : t(`Chỉ số ${code}`, `Index ${code}`)
        }
        subtitle={
          <>
            <Link to="/chi-so">{t('← Tất cả chỉ số', '← All indices')}</Link>
            {o && ` · ${o.index.publisher}`}
          </>
        }
        extra={
          rights.write && o ? (
            <Space wrap>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEntering(null)}
                disabled={!definitions.data || !results.data}
              >
                {t('Nhập kết quả', 'Enter a result')}
              </Button>
              <TemplateButton />
              <ImportButton />
            </Space>
          ) : undefined
        }
      />
      <QueryState query={overview} rows={6}>
        {(data) => (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <LatestCard o={data} lang={lang} />
            <Card title={t('Diễn biến qua các năm', 'Over the years')}>
              <QueryState
                query={trend}
                isEmpty={(tr) => tr.points.length === 0}
                empty={t('Chưa có kết quả nào được công bố.', 'No result has been published.')}
              >
                {(tr) => <TrendCharts trend={tr} o={data} targets={targets.data ?? []} lang={lang} />}
              </QueryState>
              <div style={{ marginTop: 16 }}>
                <QueryState
                  query={results}
                  isEmpty={(rows) => rows.length === 0}
                  empty={t('Chưa có kết quả nào.', 'No result yet.')}
                >
                  {(rows) => (
                    <YearsTable
                      rows={rows}
                      o={data}
                      canWrite={rights.write}
                      onEdit={(r) => setEntering(r)}
                      onEnter={(year) => setEntering({ year })}
                    />
                  )}
                </QueryState>
              </div>
            </Card>
            <ComponentsCard o={data} trend={trend.data} targets={targets.data ?? []} lang={lang} />
            <Card
              title={t('Nhiệm vụ liên kết', 'Linked tasks')}
              extra={
                rights.configure && info ? (
                  <Button icon={<LinkOutlined />} onClick={() => setLinking(true)}>
                    {t('Gắn nhiệm vụ', 'Link a task')}
                  </Button>
                ) : undefined
              }
            >
              <LinkedTasks o={data} canConfigure={rights.configure} lang={lang} />
            </Card>
            {rights.write && info && <TargetsCard info={info} />}
            {rights.configure && info && <OwnersCard info={info} />}
          </Space>
        )}
      </QueryState>
      {entering !== false && definitions.data && results.data && (
        <ResultDialog
          code={code}
          defs={definitions.data}
          results={results.data}
          initial={entering}
          onClose={() => setEntering(false)}
        />
      )}
      {linking && info && <LinkDialog info={info} onClose={() => setLinking(false)} />}
    </>
  );
}

function LatestCard({ o, lang }: { o: Overview; lang: Lang }) {
  const t = (vi: string, en: string) => (lang === 'en' ? en : vi);
  const latest = o.latest;
  const notPublished = t(NOT_PUBLISHED.vi, NOT_PUBLISHED.en);
  const narrow = !Grid.useBreakpoint().md;
  const better = (delta: number) => (delta === 0 ? null : o.index.higherIsBetter ? delta > 0 : delta < 0);
  return (
    <Card
      title={
        latest
          ? t(`Kết quả gần nhất: năm ${latest.year}`, `Latest result: ${latest.year}`)
          : t('Kết quả gần nhất', 'Latest result')
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 1, md: 2 }}
        bordered={!narrow}
        layout={narrow ? 'vertical' : 'horizontal'}
      >
        <Descriptions.Item label={t('Điểm số', 'Score')}>
          <strong data-testid="latest-score">
            {formatScore(latest?.score, o.index.unit, o.index.scaleMax, lang) ?? notPublished}
          </strong>
        </Descriptions.Item>
        <Descriptions.Item label={t('Xếp hạng', 'Rank')}>
          <strong data-testid="latest-rank">
            {formatRank(latest?.rank, latest?.rankedOf, lang) ?? notPublished}
          </strong>
          {latest?.group && (
            <Tag style={{ marginInlineStart: 8 }}>
              {t('Nhóm', 'Group')} {latest.group}
            </Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item
          label={
            o.previous
              ? t(`So với ${o.previous.year}`, `Change since ${o.previous.year}`)
              : t('Thay đổi', 'Change')
          }
        >
          {o.change && (o.change.score !== null || o.change.rank !== null) ? (
            <Space orientation="vertical" size={0}>
              {o.change.score !== null && (
                <span>
                  <ChangeArrow better={better(o.change.score)} />{' '}
                  {formatScoreChange(o.change.score, o.index.unit, lang)}
                </span>
              )}
              {o.change.rank !== null && (
                <span>
                  <ChangeArrow better={o.change.rank === 0 ? null : o.change.rank > 0} />{' '}
                  {formatRankMove(o.change.rank, lang)}
                </span>
              )}
            </Space>
          ) : (
            <Typography.Text type="secondary">
              {t('Chưa có năm trước để so sánh', 'No earlier year to compare')}
            </Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('Mục tiêu', 'Target')}>
          {o.target ? (
            <>
              {targetText(o.target, o.index.unit, o.index.scaleMax, lang)}{' '}
              <TargetTag check={o.target.check} lang={lang} />
            </>
          ) : (
            <Typography.Text type="secondary">
              {latest
                ? t(`Chưa đặt cho năm ${latest.year}`, `None set for ${latest.year}`)
                : t('Chưa đặt', 'None set')}
            </Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('Cơ quan chủ trì', 'Owner agency')}>
          {o.owner ? (
            o.owner.agency.name
          ) : (
            <Typography.Text type="secondary">{t('Chưa giao', 'Not assigned')}</Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('Nguồn', 'Source')}>
          {latest?.sourceNote || '—'}
          {latest?.sourceUrl && (
            <>
              {' '}
              <a href={latest.sourceUrl} target="_blank" rel="noreferrer">
                {t('Xem nguồn', 'Open the source')}
              </a>
            </>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('Phương pháp', 'Method')} span="filled">
          {o.index.methodTo === null
            ? t(`Áp dụng từ năm ${o.index.methodFrom}`, `Used since ${o.index.methodFrom}`)
            : t(
                `Áp dụng ${o.index.methodFrom}–${o.index.methodTo}`,
                `Used ${o.index.methodFrom}–${o.index.methodTo}`,
              )}
          {o.index.successorCode && (
            <>
              {' · '}
              {t('Thay bằng', 'Replaced by')}{' '}
              <Link to={`/chi-so/${o.index.successorCode}`}>{o.index.successorCode}</Link>
            </>
          )}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

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

function targetOf(targets: Target[], component: string | null, year: number) {
  return targets.find((x) => x.component === component && x.fromYear <= year && year <= x.toYear);
}

function TrendCharts({
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

function YearsTable({
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
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (r: IndexResult) => api.delete(`/indices/results/${r.index}/${r.year}`),
    onSuccess: async (_, r) => {
      await queryClient.invalidateQueries({ queryKey: ['indices'] });
      message.success(t(`Đã xóa kết quả năm ${r.year}.`, `${r.year} deleted.`));
    },
    onError: (error) => message.error(error.message),
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
                      <Popconfirm
                        title={t(`Xóa kết quả năm ${year}?`, `Delete the ${year} result?`)}
                        okText={t('Xóa', 'Delete')}
                        cancelText={t('Hủy', 'Cancel')}
                        onConfirm={() => remove.mutate(result)}
                      >
                        <Button
                          size="small"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t(`Xóa kết quả năm ${year}`, `Delete ${year}`)}
                        />
                      </Popconfirm>
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

function ComponentsCard({
  o,
  trend,
  targets,
  lang,
}: {
  o: Overview;
  trend: Trend | undefined;
  targets: Target[];
  lang: Lang;
}) {
  const t = (vi: string, en: string) => (lang === 'en' ? en : vi);
  const narrow = !Grid.useBreakpoint().md;
  const kind = componentKindLabel(o.index.componentKind, lang);
  // the latest year that has component scores (not necessarily the latest result)
  const withParts = [...(trend?.points ?? [])].reverse().find((p) => Object.keys(p.components).length > 0);
  const bars =
    withParts === undefined
      ? []
      : o.components.map((c) => ({
          name: lang === 'en' ? c.nameEn : c.nameVi,
          max: c.max,
          score: withParts.components[c.code] ?? null,
          target: targetOf(targets, c.code, withParts.year)?.score ?? null,
        }));
  const targetColumn: TableColumnsType<Overview['components'][number]> = [
    {
      title: t('Mục tiêu', 'Target'),
      key: 'target',
      render: (_, c) =>
        c.target ? (
          <>
            {targetText(c.target, o.index.unit, c.max, lang, false)}{' '}
            <TargetTag check={c.target.check} lang={lang} />
          </>
        ) : (
          ''
        ),
    },
  ];
  const ownerAndLinks: TableColumnsType<Overview['components'][number]> = [
    {
      title: t('Cơ quan chủ trì', 'Owner'),
      key: 'owner',
      render: (_, c) =>
        c.owner?.agency.name ??
        (o.owner ? <Typography.Text type="secondary">{o.owner.agency.name}</Typography.Text> : ''),
    },
    {
      title: t('Nhiệm vụ liên kết', 'Linked tasks'),
      key: 'links',
      render: (_, c) => (c.links.length > 0 ? c.links.length : ''),
    },
  ];
  return (
    <Card
      title={
        kind === 'Chỉ số thành phần' || kind === 'Sub-index'
          ? t('Chỉ số thành phần', 'Sub-indices')
          : t(`${kind} đánh giá`, `${kind}s`)
      }
    >
      {withParts ? (
        <ComponentBars bars={bars} year={withParts.year} lang={lang} />
      ) : (
        <Empty
          description={t(
            'Chưa có điểm thành phần nào được công bố cho các năm đã có kết quả.',
            'No component scores have been published for the years with results.',
          )}
        />
      )}
      <Table<Overview['components'][number]>
        style={{ marginTop: 16 }}
        size="small"
        rowKey="code"
        dataSource={o.components}
        pagination={false}
        scroll={narrow ? undefined : { x: true }}
        columns={[
          {
            title: kind,
            key: 'name',
            render: (_, c) => (
              <>
                {componentName(c, c.code, lang)}
                {narrow && (c.owner || c.links.length > 0) && (
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {[
                        c.owner?.agency.name,
                        c.links.length > 0
                          ? t(`${c.links.length} nhiệm vụ liên kết`, `${c.links.length} linked`)
                          : '',
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Typography.Text>
                  </div>
                )}
              </>
            ),
          },
          {
            title: o.latest ? t(`Điểm ${o.latest.year}`, `Score ${o.latest.year}`) : t('Điểm', 'Score'),
            key: 'score',
            render: (_, c) =>
              c.score === null ? (
                <Typography.Text type="secondary">{t(NOT_PUBLISHED.vi, NOT_PUBLISHED.en)}</Typography.Text>
              ) : (
                formatScore(c.score, o.index.unit === 'points' ? 'points' : o.index.unit, c.max, lang)
              ),
          },
          ...(o.components.some((c) => c.target) ? targetColumn : []),
          ...(narrow ? [] : ownerAndLinks),
        ]}
      />
    </Card>
  );
}

function LinkedTasks({ o, canConfigure, lang }: { o: Overview; canConfigure: boolean; lang: Lang }) {
  const t = (vi: string, en: string) => (lang === 'en' ? en : vi);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (id: number) => api.delete(`/indices/links/${id}`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['indices'] });
      message.success(t('Đã bỏ liên kết.', 'Link removed.'));
    },
    onError: (error) => message.error(error.message),
  });
  const links: { link: LinkWithState; component: string | null }[] = [
    ...o.links.map((link) => ({ link, component: null })),
    ...o.components.flatMap((c) =>
      c.links.map((link) => ({ link, component: lang === 'en' ? c.nameEn : c.nameVi })),
    ),
  ];
  if (links.length === 0)
    return (
      <Empty description={t('Chưa gắn nhiệm vụ nào với chỉ số này.', 'No task is linked to this index.')} />
    );
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="index-links">
      {links.map(({ link, component }) => (
        <li
          key={link.id}
          style={{ display: 'flex', gap: 8, padding: '10px 0', borderBottom: '1px solid rgba(5,5,5,0.06)' }}
        >
          <div className="dd-index-link" style={{ flex: 1 }}>
            <div>
              {component && <Tag color="blue">{component}</Tag>}
              {link.planId !== null && (
                <Link to={`/ke-hoach/${link.planId}`}>
                  {link.kind === 'plan'
                    ? t(`Kế hoạch ${link.plan}`, `Plan ${link.plan}`)
                    : `${link.plan} · ${t('nhiệm vụ', 'task')} ${link.task}`}
                </Link>
              )}
              {link.kind === 'assignment' && link.agency && ` · ${link.agency}`}
            </div>
            {link.taskContent && (
              <Typography.Paragraph
                ellipsis={{ rows: 2, expandable: true, symbol: t('xem thêm', 'more') }}
                style={{ marginBottom: 0 }}
              >
                {link.taskContent}
              </Typography.Paragraph>
            )}
            <LinkStates link={link} lang={lang} />
          </div>
          {canConfigure && (
            <Popconfirm
              title={t('Bỏ liên kết này?', 'Remove this link?')}
              okText={t('Bỏ', 'Remove')}
              cancelText={t('Hủy', 'Cancel')}
              onConfirm={() => remove.mutate(link.id)}
            >
              <Tooltip title={t('Bỏ liên kết', 'Remove the link')}>
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t(
                    `Bỏ liên kết ${link.task ?? link.plan ?? ''}`,
                    `Remove the link ${link.task ?? link.plan ?? ''}`,
                  )}
                />
              </Tooltip>
            </Popconfirm>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The states of a link's assignments: each one when few, counts per state when many (a whole plan). */
function LinkStates({ link, lang }: { link: LinkWithState; lang: Lang }) {
  if (link.assignments.length === 0)
    return (
      <Typography.Text type="secondary">
        {lang === 'en' ? 'No assignment opened yet' : 'Chưa có lượt giao nào đến hạn mở'}
      </Typography.Text>
    );
  if (link.assignments.length > 4)
    return (
      <div className="dd-index-assignments">
        {Object.entries(link.counts).map(([state, count]) => (
          <Tag key={state} color={STATE_TAG_COLORS[state as keyof typeof STATE_TAG_COLORS]}>
            {stateLabel(state as keyof typeof STATE_TAG_COLORS, lang)}: {count}
          </Tag>
        ))}
      </div>
    );
  return (
    <div className="dd-index-assignments">
      {link.assignments.map((a) => (
        <span key={a.id}>
          <Link to={`/nhiem-vu/${a.id}`}>{a.agencyName}</Link>{' '}
          <Tag color={STATE_TAG_COLORS[a.state]} style={{ marginInlineEnd: 0 }}>
            {stateLabel(a.state, lang)}
          </Tag>
          {a.dueOn && (
            <Typography.Text type="secondary">
              {' '}
              {lang === 'en' ? `due ${formatDate(a.dueOn)}` : `hạn ${formatDate(a.dueOn)}`}
            </Typography.Text>
          )}
        </span>
      ))}
    </div>
  );
}
