/**
 * The parses the pool runs (parse-worker.ts), callable in-process too: a plan document → its parsed
 * plan (planTextOf + parsePlanText: both are CPU-bound on a large document), and the indices results
 * file → its grid. Plain data in and out (structured clone); every reader holds to `limits`.
 */
import { readIndexGrid } from '../indices/indices-file.ts';
import type { ParseLimits } from './parse-limits.ts';
import { type ParsedPlan, parsePlanText } from './plan-text.ts';
import { type PlanFile, planTextOf } from './read-plan-file.ts';

export type ParseRequest =
  | { kind: 'plan'; file: PlanFile; limits: ParseLimits }
  | { kind: 'index-grid'; file: PlanFile; limits: ParseLimits };

export type ParseResult<R extends ParseRequest> = R extends { kind: 'plan' } ? ParsedPlan : string[][];

export async function runParse(request: ParseRequest): Promise<ParsedPlan | string[][]> {
  switch (request.kind) {
    case 'plan':
      return parsePlanText(await planTextOf(request.file, request.limits));
    case 'index-grid':
      return readIndexGrid(request.file, request.limits);
  }
}
