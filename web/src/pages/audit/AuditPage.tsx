import { SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type { AuditEntry } from '../../../../src/shared/schemas/audit.ts';
import { CsvButton } from '../../components/CsvButton.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { api, type Page } from '../../lib/api.ts';
import { DATE_INPUT_FORMATS, formatDate, formatDateTime } from '../../lib/format.ts';
import { useLang } from '../../lib/i18n.tsx';
import { useSetSearchParams } from '../../lib/search-params.ts';
import { ACTION_LABELS, ENTITY_LABELS } from './labels.ts';

const PAGE_SIZE = 50;

/** Nhật ký (admins): who did what, when and from where, filtered and paged; before/after as a readable diff. */
export default function AuditPage() {
  const { t, lang } = useLang();
  const [params, setParams] = useSearchParams();
  const setPage = useSetSearchParams();
  const filters = {
    actor: params.get('actor') ?? '',
    entity: params.get('entity') ?? '',
    action: params.get('action') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
  const page = Math.max(1, Number(params.get('trang')) || 1);
  const audit = useQuery({
    queryKey: ['audit', filters, page],
    queryFn: () =>
      api.get<Page<AuditEntry>>('/audit', {
        actor: filters.actor || undefined,
        entity: filters.entity || undefined,
        action: filters.action || undefined,
        from: filters.from || undefined,
        to: filters.to || undefined,
        page,
        pageSize: PAGE_SIZE,
      }),
    placeholderData: (previous) => previous,
  });
  const pick = (pair: [string, string] | undefined) =>
    pair ? (lang === 'en' ? pair[1] : pair[0]) : undefined;

  type FilterForm = {
    actor?: string;
    entity?: string;
    action?: string;
    range?: [Dayjs | null, Dayjs | null] | null;
  };
  const apply = (v: FilterForm) => {
    const next = new URLSearchParams();
    const set = (key: string, value: string | undefined) => {
      if (value?.trim()) next.set(key, value.trim());
    };
    set('actor', v.actor);
    set('entity', v.entity);
    set('action', v.action);
    set('from', v.range?.[0]?.format('YYYY-MM-DD'));
    set('to', v.range?.[1]?.format('YYYY-MM-DD'));
    setParams(next, { replace: true });
  };

  const columns: ColumnsType<AuditEntry> = [
    { title: t('Thời điểm', 'When'), key: 'at', width: 150, render: (_, e) => formatDateTime(e.at) },
    { title: t('Người thực hiện', 'Who'), dataIndex: 'actor', key: 'actor', width: 130 },
    {
      title: t('Thao tác', 'Action'),
      key: 'action',
      render: (_, e) => (
        <div style={{ minWidth: 160 }}>
          <div>{pick(ACTION_LABELS[e.action]) ?? e.action}</div>
          <Typography.Text type="secondary" code style={{ fontSize: 11 }}>
            {e.action}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('Đối tượng', 'Object'),
      key: 'entity',
      render: (_, e) => (
        <span>
          {pick(ENTITY_LABELS[e.entity]) ?? e.entity}
          {e.entityId && <Typography.Text type="secondary"> #{e.entityId}</Typography.Text>}
        </span>
      ),
    },
    { title: t('Địa chỉ IP', 'IP'), key: 'ip', width: 130, render: (_, e) => e.ip ?? '—' },
  ];

  return (
    <>
      <PageHeader
        title={t('Nhật ký hệ thống', 'Audit trail')}
        subtitle={t(
          'Ai làm gì, khi nào, từ đâu; chỉ ghi thêm, không sửa xóa',
          'Who did what, when, from where; append-only',
        )}
      />
      <Card style={{ marginBottom: 16 }}>
        <Form<FilterForm>
          layout="vertical"
          onFinish={apply}
          initialValues={{
            actor: filters.actor,
            entity: filters.entity || undefined,
            action: filters.action,
            range:
              filters.from || filters.to
                ? [filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]
                : null,
          }}
        >
          <Flex gap={12} wrap align="flex-end">
            <Form.Item
              name="actor"
              label={t('Người thực hiện', 'Who')}
              style={{ flex: '1 1 150px', marginBottom: 8 }}
            >
              <Input allowClear placeholder="vanphong" maxLength={100} />
            </Form.Item>
            <LabelFilter name="entity" label={t('Đối tượng', 'Object')} labels={ENTITY_LABELS} pick={pick} />
            <LabelFilter name="action" label={t('Thao tác', 'Action')} labels={ACTION_LABELS} pick={pick} />
            <Form.Item
              name="range"
              label={t('Khoảng ngày', 'Date range')}
              style={{ flex: '1 1 240px', marginBottom: 8 }}
            >
              <DatePicker.RangePicker
                format={DATE_INPUT_FORMATS}
                allowEmpty={[true, true]}
                style={{ width: '100%' }}
              />
            </Form.Item>
            <Form.Item style={{ marginBottom: 8 }}>
              <Space wrap>
                <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                  {t('Lọc', 'Filter')}
                </Button>
                <CsvButton path="/audit" query={filters} />
              </Space>
            </Form.Item>
          </Flex>
        </Form>
        {(filters.from || filters.to) && (
          <Typography.Text type="secondary">
            {t('Từ', 'From')} {formatDate(filters.from) || '…'} {t('đến', 'to')}{' '}
            {formatDate(filters.to) || '…'}
          </Typography.Text>
        )}
      </Card>
      <Card>
        <QueryState
          query={audit}
          isEmpty={(d) => d.items.length === 0}
          empty={t('Không có mục nào khớp bộ lọc.', 'Nothing matches the filters.')}
        >
          {(data) => (
            <Table<AuditEntry>
              rowKey="id"
              rowClassName="dd-audit-row"
              className="dd-fit-table"
              size="middle"
              columns={columns}
              dataSource={data.items}
              scroll={{ x: true }}
              expandable={{
                expandedRowRender: (e) => <EntryDetail entry={e} />,
                rowExpandable: () => true,
              }}
              pagination={{
                current: page,
                pageSize: PAGE_SIZE,
                total: data.total,
                showSizeChanger: false,
                showTotal: (total) => t(`${total} mục`, `${total} entries`),
                onChange: (p) => setPage({ trang: p }),
              }}
            />
          )}
        </QueryState>
      </Card>
    </>
  );
}

/** Nested JSON → flat 'a.b' paths with printable values; a list of plain values reads as one "x; y". */
function flatten(value: unknown, prefix = '', out: Map<string, string> = new Map()): Map<string, string> {
  const key = prefix || '—';
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) {
    out.set(key, value.length === 0 ? '∅' : value.map(String).join('; '));
    return out;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value)
      ? value.map((v, i) => [`[${i + 1}]`, v] as const)
      : Object.entries(value);
    if (entries.length === 0) out.set(key, '∅');
    for (const [k, v] of entries) {
      flatten(v, Array.isArray(value) ? `${prefix}${k}` : prefix ? `${prefix}.${k}` : String(k), out);
    }
    return out;
  }
  out.set(key, value === null || value === undefined || value === '' ? '∅' : String(value));
  return out;
}

function EntryDetail({ entry }: { entry: AuditEntry }) {
  const t = useLang().t;
  const hasDiff = entry.before != null || entry.after != null;
  const before = entry.before != null ? flatten(entry.before) : new Map<string, string>();
  const after = entry.after != null ? flatten(entry.after) : new Map<string, string>();
  const keys = [...new Set([...before.keys(), ...after.keys()])];
  const dataEntries = [...flatten(entry.data).entries()].filter(([k]) => k !== '—');
  return (
    <div className="dd-fit-table" style={{ maxWidth: 900 }}>
      {dataEntries.length > 0 && (
        <Descriptions
          size="small"
          column={1}
          bordered
          style={{ marginBottom: hasDiff ? 12 : 0 }}
          items={dataEntries.map(([key, value]) => ({ key, label: key, children: value }))}
        />
      )}
      {hasDiff && (
        <Table
          size="small"
          rowKey="key"
          pagination={false}
          scroll={{ x: true }}
          dataSource={keys.map((key) => ({ key, before: before.get(key), after: after.get(key) }))}
          rowClassName={(row) => (row.before !== row.after ? 'dd-audit-changed' : '')}
          columns={[
            {
              title: t('Trường', 'Field'),
              dataIndex: 'key',
              key: 'key',
              render: (k: string) => (
                <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
                  {k}
                </Typography.Text>
              ),
            },
            diffColumn('before', t('Trước', 'Before'), (v) => (
              <Typography.Text delete type="danger">
                {v}
              </Typography.Text>
            )),
            diffColumn('after', t('Sau', 'After'), (v) => (
              <Typography.Text type="success" strong>
                {v}
              </Typography.Text>
            )),
          ]}
        />
      )}
      {!hasDiff && dataEntries.length === 0 && (
        <Typography.Text type="secondary">{t('Không có dữ liệu chi tiết.', 'No details.')}</Typography.Text>
      )}
    </div>
  );
}

/** A filter by one of the labelled kinds (objects, actions), searchable by its label. */
function LabelFilter({
  name,
  label,
  labels,
  pick,
}: {
  name: string;
  label: string;
  labels: Record<string, [string, string]>;
  pick: (pair: [string, string]) => string | undefined;
}) {
  return (
    <Form.Item name={name} label={label} style={{ flex: '1 1 180px', marginBottom: 8 }}>
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        options={Object.entries(labels).map(([value, pair]) => ({ value, label: pick(pair) }))}
      />
    </Form.Item>
  );
}

interface DiffRow {
  key: string;
  before: string | undefined;
  after: string | undefined;
}

/** The value before or after the change: '—' when absent, `mark`ed when the two differ. */
function diffColumn(side: 'before' | 'after', title: string, mark: (value: string) => ReactNode) {
  return {
    title,
    dataIndex: side,
    key: side,
    render: (v: string | undefined, row: DiffRow) =>
      v === undefined ? '—' : row.before !== row.after ? mark(v) : v,
  };
}
