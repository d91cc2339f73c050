import { useQuery } from '@tanstack/react-query';
import { DatePicker, Grid, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Reminders } from '../../../../src/shared/schemas/status.ts';
import { CsvButton } from '../../components/CsvButton.tsx';
import { FieldColumns } from '../../components/FieldColumns.tsx';
import { FilterField, SearchFilter } from '../../components/filters.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { api } from '../../lib/api.ts';
import { DATE_INPUT_FORMATS, formatDate, matchesSearch, todayInVietnam } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { useSetSearchParams } from '../../lib/search-params.ts';

type Reminder = Reminders['reminders'][number];

const YMD = /^\d{4}-\d{2}-\d{2}$/;

/** Nhắc nhở bằng văn bản: every written reminder incurred up to a date (GET /api/reminders). */
export function RemindersTab() {
  const t = useT();
  const [params] = useSearchParams();
  const setParams = useSetSearchParams();
  const asOfParam = params.get('asOf');
  const asOf = asOfParam && YMD.test(asOfParam) ? asOfParam : todayInVietnam();
  const [search, setSearch] = useState('');
  const narrow = !Grid.useBreakpoint().md;
  const query = useQuery({
    queryKey: ['reminders', { asOf }],
    queryFn: () => api.get<Reminders>('/reminders', { asOf }),
  });
  const rows = useMemo(
    () =>
      [...(query.data?.reminders ?? [])]
        .filter(
          (r) => !search.trim() || matchesSearch(`${r.agencyName} ${r.agency} ${r.plan} ${r.task}`, search),
        )
        .sort(
          (a, b) =>
            b.remindedOn.localeCompare(a.remindedOn) || a.agencyName.localeCompare(b.agencyName, 'vi'),
        ),
    [query.data, search],
  );
  const agencies = new Set(rows.map((r) => r.agency)).size;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <FieldColumns min={200} rowGap={12}>
        <FilterField id="reminders-as-of" label={t('Tính đến ngày', 'As of')}>
          <DatePicker
            id="reminders-as-of"
            format={DATE_INPUT_FORMATS}
            allowClear={false}
            value={dayjs(asOf)}
            onChange={(value) => {
              if (value) setParams({ asOf: value.format('YYYY-MM-DD') });
            }}
            style={{ width: '100%' }}
          />
        </FilterField>
        <SearchFilter id="reminders-search" value={search} onChange={setSearch} />
        <div style={{ alignSelf: 'end' }}>
          <CsvButton path="/reminders" query={{ asOf }} />
        </div>
      </FieldColumns>
      <QueryState
        query={query}
        isEmpty={(data) => data.reminders.length === 0}
        empty={t(
          `Chưa có nhắc nhở bằng văn bản nào tính đến ngày ${formatDate(asOf)}.`,
          `No written reminder up to ${formatDate(asOf)}.`,
        )}
      >
        {() => (
          <>
            <Typography.Text>
              <strong data-testid="reminders-total">{rows.length}</strong>{' '}
              {t(`lần nhắc nhở, ${agencies} cơ quan, đơn vị`, `reminders, ${agencies} agencies`)}
            </Typography.Text>
            <Table<Reminder>
              size="small"
              rowKey={(r) => `${r.agency}|${r.plan}|${r.task}|${r.occurrence}`}
              dataSource={rows}
              scroll={narrow ? undefined : { x: 760 }}
              pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100] }}
              locale={{ emptyText: t('Không có nhắc nhở nào khớp.', 'No reminder matches.') }}
              columns={
                narrow
                  ? [
                      {
                        title: t('Nhắc nhở', 'Reminder'),
                        key: 'all',
                        render: (_, r) => (
                          <>
                            <div>{r.agencyName}</div>
                            <Typography.Text type="secondary">
                              {r.task}
                              {r.occurrence > 1 ? ` (${t('lần', 'occurrence')} ${r.occurrence})` : ''} ·{' '}
                              {r.plan} · {t('hạn', 'due')} {formatDate(r.dueOn)} · {t('nhắc nhở', 'reminded')}{' '}
                              {formatDate(r.remindedOn)}
                            </Typography.Text>
                          </>
                        ),
                      },
                    ]
                  : [
                      { title: t('Cơ quan, đơn vị', 'Agency'), dataIndex: 'agencyName' },
                      { title: t('Kế hoạch', 'Plan'), dataIndex: 'plan', width: 130 },
                      {
                        title: t('Nhiệm vụ', 'Task'),
                        key: 'task',
                        width: 120,
                        render: (_, r) =>
                          r.occurrence > 1 ? `${r.task} (${t('lần', 'occurrence')} ${r.occurrence})` : r.task,
                      },
                      {
                        title: t('Hạn xử lý', 'Due'),
                        dataIndex: 'dueOn',
                        width: 120,
                        render: (d: string) => formatDate(d),
                      },
                      {
                        title: t('Ngày nhắc nhở', 'Reminded on'),
                        dataIndex: 'remindedOn',
                        width: 130,
                        render: (d: string) => formatDate(d),
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
