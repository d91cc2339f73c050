import type { CSSProperties, ReactNode } from 'react';

/**
 * Fields side by side, as many as fit at `min` pixels each, wrapping on a phone; `rowGap` between
 * wrapped rows for controls without a form item's own margin (the filters above a list).
 */
export function FieldColumns({
  min,
  rowGap = 0,
  style,
  children,
}: {
  min: number;
  rowGap?: number;
  style?: CSSProperties;
  children: ReactNode;
}) {
  const gridTemplateColumns = `repeat(auto-fit, minmax(${min}px, 1fr))`;
  return (
    <div style={{ display: 'grid', gridTemplateColumns, columnGap: 12, rowGap, ...style }}>{children}</div>
  );
}
