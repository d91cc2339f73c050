import { serviceContext, type ZodApp } from '../../server/http.ts';
import {
  CommendationsQuery,
  CommendationsSchema,
  RuleSetBodySchema,
  RuleSetReplySchema,
  ScoresQuery,
  ScoresSchema,
  YearParams,
} from '../../shared/schemas/scoring.ts';
import { listCommendations, scoreYear } from './scoring.service.ts';
import { getRuleSet, putRuleSet } from './scoring-rules.service.ts';

/** Chấm điểm: GET /api/scores, GET /api/commendations, GET|PUT /api/score-rule-sets/:year. */
export async function scoringRoutes(app: ZodApp) {
  app.get(
    '/scores',
    {
      schema: {
        summary: 'Chấm điểm năm: per scored agency the max, points, rate, grade and every point lost',
        tags: ['scoring'],
        querystring: ScoresQuery,
        response: { 200: ScoresSchema },
      },
    },
    async (request) => {
      return scoreYear(serviceContext(request), request.query);
    },
  );

  app.get(
    '/commendations',
    {
      schema: {
        summary: 'Biểu dương và phê bình: commendation and criticism lists for a period',
        tags: ['scoring'],
        querystring: CommendationsQuery,
        response: { 200: CommendationsSchema },
      },
    },
    async (request) => {
      return listCommendations(serviceContext(request), request.query);
    },
  );

  app.get(
    '/score-rule-sets/:year',
    {
      schema: {
        summary: 'Bộ tiêu chí chấm điểm của một năm: the configured rule set, or the default',
        tags: ['scoring'],
        params: YearParams,
        response: { 200: RuleSetReplySchema },
      },
    },
    async (request) => {
      return getRuleSet(serviceContext(request), request.params.year);
    },
  );

  app.put(
    '/score-rule-sets/:year',
    {
      schema: {
        summary: 'Lưu bộ tiêu chí chấm điểm của một năm: validated (maxima add up, bands in order)',
        tags: ['scoring'],
        params: YearParams,
        body: RuleSetBodySchema,
        response: { 200: RuleSetReplySchema },
      },
    },
    async (request) => {
      return putRuleSet(serviceContext(request), request.params.year, request.body);
    },
  );
}
