import { LinkOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Grid, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { api } from '../../lib/api.ts';
import { type Lang, useLang } from '../../lib/i18n.tsx';
import { useIndexRights } from './access.ts';
import { ImportButton, TemplateButton } from './ImportDialog.tsx';
import { ComponentsCard } from './IndexComponents.tsx';
import { TrendCharts, YearsTable } from './IndexTrend.tsx';
import type { IndexInfo } from './index-info.ts';
import { LinkDialog } from './LinkDialog.tsx';
import { LinkedTasks } from './LinkedTasks.tsx';
import {
  ChangeArrow,
  formatRank,
  formatRankMove,
  formatScore,
  formatScoreChange,
  NOT_PUBLISHED,
  TargetTag,
  targetText,
} from './labels.tsx';
import { OwnersCard } from './OwnersCard.tsx';
import { ResultDialog } from './ResultDialog.tsx';
import { TargetsCard } from './TargetsCard.tsx';
import type { Definition, IndexResult, Overview, Target, Trend } from './types.ts';
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
