import { FileExcelOutlined, FilePdfOutlined, FileWordOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Tabs,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { ApiError, api, apiUrl, type Query } from '../lib/api.ts';
import { FOUR_STATES, STATE_COLORS, stateLabel } from '../lib/domain.ts';
import { formatDate, formatNumber, formatRate, todayInVietnam } from '../lib/format.ts';
import { useLang } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { QueryState } from './QueryState.tsx';
import {
  defaultAsOf,
  type Period,
  type PeriodPreset,
  presetNeedsYear,
  presetOf,
  presetPeriod,
} from './report-period.ts';

/** The free text of a report (src/modules/reports/report-draft.ts). */
export interface ReportDraft {
  number: string;
  issuedOn: string | null;
  addressee: string;
  signer: { authority: string; title: string; name: string };
  recipients: string[];
  overview: string;
  obstacles: string;
  proposals: string;
  nextSteps: string;
}

/** GET/PUT /api/reports/draft */
interface DraftReply {
  from: string;
  to: string;
  planId: number | null;
  /** null while nothing is saved (the defaults are shown) */
  version: number | null;
  updatedBy: string | null;
  draft: ReportDraft;
}

type Counts = Record<'total' | 'due' | 'due_on_time' | 'reminders' | (typeof FOUR_STATES)[number], number>;

/** The parts of GET /api/reports?format=json the preview shows. */
interface ReportData {
  from: string;
  to: string;
  asOf: string;
  totals: { counts: Counts; onTimeRate: number | null };
  reminders: unknown[];
  obstacles: unknown[];
  extensions: unknown[];
}

interface PlanGroups {
  groups: { id: number; code: string; name: string }[];
}

export interface ReportDefaults {
  from: string;
  to: string;
  /** an as-of date chosen on the page; otherwise the end of the period or today */
  asOf?: string | undefined;
  planId?: number | undefined;
}

/** The form's values: the draft with the dates as dayjs and Nơi nhận as lines. */
interface DraftForm extends Omit<ReportDraft, 'issuedOn' | 'recipients'> {
  issuedOn: Dayjs | null;
  recipients: string;
}

const toForm = (draft: ReportDraft): DraftForm => ({
  ...draft,
  issuedOn: draft.issuedOn ? dayjs(draft.issuedOn) : null,
  recipients: draft.recipients.join('\n'),
});

const fromForm = (values: DraftForm): ReportDraft => ({
  number: values.number.trim(),
  issuedOn: values.issuedOn ? values.issuedOn.format('YYYY-MM-DD') : null,
  addressee: values.addressee.trim(),
  signer: {
    authority: values.signer.authority.trim(),
    title: values.signer.title.trim(),
    name: values.signer.name.trim(),
  },
  recipients: values.recipients
    .split('\n')
    .map((line) => line.replace(/^[\s\-–+•]+/u, '').trim())
    .filter(Boolean),
  overview: values.overview,
  obstacles: values.obstacles,
  proposals: values.proposals,
  nextSteps: values.nextSteps,
});

const toDay = (value: string | undefined) => (value ? dayjs(value) : null);
const ymd = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : undefined);

function yearChoices(today: string, keep: number): number[] {
  const current = Number(today.slice(0, 4));
  const years = Array.from({ length: current - 2018 + 1 }, (_, i) => current + 1 - i);
  return years.includes(keep) ? years : [...years, keep].sort((a, b) => b - a);
}

/**
 * Báo cáo Chủ tịch — the Office's report for a period: pick the period (presets or from/to), the
 * as-of date and the plan; see the figures; edit and save the free-text sections (report.write);
 * download .docx, .xlsx or .pdf. Loaded lazily by ReportButton.
 */
