import { InfoCircleOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import type { Definition, Overview, Target } from '../../../../src/shared/schemas/indices.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { api } from '../../lib/api.ts';
import { todayInVietnam } from '../../lib/format.ts';
import { type Lang, useLang } from '../../lib/i18n.tsx';
import { useIndexRights } from './access.ts';
import { ImportButton, TemplateButton } from './ImportDialog.tsx';
import {
  ChangeArrow,
  formatRank,
  formatRankMove,
  formatScore,
  formatScoreChange,
  latestDefinitions,
  NOT_PUBLISHED,
  TargetTag,
  targetText,
} from './labels.tsx';
import './indices.css';

/** Chỉ số: one card per index — latest score and rank, change, target met or not, owner, source. */
export default function IndicesPage() {
  const { t } = useLang();
  const rights = useIndexRights();
  const definitions = useQuery({
    queryKey: ['indices', 'definitions'],
    queryFn: () => api.get<Definition[]>('/indices/definitions'),
    staleTime: 10 * 60_000,
  });
  const targets = useQuery({
    queryKey: ['indices', 'targets', 'all'],
    queryFn: () => api.get<Target[]>('/indices/targets'),
  });
  return (
    <>
      <PageHeader
        title={t('Chỉ số', 'Indices')}
        subtitle={t(
          'Các chỉ số đánh giá của tỉnh, mục tiêu của Đề án và những nhiệm vụ nhằm cải thiện chúng',
          'The province’s indices, the targets of the scheme and the tasks meant to raise them',
        )}
        extra={
          rights.write ? (
            <Space wrap>
              <TemplateButton />
              <ImportButton />
            </Space>
          ) : undefined
        }
      />
      <QueryState
        query={definitions}
        isEmpty={(defs) => defs.length === 0}
        empty={t('Chưa có định nghĩa chỉ số nào.', 'No index is defined.')}
        rows={8}
      >
        {(defs) => (
          <div className="dd-index-grid">
            {latestDefinitions(defs).map((def) => (
              <IndexCard key={def.code} def={def} targets={targets.data ?? []} />
            ))}
          </div>
        )}
      </QueryState>
    </>
  );
}

/** The whole-index target whose years hold `year`, else the one that ended last. */
function currentTarget(targets: Target[], code: string, year: number): Target | undefined {
  const own = targets.filter((x) => x.index === code && x.component === null);
  return (
    own.find((x) => x.fromYear <= year && year <= x.toYear) ?? [...own].sort((a, b) => b.toYear - a.toYear)[0]
  );
}

function IndexCard({ def, targets }: { def: Definition; targets: Target[] }) {
  const { t, lang } = useLang();
  const query = useQuery({
    queryKey: ['indices', 'overview', def.code],
    queryFn: () => api.get<Overview>(`/indices/${def.code}/overview`),
  });
  const thisYear = Number(todayInVietnam().slice(0, 4));
  return (
    <Card
      title={
        <Link
          to={`/chi-so/${def.code}`}
          aria-label={t(`Xem chỉ số ${def.shortName}`, `Open ${def.shortName}`)}
        >
          {def.shortName}
        </Link>
      }
      extra={
        def.validTo !== null && def.successorCode ? (
          <Tag>
            {t(
              `Thay bằng ${def.successorCode} từ ${def.validTo}`,
              `Replaced by ${def.successorCode} in ${def.validTo}`,
            )}
          </Tag>
        ) : undefined
      }
      data-testid={`index-card-${def.code}`}
      styles={{ body: { display: 'flex', flexDirection: 'column', gap: 8 } }}
    >
      <Typography.Text type="secondary">{lang === 'en' ? def.nameEn : def.nameVi}</Typography.Text>
      <QueryState query={query} rows={3}>
        {(o) => (
          <CardBody
            overview={o}
            lang={lang}
            fallbackTarget={o.target ? undefined : currentTarget(targets, def.code, thisYear)}
          />
        )}
      </QueryState>
      <div style={{ marginTop: 'auto' }}>
        <Link to={`/chi-so/${def.code}`}>
          {t('Xem diễn biến và nhiệm vụ liên kết', 'Trend and linked tasks')}
        </Link>
      </div>
    </Card>
  );
}

function CardBody({
  overview: o,
  lang,
  fallbackTarget,
}: {
  overview: Overview;
  lang: Lang;
  fallbackTarget: Target | undefined;
}) {
  const t = (vi: string, en: string) => (lang === 'en' ? en : vi);
  const latest = o.latest;
  const score = formatScore(latest?.score, o.index.unit, o.index.scaleMax, lang);
  const rank = formatRank(latest?.rank, latest?.rankedOf, lang);
  const better = (delta: number) => (o.index.higherIsBetter ? delta > 0 : delta < 0);
  const target = o.target ?? fallbackTarget ?? null;
  return (
    <>
      <div>
        <Typography.Text type="secondary">
          {latest ? t(`Năm ${latest.year}`, `Year ${latest.year}`) : t('Kết quả gần nhất', 'Latest result')}
        </Typography.Text>
        <div style={{ display: 'flex', alignItems: 'baseline', gap: 12, flexWrap: 'wrap' }}>
          {score ? (
            <span style={{ fontSize: 26, fontWeight: 600 }} data-testid="index-score">
              {score}
            </span>
          ) : (
            <span style={{ fontSize: 18 }} data-testid="index-score">
              {t('Điểm', 'Score')}:{' '}
              <Typography.Text type="secondary">{t(NOT_PUBLISHED.vi, NOT_PUBLISHED.en)}</Typography.Text>
            </span>
          )}
          {latest?.sourceNote && (
            <Tooltip title={latest.sourceNote}>
              <Button
                type="text"
                size="small"
                icon={<InfoCircleOutlined />}
                aria-label={t(`Nguồn: ${latest.sourceNote}`, `Source: ${latest.sourceNote}`)}
              />
            </Tooltip>
          )}
        </div>
        <div data-testid="index-rank">
          {t('Xếp hạng', 'Rank')}: <strong>{rank ?? t(NOT_PUBLISHED.vi, NOT_PUBLISHED.en)}</strong>
          {latest?.group && (
            <Tag style={{ marginInlineStart: 8 }}>
              {t('Nhóm', 'Group')} {latest.group}
            </Tag>
          )}
        </div>
      </div>
      {o.change && o.previous && (o.change.score !== null || o.change.rank !== null) && (
        <div>
          {o.change.score !== null && (
            <div>
              <ChangeArrow better={o.change.score === 0 ? null : better(o.change.score)} />{' '}
              {formatScoreChange(o.change.score, o.index.unit, lang)}{' '}
              <Typography.Text type="secondary">
                {t(`so với ${o.previous.year}`, `vs ${o.previous.year}`)}
              </Typography.Text>
            </div>
          )}
          {o.change.rank !== null && (
            <div>
              <ChangeArrow better={o.change.rank === 0 ? null : o.change.rank > 0} />{' '}
              {formatRankMove(o.change.rank, lang)}{' '}
              <Typography.Text type="secondary">
                {t(`so với ${o.previous.year}`, `vs ${o.previous.year}`)}
              </Typography.Text>
            </div>
          )}
        </div>
      )}
      <div>
        {t('Mục tiêu', 'Target')}:{' '}
        {target ? (
          <>
            {targetText(target, o.index.unit, o.index.scaleMax, lang)}{' '}
            <TargetTag check={o.target?.check ?? null} lang={lang} />
          </>
        ) : (
          <Typography.Text type="secondary">{t('chưa đặt', 'none set')}</Typography.Text>
        )}
      </div>
      <div>
        {t('Cơ quan chủ trì', 'Owner agency')}:{' '}
        {o.owner ? (
          o.owner.agency.name
        ) : (
          <Typography.Text type="secondary">{t('chưa giao', 'not assigned')}</Typography.Text>
        )}
      </div>
    </>
  );
}
