import { Skeleton } from 'antd';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption, ECharts } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';

/** The options a chart of dondoc may use: bars and lines with grid, tooltip, legend and target lines. */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | MarkLineComponentOption
>;

/** What a click on a bar or point says: the series, the category and the series' own id (if any). */
export interface ChartClick {
  seriesId?: string;
  seriesName?: string;
  name: string;
  dataIndex: number;
}

type EChartsModule = typeof import('echarts/core');
let loading: Promise<EChartsModule> | null = null;

/**
 * ECharts, loaded on first use only (a chunk of its own, never in the initial bundle), with just the
 * charts and components dondoc draws registered.
 */
function loadECharts(): Promise<EChartsModule> {
  loading ??= Promise.all([
    import('echarts/core'),
    import('echarts/charts'),
    import('echarts/components'),
    import('echarts/renderers'),
  ]).then(([core, charts, components, renderers]) => {
    core.use([
      charts.BarChart,
      charts.LineChart,
      components.GridComponent,
      components.TooltipComponent,
      components.LegendComponent,
      components.MarkLineComponent,
      renderers.CanvasRenderer,
    ]);
    return core;
  });
  return loading;
}

/**
 * A chart: ECharts on a canvas that follows its container's width (ResizeObserver), is disposed with
 * the component, and is described for screen readers by `label` (role="img"). Clicks on a bar or a
 * point call `onClick` (for drill-down links).
 */
export function Chart({
  option,
  height = 320,
  label,
  onClick,
}: {
  option: ChartOption;
  height?: number;
  label: string;
  onClick?: (click: ChartClick) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    let observer: ResizeObserver | null = null;
    loadECharts()
      .then((echarts) => {
        if (cancelled || !box.current) return;
        const instance = echarts.init(box.current, undefined, { renderer: 'canvas' });
        chart.current = instance;
        instance.on('click', (params) => {
          clickRef.current?.({
            ...(params.seriesId !== undefined ? { seriesId: params.seriesId } : {}),
            ...(params.seriesName !== undefined ? { seriesName: params.seriesName } : {}),
            name: params.name,
            dataIndex: params.dataIndex,
          });
        });
        observer = new ResizeObserver(() => instance.resize());
        observer.observe(box.current);
        setReady(true);
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (ready && chart.current) chart.current.setOption(option, { notMerge: true });
  }, [ready, option]);

  return (
    <div style={{ position: 'relative', width: '100%', height }}>
      <div
        ref={box}
        role="img"
        aria-label={label}
        style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined }}
      />
      {!ready && !failed && (
        <div style={{ position: 'absolute', inset: 0 }}>
          <Skeleton active paragraph={{ rows: Math.max(2, Math.round(height / 60)) }} />
        </div>
      )}
      {failed && (
        <div
          style={{ position: 'absolute', inset: 0, display: 'grid', placeItems: 'center', color: '#8c8c8c' }}
        >
          {label}
        </div>
      )}
    </div>
  );
}
