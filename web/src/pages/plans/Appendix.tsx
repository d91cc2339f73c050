import { StopOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Card, Grid, Popover, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router';
import type {
  PlanDetailView as PlanDetail,
  PlanTaskView as PlanTask,
} from '../../../../src/shared/plan-assignments.ts';
import { formatDate } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { withAsOf } from '../../lib/search-params.ts';
import { DoneBar, StateTag } from './parts.tsx';
import { byAgency, countsOf, openedLeads, type summaryState } from './plan-state.ts';
import './plans.css';
import { TaskLeader } from './TaskLeader.tsx';

type Row =
  | { kind: 'section'; key: string; code: string; title: string; detail: PlanDetail['sections'][number] }
  | { kind: 'task'; key: string; task: PlanTask };

/** More lead agencies than this and the cell sums them up by state, with the full list a click away. */
const MAX_TAGS = 3;

/**
 * Phụ lục: the appendix as the document has it — sections as group rows, then STT, Nội dung công việc,
 * Cơ quan chủ trì, Cơ quan phối hợp, Thời hạn — plus each task's state (per lead agency) and progress,
 * and each section's progress. A card per task on a phone.
 */
export function Appendix({
  detail,
  onCancelTask,
}: {
  detail: PlanDetail;
  onCancelTask?: ((task: PlanTask) => void) | undefined;
}) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const rows: Row[] = [];
  const sectionless = detail.tasks.filter(
    (task) => !detail.sections.some((s) => s.code === task.sectionCode),
  );
  for (const task of sectionless) rows.push({ kind: 'task', key: `t${task.id}`, task });
  for (const section of detail.sections) {
    rows.push({
      kind: 'section',
      key: `s${section.code}`,
      code: section.code,
      title: section.title,
      detail: section,
    });
    for (const task of detail.tasks.filter((x) => x.sectionCode === section.code)) {
      rows.push({ kind: 'task', key: `t${task.id}`, task });
    }
  }

  if (!screens.md) {
    return (
      <div>
        {rows.map((row) =>
          row.kind === 'section' ? (
            <div key={row.key} style={{ margin: '16px 0 8px' }}>
              <Typography.Title level={3} style={{ fontSize: 15, marginBottom: 4 }}>
                {row.code}. {row.title}
              </Typography.Title>
              <DoneBar counts={row.detail.progress} width={240} />
            </div>
          ) : (
            <Card key={row.key} size="small" style={{ marginBottom: 8 }}>
              <TaskCard task={row.task} detail={detail} onCancelTask={onCancelTask} />
            </Card>
          ),
        )}
      </div>
    );
  }

  const section = (row: Row) => (row.kind === 'section' ? { colSpan: 0 } : {});
  const columns: ColumnsType<Row> = [
    {
      title: 'STT',
      key: 'no',
      width: 52,
      onCell: (row) =>
        row.kind === 'section'
          ? { colSpan: onCancelTask ? 7 : 6, style: { background: '#fafafa', fontWeight: 600 } }
          : {},
      render: (_, row) =>
        row.kind === 'section' ? (
          <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
            <span>
              {row.code}. {row.title}
            </span>
            <DoneBar counts={row.detail.progress} width={200} />
          </Space>
        ) : (
          <span className={row.task.cancelledOn ? 'dd-cancelled' : undefined}>{row.task.no}</span>
        ),
    },
    {
      title: t('Nội dung công việc', 'Task'),
      key: 'content',
      width: 310,
      onCell: section,
      render: (_, row) =>
        row.kind === 'task' && (
          <>
            <div className={`dd-pre${row.task.cancelledOn ? ' dd-cancelled' : ''}`}>{row.task.content}</div>
            {row.task.cancelledOn && (
              <Tag style={{ marginTop: 4 }}>
                {t(
                  `Đã hủy từ ${formatDate(row.task.cancelledOn)}`,
                  `Cancelled from ${formatDate(row.task.cancelledOn)}`,
                )}
              </Tag>
            )}
            {row.task.note && (
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
                {t('Ghi chú: ', 'Note: ')}
                {row.task.note}
              </Typography.Text>
            )}
            <TaskLeader task={row.task} />
          </>
        ),
    },
    {
      title: t('Cơ quan chủ trì', 'Lead agency'),
      key: 'lead',
      width: 140,
      onCell: section,
      render: (_, row) => row.kind === 'task' && <AgencyText task={row.task} field="lead" />,
    },
    {
      title: t('Cơ quan phối hợp', 'Supporting agencies'),
      key: 'support',
      width: 150,
      onCell: section,
      render: (_, row) => row.kind === 'task' && <AgencyText task={row.task} field="support" />,
    },
    {
      title: t('Thời hạn', 'Deadline'),
      key: 'deadline',
      width: 130,
      onCell: section,
      render: (_, row) => row.kind === 'task' && <Deadline task={row.task} />,
    },
    {
      title: t('Tình trạng (chủ trì)', 'State (lead)'),
      key: 'state',
      width: 190,
      onCell: section,
      render: (_, row) => row.kind === 'task' && <TaskState task={row.task} detail={detail} />,
    },
  ];
  if (onCancelTask) {
    columns.push({
      title: <span className="dd-sr-only">{t('Thao tác', 'Actions')}</span>,
      key: 'actions',
      width: 44,
      onCell: section,
      render: (_, row) =>
        row.kind === 'task' &&
        !row.task.cancelledOn && (
          <Button
            size="small"
            type="text"
            danger
            icon={<StopOutlined />}
            aria-label={t(`Hủy nhiệm vụ ${row.task.ref}`, `Cancel task ${row.task.ref}`)}
            title={t(`Hủy nhiệm vụ ${row.task.ref}`, `Cancel task ${row.task.ref}`)}
            onClick={() => onCancelTask(row.task)}
          />
        ),
    });
  }

  return (
    <Table<Row>
      rowKey="key"
      size="middle"
      bordered
      dataSource={rows}
      columns={columns}
      pagination={false}
      // every column shows at 1366 px, a vertical scroll bar included (docs/domain-rules.md §11)
      scroll={{ x: 1016 }}
      onRow={(row) =>
        row.kind === 'task' ? ({ 'data-ref': row.task.ref } as HTMLAttributes<HTMLElement>) : {}
      }
      aria-label={t('Phụ lục nhiệm vụ', 'Appendix of tasks')}
    />
  );
}

