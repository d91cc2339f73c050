import { useQuery } from '@tanstack/react-query';
import { Card, Col, Collapse, Empty, Row, Select, Space, Table, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import type { Commendations } from '../../../../src/shared/schemas/scoring.ts';
import { FieldColumns } from '../../components/FieldColumns.tsx';
import { FilterField, YearFilter } from '../../components/filters.tsx';
import { ProvisionalNotice } from '../../components/ProvisionalNotice.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { api } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { useLang } from '../../lib/i18n.tsx';
import { useSetSearchParams } from '../../lib/search-params.ts';
import { CauseList, useYearParam } from './ScoresTab.tsx';

const PERIODS = {
  year: { vi: 'Cả năm', en: 'Whole year', from: '01-01', to: '12-31' },
  h1: { vi: '6 tháng đầu năm', en: 'First half', from: '01-01', to: '06-30' },
  q1: { vi: 'Quý I', en: 'Q1', from: '01-01', to: '03-31' },
  q2: { vi: 'Quý II', en: 'Q2', from: '04-01', to: '06-30' },
  q3: { vi: 'Quý III', en: 'Q3', from: '07-01', to: '09-30' },
  q4: { vi: 'Quý IV', en: 'Q4', from: '10-01', to: '12-31' },
} as const;
type PeriodKey = keyof typeof PERIODS;

/** Biểu dương, phê bình: agencies all on time, and agencies reminded at least the threshold, for a period. */
export function CommendationsTab() {
  const { t, lang } = useLang();
  const [year, setYear] = useYearParam();
  const [params] = useSearchParams();
  const setParams = useSetSearchParams();
  const periodParam = params.get('period') ?? 'year';
  const period: PeriodKey = periodParam in PERIODS ? (periodParam as PeriodKey) : 'year';
  const from = `${year}-${PERIODS[period].from}`;
  const to = `${year}-${PERIODS[period].to}`;
  const query = useQuery({
    queryKey: ['commendations', { from, to }],
    queryFn: () => api.get<Commendations>('/commendations', { from, to }),
  });

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <FieldColumns min={160} rowGap={12} style={{ maxWidth: 520 }}>
        <YearFilter id="commend-year" year={year} onChange={setYear} />
        <FilterField id="commend-period" label={t('Kỳ', 'Period')}>
          <Select<PeriodKey>
            id="commend-period"
            value={period}
            onChange={(value) => setParams({ period: value })}
            options={(Object.keys(PERIODS) as PeriodKey[]).map((key) => ({
              value: key,
              label: lang === 'en' ? PERIODS[key].en : PERIODS[key].vi,
            }))}
            style={{ width: '100%' }}
          />
        </FilterField>
      </FieldColumns>
      <QueryState query={query}>
        {(data) => (
          <>
            <Typography.Text type="secondary">
              {t(
                `Nhiệm vụ có hạn xử lý từ ${formatDate(data.from)} đến ${formatDate(data.to)}. Phê bình khi bị nhắc nhở bằng văn bản từ ${data.threshold} lần trở lên.`,
                `Assignments due from ${formatDate(data.from)} to ${formatDate(data.to)}. Criticised from ${data.threshold} written reminders.`,
              )}
            </Typography.Text>
            <ProvisionalNotice
              provisional={data.provisional}
              title={t(
                `Kỳ này chưa kết thúc: danh sách tạm tính đến ngày ${formatDate(data.asOf)}.`,
                `The period is not over: provisional lists as of ${formatDate(data.asOf)}.`,
              )}
            />
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={10}>
                <Card
                  size="small"
                  title={t(`Biểu dương (${data.commended.length})`, `Commended (${data.commended.length})`)}
                >
                  {data.commended.length === 0 ? (
                    <Empty
                      image={Empty.PRESENTED_IMAGE_SIMPLE}
                      description={t(
                        'Không có cơ quan nào hoàn thành đúng hạn mọi nhiệm vụ đến hạn trong kỳ.',
                        'No agency did every task due in the period on time.',
                      )}
                    />
                  ) : (
                    <Table
                      size="small"
                      rowKey="code"
                      pagination={false}
                      dataSource={data.commended}
                      columns={[
                        { title: t('Cơ quan, đơn vị', 'Agency'), dataIndex: 'name' },
                        {
                          title: t('Nhiệm vụ đến hạn, đúng hạn', 'Due, all on time'),
                          dataIndex: 'due',
                          align: 'right',
                          width: 130,
                        },
                      ]}
                    />
                  )}
                </Card>
              </Col>
              <Col xs={24} lg={14}>
                <Card
                  size="small"
                  title={t(`Phê bình (${data.criticised.length})`, `Criticised (${data.criticised.length})`)}
                >
                  {data.criticised.length === 0 ? (
                    <Empty
                      image={Empty.PRESENTED_IMAGE_SIMPLE}
                      description={t('Không có cơ quan nào bị phê bình.', 'No agency is criticised.')}
                    />
                  ) : (
                    <Collapse
                      size="small"
                      items={data.criticised.map((agency) => ({
                        key: agency.code,
                        label: (
                          <span>
                            {agency.name} —{' '}
                            <strong>
                              {agency.reminders} {t('lần nhắc nhở', 'reminders')}
                            </strong>
                          </span>
                        ),
                        children: <CauseList causes={agency.because} lang={lang} />,
                      }))}
                    />
                  )}
                </Card>
              </Col>
            </Row>
          </>
        )}
      </QueryState>
    </Space>
  );
}
