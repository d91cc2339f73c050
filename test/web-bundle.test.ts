import { describe, expect, it } from 'vitest';
import { INITIAL_JS_BUDGET_GZIP, measureBundle } from '../scripts/web-bundle.ts';

/** The built SPA (the global setup builds it) keeps its first download within the budget of issue #6. */
describe('web bundle', () => {
  it('loads at most 350 KB of gzip JavaScript before the first page; pages and charts come later', () => {
    const report = measureBundle();
    expect(report.initialJsGzip).toBeGreaterThan(50 * 1024);
    expect(report.initialJsGzip).toBeLessThanOrEqual(INITIAL_JS_BUDGET_GZIP);
    const lazy = report.lazyChunks.map((chunk) => chunk.name).join(' ');
    expect(lazy).toContain('DashboardPage');
    expect(report.initialFiles.some((file) => /echarts/i.test(file))).toBe(false);
  });
});
