import { serviceContext, type ZodApp } from '../../server/http.ts';
import { moduleRoutes } from '../../server/route.ts';
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
  const route = moduleRoutes(app, 'scoring');

  route.get('/scores', {
    summary: 'Chấm điểm năm: per scored agency the max, points, rate, grade and every point lost',
    querystring: ScoresQuery,
    response: { 200: ScoresSchema },
    handler: async (request) => {
      return scoreYear(serviceContext(request), request.query);
    },
  });

  route.get('/commendations', {
    summary: 'Biểu dương và phê bình: commendation and criticism lists for a period',
    querystring: CommendationsQuery,
    response: { 200: CommendationsSchema },
    handler: async (request) => {
      return listCommendations(serviceContext(request), request.query);
    },
  });

  route.get('/score-rule-sets/:year', {
    summary: 'Bộ tiêu chí chấm điểm của một năm: the configured rule set, or the default',
    params: YearParams,
    response: { 200: RuleSetReplySchema },
    handler: async (request) => {
      return getRuleSet(serviceContext(request), request.params.year);
    },
  });

  route.put('/score-rule-sets/:year', {
    summary: 'Lưu bộ tiêu chí chấm điểm của một năm: validated (maxima add up, bands in order)',
    params: YearParams,
    body: RuleSetBodySchema,
    response: { 200: RuleSetReplySchema },
    handler: async (request) => {
      return putRuleSet(serviceContext(request), request.params.year, request.body);
    },
  });
}
