import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Card, Space, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { api, type Page } from '../../lib/api.ts';
import { useT } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import { ExtensionsQueue, ObstaclesQueue } from './RequestQueues.tsx';
import { ResultsQueue } from './ResultsQueue.tsx';

type TabKey = 'ket-qua' | 'gia-han' | 'vuong-mac';

/** Duyệt: the Office's queues — results to accept or return, extensions to decide, obstacles to answer. */
export default function ReviewPage() {
  const t = useT();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const tabs: { key: TabKey; allowed: boolean }[] = [
    { key: 'ket-qua', allowed: can('result.decide') },
    { key: 'gia-han', allowed: can('extension.decide') },
    { key: 'vuong-mac', allowed: can('obstacle.respond') },
  ];
  const allowed = tabs.filter((x) => x.allowed).map((x) => x.key);
  const asked = params.get('tab') as TabKey | null;
  const tab: TabKey | undefined = asked && allowed.includes(asked) ? asked : allowed[0];

  const counts = useQuery({
    queryKey: ['review', 'counts', allowed.join()],
    queryFn: async () => {
      const total = (path: string, query: Record<string, string>, ok: boolean) =>
        ok
          ? api.get<Page<unknown>>(path, { ...query, pageSize: 1 }).then((r) => r.total)
          : Promise.resolve(0);
      const [results, extensions, obstacles] = await Promise.all([
        total('/results', { status: 'pending', internal: 'false' }, can('result.decide')),
        total('/extensions', { status: 'pending' }, can('extension.decide')),
        total('/obstacles', { status: 'open' }, can('obstacle.respond')),
      ]);
      return { 'ket-qua': results, 'gia-han': extensions, 'vuong-mac': obstacles } as Record<TabKey, number>;
    },
  });
  const label = (text: string, key: TabKey) => (
    <Space size={6}>
      {text}
      {counts.data && (
        <Badge count={counts.data[key]} showZero color={counts.data[key] > 0 ? '#b71c1c' : '#bfbfbf'} />
      )}
    </Space>
  );
  const labels: Record<TabKey, string> = {
    'ket-qua': t('Kết quả báo cáo', 'Results'),
    'gia-han': t('Đề nghị gia hạn', 'Extensions'),
    'vuong-mac': t('Khó khăn, vướng mắc', 'Obstacles'),
  };

  return (
    <>
      <PageHeader
        title={t('Duyệt', 'Review')}
        subtitle={t(
          'Kết quả, gia hạn và khó khăn, vướng mắc chờ xử lý',
          'Results, extensions and obstacles awaiting a decision',
        )}
      />
      {!tab ? (
        <Alert
          type="info"
          showIcon
          title={t('Bạn không có việc duyệt nào.', 'You have nothing to review.')}
        />
      ) : (
        <Card>
          <Tabs
            activeKey={tab}
            onChange={(key) => setParams({ tab: key }, { replace: true })}
            items={allowed.map((key) => ({ key, label: label(labels[key], key) }))}
          />
          {tab === 'ket-qua' && <ResultsQueue />}
          {tab === 'gia-han' && <ExtensionsQueue />}
          {tab === 'vuong-mac' && <ObstaclesQueue />}
        </Card>
      )}
    </>
  );
}
