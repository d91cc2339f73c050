import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Card, Flex, Segmented, Space, Tabs, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ExtensionItem, ExtensionStatus } from '../../../../src/shared/schemas/extension.ts';
import type { ObstacleItem, ObstacleStatus } from '../../../../src/shared/schemas/obstacle.ts';
import type { ResultItem, ResultStatus } from '../../../../src/shared/schemas/result.ts';
import { CsvButton } from '../../components/CsvButton.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { api, type Page } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import { ItemList } from '../inbox/ItemList.tsx';
import {
  ExtensionStatusTag,
  FileLinks,
  ObstacleStatusTag,
  ResultStatusTag,
  RoleTag,
} from '../inbox/labels.tsx';
import {
  AcceptResultButton,
  ApproveExtensionButton,
  RejectExtensionButton,
  RespondObstacleButton,
  ReturnResultButton,
} from './decisions.tsx';

type TabKey = 'ket-qua' | 'gia-han' | 'vuong-mac';
const PAGE_SIZE = 20;

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

function useStatusParam<T extends string>(
  values: readonly T[],
): [T, (value: T) => void, number, (p: number) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('trang-thai') as T | null;
  const status = raw && values.includes(raw) ? raw : (values[0] as T);
  const page = Math.max(1, Number(params.get('trang')) || 1);
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    if (key !== 'trang') next.delete('trang');
    setParams(next, { replace: true });
  };
  return [
    status,
    (v) => set('trang-thai', v === values[0] ? null : v),
    page,
    (p) => set('trang', p > 1 ? String(p) : null),
  ];
}

/** What every queue item shows first: the task, its plan and agency, linked to the assignment page. */
function ItemHead({
  assignmentId,
  task,
  plan,
  agency,
  extra,
}: {
  assignmentId: number;
  task: string;
  plan: string;
  agency: string;
  extra: ReactNode;
}) {
  const t = useT();
  return (
    <Flex justify="space-between" gap={8} wrap style={{ marginBottom: 6 }}>
      <div style={{ minWidth: 0 }}>
        <Typography.Text strong>{agency}</Typography.Text>
        <div>
          <Link to={`/nhiem-vu/${assignmentId}`}>
            {t('Nhiệm vụ', 'Task')} {task} · {t('Kế hoạch', 'Plan')} {plan}
          </Link>
        </div>
      </div>
      <Space wrap>{extra}</Space>
    </Flex>
  );
}

function Queue<T extends { id: number }>({
  query,
  page,
  setPage,
  empty,
  render,
}: {
  query: ReturnType<typeof useQuery<Page<T>>>;
  page: number;
  setPage: (p: number) => void;
  empty: string;
  render: (item: T) => ReactNode;
}) {
  return (
    <QueryState query={query} isEmpty={(d) => d.items.length === 0} empty={empty}>
      {(data) => (
        <ItemList
          items={data.items}
          rowKey={(item) => item.id}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: data.total, onChange: setPage }}
          render={render}
        />
      )}
    </QueryState>
  );
}

function ResultsQueue() {
  const t = useT();
  const statuses = ['pending', 'accepted', 'returned'] as const;
  const [status, setStatus, page, setPage] = useStatusParam<ResultStatus>(statuses);
  const query = useQuery({
    queryKey: ['review', 'results', status, page],
    queryFn: () =>
      api.get<Page<ResultItem>>('/results', { status, internal: 'false', page, pageSize: PAGE_SIZE }),
  });
  return (
    <>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
        <Segmented
          value={status}
          onChange={setStatus}
          options={[
            { value: 'pending', label: t('Chờ xem xét', 'Awaiting') },
            { value: 'accepted', label: t('Đã tiếp nhận', 'Accepted') },
            { value: 'returned', label: t('Đã trả lại', 'Returned') },
          ]}
        />
        <CsvButton path="/results" query={{ status, internal: 'false' }} size="small" />
      </Flex>
      <Queue
        query={query}
        page={page}
        setPage={setPage}
        empty={
          status === 'pending'
            ? t('Không có kết quả nào chờ xem xét.', 'No result awaits review.')
            : t('Không có kết quả nào.', 'No results.')
        }
        render={(r) => (
          <>
            <ItemHead
              assignmentId={r.assignmentId}
              task={r.task}
              plan={r.plan}
              agency={r.agencyName}
              extra={<ResultStatusTag status={r.status} />}
            />
            <Typography.Paragraph style={{ marginBottom: 4 }}>
              {t('Văn bản', 'Document')} <strong>{r.documentNumber ?? '—'}</strong> ·{' '}
              {t('gửi ngày', 'submitted')} {formatDate(r.submittedOn)}
              {r.dueOn && (
                <>
                  {' '}
                  · {t('hạn', 'due')} {formatDate(r.dueOn)}{' '}
                  {r.submittedOn <= r.dueOn ? (
                    <Typography.Text type="success">({t('đúng hạn', 'on time')})</Typography.Text>
                  ) : (
                    <Typography.Text type="warning">({t('trễ hạn', 'late')})</Typography.Text>
                  )}
                </>
              )}
            </Typography.Paragraph>
            {r.note && (
              <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
                {r.note}
              </Typography.Paragraph>
            )}
            <FileLinks files={r.files} />
            {r.returnReason && (
              <Typography.Paragraph type="warning" style={{ margin: '4px 0 0' }}>
                {t('Lý do trả lại:', 'Reason:')} {r.returnReason}
              </Typography.Paragraph>
            )}
            {r.decidedOn && (
              <Typography.Text type="secondary">
                {formatDate(r.decidedOn)} · {r.decidedBy}
              </Typography.Text>
            )}
            {r.status === 'pending' && (
              <Space wrap style={{ marginTop: 8 }}>
                <AcceptResultButton resultId={r.id} />
                <ReturnResultButton resultId={r.id} />
              </Space>
            )}
          </>
        )}
      />
    </>
  );
}

