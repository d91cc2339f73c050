import { useQuery } from '@tanstack/react-query';
import { Descriptions, Grid, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { AgencyScore, Cause, Scores } from '../../../../src/shared/schemas/scoring.ts';
import { CsvButton } from '../../components/CsvButton.tsx';
import { FieldColumns } from '../../components/FieldColumns.tsx';
import { SearchFilter, YearFilter } from '../../components/filters.tsx';
import { ProvisionalNotice } from '../../components/ProvisionalNotice.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { api } from '../../lib/api.ts';
import { STATE_TAG_COLORS, stateLabel } from '../../lib/domain.ts';
import { formatDate, formatNumber, formatRate, matchesSearch, todayInVietnam } from '../../lib/format.ts';
import { type Lang, useLang } from '../../lib/i18n.tsx';
import { useSetSearchParams } from '../../lib/search-params.ts';

/** The year in the URL (`?year=`), this year when none. */
export function useYearParam(): [number, (year: number) => void] {
  const [params] = useSearchParams();
  const setParams = useSetSearchParams();
  const param = Number(params.get('year'));
  const year =
    Number.isInteger(param) && param >= 2000 && param <= 2100 ? param : Number(todayInVietnam().slice(0, 4));
  return [year, (next) => setParams({ year: next })];
}

const GRADE_COLORS: Record<string, string> = {
  'Xuất sắc': 'green',
  Tốt: 'blue',
  Khá: 'cyan',
  'Trung bình': 'gold',
  Đạt: 'gold',
  Yếu: 'red',
  'Không đạt': 'red',
};

/** Chấm điểm năm: per agency the max, points, rate and grade, and every point lost with its reasons. */
export function ScoresTab() {
  const { t, lang } = useLang();
  const [year, setYear] = useYearParam();
  const [search, setSearch] = useState('');
  const narrow = !Grid.useBreakpoint().md;
  const query = useQuery({
    queryKey: ['scores', { year }],
    queryFn: () => api.get<Scores>('/scores', { year }),
  });
  const rows = useMemo(
    () =>
      (query.data?.agencies ?? []).filter(
        (a) => !search.trim() || matchesSearch(`${a.name} ${a.code}`, search),
      ),
    [query.data, search],
  );

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <FieldColumns min={200} rowGap={12}>
        <YearFilter id="scores-year" year={year} onChange={setYear} />
        <SearchFilter
          id="scores-search"
          label={t('Tìm cơ quan, đơn vị', 'Search agency')}
          value={search}
          onChange={setSearch}
          placeholder={t('ví dụ: van phong', 'e.g. van phong')}
        />
        <div style={{ alignSelf: 'end' }}>
          <CsvButton path="/scores" query={{ year }} />
        </div>
      </FieldColumns>
      <QueryState
        query={query}
        isEmpty={(data) => data.agencies.length === 0}
        empty={t(`Năm ${year} chưa có cơ quan nào được chấm điểm.`, `No agency is scored for ${year}.`)}
      >
        {(data) => (
          <>
            <Typography.Text type="secondary">
              {t('Bộ tiêu chí', 'Rule set')}: {data.ruleSet.name}
              {data.ruleSet.source === 'configured' && data.ruleSet.version !== null
                ? t(` (phiên bản ${data.ruleSet.version})`, ` (version ${data.ruleSet.version})`)
                : ''}
              {data.ruleSet.excluded.length > 0 &&
                ` · ${t('Không chấm', 'Not scored')}: ${data.ruleSet.excluded.join(', ')}`}
            </Typography.Text>
            <ProvisionalNotice
              provisional={data.provisional}
              title={t(
                `Năm ${data.year} chưa kết thúc: điểm tạm tính đến ngày ${formatDate(data.asOf)} và có thể còn thay đổi.`,
                `${data.year} is not over: provisional scores as of ${formatDate(data.asOf)}; they may still change.`,
              )}
            />
            <Table<AgencyScore>
              size="small"
              rowKey="code"
              dataSource={rows}
              scroll={narrow ? undefined : { x: 820 }}
              pagination={false}
              expandable={{
                expandedRowRender: (agency) => <ScoreDetail agency={agency} lang={lang} />,
                rowExpandable: () => true,
              }}
              columns={
                narrow
                  ? [
                      { title: t('Cơ quan, đơn vị', 'Agency'), dataIndex: 'name' },
                      {
                        title: t('Điểm', 'Points'),
                        key: 'points',
                        align: 'right',
                        render: (_, a) => (
                          <>
                            <strong>
                              {formatNumber(a.points, lang)}/{formatNumber(a.max, lang)}
                            </strong>
                            <div>
                              <Tag color={GRADE_COLORS[a.grade] ?? 'default'} style={{ marginInlineEnd: 0 }}>
                                {a.grade}
                              </Tag>
                            </div>
                          </>
                        ),
                      },
                      {
                        title: t('Nhắc nhở', 'Reminders'),
                        dataIndex: 'reminders',
                        align: 'right',
                      },
                    ]
                  : [
                      { title: t('Cơ quan, đơn vị', 'Agency'), dataIndex: 'name' },
                      {
                        title: t('Điểm tối đa', 'Max'),
                        dataIndex: 'max',
                        align: 'right',
                        width: 100,
                        render: (v: number) => formatNumber(v, lang),
                      },
                      {
                        title: t('Điểm', 'Points'),
                        dataIndex: 'points',
                        align: 'right',
                        width: 90,
                        render: (v: number) => <strong>{formatNumber(v, lang)}</strong>,
                      },
                      {
                        title: t('Tỷ lệ đạt', 'Rate'),
                        dataIndex: 'rate',
                        align: 'right',
                        width: 100,
                        render: (v: number) => formatRate(v, lang),
                      },
                      {
                        title: t('Xếp loại', 'Grade'),
                        dataIndex: 'grade',
                        width: 140,
                        render: (g: string) => <Tag color={GRADE_COLORS[g] ?? 'default'}>{g}</Tag>,
                      },
                      {
                        title: t('Số lần nhắc nhở', 'Reminders'),
                        dataIndex: 'reminders',
                        align: 'right',
                        width: 130,
                      },
                      {
                        title: t('Đúng hạn / đến hạn', 'On time / due'),
                        key: 'onTime',
                        align: 'right',
                        width: 150,
                        render: (_, a) => `${a.onTime}/${a.due}`,
                      },
                    ]
              }
            />
          </>
        )}
      </QueryState>
    </Space>
  );
}