export default function ReportDialog({
  open,
  onClose,
  defaults,
}: {
  open: boolean;
  onClose: () => void;
  defaults: ReportDefaults;
}) {
  const { t } = useLang();
  const today = todayInVietnam();
  const initial = presetOf(defaults, today);
  const [preset, setPreset] = useState<PeriodPreset>(initial.preset);
  const [year, setYear] = useState(initial.year);
  const [custom, setCustom] = useState<Partial<Period>>({ from: defaults.from, to: defaults.to });
  const [asOfChosen, setAsOfChosen] = useState<string | undefined>(defaults.asOf);
  const [planId, setPlanId] = useState<number | undefined>(defaults.planId);
  const [tab, setTab] = useState('so-lieu');
  const [dirty, setDirty] = useState(false);

  const fixed = presetPeriod(preset, year, today);
  const from = fixed?.from ?? custom.from;
  const to = fixed?.to ?? custom.to;
  const period: Period | null = from && to && from <= to ? { from, to } : null;
  const asOf = asOfChosen ?? (period ? defaultAsOf(period, today) : today);

  const choosePreset = (next: PeriodPreset) => {
    if (next === 'custom' && fixed) setCustom(fixed);
    setPreset(next);
    setAsOfChosen(undefined);
  };
  const chooseDates = (patch: Partial<Period>) => {
    setCustom({ from, to, ...patch });
    setPreset('custom');
    setAsOfChosen(undefined);
  };

  const plans = useQuery({
    queryKey: ['statistics', { asOf: today, groupBy: 'plan' }],
    queryFn: () => api.get<PlanGroups>('/statistics', { asOf: today, groupBy: 'plan' }),
    staleTime: 60_000,
    enabled: open,
  });
  const reportQuery: Query | null = period ? { from: period.from, to: period.to, asOf, planId } : null;
  const report = useQuery({
    queryKey: ['report', reportQuery],
    queryFn: () => api.get<ReportData>('/reports', { ...reportQuery, format: 'json' }),
    enabled: open && reportQuery !== null,
  });
  const download = (format: 'docx' | 'xlsx' | 'pdf') =>
    reportQuery ? apiUrl('/reports', { ...reportQuery, format }) : undefined;

  const periodText = period
    ? `${formatDate(period.from)} – ${formatDate(period.to)}`
    : t('chưa chọn kỳ', 'no period chosen');
  const yearOptions = yearChoices(today, year);
  const presetLabel: Record<PeriodPreset, string> = {
    this_month: t(
      `Tháng này (${presetPeriod('this_month', year, today)?.from.slice(5, 7)}/${today.slice(0, 4)})`,
      'This month',
    ),
    last_month: (() => {
      const p = presetPeriod('last_month', year, today);
      return t(
        `Tháng trước (${p?.from.slice(5, 7)}/${p?.from.slice(0, 4)}) – báo cáo phiên họp tháng`,
        'Last month – for the monthly meeting',
      );
    })(),
    q1: t('Quý I', 'Quarter 1'),
    q2: t('Quý II', 'Quarter 2'),
    q3: t('Quý III', 'Quarter 3'),
    q4: t('Quý IV', 'Quarter 4'),
    h1: t('6 tháng đầu năm', 'First half-year'),
    h2: t('6 tháng cuối năm', 'Second half-year'),
    year: t('Cả năm', 'Whole year'),
    custom: t('Tùy chọn (từ ngày – đến ngày)', 'Custom (from – to)'),
  };

  return (
    <Modal
      open={open}
      onCancel={onClose}
      width={920}
      title={
        // room for the close button: a long title wraps instead of running under it
        <div style={{ paddingInlineEnd: 28 }}>
          {t('Báo cáo tình hình thực hiện nhiệm vụ', 'Report on the assignments')}
        </div>
      }
      footer={
        <Flex gap={8} wrap justify="flex-end">
          <Button
            href={download('docx')}
            disabled={!reportQuery}
            icon={<FileWordOutlined />}
            data-testid="report-docx"
          >
            {t('Tải Word', 'Word')}
          </Button>
          <Button
            href={download('xlsx')}
            disabled={!reportQuery}
            icon={<FileExcelOutlined />}
            data-testid="report-xlsx"
          >
            {t('Tải Excel', 'Excel')}
          </Button>
          <Button
            href={download('pdf')}
            disabled={!reportQuery}
            icon={<FilePdfOutlined />}
            data-testid="report-pdf"
          >
            {t('Tải PDF', 'PDF')}
          </Button>
          <Button onClick={onClose}>{t('Đóng', 'Close')}</Button>
        </Flex>
      }
    >
      <Form layout="vertical" requiredMark={false} component="div">
        <div
          style={{
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))',
            columnGap: 12,
          }}
        >
          <Form.Item
            label={t('Kỳ báo cáo', 'Period')}
            htmlFor="report-preset"
            style={{ marginBottom: 8, gridColumn: 'span 2', minWidth: 0 }}
          >
            <Select<PeriodPreset>
              id="report-preset"
              showSearch={{ optionFilterProp: 'label' }}
              value={preset}
              onChange={choosePreset}
              options={(Object.keys(presetLabel) as PeriodPreset[]).map((value) => ({
                value,
                label: presetLabel[value],
              }))}
              popupMatchSelectWidth={false}
            />
          </Form.Item>
          {presetNeedsYear(preset) && (
            <Form.Item label={t('Năm', 'Year')} htmlFor="report-year" style={{ marginBottom: 8 }}>
              <Select<number>
                id="report-year"
                showSearch={{ optionFilterProp: 'label' }}
                value={year}
                onChange={setYear}
                options={yearOptions.map((y) => ({ value: y, label: String(y) }))}
              />
            </Form.Item>
          )}
          <Form.Item label={t('Từ ngày', 'From')} htmlFor="report-from" style={{ marginBottom: 8 }}>
            <DatePicker
              id="report-from"
              format="DD/MM/YYYY"
              allowClear={false}
              value={toDay(from)}
              onChange={(value) => chooseDates({ from: ymd(value) })}
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Form.Item label={t('Đến ngày', 'To')} htmlFor="report-to" style={{ marginBottom: 8 }}>
            <DatePicker
              id="report-to"
              format="DD/MM/YYYY"
              allowClear={false}
              value={toDay(to)}
              onChange={(value) => chooseDates({ to: ymd(value) })}
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Form.Item label={t('Tính đến ngày', 'As of')} htmlFor="report-as-of" style={{ marginBottom: 8 }}>
            <DatePicker
              id="report-as-of"
              format="DD/MM/YYYY"
              allowClear={false}
              value={toDay(asOf)}
              onChange={(value) => setAsOfChosen(ymd(value))}
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Form.Item
            label={t('Kế hoạch', 'Plan')}
            htmlFor="report-plan"
            style={{ marginBottom: 8, gridColumn: 'span 2', minWidth: 0 }}
          >
            <Select<number>
              id="report-plan"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('Tất cả kế hoạch', 'All plans')}
              loading={plans.isPending}
              value={planId}
              onChange={(value) => setPlanId(value)}
              options={(plans.data?.groups ?? []).map((plan) => ({
                value: plan.id,
                label: plan.name ? `${plan.code} – ${plan.name}` : plan.code,
              }))}
              popupMatchSelectWidth={false}
            />
          </Form.Item>
        </div>
      </Form>
      {!period && (
        <Alert
          type="warning"
          showIcon
          title={t(
            'Chọn "từ ngày" và "đến ngày"; "từ ngày" không được sau "đến ngày".',
            'Choose both dates; "from" must not be after "to".',
          )}
        />
      )}
      {period && (
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'so-lieu',
              label: t('Số liệu', 'Figures'),
              children: (
                <QueryState query={report} rows={3}>
                  {(data) => <Figures data={data} />}
                </QueryState>
              ),
            },
            {
              key: 'noi-dung',
              label: dirty ? t('Nội dung báo cáo •', 'Report text •') : t('Nội dung báo cáo', 'Report text'),
              children: (
                <DraftEditor
                  period={period}
                  planId={planId}
                  onDirty={setDirty}
                  key={`${period.from}/${period.to}/${planId ?? 0}`}
                />
              ),
            },
          ]}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 13 }}>
        {t(
          `Kỳ báo cáo ${periodText}, tính đến ngày ${formatDate(asOf)}. Tệp tải về dùng nội dung báo cáo đã lưu.`,
          `Period ${periodText}, as of ${formatDate(asOf)}. Downloads use the saved report text.`,
        )}
        {dirty && (
          <Typography.Text type="warning">
            {' '}
            {t(
              'Nội dung vừa sửa chưa được lưu: hãy lưu trước khi tải.',
              'You have unsaved changes: save them first.',
            )}
          </Typography.Text>
        )}
      </Typography.Paragraph>
    </Modal>
  );
}

