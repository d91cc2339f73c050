import { Button, Form, Space } from 'antd';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { StatKey } from '../../../../src/shared/schemas/statistics.ts';
import { DateField, PlanField } from '../../components/period-fields.tsx';
import type { Query } from '../../lib/api.ts';
import { todayInVietnam } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { useSetSearchParams } from '../../lib/search-params.ts';

/** The filters the dashboard and its drill-down list share, all kept in the URL. */
export interface StatFilter {
  /** 'YYYY-MM-DD' — today in Vietnam when the URL names none */
  asOf: string;
  planId?: number | undefined;
  /** kỳ báo cáo: assignments due from … to … */
  from?: string | undefined;
  to?: string | undefined;
}

const YMD = /^\d{4}-\d{2}-\d{2}$/;
const dateParam = (value: string | null) => (value && YMD.test(value) ? value : undefined);
const idParam = (value: string | null) => {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : undefined;
};

/** The filter in the URL (`?asOf=&planId=&from=&to=`), and a setter that keeps the other parameters. */
export function useStatFilter() {
  const [params] = useSearchParams();
  const asOfParam = params.get('asOf');
  const planParam = params.get('planId');
  const fromParam = params.get('from');
  const toParam = params.get('to');
  const filter = useMemo<StatFilter>(
    () => ({
      asOf: dateParam(asOfParam) ?? todayInVietnam(),
      planId: idParam(planParam),
      from: dateParam(fromParam),
      to: dateParam(toParam),
    }),
    [asOfParam, planParam, fromParam, toParam],
  );
  const setParams = useSetSearchParams();
  // a new filter starts the list again from its first page
  const setFilter = useCallback(
    (patch: Record<string, string | number | undefined>) => setParams({ ...patch, page: undefined }),
    [setParams],
  );
  return { filter, params, setFilter };
}

/** The filter as API query parameters. */
export function filterQuery(filter: StatFilter): Query {
  return { asOf: filter.asOf, planId: filter.planId, from: filter.from, to: filter.to };
}

/** The drill-down list of one figure, with the same filters: `/danh-sach?asOf=…&state=…`. */
export function drillLink(
  filter: StatFilter,
  state: StatKey,
  extra: { agencyId?: number; planId?: number } = {},
) {
  const params = new URLSearchParams();
  params.set('asOf', filter.asOf);
  const planId = extra.planId ?? filter.planId;
  if (planId !== undefined) params.set('planId', String(planId));
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  if (extra.agencyId !== undefined) params.set('agencyId', String(extra.agencyId));
  params.set('state', state);
  return `/danh-sach?${params.toString()}`;
}

/** As-of date, plan and period pickers (dd/mm/yyyy), wrapping on narrow screens. */
export function StatFilterBar({ filter, setFilter }: ReturnType<typeof useStatFilter>) {
  const t = useT();
  const today = todayInVietnam();
  const filtered = filter.planId !== undefined || filter.from || filter.to || filter.asOf !== today;
  return (
    <Form
      layout="vertical"
      requiredMark={false}
      style={{
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fit, minmax(140px, 1fr))',
        columnGap: 12,
        alignItems: 'end',
      }}
    >
      <DateField
        id="stat-as-of"
        label={t('Tính đến ngày', 'As of')}
        value={filter.asOf}
        onChange={(asOf) => setFilter({ asOf })}
      />
      <PlanField
        id="stat-plan"
        asOf={filter.asOf}
        value={filter.planId}
        onChange={(planId) => setFilter({ planId })}
      />
      <DateField
        id="stat-from"
        label={t('Hạn xử lý từ ngày', 'Due from')}
        value={filter.from}
        onChange={(from) => setFilter({ from })}
        clearable
      />
      <DateField
        id="stat-to"
        label={t('đến ngày', 'to')}
        value={filter.to}
        onChange={(to) => setFilter({ to })}
        clearable
      />
      {filtered && (
        <Form.Item style={{ marginBottom: 8 }} label={<span aria-hidden>&nbsp;</span>}>
          <Space>
            <Button
              onClick={() =>
                setFilter({ asOf: undefined, planId: undefined, from: undefined, to: undefined })
              }
            >
              {t('Bỏ lọc', 'Clear filters')}
            </Button>
          </Space>
        </Form.Item>
      )}
    </Form>
  );
}
