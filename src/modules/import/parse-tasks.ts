/**
 * The parses the pool runs (parse-worker.ts), callable in-process too: a plan document → its parsed
 * plan (planTextOf + parsePlanText: both are CPU-bound on a large document), and the indices results
 * file → its grid. Plain data in and out (structured clone); every reader holds to `limits`.
 */
import type { LocalDate } from '../../domain/dates.ts';
import type { Directory } from '../../domain/directory.ts';
import { buildImportPreview, type ImportPreview } from './import-preview.ts';
import type { ParseLimits } from './parse-limits.ts';
import type { ParsedPlan } from './plan-text.ts';
import { type PlanFile, parsePlanSource, planSourceOf } from './read-plan-file.ts';
import type { OcrEvents } from './readers/ocr-reader.ts';

export type ParseRequest =
  | { kind: 'plan'; file: PlanFile; limits: ParseLimits }
  /** the plan read and resolved against the authority's directory: the preview the Office reviews */
  | { kind: 'plan-preview'; file: PlanFile; limits: ParseLimits; directory: Directory; today: LocalDate }
  | { kind: 'index-grid'; file: PlanFile; limits: ParseLimits };

/** `events`: told when a scan's OCR starts (the pool gives it the OCR's time limit from there). */
export async function runParse(
  request: ParseRequest,
  events: OcrEvents = {},
): Promise<ParsedPlan | ImportPreview | string[][]> {
  switch (request.kind) {
    case 'plan':
      return parsePlanSource(await planSourceOf(request.file, request.limits, events));
    case 'plan-preview':
      // matching thousands of agency cells and deadlines is CPU work too (≈ 45 µs a task): off the event loop
      return buildImportPreview(
        parsePlanSource(await planSourceOf(request.file, request.limits, events)),
        request.directory,
        request.today,
      );
    case 'index-grid':
      // exceljs, loaded by the first indices file
      return (await import('../indices/indices-file.ts')).readIndexGrid(request.file, request.limits);
  }
}