/** The criteria of one agency and, for every point lost, the reminders and tasks behind it. */
function ScoreDetail({ agency, lang }: { agency: AgencyScore; lang: Lang }) {
  const t = (vi: string, en: string) => (lang === 'en' ? en : vi);
  return (
    <Space
      orientation="vertical"
      size={12}
      style={{ width: '100%' }}
      data-testid={`score-detail-${agency.code}`}
    >
      <Descriptions
        size="small"
        bordered
        column={1}
        title={t('Theo tiêu chí', 'By criterion')}
        items={agency.criteria.map((c) => ({
          key: c.id,
          label: c.name,
          children: (
            <span>
              <strong>
                {formatNumber(c.points, lang)}/{formatNumber(c.max, lang)}
              </strong>
              {c.note && <Typography.Text type="secondary"> · {c.note}</Typography.Text>}
            </span>
          ),
        }))}
      />
      {agency.lost.length === 0 ? (
        <Typography.Text type="secondary">{t('Không bị trừ điểm.', 'No point lost.')}</Typography.Text>
      ) : (
        <div>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('Điểm bị trừ và lý do', 'Points lost and why')}
          </Typography.Title>
          {agency.lost.map((lost) => (
            <div key={`${lost.criterion}|${lost.reason}`} style={{ marginBottom: 12 }}>
              <Typography.Text>
                <Tag color={lost.points > 0 ? 'red' : 'default'}>−{formatNumber(lost.points, lang)}</Tag>
                {lost.reason}
              </Typography.Text>
              {lost.because.length > 0 && <CauseList causes={lost.because} lang={lang} />}
            </div>
          ))}
        </div>
      )}
    </Space>
  );
}

/** The reminders or tasks a point was lost for (or an agency criticised for). */
export function CauseList({ causes, lang }: { causes: Cause[]; lang: Lang }) {
  const t = (vi: string, en: string) => (lang === 'en' ? en : vi);
  return (
    <ul style={{ margin: '6px 0 0', paddingLeft: 20 }}>
      {causes.map((c) => (
        <li key={`${c.plan}|${c.task}|${c.occurrence}|${c.remindedOn ?? ''}`}>
          {t('Nhiệm vụ', 'Task')} {c.task}
          {c.occurrence > 1 ? ` (${t('lần', 'occurrence')} ${c.occurrence})` : ''} · {c.plan} ·{' '}
          {t('hạn', 'due')} {formatDate(c.dueOn)}
          {c.remindedOn && ` · ${t('nhắc nhở ngày', 'reminded on')} ${formatDate(c.remindedOn)}`}
          {c.doneOn && ` · ${t('hoàn thành ngày', 'done on')} ${formatDate(c.doneOn)}`}
          {c.state && (
            <Tag color={STATE_TAG_COLORS[c.state]} style={{ marginLeft: 6 }}>
              {stateLabel(c.state, lang)}
            </Tag>
          )}
        </li>
      ))}
    </ul>
  );
}
