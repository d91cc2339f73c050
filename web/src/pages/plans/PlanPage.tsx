import { DownloadOutlined, FileExcelOutlined, StopOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Dropdown,
  Grid,
  Space,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { expandPlanDetail } from '../../../../src/shared/plan-assignments.ts';
import type { PlanDetail } from '../../../../src/shared/schemas/plan.ts';
import { BackLink, PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { REPORT_FORMATS } from '../../components/report-formats.tsx';
import { api, apiUrl } from '../../lib/api.ts';
import { DATE_INPUT_FORMATS, formatDate, formatRate } from '../../lib/format.ts';
import { useLang } from '../../lib/i18n.tsx';
import { AS_OF_PARAM, useSetSearchParams } from '../../lib/search-params.ts';
import { useSession } from '../../lib/session.tsx';
import { Appendix } from './Appendix.tsx';
import { CancelDialog, type CancelTarget } from './CancelDialog.tsx';
import { FollowupField } from './FollowupField.tsx';
import { Gantt } from './Gantt.tsx';
import { PublishSwitch } from './PublishSwitch.tsx';
import { DoneBar, StateCounts } from './parts.tsx';

/**
 * Một kế hoạch: its header as the document has it (number, date, place, title, signer, bases), the
 * appendix with each task's state and progress as of a date, a timeline, downloads (the source
 * document, the appendix .xlsx, the report) and, for the Office, cancelling a task or the plan.
 */
export default function PlanPage() {
  const { lang, t } = useLang();
  const { can } = useSession();
  const { id } = useParams();
  const screens = Grid.useBreakpoint();
  const [params] = useSearchParams();
  // no date chosen: the server's today (its clock and the authority's time zone)
  const chosen = params.get(AS_OF_PARAM) ?? undefined;
  const tab = params.get('xem') === 'tien-do' ? 'gantt' : 'appendix';
  const [cancel, setCancel] = useState<CancelTarget | null>(null);
  const query = useQuery({
    queryKey: ['plans', 'detail', id, chosen ?? 'today'],
    // the answer groups the assignments (issue #18 goal 5); the page reads one row per assignment
    queryFn: async () => expandPlanDetail(await api.get<PlanDetail>(`/plans/${id}`, { asOf: chosen })),
  });
  const setParams = useSetSearchParams();
  const set = (key: string, value: string | null) => setParams({ [key]: value });
  const number = query.data?.plan.number;

  return (
    <>
      <PageHeader
        title={number ? t(`Kế hoạch ${number}`, `Plan ${number}`) : t('Kế hoạch', 'Plan')}
        subtitle={<BackLink to="/ke-hoach">{t('Danh sách kế hoạch', 'All plans')}</BackLink>}
      />
      <QueryState query={query} rows={10}>
        {(detail) => {
          const { plan } = detail;
          const writable = can('plan.write') && !plan.cancelledOn;
          const reportQuery = (format: string) =>
            apiUrl('/reports', {
              from: plan.issuedOn,
              to: [plan.issuedOn, detail.asOf].sort()[1],
              planId: plan.id,
              asOf: detail.asOf,
              format,
            });
          return (
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              {plan.cancelledOn && (
                <Alert
                  type="warning"
                  showIcon
                  title={t(
                    `Kế hoạch đã được thu hồi từ ngày ${formatDate(plan.cancelledOn)}.`,
                    `The plan was withdrawn from ${formatDate(plan.cancelledOn)}.`,
                  )}
                />
              )}
              <Card>
                <div style={{ textAlign: 'center', marginBottom: 16 }}>
                  <Typography.Text type="secondary">
                    {t(`Số: ${plan.number}`, `No. ${plan.number}`)}
                    {' · '}
                    <em>
                      {plan.place ? `${plan.place}, ` : ''}
                      {t(`ngày ${formatDate(plan.issuedOn)}`, formatDate(plan.issuedOn))}
                    </em>
                  </Typography.Text>
                  <Typography.Title level={2} style={{ fontSize: 18, margin: '8px 0 4px' }}>
                    {plan.docType === 'KH' ? t('KẾ HOẠCH', 'PLAN') : plan.docType}
                  </Typography.Title>
                  <Typography.Paragraph strong style={{ maxWidth: 820, margin: '0 auto' }}>
                    {plan.title}
                  </Typography.Paragraph>
                </div>
                <Descriptions
                  layout={screens.md ? 'horizontal' : 'vertical'}
                  size="small"
                  column={{ xs: 1, sm: 1, md: 2 }}
                  items={[
                    { key: 'number', label: t('Số, ký hiệu', 'Number'), children: plan.number },
                    {
                      key: 'issued',
                      label: t('Ngày ban hành', 'Issued on'),
                      children: formatDate(plan.issuedOn),
                    },
                    { key: 'place', label: t('Địa danh', 'Place'), children: plan.place || '—' },
                    { key: 'signer', label: t('Người ký', 'Signed by'), children: plan.signer || '—' },
                    ...(plan.endsOn
                      ? [{ key: 'ends', label: t('Kết thúc', 'Ends on'), children: formatDate(plan.endsOn) }]
                      : []),
                    {
                      key: 'followup',
                      label: t('Theo dõi từ ngày', 'Followed up from'),
                      children: <FollowupField plan={plan} writable={writable} />,
                    },
                    {
                      key: 'public',
                      label: t('Công khai', 'Public'),
                      children: <PublishSwitch plan={plan} writable={writable} />,
                    },
                    {
                      key: 'progress',
                      label: t(
                        `Tiến độ đến ${formatDate(detail.asOf)}`,
                        `Progress as of ${formatDate(detail.asOf)}`,
                      ),
                      children: (
                        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                          <DoneBar counts={detail.progress} width={220} />
                          <StateCounts counts={detail.progress} />
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {t('Tỷ lệ đúng hạn: ', 'On-time rate: ')}
                            {formatRate(detail.progress.onTimeRate, lang)}
                          </Typography.Text>
                        </Space>
                      ),
                    },
                  ]}
                />
                {plan.bases.length > 0 && (
                  <div style={{ marginTop: 12 }}>
                    <Typography.Text strong>{t('Căn cứ', 'Legal bases')}</Typography.Text>
                    <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                      {plan.bases.map((basis) => (
                        <li key={basis}>
                          <Typography.Text>{basis}</Typography.Text>
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
                <Space wrap style={{ marginTop: 16 }}>
                  {plan.hasSource && (
                    <Button href={apiUrl(`/plans/${plan.id}/source`)} download icon={<DownloadOutlined />}>
                      {t('Văn bản gốc', 'Source document')}
                    </Button>
                  )}
                  <Button
                    href={apiUrl(`/plans/${plan.id}/appendix.xlsx`, { asOf: detail.asOf })}
                    download
                    icon={<FileExcelOutlined />}
                  >
                    {t('Phụ lục (.xlsx)', 'Appendix (.xlsx)')}
                  </Button>
                  {can('stats.read') && (
                    <Dropdown
                      trigger={['click']}
                      menu={{
                        items: REPORT_FORMATS.map(({ format, icon }) => ({
                          key: format,
                          icon,
                          label: (
                            <a href={reportQuery(format)} download>
                              {t(`Báo cáo (.${format})`, `Report (.${format})`)}
                            </a>
                          ),
                        })),
                      }}
                    >
                      <Button icon={<DownloadOutlined />}>
                        {t(`Báo cáo đến ${formatDate(detail.asOf)}`, `Report to ${formatDate(detail.asOf)}`)}
                      </Button>
                    </Dropdown>
                  )}
                  {writable && (
                    <Button
                      danger
                      icon={<StopOutlined />}
                      onClick={() =>
                        setCancel({
                          kind: 'plan',
                          id: plan.id,
                          version: plan.version,
                          label: plan.number,
                          notBefore: plan.issuedOn,
                        })
                      }
                    >
                      {t('Thu hồi kế hoạch', 'Withdraw the plan')}
                    </Button>
                  )}
                </Space>
              </Card>
              <Card>
                <Space wrap style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }}>
                  <Typography.Text>
                    {t(
                      `${detail.tasks.length} nhiệm vụ, ${detail.sections.length} phần`,
                      `${detail.tasks.length} tasks in ${detail.sections.length} sections`,
                    )}
                    {detail.tasks.some((task) => task.cancelledOn) && (
                      <Tag style={{ marginInlineStart: 8 }}>
                        {t(
                          `${detail.tasks.filter((task) => task.cancelledOn).length} đã hủy`,
                          `${detail.tasks.filter((task) => task.cancelledOn).length} cancelled`,
                        )}
                      </Tag>
                    )}
                  </Typography.Text>
                  <Space>
                    <label htmlFor="dd-plan-asof">
                      <Typography.Text type="secondary">
                        {t('Tình trạng tính đến', 'State as of')}
                      </Typography.Text>
                    </label>
                    <DatePicker
                      id="dd-plan-asof"
                      format={DATE_INPUT_FORMATS}
                      allowClear={false}
                      value={dayjs(detail.asOf)}
                      onChange={(value) => set(AS_OF_PARAM, value ? value.format('YYYY-MM-DD') : null)}
                    />
                  </Space>
                </Space>
                <Tabs
                  activeKey={tab}
                  onChange={(key) => set('xem', key === 'gantt' ? 'tien-do' : null)}
                  items={[
                    {
                      key: 'appendix',
                      label: t('Phụ lục nhiệm vụ', 'Appendix'),
                      children: (
                        <Appendix
                          detail={detail}
                          onCancelTask={
                            writable
                              ? (task) =>
                                  setCancel({
                                    kind: 'task',
                                    id: task.id,
                                    version: task.version,
                                    label: task.ref,
                                    notBefore: plan.issuedOn,
                                  })
                              : undefined
                          }
                        />
                      ),
                    },
                    {
                      key: 'gantt',
                      label: t('Tiến độ theo thời gian', 'Timeline'),
                      children: <Gantt detail={detail} isToday={chosen === undefined} />,
                    },
                  ]}
                />
              </Card>
            </Space>
          );
        }}
      </QueryState>
      {cancel && <CancelDialog target={cancel} onClose={() => setCancel(null)} />}
    </>
  );
}