/**
 * The report's figures: the four states (open and overdue is the overdue list of the report), the
 * on-time rate, written reminders; obstacles and extensions in a line.
 */
function Figures({ data }: { data: ReportData }) {
  const { t, lang } = useLang();
  const { counts, onTimeRate } = data.totals;
  const tiles: { key: string; label: string; value: string; color?: string }[] = [
    {
      key: 'total',
      label: t('Tổng số nhiệm vụ', 'All assignments'),
      value: formatNumber(counts.total, lang),
    },
    ...FOUR_STATES.map((state) => ({
      key: state,
      label: stateLabel(state, lang),
      value: formatNumber(counts[state], lang),
      color: STATE_COLORS[state],
    })),
    { key: 'rate', label: t('Tỷ lệ đúng hạn', 'On-time rate'), value: formatRate(onTimeRate, lang) },
    {
      key: 'reminders',
      label: t('Nhắc nhở bằng văn bản', 'Written reminders'),
      value: formatNumber(counts.reminders, lang),
    },
  ];
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <div
        data-testid="report-figures"
        style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(130px, 1fr))', gap: 8 }}
      >
        {tiles.map((tile) => (
          <div
            key={tile.key}
            data-testid={`report-${tile.key}`}
            style={{
              padding: '8px 10px',
              border: '1px solid #f0f0f0',
              borderTop: `3px solid ${tile.color ?? '#434343'}`,
              borderRadius: 6,
            }}
          >
            <div style={{ fontSize: 12, color: '#595959', minHeight: 34 }}>{tile.label}</div>
            <div style={{ fontSize: 22, fontWeight: 600, color: tile.color }}>{tile.value}</div>
          </div>
        ))}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {t(
          `${counts.due_on_time} hoàn thành đúng hạn trong số ${counts.due} nhiệm vụ đã đến hạn; ${data.obstacles.length} khó khăn, vướng mắc; ${data.extensions.length} đề nghị gia hạn.`,
          `${counts.due_on_time} done on time of ${counts.due} due; ${data.obstacles.length} obstacles; ${data.extensions.length} extension requests.`,
        )}
      </Typography.Text>
    </Space>
  );
}

