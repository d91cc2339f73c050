import type { TableColumnsType } from 'antd';
import { Card, Empty, Grid, Table, Typography } from 'antd';
import type { Lang } from '../../lib/i18n.tsx';
import { ComponentBars } from './IndexCharts.tsx';
import { targetOf } from './IndexTrend.tsx';
import {
  componentKindLabel,
  componentName,
  formatScore,
  NOT_PUBLISHED,
  TargetTag,
  targetText,
} from './labels.tsx';
import type { Overview, Target, Trend } from './types.ts';

/** Chỉ số thành phần: each component's latest score against its target and its change. */
export function ComponentsCard({
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
