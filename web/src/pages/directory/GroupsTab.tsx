import { PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Checkbox, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Group } from '../../../../src/shared/schemas/directory.ts';
import { GROUP_NOTE_MAX } from '../../../../src/shared/schemas/limits.ts';
import { FormModal, useFormDialog } from '../../components/FormModal.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { api } from '../../lib/api.ts';
import { matchesOptionLabel, matchesSearch } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import { ItemList } from '../inbox/ItemList.tsx';
import { fetchAll, useAgencies } from './agencies.ts';
import { NamesFields } from './NamesFields.tsx';
import { SearchBar } from './SearchBar.tsx';

/** Nhóm cơ quan ("Các sở, ban, ngành tỉnh"…): the names a plan uses for many agencies, and who is in each. */
export function GroupsTab() {
  const t = useT();
  const { can } = useSession();
  const groups = useQuery({
    queryKey: ['directory', 'groups'],
    queryFn: () => fetchAll<Group>('/directory/groups'),
  });
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Group | 'new' | null>(null);
  const rows = useMemo(
    () =>
      (groups.data ?? []).filter(
        (g) =>
          !search.trim() ||
          matchesSearch([g.name, ...g.aliases, ...g.members.map((m) => m.name)].join(' '), search),
      ),
    [groups.data, search],
  );
  return (
    <>
      <SearchBar
        value={search}
        onChange={setSearch}
        placeholder={t('Tìm nhóm hoặc cơ quan thành viên', 'Search groups or members')}
        label={t('Tìm nhóm', 'Search groups')}
      >
        {can('directory.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('Thêm nhóm', 'Add a group')}
          </Button>
        )}
      </SearchBar>
      <QueryState
        query={groups}
        isEmpty={(d) => d.length === 0}
        empty={t('Chưa có nhóm cơ quan.', 'No groups yet.')}
      >
        {() => (
          <ItemList
            grid={300}
            items={rows}
            rowKey={(g) => g.id}
            empty={t('Không tìm thấy nhóm nào.', 'No group found.')}
            render={(g) => (
              <>
                <Card
                  size="small"
                  title={g.name}
                  extra={
                    can('directory.write') && (
                      <Button size="small" icon={<TeamOutlined />} onClick={() => setEditing(g)}>
                        {t('Thành viên', 'Members')}
                      </Button>
                    )
                  }
                >
                  <Space size={4} wrap style={{ marginBottom: 8 }}>
                    <Tag>{t(`${g.members.length} cơ quan`, `${g.members.length} agencies`)}</Tag>
                    {g.isOpen && <Tag color="gold">{t('Nhóm mở', 'Open group')}</Tag>}
                  </Space>
                  {g.aliases.length > 0 && (
                    <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
                      {t('Tên khác:', 'Also:')} {g.aliases.join('; ')}
                    </Typography.Paragraph>
                  )}
                  {g.note && <Typography.Paragraph style={{ fontSize: 12 }}>{g.note}</Typography.Paragraph>}
                  <Typography.Paragraph
                    ellipsis={{ rows: 3, expandable: true, symbol: t('xem thêm', 'more') }}
                    style={{ marginBottom: 0 }}
                  >
                    {g.members.map((m) => m.name).join(', ') || t('(chưa có thành viên)', '(no members)')}
                  </Typography.Paragraph>
                </Card>
              </>
            )}
          />
        )}
      </QueryState>
      {editing && <GroupModal group={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}

interface GroupForm {
  name: string;
  aliases: string[];
  isOpen: boolean;
  note?: string;
  agencyIds: number[];
}

/** A new group (name, aliases, members) or the members of an existing one (PUT, with its version). */
function GroupModal({ group, onClose }: { group: Group | null; onClose: () => void }) {
  const t = useT();
  const agencies = useAgencies();
  const dialog = useFormDialog({
    mutationFn: (values: GroupForm) =>
      group
        ? api.put(`/directory/groups/${group.id}/members`, {
            agencyIds: values.agencyIds,
            version: group.version,
          })
        : api.post('/directory/groups', {
            name: values.name.trim(),
            aliases: values.aliases.map((x) => x.trim()).filter(Boolean),
            isOpen: values.isOpen,
            note: values.note?.trim() || undefined,
            agencyIds: values.agencyIds,
          }),
    success: t('Đã lưu nhóm.', 'Group saved.'),
    invalidate: [['directory']],
    onClose,
  });
  return (
    <FormModal<GroupForm>
      {...dialog}
      title={
        group
          ? t(`Thành viên: ${group.name}`, `Members: ${group.name}`)
          : t('Thêm nhóm cơ quan', 'Add a group')
      }
      okText={t('Lưu', 'Save')}
      width={640}
      initialValues={{
        name: '',
        aliases: [],
        isOpen: false,
        agencyIds: group?.members.map((m) => m.id) ?? [],
      }}
    >
      {!group && (
        <>
          <NamesFields
            nameLabel={t('Tên nhóm', 'Name')}
            nameMissing={t('Nhập tên nhóm.', 'Enter the name.')}
            aliasesLabel={t('Tên khác', 'Aliases')}
          />
          <Form.Item name="isOpen" valuePropName="checked">
            <Checkbox>
              {t('Nhóm mở (danh sách có thể chưa đầy đủ)', 'Open group (the list may be incomplete)')}
            </Checkbox>
          </Form.Item>
          <Form.Item name="note" label={t('Ghi chú', 'Note')}>
            <Input maxLength={GROUP_NOTE_MAX} />
          </Form.Item>
        </>
      )}
      <Form.Item name="agencyIds" label={t('Cơ quan thành viên', 'Member agencies')}>
        <Select
          mode="multiple"
          loading={agencies.isPending}
          aria-label={t('Cơ quan thành viên', 'Member agencies')}
          options={(agencies.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
          filterOption={matchesOptionLabel}
          maxTagCount="responsive"
        />
      </Form.Item>
    </FormModal>
  );
}
