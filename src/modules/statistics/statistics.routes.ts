import { serviceContext, type ZodApp } from '../../server/http.ts';
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
  app.get(
    '/statistics',
    {
      schema: {
        summary:
          'Thống kê tình hình thực hiện: per agency or plan, the §5 counts, due, on-time rate, overdue ageing and reminders',
        tags: ['statistics'],
        querystring: StatisticsQuerySchema,
        response: { 200: StatisticsSchema },
      },
    },
    async (request) => {
      return getStatistics(serviceContext(request), request.query);
    },
  );

  app.get(
    '/statistics/items',
    {
      schema: {
        summary: 'Danh sách chi tiết: the assignments behind one figure of the statistics (same filters)',
        tags: ['statistics'],
        querystring: StatItemsQuerySchema,
        response: { 200: StatItemsSchema },
      },
    },
    async (request) => {
      return listStatisticItems(serviceContext(request), request.query);
    },
  );

  app.get(
    '/statistics/trend',
    {
      schema: {
        summary:
          'Xu hướng theo tháng: lead assignments due per month against those done per month (same filters)',
        tags: ['statistics'],
        querystring: StatFilterSchema,
        response: { 200: TrendSchema },
      },
    },
    async (request) => {
      return getStatisticsTrend(serviceContext(request), request.query);
    },
  );
}
