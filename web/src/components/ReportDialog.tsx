import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Modal, Select, Tabs, Typography } from 'antd';
import { useState } from 'react';
import type { ReportData } from '../../../src/shared/schemas/report.ts';
import { api, apiUrl, type Query } from '../lib/api.ts';
import { formatDate, todayInVietnam } from '../lib/format.ts';
import { useLang } from '../lib/i18n.tsx';
import { FieldColumns } from './FieldColumns.tsx';
import { DateField, PlanField } from './period-fields.tsx';
import { QueryState } from './QueryState.tsx';
import { DraftEditor } from './ReportDraftEditor.tsx';
import { Figures } from './ReportFigures.tsx';
import { REPORT_FORMATS } from './report-formats.tsx';
import {
  defaultAsOf,
  type Period,
  type PeriodPreset,
  presetNeedsYear,
  presetOf,
  presetPeriod,
} from './report-period.ts';

export interface ReportDefaults {
  from: string;
  to: string;
  /** an as-of date chosen on the page; otherwise the end of the period or today */
  asOf?: string | undefined;
  planId?: number | undefined;
}

/** A field two columns wide (the period's name, the plan). */
const WIDE_ITEM = { marginBottom: 8, gridColumn: 'span 2', minWidth: 0 };

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

  const reportQuery: Query | null = period ? { from: period.from, to: period.to, asOf, planId } : null;
  const report = useQuery({
    queryKey: ['report', reportQuery],
    queryFn: () => api.get<ReportData>('/reports', { ...reportQuery, format: 'json' }),
    enabled: open && reportQuery !== null,
  });
  const downloadLabel = {
    docx: t('Tải Word', 'Word'),
    xlsx: t('Tải Excel', 'Excel'),
    pdf: t('Tải PDF', 'PDF'),
  };
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
          {REPORT_FORMATS.map(({ format, icon }) => (
            <Button
              key={format}
              href={download(format)}
              disabled={!reportQuery}
              icon={icon}
              data-testid={`report-${format}`}
            >
              {downloadLabel[format]}
            </Button>
          ))}
          <Button onClick={onClose}>{t('Đóng', 'Close')}</Button>
        </Flex>
      }
    >
      <Form layout="vertical" requiredMark={false} component="div">
        <FieldColumns min={150}>
          <Form.Item label={t('Kỳ báo cáo', 'Period')} htmlFor="report-preset" style={WIDE_ITEM}>
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
          <DateField
            id="report-from"
            label={t('Từ ngày', 'From')}
            value={from}
            onChange={(value) => chooseDates({ from: value })}
          />
          <DateField
            id="report-to"
            label={t('Đến ngày', 'To')}
            value={to}
            onChange={(value) => chooseDates({ to: value })}
          />
          <DateField
            id="report-as-of"
            label={t('Tính đến ngày', 'As of')}
            value={asOf}
            onChange={setAsOfChosen}
          />
          <PlanField id="report-plan" asOf={today} value={planId} onChange={setPlanId} style={WIDE_ITEM} />
        </FieldColumns>
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