function TaskCard({
  task,
  detail,
  onCancelTask,
}: {
  task: PlanTask;
  detail: PlanDetail;
  onCancelTask?: ((task: PlanTask) => void) | undefined;
}) {
  const t = useT();
  return (
    <Space orientation="vertical" size={6} style={{ width: '100%' }}>
      <div className={task.cancelledOn ? 'dd-cancelled' : undefined}>
        <Tag>{task.ref}</Tag>
        <span className="dd-pre">{task.content}</span>
      </div>
      {task.cancelledOn && (
        <Tag>
          {t(`Đã hủy từ ${formatDate(task.cancelledOn)}`, `Cancelled from ${formatDate(task.cancelledOn)}`)}
        </Tag>
      )}
      <div>
        <Typography.Text type="secondary">{t('Chủ trì: ', 'Lead: ')}</Typography.Text>
        <AgencyText task={task} field="lead" />
      </div>
      {task.supportText && (
        <div>
          <Typography.Text type="secondary">{t('Phối hợp: ', 'Support: ')}</Typography.Text>
          <AgencyText task={task} field="support" />
        </div>
      )}
      <div>
        <Typography.Text type="secondary">{t('Thời hạn: ', 'Deadline: ')}</Typography.Text>
        <Deadline task={task} />
      </div>
      <TaskState task={task} detail={detail} />
      <TaskLeader task={task} />
      {onCancelTask && !task.cancelledOn && (
        <Button size="small" danger icon={<StopOutlined />} onClick={() => onCancelTask(task)}>
          {t(`Hủy nhiệm vụ ${task.ref}`, `Cancel task ${task.ref}`)}
        </Button>
      )}
    </Space>
  );
}

/** The agency cell as written, with a warning for names dondoc could not match. */
function AgencyText({ task, field }: { task: PlanTask; field: 'lead' | 'support' }) {
  const t = useT();
  const text = field === 'lead' ? task.leadText : task.supportText;
  const unresolved = task.unresolved.filter((u) => u.role === field);
  return (
    <span>
      <span className="dd-pre">{text || '—'}</span>
      {unresolved.map((u) => (
        <Tag
          key={u.text}
          color="warning"
          icon={<WarningOutlined />}
          style={{ marginTop: 4, whiteSpace: 'normal' }}
        >
          {u.kind === 'open_group'
            ? t(`"${u.text}": chưa chỉ định đơn vị`, `"${u.text}": no agencies named yet`)
            : t(`"${u.text}": không có trong danh mục`, `"${u.text}": not in the directory`)}
        </Tag>
      ))}
    </span>
  );
}

