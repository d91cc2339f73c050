import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { Letter } from '../../../../src/shared/schemas/followup.ts';
import { CsvButton } from '../../components/CsvButton.tsx';
import { FilterField, yearOptions } from '../../components/filters.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { api, apiUrl, type Page } from '../../lib/api.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { loadingPage, usePaging } from '../../lib/paging.ts';
import { useSession } from '../../lib/session.tsx';
import { RegisterLetterDialog } from './RegisterLetterDialog.tsx';

/**
 * Công văn đôn đốc: the letters and correction notices, newest first, each downloadable (.docx); a
 * draft is registered by the Office (number and date) before it is sent (docs/domain-rules.md §6.1).
 */
export function LettersTab() {
  const t = useT();
  const { can } = useSession();
  const [registering, setRegistering] = useState<Letter | null>(null);
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
          'Chưa có công văn đôn đốc nào. Dự thảo được lập khi quét nhắc việc, rồi Văn phòng vào sổ để ban hành.',
          'No reminder letter yet. The sweep drafts them; the Office registers them to issue them.',
        )}
      >
        {(data) => (
          <Table<Letter>
            size="small"
            rowKey="id"
            className="dd-fit-table"
            dataSource={data.items}
            loading={loadingPage(query)}
            scroll={{ x: 820 }}
            pagination={pagination(data, (total) => t(`${total} công văn`, `${total} letters`))}
            columns={[
              {
                title: t('Số', 'Number'),
                key: 'number',
                width: 150,
                render: (_, l) => (
                  <Space orientation="vertical" size={0}>
                    <span>{l.numberLine.replace('Số: ', '')}</span>
                    {l.status === 'draft' && <Tag color="gold">{t('Dự thảo', 'Draft')}</Tag>}
                    {l.kind === 'correction' && <Tag color="blue">{t('Điều chỉnh', 'Correction')}</Tag>}
                  </Space>
                ),
              },
              {
                title: t('Ngày ban hành', 'Issued on'),
                key: 'issuedOn',
                width: 120,
                render: (_, l) =>
                  l.issuedOn ? (
                    formatDate(l.issuedOn)
                  ) : can('reminder.issue') ? (
                    <Button size="small" onClick={() => setRegistering(l)}>
                      {t('Vào sổ', 'Register')}
                    </Button>
                  ) : (
                    t('Chưa ban hành', 'Not issued')
                  ),
              },
              {
                title: t('Kính gửi', 'To'),
                key: 'agencies',
                render: (_, l) =>
                  l.agencies.length <= 3
                    ? l.agencies.map((a) => a.name).join('; ')
                    : t(`${l.agencies.length} cơ quan, đơn vị`, `${l.agencies.length} agencies`),
              },
              {
                title: t('Nhiệm vụ được nhắc', 'Tasks reminded'),
                key: 'tasks',
                render: (_, l) => (
                  <Space orientation="vertical" size={0}>
                    {l.tasks.map((task) => (
                      <span key={`${task.plan}|${task.task}|${task.dueOn}`}>
                        {l.agencies.length > 1 && `${task.agency}: `}
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
                    aria-label={t(`Tải công văn ${l.fileName}`, `Download letter ${l.fileName}`)}
                  >
                    <DownloadOutlined /> {t('Tải về', 'Download')}
                  </Typography.Link>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      {registering && <RegisterLetterDialog letter={registering} onClose={() => setRegistering(null)} />}
    </Space>
  );
}