/** The free-text sections: loaded for the period and plan, editable and saved by the Office. */
function DraftEditor({
  period,
  planId,
  onDirty,
}: {
  period: Period;
  planId: number | undefined;
  onDirty: (dirty: boolean) => void;
}) {
  const { t } = useLang();
  const { can } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canWrite = can('report.write');
  const key = useMemo(
    () => ({ from: period.from, to: period.to, planId }) as Query,
    [period.from, period.to, planId],
  );
  const draft = useQuery({
    queryKey: ['report-draft', key],
    queryFn: () => api.get<DraftReply>('/reports/draft', key),
  });
  const save = useMutation({
    // api.put takes no query: the period and plan go into the path ('/reports/draft?from=…')
    mutationFn: (values: DraftForm) =>
      api.put<DraftReply>(apiUrl('/reports/draft', key).slice('/api'.length), {
        version: draft.data?.version ?? null,
        draft: fromForm(values),
      }),
    onSuccess: (reply) => {
      queryClient.setQueryData(['report-draft', key], reply);
      onDirty(false);
      void message.success(t('Đã lưu nội dung báo cáo.', 'Report text saved.'));
    },
  });
  const conflict = save.error instanceof ApiError && save.error.code === 'VERSION_CONFLICT';
  /** After a conflict: the latest saved text replaces the edits (the form remounts on the new version). */
  const reload = async () => {
    await draft.refetch();
    save.reset();
    onDirty(false);
  };

  return (
    <QueryState query={draft} rows={6}>
      {(data) => (
        <Form<DraftForm>
          key={`${data.version ?? 'new'}`}
          name="report-draft"
          layout="vertical"
          initialValues={toForm(data.draft)}
          disabled={!canWrite}
          onValuesChange={() => onDirty(true)}
          onFinish={(values) => save.mutate(values)}
        >
          {!canWrite && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={t(
                'Chỉ Văn phòng được sửa nội dung báo cáo; bạn vẫn tải được báo cáo.',
                'Only the Office edits the report text; you can still download the report.',
              )}
            />
          )}
          <div
            style={{
              display: 'grid',
              gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
              columnGap: 12,
            }}
          >
            <Form.Item
              name="number"
              label={t('Số báo cáo', 'Number')}
              extra={t('…/BC-VP; để trống nếu chưa cấp số', '…/BC-VP; empty until registered')}
              rules={[
                {
                  pattern: /^\d*$/,
                  message: t('Số báo cáo chỉ gồm chữ số.', 'Digits only.'),
                },
              ]}
            >
              <Input maxLength={20} inputMode="numeric" />
            </Form.Item>
            <Form.Item
              name="issuedOn"
              label={t('Ngày ban hành', 'Date issued')}
              extra={t('Để trống: lấy ngày tính số liệu', 'Empty: the as-of date')}
            >
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          </div>
          <Form.Item name="addressee" label={t('Kính gửi', 'To')}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="overview" label={t('I. Đánh giá chung', 'I. Overall assessment')}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={20_000} />
          </Form.Item>
          <Form.Item
            name="obstacles"
            label={t('Nhận xét về khó khăn, vướng mắc', 'Comments on the obstacles')}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 12 }} maxLength={20_000} />
          </Form.Item>
          <Form.Item name="proposals" label={t('Đề xuất, kiến nghị', 'Proposals')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 12 }} maxLength={20_000} />
          </Form.Item>
          <Form.Item name="nextSteps" label={t('Nhiệm vụ trọng tâm thời gian tới', 'Next steps')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 12 }} maxLength={20_000} />
          </Form.Item>
          <div
            style={{
              display: 'grid',
              gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
              columnGap: 12,
            }}
          >
            <Form.Item
              name={['signer', 'authority']}
              label={t('Thẩm quyền ký', 'Signing authority')}
              extra={t('ví dụ: KT. CHÁNH VĂN PHÒNG', 'e.g. KT. CHÁNH VĂN PHÒNG')}
            >
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name={['signer', 'title']} label={t('Chức vụ người ký', 'Signer title')}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name={['signer', 'name']} label={t('Họ tên người ký', 'Signer name')}>
              <Input maxLength={100} />
            </Form.Item>
          </div>
          <Form.Item
            name="recipients"
            label={t('Nơi nhận', 'Recipients')}
            extra={t('Mỗi dòng một nơi nhận', 'One recipient a line')}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
          </Form.Item>
          {conflict && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              title={t(
                'Không lưu được: có người vừa sửa báo cáo này',
                'Not saved: someone has just edited it',
              )}
              description={`${save.error?.message ?? ''} ${t(
                'Tải lại sẽ thay nội dung bạn đang sửa bằng bản mới nhất.',
                'Reloading replaces your edits with the latest version.',
              )}`}
              action={
                <Button size="small" onClick={() => void reload()}>
                  {t('Tải lại bản mới nhất', 'Reload the latest')}
                </Button>
              }
            />
          )}
          {save.isError && !conflict && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('Không lưu được nội dung báo cáo', 'Could not save the report text')}
              description={save.error.message}
            />
          )}
          {canWrite && (
            <Flex gap={12} wrap align="center">
              <Button
                type="primary"
                htmlType="submit"
                icon={<SaveOutlined />}
                loading={save.isPending}
                data-testid="report-save"
              >
                {t('Lưu nội dung', 'Save the text')}
              </Button>
              {data.updatedBy && (
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {t(`Lưu lần cuối bởi ${data.updatedBy}`, `Last saved by ${data.updatedBy}`)}
                </Typography.Text>
              )}
            </Flex>
          )}
        </Form>
      )}
    </QueryState>
  );
}