/** The deadline as written, and the date dondoc computed from it (or what kind of deadline it is). */
function Deadline({ task }: { task: PlanTask }) {
  const t = useT();
  const leads = task.assignments.filter((a) => a.role === 'lead');
  const occurrences = new Set(leads.map((a) => a.occurrence)).size;
  const moved = leads.find((a) => a.originalDueOn && a.currentDueOn && a.currentDueOn !== a.originalDueOn);
  return (
    <span>
      <span className="dd-pre">{task.deadlineText || '—'}</span>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {task.deadlineKind === 'once' && task.dueOn && `→ ${formatDate(task.dueOn)}`}
        {task.deadlineKind === 'recurring' &&
          t(`Định kỳ · ${occurrences} lượt`, `Recurring · ${occurrences} times`)}
        {task.deadlineKind === 'ongoing' && t('Thường xuyên', 'Ongoing')}
      </Typography.Text>
      {task.deadlineKind === 'unparsed' && (
        <Tag color="warning" style={{ marginTop: 4 }}>
          {t('Chưa xác định được ngày', 'No date could be read')}
        </Tag>
      )}
      {moved?.currentDueOn && task.deadlineKind === 'once' && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {t(`Gia hạn: ${formatDate(moved.currentDueOn)}`, `Extended: ${formatDate(moved.currentDueOn)}`)}
        </Typography.Text>
      )}
    </span>
  );
}

/** The state of each lead agency's assignment as of the date (summed up when there are many), and progress. */
function TaskState({ task, detail }: { task: PlanTask; detail: PlanDetail }) {
  const t = useT();
  const { asOf } = detail;
  const leads = openedLeads(task, asOf, detail.plan.issuedOn);
  if (leads.length === 0) {
    return (
      <Typography.Text type="secondary">
        {task.assignments.some((a) => a.role === 'lead')
          ? t('Chưa đến lúc giao', 'Not assigned yet')
          : t('Chưa có cơ quan chủ trì', 'No lead agency yet')}
      </Typography.Text>
    );
  }
  const agencies = byAgency(leads);
  const counts = countsOf(leads);
  const list = (
    <ul style={{ margin: 0, paddingInlineStart: 16, maxHeight: 320, overflow: 'auto' }}>
      {agencies.map((agency) => (
        <li key={agency.code} style={{ marginBottom: 4 }}>
          <Link to={withAsOf(`/nhiem-vu/${agency.items[agency.items.length - 1]?.id}`, asOf)}>
            {agency.name}
          </Link>{' '}
          <StateTag state={agency.state} />
        </li>
      ))}
    </ul>
  );
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      {agencies.length <= MAX_TAGS ? (
        <Space size={[4, 4]} wrap>
          {agencies.map((agency) => (
            <Link
              key={agency.code}
              to={withAsOf(`/nhiem-vu/${agency.items[agency.items.length - 1]?.id}`, asOf)}
            >
              <StateTag state={agency.state} prefix={agencies.length > 1 ? agency.name : undefined} />
            </Link>
          ))}
        </Space>
      ) : (
        <Space size={[4, 4]} wrap>
          {summaryByState(agencies).map(([state, n]) => (
            <StateTag key={state} state={state} count={n} />
          ))}
          <Popover content={list} title={t('Từng cơ quan chủ trì', 'Each lead agency')} trigger="click">
            <Button size="small" type="link" style={{ padding: 0 }}>
              {t(`Xem ${agencies.length} đơn vị`, `See ${agencies.length} agencies`)}
            </Button>
          </Popover>
        </Space>
      )}
      <DoneBar counts={counts} width={180} />
    </Space>
  );
}

function summaryByState(agencies: ReturnType<typeof byAgency>) {
  const counts = new Map<NonNullable<ReturnType<typeof summaryState>>, number>();
  for (const agency of agencies) counts.set(agency.state, (counts.get(agency.state) ?? 0) + 1);
  return [...counts.entries()];
}
