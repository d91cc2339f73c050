import { z } from 'zod';
import { ASSIGNMENT_STATES } from '../../domain/state.ts';
import { serviceContext, type ZodApp } from '../../server/http.ts';
import { LocalDateSchema } from '../../shared/schemas/common.ts';
import { RuleSetBodySchema, RuleSetSchema } from './rule-set.ts';
import { listCommendations, scoreYear } from './scoring.service.ts';
import { getRuleSet, putRuleSet } from './scoring-rules.service.ts';

const YearSchema = z.coerce.number().int().min(2000).max(2100);

const CauseSchema = z.object({
  plan: z.string(),
  task: z.string(),
  occurrence: z.number(),
  dueOn: z.string(),
  remindedOn: z.string().optional(),
  doneOn: z.string().nullable().optional(),
  state: z.enum(ASSIGNMENT_STATES).optional(),
});

const AgencyScoreSchema = z.object({
  code: z.string(),
  name: z.string(),
  max: z.number().describe('Điểm tối đa'),
  points: z.number().describe('Điểm'),
  rate: z.number().describe('Tỷ lệ đạt: points ÷ max'),
  grade: z.string().describe('Xếp loại'),
  reminders: z.number().describe('written reminders of the year'),
  due: z.number(),
  onTime: z.number(),
  criteria: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.enum(['per_reminder', 'rate_bands', 'nd335']),
      max: z.number(),
      points: z.number(),
      note: z.string().nullable(),
    }),
  ),
  lost: z.array(
    z.object({
      criterion: z.string(),
      points: z.number(),
      reason: z.string(),
      because: z.array(CauseSchema),
    }),
  ),
});

const RuleSetReplySchema = z.object({
  year: z.number(),
  source: z.enum(['configured', 'default']),
  version: z.number().nullable(),
  ruleSet: RuleSetSchema,
});

/** Chấm điểm: GET /api/scores, GET /api/commendations, GET|PUT /api/score-rule-sets/:year. */
export async function scoringRoutes(app: ZodApp) {
  app.get(
    '/scores',
    {
      schema: {
        summary: 'Chấm điểm năm: per scored agency the max, points, rate, grade and every point lost',
        tags: ['scoring'],
        querystring: z.object({ year: YearSchema }),
        response: {
          200: z.object({
            year: z.number(),
            asOf: z.string(),
            provisional: z.boolean().describe('the year is not over: the scores may still change'),
            ruleSet: z.object({
              name: z.string(),
              source: z.enum(['configured', 'default']),
              version: z.number().nullable(),
              excluded: z.array(z.string()),
            }),
            agencies: z.array(AgencyScoreSchema),
          }),
        },
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
        querystring: z.object({ from: LocalDateSchema, to: LocalDateSchema }),
        response: {
          200: z.object({
            from: z.string(),
            to: z.string(),
            asOf: z.string(),
            provisional: z.boolean(),
            threshold: z.number().describe('phê bình from this many written reminders'),
            commended: z.array(z.object({ code: z.string(), name: z.string(), due: z.number() })),
            criticised: z.array(
              z.object({
                code: z.string(),
                name: z.string(),
                reminders: z.number(),
                because: z.array(CauseSchema),
              }),
            ),
          }),
        },
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
        params: z.object({ year: YearSchema }),
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
        params: z.object({ year: YearSchema }),
        body: RuleSetBodySchema,
        response: { 200: RuleSetReplySchema },
      },
    },
    async (request) => {
      return putRuleSet(serviceContext(request), request.params.year, request.body);
    },
  );
}
