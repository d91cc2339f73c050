import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useT } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import { AgenciesTab } from './AgenciesTab.tsx';
import { GroupsTab } from './GroupsTab.tsx';
import { SuccessorsTab } from './SuccessorsTab.tsx';
import { UsersTab } from './UsersTab.tsx';

/** Danh mục: agencies (with aliases), groups and their members, successors and reorganisation, accounts. */
export default function DirectoryPage() {
  const t = useT();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const items = [
    { key: 'co-quan', label: t('Cơ quan', 'Agencies'), children: <AgenciesTab /> },
    { key: 'nhom', label: t('Nhóm cơ quan', 'Groups'), children: <GroupsTab /> },
    {
      key: 'ke-thua',
      label: t('Kế thừa, sắp xếp', 'Successors, reorganisation'),
      children: <SuccessorsTab />,
    },
    ...(can('user.manage')
      ? [{ key: 'tai-khoan', label: t('Tài khoản', 'Accounts'), children: <UsersTab /> }]
      : []),
  ];
  const tab = items.some((i) => i.key === params.get('tab')) ? (params.get('tab') as string) : 'co-quan';
  return (
    <>
      <PageHeader
        title={t('Danh mục', 'Directory')}
        subtitle={t('Cơ quan, nhóm, kế thừa và tài khoản', 'Agencies, groups, successors and accounts')}
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={items}
          destroyOnHidden
        />
      </Card>
    </>
  );
}
