import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Grid, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { PublicPlan } from '../../../../src/shared/schemas/public.ts';
import { BackLink, PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { api } from '../../lib/api.ts';
import { STATE_TAG_COLORS, stateLabel } from '../../lib/domain.ts';
import { formatDate, formatRate, matchesSearch } from '../../lib/format.ts';
import { useLang } from '../../lib/i18n.tsx';
import { DoneBar, StateCounts } from '../plans/parts.tsx';
import '../plans/plans.css';
import { ToolbarSearch } from '../../components/filters.tsx';

type Filter = 'all' | 'open_overdue' | 'open' | 'done';
const SHOWN_AGENCIES = 3;

/**
 * Công khai — one plan: header, progress, and every task as written with its lead agencies, deadline
 * and state as of today. Readable on a phone (one card per task); nothing internal is shown.
 */
export default function PublicPlanPage() {
  const { lang, t } = useLang();
  const { id } = useParams();
  const screens = Grid.useBreakpoint();
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const query = useQuery({
    queryKey: ['public', 'plan', id],
    queryFn: () => api.get<PublicPlan>(`/public/plans/${id}`),
  });
  const number = query.data?.plan.number;

  return (
    <>
      <PageHeader
        title={number ? t(`Kế hoạch ${number}`, `Plan ${number}`) : t('Kế hoạch', 'Plan')}
        subtitle={
          <BackLink to="/cong-khai">{t('Các kế hoạch được công khai', 'All published plans')}</BackLink>
        }
      />
      <QueryState query={query} rows={8}>
        {(data) => {
          const { plan } = data;
          const matches = (task: PublicPlan['tasks'][number]) =>
            matchesSearch(`${task.ref} ${task.content} ${task.leadAgencies.join(' ')}`, search) &&
            (filter === 'all' ||
              (filter === 'open_overdue' && task.state === 'open_overdue') ||
              (filter === 'open' && (task.state === 'open_on_time' || task.state === 'ongoing')) ||
              (filter === 'done' && (task.state === 'done_on_time' || task.state === 'done_late')));
          const groups = [
            ...(data.tasks.some((task) => task.section === null)
              ? [{ code: null as string | null, title: '' }]
              : []),
            ...data.sections.map((s) => ({ code: s.code as string | null, title: s.title })),
          ];
          return (
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <Card>
                <Typography.Paragraph strong style={{ fontSize: 15 }}>
                  {plan.title}
                </Typography.Paragraph>
                <Descriptions
                  layout={screens.md ? 'horizontal' : 'vertical'}
                  size="small"
                  column={{ xs: 1, sm: 2 }}
                  items={[
                    {
                      key: 'authority',
                      label: t('Cơ quan ban hành', 'Issued by'),
                      children: plan.authority.name,
                    },
                    {
                      key: 'issued',
                      label: t('Ngày ban hành', 'Issued on'),
                      children: formatDate(plan.issuedOn),
                    },
                    { key: 'signer', label: t('Người ký', 'Signed by'), children: plan.signer || '—' },
                    {
                      key: 'rate',
                      label: t('Tỷ lệ đúng hạn', 'On-time rate'),
                      children: formatRate(plan.progress.onTimeRate, lang),
                    },
                  ]}
                />
                <Typography.Text strong style={{ display: 'block', margin: '12px 0 4px' }}>
                  {t(`Tiến độ đến ngày ${formatDate(data.asOf)}`, `Progress as of ${formatDate(data.asOf)}`)}
                </Typography.Text>
                <Space orientation="vertical" size={6} style={{ width: '100%' }}>
                  <DoneBar counts={plan.progress.counts} width={320} />
                  <StateCounts counts={plan.progress.counts} />
                </Space>
              </Card>
              <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('Các nhiệm vụ', 'Tasks')}</h2>}>
                <div className="dd-toolbar">
                  <ToolbarSearch
                    label={t('Tìm nhiệm vụ', 'Search tasks')}
                    placeholder={t('Tìm theo nội dung, cơ quan', 'Search content, agency')}
                    value={search}
                    onChange={setSearch}
                  />
                  <Segmented<Filter>
                    value={filter}
                    onChange={setFilter}
                    aria-label={t('Lọc theo tình trạng', 'Filter by state')}
                    options={[
                      { value: 'all', label: t('Tất cả', 'All') },
                      { value: 'open_overdue', label: t('Quá hạn', 'Overdue') },
                      { value: 'open', label: t('Đang làm', 'Open') },
                      { value: 'done', label: t('Đã xong', 'Done') },
                    ]}
                  />
                </div>
                {groups.map((group) => {
                  const tasks = data.tasks.filter((task) => task.section === group.code && matches(task));
                  if (tasks.length === 0) return null;
                  const all = data.tasks.filter((task) => task.section === group.code);
                  const done = all.filter(
                    (task) => task.state === 'done_on_time' || task.state === 'done_late',
                  ).length;
                  return (
                    <section key={group.code ?? '-'} style={{ marginBottom: 16 }}>
                      {group.code && (
                        <div style={{ marginBottom: 8 }}>
                          <Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>
                            {group.code}. {group.title}
                          </Typography.Title>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {t(`${done}/${all.length} nhiệm vụ đã xong`, `${done}/${all.length} tasks done`)}
                          </Typography.Text>
                        </div>
                      )}
                      <ul className="dd-card-list dd-card-list-bordered">
                        {tasks.map((task) => (
                          <li key={task.ref}>
                            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                              <div>
                                <Tag>{task.ref}</Tag>
                                {task.content}
                              </div>
                              <Agencies names={task.leadAgencies} />
                              <Typography.Text type="secondary">
                                {t('Thời hạn: ', 'Deadline: ')}
                                {task.deadline || '—'}
                              </Typography.Text>
                              <div>
                                <Tag color={task.state ? STATE_TAG_COLORS[task.state] : 'default'}>
                                  {task.state
                                    ? stateLabel(task.state, lang)
                                    : t(task.stateLabel, 'Not started yet')}
                                </Tag>
                              </div>
                            </Space>
                          </li>
                        ))}
                      </ul>
                    </section>
                  );
                })}
                {data.tasks.filter(matches).length === 0 && (
                  <Typography.Text type="secondary">
                    {t('Không có nhiệm vụ phù hợp.', 'No matching task.')}
                  </Typography.Text>
                )}
              </Card>
            </Space>
          );
        }}
      </QueryState>
    </>
  );
}

function Agencies({ names }: { names: string[] }) {
  const { t } = useLang();
  const [all, setAll] = useState(false);
  const shown = all ? names : names.slice(0, SHOWN_AGENCIES);
  return (
    <div>
      <Typography.Text type="secondary">{t('Chủ trì: ', 'Lead: ')}</Typography.Text>
      {shown.length === 0 ? '—' : shown.join(', ')}
      {names.length > SHOWN_AGENCIES && (
        <Button type="link" size="small" onClick={() => setAll(!all)} style={{ paddingInline: 4 }}>
          {all
            ? t('Thu gọn', 'Show fewer')
            : t(
                `và ${names.length - SHOWN_AGENCIES} đơn vị khác`,
                `and ${names.length - SHOWN_AGENCIES} more`,
              )}
        </Button>
      )}
    </div>
  );
}
