import { useQuery } from '@tanstack/react-query';
import { DatePicker, Form, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { CSSProperties } from 'react';
import { api } from '../lib/api.ts';
import { DATE_INPUT_FORMATS } from '../lib/format.ts';
import { useT } from '../lib/i18n.tsx';

/** 'YYYY-MM-DD' → the date pickers' dayjs (none → null). */
export const toDay = (value: string | undefined) => (value ? dayjs(value) : null);
/** The date pickers' dayjs → 'YYYY-MM-DD' (none → undefined). */
export const ymd = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : undefined);

/** A calendar date picked as dd/mm/yyyy, given and returned as 'YYYY-MM-DD'; `clearable` lets it be emptied. */
export function DateField({
  id,
  label,
  value,
  onChange,
  clearable = false,
}: {
  id: string;
  label: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  clearable?: boolean;
}) {
  return (
    <Form.Item label={label} htmlFor={id} style={{ marginBottom: 8 }}>
      <DatePicker
        id={id}
        format={DATE_INPUT_FORMATS}
        allowClear={clearable}
        value={toDay(value)}
        onChange={(day) => onChange(ymd(day))}
        style={{ width: '100%' }}
      />
    </Form.Item>
  );
}

interface PlanGroups {
  groups: { id: number; code: string; name: string }[];
}

/**
 * Kế hoạch: one plan of the authority, or all when empty; the plans come from the per-plan
 * statistics as of `asOf`, which every reader of the statistics may see.
 */
export function PlanField({
  id,
  asOf,
  value,
  onChange,
  style,
}: {
  id: string;
  asOf: string;
  value: number | undefined;
  onChange: (planId: number | undefined) => void;
  style?: CSSProperties;
}) {
  const t = useT();
  const plans = useQuery({
    queryKey: ['statistics', { asOf, groupBy: 'plan' }],
    queryFn: () => api.get<PlanGroups>('/statistics', { asOf, groupBy: 'plan' }),
    staleTime: 60_000,
  });
  return (
    <Form.Item label={t('Kế hoạch', 'Plan')} htmlFor={id} style={{ marginBottom: 8, ...style }}>
      <Select<number>
        id={id}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('Tất cả kế hoạch', 'All plans')}
        loading={plans.isPending}
        value={value}
        onChange={onChange}
        options={(plans.data?.groups ?? []).map((plan) => ({
          value: plan.id,
          label: plan.name ? `${plan.code} – ${plan.name}` : plan.code,
        }))}
        popupMatchSelectWidth={false}
        style={{ width: '100%' }}
      />
    </Form.Item>
  );
}
