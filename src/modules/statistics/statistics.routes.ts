import { serviceContext, type ZodApp } from '../../server/http.ts';
import { moduleRoutes } from '../../server/route.ts';
import {
  StatFilterSchema,
  StatItemsQuerySchema,
  StatItemsSchema,
  StatisticsQuerySchema,
  StatisticsSchema,
  TrendSchema,
} from '../../shared/schemas/statistics.ts';
import { getStatistics, getStatisticsTrend, listStatisticItems } from './statistics.service.ts';

/**
 * GET /api/statistics, its drill-down GET /api/statistics/items and the monthly GET /api/statistics/trend
 * (stats.read; agencies: own scope).
 */
export async function statisticsRoutes(app: ZodApp) {
  const route = moduleRoutes(app, 'statistics');

  route.get('/statistics', {
    summary:
      'Thống kê tình hình thực hiện: per agency or plan, the §5 counts, due, on-time rate, overdue ageing and reminders',
    querystring: StatisticsQuerySchema,
    response: { 200: StatisticsSchema },
    handler: async (request) => {
      return getStatistics(serviceContext(request), request.query);
    },
  });

  route.get('/statistics/items', {
    summary: 'Danh sách chi tiết: the assignments behind one figure of the statistics (same filters)',
    querystring: StatItemsQuerySchema,
    response: { 200: StatItemsSchema },
    handler: async (request) => {
      return listStatisticItems(serviceContext(request), request.query);
    },
  });

  route.get('/statistics/trend', {
    summary:
      'Xu hướng theo tháng: lead assignments due per month against those done per month (same filters)',
    querystring: StatFilterSchema,
    response: { 200: TrendSchema },
    handler: async (request) => {
      return getStatisticsTrend(serviceContext(request), request.query);
    },
  });
}
