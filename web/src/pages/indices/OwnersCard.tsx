import { useQuery } from '@tanstack/react-query';
import { Form, Switch, Tag } from 'antd';
import { useState } from 'react';
import type { Owner } from '../../../../src/shared/schemas/indices.ts';
import { DeleteButton } from '../../components/ConfirmButton.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { PageQuerySelect } from '../../components/PageQuerySelect.tsx';
import { api, type Page } from '../../lib/api.ts';
import { todayInVietnam } from '../../lib/format.ts';
import { useLang } from '../../lib/i18n.tsx';
import { ComponentField, ConfigCard, useConfigDialog, useConfigRows } from './ConfigCard.tsx';
import { type IndexInfo, useComponentLabel } from './index-info.ts';

interface AgencyOption {
  id: number;
  code: string;
  name: string;
}

/** Cơ quan chủ trì: the owner agency of the index and of each component, and whether it may enter figures. */
export function OwnersCard({ info }: { info: IndexInfo }) {
  const { t } = useLang();
  const label = useComponentLabel(info);
  const [open, setOpen] = useState(false);
  const { query, remove } = useConfigRows<Owner>(
    info,
    'owners',
    t('Đã bỏ cơ quan chủ trì.', 'Owner removed.'),
  );
  return (
    <ConfigCard<Owner>
      title={t('Cơ quan chủ trì theo dõi', 'Owner agencies')}
      addLabel={t('Giao cơ quan chủ trì', 'Assign an owner')}
      onAdd={() => setOpen(true)}
      query={query}
      empty={t('Chưa giao cơ quan chủ trì.', 'No owner assigned.')}
      columns={[
        { title: t('Áp dụng cho', 'For'), key: 'component', render: (_, r) => label(r.component) },
        { title: t('Cơ quan', 'Agency'), key: 'agency', render: (_, r) => r.agency.name },
        {
          title: t('Được tự nhập số liệu', 'May enter figures'),
          key: 'edit',
          render: (_, r) =>
            r.ownerCanEdit ? <Tag color="blue">{t('Có', 'Yes')}</Tag> : <Tag>{t('Không', 'No')}</Tag>,
        },
        {
          title: t('Thao tác', 'Actions'),
          key: 'actions',
          render: (_, r) => (
            <DeleteButton
              question={t('Bỏ cơ quan chủ trì này?', 'Remove this owner?')}
              okText={t('Bỏ', 'Remove')}
              onConfirm={() => remove.mutate(r.id)}
              aria-label={t(`Bỏ ${r.agency.name}`, `Remove ${r.agency.name}`)}
            />
          ),
        },
      ]}
    >
      {open && <OwnerDialog info={info} onClose={() => setOpen(false)} />}
    </ConfigCard>
  );
}

function OwnerDialog({ info, onClose }: { info: IndexInfo; onClose: () => void }) {
  const { t } = useLang();
  const agencies = useQuery({
    queryKey: ['indices', 'agencies'],
    queryFn: () =>
      api.get<Page<AgencyOption>>('/directory/agencies', { pageSize: 200, validOn: todayInVietnam() }),
  });
  const dialog = useConfigDialog(
    (v: { component: string; agencyId: number; ownerCanEdit: boolean }) =>
      api.put('/indices/owners', {
        index: info.code,
        component: v.component || null,
        agencyId: v.agencyId,
        ownerCanEdit: v.ownerCanEdit ?? false,
      }),
    t('Đã giao cơ quan chủ trì.', 'Owner assigned.'),
    onClose,
  );
  return (
    <FormModal
      {...dialog}
      title={t('Giao cơ quan chủ trì', 'Assign an owner agency')}
      okText={t('Lưu', 'Save')}
      initialValues={{ component: '', ownerCanEdit: false }}
    >
      <ComponentField info={info} label={t('Áp dụng cho', 'For')} />
      <Form.Item
        name="agencyId"
        label={t('Cơ quan', 'Agency')}
        rules={[{ required: true, message: t('Hãy chọn cơ quan.', 'Choose an agency.') }]}
      >
        <PageQuerySelect
          query={agencies}
          option={(a) => ({ value: a.id, label: `${a.name} (${a.code})` })}
          placeholder={t('Gõ để tìm, ví dụ: so noi vu', 'Type to search, e.g. so noi vu')}
        />
      </Form.Item>
      <Form.Item
        name="ownerCanEdit"
        label={t('Cho phép cơ quan tự nhập số liệu và mục tiêu', 'Let the agency enter figures and targets')}
        valuePropName="checked"
      >
        <Switch />
      </Form.Item>
    </FormModal>
  );
}
