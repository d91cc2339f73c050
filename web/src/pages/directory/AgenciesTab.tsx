import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Form, Input, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import type { Agency, AgencyKind } from '../../../../src/shared/schemas/directory.ts';
import { AGENCY_CODE_MAX } from '../../../../src/shared/schemas/limits.ts';
import { CsvButton } from '../../components/CsvButton.tsx';
import { FormModal, useFormDialog } from '../../components/FormModal.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { api } from '../../lib/api.ts';
import { agencyCodeRule } from '../../lib/form-rules.ts';
import { DATE_INPUT_FORMATS, formatDate, matchesSearch } from '../../lib/format.ts';
import { useLang } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import { KIND_LABELS, useAgencies } from './agencies.ts';
import { DirectoryList } from './DirectoryList.tsx';
import { NamesFields } from './NamesFields.tsx';
import { ReferenceImportButton } from './ReferenceImportButton.tsx';
import { SearchBar } from './SearchBar.tsx';

/** Cơ quan: the list with accent-insensitive search over names, codes and aliases; add and edit for the Office. */
export function AgenciesTab() {
  const { t, lang } = useLang();
  const { can } = useSession();
  const agencies = useAgencies();
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<AgencyKind | 'all'>('all');
  const [editing, setEditing] = useState<Agency | 'new' | null>(null);
  const kindLabel = (k: AgencyKind) => (lang === 'en' ? KIND_LABELS[k].en : KIND_LABELS[k].vi);

  const rows = useMemo(
    () =>
      (agencies.data ?? []).filter(
        (a) =>
          (kind === 'all' || a.kind === kind) &&
          (!search.trim() || matchesSearch([a.code, a.name, ...a.aliases].join(' '), search)),
      ),
    [agencies.data, search, kind],
  );

  const validity = (a: Agency) =>
    a.validFrom || a.validTo
      ? `${a.validFrom ? formatDate(a.validFrom) : '…'} – ${a.validTo ? formatDate(a.validTo) : '…'}`
      : t('Đang hoạt động', 'Active');
  const successors = (a: Agency) =>
    a.successors.length > 0 && (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('Kế thừa bởi', 'Succeeded by')} {a.successors.map((s) => s.name).join(', ')} (
        {formatDate(a.successors[0]?.effectiveOn)})
      </Typography.Text>
    );

  const editButton = (a: Agency) => (
    <Button
      type="text"
      icon={<EditOutlined />}
      aria-label={t(`Sửa ${a.name}`, `Edit ${a.name}`)}
      onClick={() => setEditing(a)}
    />
  );

  const columns: ColumnsType<Agency> = [
    { title: t('Mã', 'Code'), dataIndex: 'code', key: 'code', width: 110 },
    {
      title: t('Tên cơ quan', 'Name'),
      key: 'name',
      render: (_, a) => (
        <div>
          <Space size={4} wrap>
            <span>{a.name}</span>
            {a.isMonitor && <Tag color="red">{t('Cơ quan theo dõi', 'Monitor')}</Tag>}
          </Space>
          {a.aliases.length > 0 && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('Tên khác:', 'Also:')} {a.aliases.join('; ')}
              </Typography.Text>
            </div>
          )}
          {successors(a)}
        </div>
      ),
    },
    { title: t('Cấp', 'Level'), key: 'kind', width: 150, render: (_, a) => kindLabel(a.kind) },
    { title: t('Trực thuộc', 'Parent'), key: 'parent', width: 110, render: (_, a) => a.parentCode ?? '—' },
    { title: t('Hiệu lực', 'Valid'), key: 'valid', width: 190, render: (_, a) => validity(a) },
    ...(can('directory.write')
      ? [
          {
            title: t('Sửa', 'Edit'),
            key: 'edit',
            width: 60,
            render: (_: unknown, a: Agency) => editButton(a),
          },
        ]
      : []),
  ];

  return (
    <>
      <SearchBar
        value={search}
        onChange={setSearch}
        placeholder={t(
          'Tìm tên, mã, tên khác (không cần dấu)',
          'Search name, code, alias (accents optional)',
        )}
        label={t('Tìm cơ quan', 'Search agencies')}
      >
        <Select<AgencyKind | 'all'>
          value={kind}
          onChange={setKind}
          aria-label={t('Cấp', 'Level')}
          style={{ width: 170 }}
          options={[
            { value: 'all', label: t('Tất cả các cấp', 'All levels') },
            ...(Object.keys(KIND_LABELS) as AgencyKind[]).map((k) => ({ value: k, label: kindLabel(k) })),
          ]}
        />
        {can('directory.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('Thêm cơ quan', 'Add an agency')}
          </Button>
        )}
        {can('directory.write') && <ReferenceImportButton />}
        <CsvButton path="/directory/agencies" />
      </SearchBar>
      <QueryState query={agencies}>
        {() => (
          <DirectoryList
            rows={rows}
            columns={columns}
            label={t('Danh sách cơ quan', 'Agencies')}
            empty={t('Không tìm thấy cơ quan nào.', 'No agency found.')}
            card={(a) => ({
              title: a.name,
              extra: can('directory.write') && editButton(a),
              description: (
                <>
                  <div>
                    {a.code} · {kindLabel(a.kind)} · {validity(a)}
                  </div>
                  {a.aliases.length > 0 && <div>{a.aliases.join('; ')}</div>}
                  {successors(a)}
                </>
              ),
            })}
          />
        )}
      </QueryState>
      {editing && (
        <AgencyModal
          agency={editing === 'new' ? null : editing}
          agencies={agencies.data ?? []}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}

interface AgencyForm {
  code?: string;
  name: string;
  kind?: AgencyKind;
  parentId?: number | null;
  aliases: string[];
  validFrom?: Dayjs | null;
  validTo?: Dayjs | null;
}

function AgencyModal({
  agency,
  agencies,
  onClose,
}: {
  agency: Agency | null;
  agencies: Agency[];
  onClose: () => void;
}) {
  const { t, lang } = useLang();
  const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
  const dialog = useFormDialog({
    mutationFn: (values: AgencyForm) => {
      const common = {
        name: values.name.trim(),
        aliases: values.aliases.map((x) => x.trim()).filter(Boolean),
        validFrom: day(values.validFrom),
        validTo: day(values.validTo),
      };
      return agency
        ? api.patch(`/directory/agencies/${agency.id}`, { ...common, version: agency.version })
        : api.post('/directory/agencies', {
            ...common,
            code: values.code?.trim(),
            kind: values.kind,
            parentId: values.parentId ?? null,
          });
    },
    success: agency ? t('Đã lưu cơ quan.', 'Agency saved.') : t('Đã thêm cơ quan.', 'Agency added.'),
    invalidate: [['directory']],
    onClose,
  });
  return (
    <FormModal<AgencyForm>
      {...dialog}
      title={agency ? t(`Sửa: ${agency.name}`, `Edit: ${agency.name}`) : t('Thêm cơ quan', 'Add an agency')}
      okText={t('Lưu', 'Save')}
      initialValues={{
        name: agency?.name ?? '',
        aliases: agency?.aliases ?? [],
        kind: agency?.kind ?? 'province',
        parentId: agency?.parentId ?? null,
        validFrom: agency?.validFrom ? dayjs(agency.validFrom) : null,
        validTo: agency?.validTo ? dayjs(agency.validTo) : null,
      }}
    >
      {!agency && (
        <Form.Item name="code" label={t('Mã cơ quan', 'Code')} rules={[agencyCodeRule(t)]}>
          <Input maxLength={AGENCY_CODE_MAX} style={{ textTransform: 'uppercase' }} />
        </Form.Item>
      )}
      <NamesFields
        nameLabel={t('Tên cơ quan', 'Name')}
        nameMissing={t('Nhập tên cơ quan.', 'Enter the name.')}
        aliasesLabel={t('Tên khác (dùng khi nhập kế hoạch)', 'Aliases (used by the import)')}
      />
      {!agency && (
        <Flex gap={8} wrap>
          <Form.Item
            name="kind"
            label={t('Cấp', 'Level')}
            style={{ flex: '1 1 160px' }}
            rules={[{ required: true }]}
          >
            <Select
              options={(Object.keys(KIND_LABELS) as AgencyKind[]).map((k) => ({
                value: k,
                label: lang === 'en' ? KIND_LABELS[k].en : KIND_LABELS[k].vi,
              }))}
            />
          </Form.Item>
          <Form.Item name="parentId" label={t('Trực thuộc', 'Parent')} style={{ flex: '1 1 200px' }}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              options={agencies.map((a) => ({ value: a.id, label: a.name }))}
            />
          </Form.Item>
        </Flex>
      )}
      <Flex gap={8} wrap>
        <Form.Item name="validFrom" label={t('Hiệu lực từ ngày', 'Valid from')}>
          <DatePicker format={DATE_INPUT_FORMATS} />
        </Form.Item>
        <Form.Item name="validTo" label={t('Đến ngày', 'Valid to')}>
          <DatePicker format={DATE_INPUT_FORMATS} />
        </Form.Item>
      </Flex>
    </FormModal>
  );
}
