import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { Letter } from '../../../../src/shared/schemas/followup.ts';
import { CsvButton } from '../../components/CsvButton.tsx';
import { FilterField, yearOptions } from '../../components/filters.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { api, apiUrl, type Page } from '../../lib/api.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { loadingPage, usePaging } from '../../lib/paging.ts';

/** Công văn đôn đốc: the reminder letters issued, newest first, each downloadable (.docx). */
export function LettersTab() {
  const t = useT();
  const [year, setYear] = useState<number | undefined>(undefined);
  const { paging, pagination, firstPage } = usePaging();
  const query = useQuery({
    queryKey: ['letters', { year, ...paging }],
    queryFn: () => api.get<Page<Letter>>('/letters', { year, ...paging }),
    placeholderData: keepPreviousData,
  });

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: 12 }}>
        <FilterField id="letters-year" label={t('Năm', 'Year')} style={{ width: 240, maxWidth: '100%' }}>
          <Select<number | 'all'>
            id="letters-year"
            value={year ?? 'all'}
            onChange={(value) => {
              setYear(value === 'all' ? undefined : value);
              firstPage();
            }}
            options={[
              { value: 'all', label: t('Tất cả các năm', 'All years') },
              ...yearOptions().map((y) => ({ value: y, label: String(y) })),
            ]}
            style={{ width: '100%' }}
          />
        </FilterField>
        <CsvButton path="/letters" query={{ year }} />
      </div>
      <QueryState
        query={query}
        isEmpty={(data) => data.total === 0}
        empty={t(
          'Chưa có công văn đôn đốc nào. Công văn được ban hành khi quét nhắc việc.',
          'No reminder letter yet. Letters are issued by the follow-up sweep.',
        )}
      >
        {(data) => (
          <Table<Letter>
            size="small"
            rowKey="id"
            dataSource={data.items}
            loading={loadingPage(query)}
            scroll={{ x: 820 }}
            pagination={pagination(data, (total) => t(`${total} công văn`, `${total} letters`))}
            columns={[
              {
                title: t('Số', 'Number'),
                key: 'number',
                width: 110,
                render: (_, l) => `${l.number}/${l.year}`,
              },
              {
                title: t('Ngày ban hành', 'Issued on'),
                dataIndex: 'issuedOn',
                width: 120,
                render: (d: string) => formatDate(d),
              },
              {
                title: t('Gửi cơ quan, đơn vị', 'To agency'),
                key: 'agency',
                render: (_, l) => l.agency.name,
              },
              {
                title: t('Nhiệm vụ được nhắc', 'Tasks reminded'),
                key: 'tasks',
                render: (_, l) => (
                  <Space orientation="vertical" size={0}>
                    {l.tasks.map((task) => (
                      <span key={`${task.plan}|${task.task}|${task.dueOn}`}>
                        {task.task} · {task.plan} · {t('hạn', 'due')} {formatDate(task.dueOn)}
                        {task.withdrawnAt && (
                          <Tooltip title={task.withdrawnReason ?? undefined}>
                            <Tag style={{ marginLeft: 6 }}>
                              {t('Đã rút', 'Withdrawn')} {formatDateTime(task.withdrawnAt).slice(0, 10)}
                            </Tag>
                          </Tooltip>
                        )}
                      </span>
                    ))}
                  </Space>
                ),
              },
              {
                title: t('Tệp', 'File'),
                key: 'download',
                width: 120,
                render: (_, l) => (
                  <Typography.Link
                    href={apiUrl(`/letters/${l.id}/download`)}
                    download={l.fileName}
                    aria-label={t(
                      `Tải công văn số ${l.number}/${l.year}`,
                      `Download letter ${l.number}/${l.year}`,
                    )}
                  >
                    <DownloadOutlined /> {t('Tải về', 'Download')}
                  </Typography.Link>
                ),
              },
            ]}
          />
        )}
      </QueryState>
    </Space>
  );
}
