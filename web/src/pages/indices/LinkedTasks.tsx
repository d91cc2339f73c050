import { DeleteOutlined } from '@ant-design/icons';
import { Button, Empty, Popconfirm, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../../lib/api.ts';
import { STATE_TAG_COLORS, stateLabel } from '../../lib/domain.ts';
import { formatDate } from '../../lib/format.ts';
import type { Lang } from '../../lib/i18n.tsx';
import { useApiMutation } from '../../lib/mutation.ts';
import type { LinkWithState, Overview } from './types.ts';

/** Nhiệm vụ gắn với chỉ số: the tasks and plans linked to the index, with the states of their assignments. */
export function LinkedTasks({ o, canConfigure, lang }: { o: Overview; canConfigure: boolean; lang: Lang }) {
  const t = (vi: string, en: string) => (lang === 'en' ? en : vi);
  const remove = useApiMutation({
    mutationFn: (id: number) => api.delete(`/indices/links/${id}`),
    success: t('Đã bỏ liên kết.', 'Link removed.'),
    invalidate: [['indices']],
  });
  const links: { link: LinkWithState; component: string | null }[] = [
    ...o.links.map((link) => ({ link, component: null })),
    ...o.components.flatMap((c) =>
      c.links.map((link) => ({ link, component: lang === 'en' ? c.nameEn : c.nameVi })),
    ),
  ];
  if (links.length === 0)
    return (
      <Empty description={t('Chưa gắn nhiệm vụ nào với chỉ số này.', 'No task is linked to this index.')} />
    );
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="index-links">
      {links.map(({ link, component }) => (
        <li
          key={link.id}
          style={{ display: 'flex', gap: 8, padding: '10px 0', borderBottom: '1px solid rgba(5,5,5,0.06)' }}
        >
          <div className="dd-index-link" style={{ flex: 1 }}>
            <div>
              {component && <Tag color="blue">{component}</Tag>}
              {link.planId !== null && (
                <Link to={`/ke-hoach/${link.planId}`}>
                  {link.kind === 'plan'
                    ? t(`Kế hoạch ${link.plan}`, `Plan ${link.plan}`)
                    : `${link.plan} · ${t('nhiệm vụ', 'task')} ${link.task}`}
                </Link>
              )}
              {link.kind === 'assignment' && link.agency && ` · ${link.agency}`}
            </div>
            {link.taskContent && (
              <Typography.Paragraph
                ellipsis={{ rows: 2, expandable: true, symbol: t('xem thêm', 'more') }}
                style={{ marginBottom: 0 }}
              >
                {link.taskContent}
              </Typography.Paragraph>
            )}
            <LinkStates link={link} lang={lang} />
          </div>
          {canConfigure && (
            <Popconfirm
              title={t('Bỏ liên kết này?', 'Remove this link?')}
              okText={t('Bỏ', 'Remove')}
              cancelText={t('Hủy', 'Cancel')}
              onConfirm={() => remove.mutate(link.id)}
            >
              <Tooltip title={t('Bỏ liên kết', 'Remove the link')}>
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t(
                    `Bỏ liên kết ${link.task ?? link.plan ?? ''}`,
                    `Remove the link ${link.task ?? link.plan ?? ''}`,
                  )}
                />
              </Tooltip>
            </Popconfirm>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The states of a link's assignments: each one when few, counts per state when many (a whole plan). */
function LinkStates({ link, lang }: { link: LinkWithState; lang: Lang }) {
  if (link.assignments.length === 0)
    return (
      <Typography.Text type="secondary">
        {lang === 'en' ? 'No assignment opened yet' : 'Chưa có lượt giao nào đến hạn mở'}
      </Typography.Text>
    );
  if (link.assignments.length > 4)
    return (
      <div className="dd-index-assignments">
        {Object.entries(link.counts).map(([state, count]) => (
          <Tag key={state} color={STATE_TAG_COLORS[state as keyof typeof STATE_TAG_COLORS]}>
            {stateLabel(state as keyof typeof STATE_TAG_COLORS, lang)}: {count}
          </Tag>
        ))}
      </div>
    );
  return (
    <div className="dd-index-assignments">
      {link.assignments.map((a) => (
        <span key={a.id}>
          <Link to={`/nhiem-vu/${a.id}`}>{a.agencyName}</Link>{' '}
          <Tag color={STATE_TAG_COLORS[a.state]} style={{ marginInlineEnd: 0 }}>
            {stateLabel(a.state, lang)}
          </Tag>
          {a.dueOn && (
            <Typography.Text type="secondary">
              {' '}
              {lang === 'en' ? `due ${formatDate(a.dueOn)}` : `hạn ${formatDate(a.dueOn)}`}
            </Typography.Text>
          )}
        </span>
      ))}
    </div>
  );
}