function ExtensionsQueue() {
  const t = useT();
  const [status, setStatus, page, setPage] = useStatusParam<ExtensionStatus>([
    'pending',
    'approved',
    'rejected',
  ]);
  const query = useQuery({
    queryKey: ['review', 'extensions', status, page],
    queryFn: () => api.get<Page<ExtensionItem>>('/extensions', { status, page, pageSize: PAGE_SIZE }),
  });
  return (
    <>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
        <Segmented
          value={status}
          onChange={setStatus}
          options={[
            { value: 'pending', label: t('Chờ quyết định', 'Awaiting') },
            { value: 'approved', label: t('Đã duyệt', 'Approved') },
            { value: 'rejected', label: t('Đã từ chối', 'Rejected') },
          ]}
        />
        <CsvButton path="/extensions" query={{ status }} size="small" />
      </Flex>
      <Queue
        query={query}
        page={page}
        setPage={setPage}
        empty={
          status === 'pending'
            ? t('Không có đề nghị gia hạn nào chờ quyết định.', 'No extension awaits a decision.')
            : t('Không có đề nghị nào.', 'No requests.')
        }
        render={(e) => (
          <>
            <ItemHead
              assignmentId={e.assignmentId}
              task={e.task}
              plan={e.plan}
              agency={e.agency.name}
              extra={<ExtensionStatusTag status={e.status} />}
            />
            <Typography.Paragraph style={{ marginBottom: 4 }}>
              {t('Hạn hiện tại', 'Current deadline')} <strong>{formatDate(e.currentDueOn)}</strong> →{' '}
              {t('đề nghị đến', 'asked until')} <strong>{formatDate(e.requestedDueOn)}</strong>
              <Typography.Text type="secondary">
                {' '}
                · {t('đề nghị ngày', 'asked on')} {formatDate(e.requestedOn)}
              </Typography.Text>
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
              {t('Lý do:', 'Reason:')} {e.reason}
            </Typography.Paragraph>
            {e.decidedOn && (
              <Typography.Text type="secondary">
                {[formatDate(e.decidedOn), e.decidedBy, e.decisionNote].filter(Boolean).join(' · ')}
              </Typography.Text>
            )}
            {e.status === 'pending' && (
              <Space wrap style={{ marginTop: 8 }}>
                <ApproveExtensionButton extensionId={e.id} version={e.assignmentVersion} />
                <RejectExtensionButton extensionId={e.id} />
              </Space>
            )}
          </>
        )}
      />
    </>
  );
}

function ObstaclesQueue() {
  const t = useT();
  const [status, setStatus, page, setPage] = useStatusParam<ObstacleStatus>(['open', 'answered']);
  const query = useQuery({
    queryKey: ['review', 'obstacles', status, page],
    queryFn: () => api.get<Page<ObstacleItem>>('/obstacles', { status, page, pageSize: PAGE_SIZE }),
  });
  return (
    <>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
        <Segmented
          value={status}
          onChange={setStatus}
          options={[
            { value: 'open', label: t('Chờ trả lời', 'Awaiting') },
            { value: 'answered', label: t('Đã trả lời', 'Answered') },
          ]}
        />
        <CsvButton path="/obstacles" query={{ status }} size="small" />
      </Flex>
      <Queue
        query={query}
        page={page}
        setPage={setPage}
        empty={
          status === 'open'
            ? t('Không có khó khăn, vướng mắc nào chờ trả lời.', 'No obstacle awaits an answer.')
            : t('Chưa có trả lời nào.', 'No answers yet.')
        }
        render={(o) => (
          <>
            <ItemHead
              assignmentId={o.assignmentId}
              task={o.task}
              plan={o.plan}
              agency={o.agency.name}
              extra={
                <>
                  <RoleTag role={o.role} />
                  <ObstacleStatusTag status={o.status} />
                </>
              }
            />
            <Typography.Paragraph style={{ marginBottom: 4 }}>{o.description}</Typography.Paragraph>
            {o.proposal && (
              <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
                {t('Đề xuất:', 'Proposal:')} {o.proposal}
              </Typography.Paragraph>
            )}
            <Typography.Text type="secondary">
              {t('Báo cáo ngày', 'Reported')} {formatDate(o.reportedOn)}
            </Typography.Text>
            {o.response && (
              <Alert
                type="success"
                style={{ marginTop: 6 }}
                title={[t('Trả lời', 'Answer'), o.respondedOn && formatDate(o.respondedOn), o.respondedBy]
                  .filter(Boolean)
                  .join(' · ')}
                description={o.response}
              />
            )}
            {o.status === 'open' && (
              <div style={{ marginTop: 8 }}>
                <RespondObstacleButton obstacleId={o.id} />
              </div>
            )}
          </>
        )}
      />
    </>
  );
}
