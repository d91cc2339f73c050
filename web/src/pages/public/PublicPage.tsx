import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Grid, Row, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { PublicIndices } from '../../../../src/shared/schemas/indices.ts';
import type { PublicAuthority, PublicPlans } from '../../../../src/shared/schemas/public.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { api } from '../../lib/api.ts';
import { formatDate, formatNumber, formatRate, matchesSearch } from '../../lib/format.ts';
import { useLang } from '../../lib/i18n.tsx';
import { DoneBar, StateCounts } from '../plans/parts.tsx';
import '../plans/plans.css';
import { ToolbarSearch } from '../../components/filters.tsx';

/**
 * Công khai: for anyone, without signing in — the plans of an issuing authority with their progress
 * as of today, and (when published) the province's index results. No files, notes or names of staff.
 */
export default function PublicPage() {
  const { t } = useLang();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState('');
  const authorities = useQuery({
    queryKey: ['public', 'authorities'],
    queryFn: () => api.get<PublicAuthority[]>('/public/authorities'),
  });
  const code = params.get('co-quan') ?? authorities.data?.[0]?.code ?? null;
  const plans = useQuery({
    queryKey: ['public', 'plans', code],
    queryFn: () => api.get<PublicPlans>(`/public/authorities/${encodeURIComponent(code ?? '')}/plans`),
    enabled: code !== null,
  });

  return (
    <>
      <PageHeader
        title={t('Công khai tiến độ thực hiện kế hoạch', 'Public progress of the plans')}
        subtitle={
          plans.data
            ? t(
                `${plans.data.authority.name} · số liệu tính đến ngày ${formatDate(plans.data.asOf)}`,
                `${plans.data.authority.name} · figures as of ${formatDate(plans.data.asOf)}`,
              )
            : undefined
        }
      />
      <QueryState
        query={authorities}
        isEmpty={(list) => list.length === 0}
        empty={t('Chưa có cơ quan nào công khai kế hoạch.', 'No authority publishes its plans yet.')}
      >
        {(list) => (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <div className="dd-toolbar">
              {list.length > 1 && (
                <Select
                  aria-label={t('Cơ quan ban hành', 'Issuing authority')}
                  value={code}
                  onChange={(value) => setParams({ 'co-quan': value })}
                  options={list.map((a) => ({ value: a.code, label: a.name }))}
                  style={{ minWidth: 240, maxWidth: '100%' }}
                />
              )}
              <ToolbarSearch
                label={t('Tìm kế hoạch', 'Search plans')}
                placeholder={t('Tìm theo số hoặc tên kế hoạch', 'Search by number or title')}
                value={search}
                onChange={setSearch}
              />
            </div>
            <QueryState
              query={plans}
              isEmpty={(data) => data.plans.length === 0}
              empty={t(
                'Cơ quan này chưa có kế hoạch nào được công khai.',
                'This authority has no published plan yet.',
              )}
            >
              {(data) => {
                const shown = data.plans.filter((plan) =>
                  matchesSearch(`${plan.number} ${plan.title}`, search),
                );
                if (shown.length === 0)
                  return <Empty description={t('Không có kế hoạch phù hợp.', 'No matching plan.')} />;
                return (
                  <Row gutter={[16, 16]}>
                    {shown.map((plan) => (
                      <Col key={plan.id} xs={24} lg={12}>
                        <Card
                          style={{ height: '100%' }}
                          title={
                            <Link to={`/cong-khai/ke-hoach/${plan.id}`}>
                              {t(`Kế hoạch ${plan.number}`, `Plan ${plan.number}`)}
                            </Link>
                          }
                          extra={
                            <Typography.Text type="secondary">{formatDate(plan.issuedOn)}</Typography.Text>
                          }
                        >
                          <Typography.Paragraph>{plan.title}</Typography.Paragraph>
                          <Space orientation="vertical" size={6} style={{ width: '100%' }}>
                            <DoneBar counts={plan.progress.counts} width={260} />
                            <StateCounts counts={plan.progress.counts} />
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {t('Tỷ lệ hoàn thành đúng hạn: ', 'On-time rate: ')}
                              {formatRate(plan.progress.onTimeRate)}
                            </Typography.Text>
                            <Link to={`/cong-khai/ke-hoach/${plan.id}`}>
                              {t('Xem từng nhiệm vụ →', 'See each task →')}
                            </Link>
                          </Space>
                        </Card>
                      </Col>
                    ))}
                  </Row>
                );
              }}
            </QueryState>
            {code && <ProvinceIndices code={code} />}
          </Space>
        )}
      </QueryState>
    </>
  );
}

/** Chỉ số của tỉnh: the latest published result of each index (PCI, PAPI, PAR Index, …), if any. */
function ProvinceIndices({ code }: { code: string }) {
  const { lang, t } = useLang();
  const screens = Grid.useBreakpoint();
  const query = useQuery({
    queryKey: ['public', 'indices', code],
    queryFn: () => api.get<PublicIndices>('/public/indices', { authority: code }),
    retry: false,
  });
  // the indices are an addition: where the server has none to show (or no such route), say nothing
  if (query.isError) return null;
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('Chỉ số của tỉnh', 'Provincial indices')}</h2>}>
      <QueryState
        query={query}
        rows={3}
        isEmpty={(data) => data.results.length === 0}
        empty={t('Chưa có kết quả chỉ số nào được công bố.', 'No index result published yet.')}
      >
        {(data) => {
          const latest = new Map<string, PublicIndices['results'][number]>();
          for (const r of data.results) {
            const seen = latest.get(r.index);
            if (!seen || r.year > seen.year) latest.set(r.index, r);
          }
          const rows = [...latest.values()].map((r) => ({
            ...r,
            definition: data.indices.find((d) => d.code === r.index),
          }));
          return (
            <Table
              rowKey="index"
              size="small"
              pagination={false}
              scroll={{ x: true }}
              dataSource={rows}
              columns={[
                {
                  title: t('Chỉ số', 'Index'),
                  key: 'index',
                  render: (_, r) => (
                    <>
                      <strong>{r.definition?.shortName ?? r.index}</strong>
                      {screens.md && (
                        <div style={{ fontSize: 12, color: '#8c8c8c' }}>
                          {lang === 'en' ? r.definition?.nameEn : r.definition?.nameVi}
                        </div>
                      )}
                    </>
                  ),
                },
                { title: t('Năm', 'Year'), dataIndex: 'year', width: 70 },
                {
                  title: t('Điểm', 'Score'),
                  key: 'score',
                  width: 110,
                  render: (_, r) =>
                    r.score === null
                      ? '—'
                      : `${formatNumber(r.score, lang)}${r.unit === 'percent' ? ' %' : ` / ${formatNumber(r.scaleMax, lang)}`}`,
                },
                {
                  title: t('Xếp hạng', 'Rank'),
                  key: 'rank',
                  width: 100,
                  render: (_, r) =>
                    r.rank === null ? '—' : `${r.rank}${r.rankedOf ? `/${r.rankedOf}` : ''}`,
                },
                {
                  title: t('Nguồn', 'Source'),
                  key: 'source',
                  responsive: ['md'],
                  render: (_, r) =>
                    r.sourceUrl && /^https?:\/\//i.test(r.sourceUrl) ? (
                      <a href={r.sourceUrl} target="_blank" rel="noreferrer">
                        {r.sourceNote || r.definition?.publisher || r.sourceUrl}
                      </a>
                    ) : (
                      r.sourceNote || r.definition?.publisher || '—'
                    ),
                },
              ]}
            />
          );
        }}
      </QueryState>
    </Card>
  );
}
