import { z } from 'zod';
import { isLocalDate } from '../../domain/dates.ts';
import { ERROR_STATUS, type ErrorCode } from '../errors.ts';

import { INT4_MAX, PAGE_MAX, PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from './limits.ts';

export * from './limits.ts';

/** A row id or a version in a JSON body: a positive int4. */
export const IdSchema = z.number().int().positive().max(INT4_MAX);

/** A row id in a path or a query string: text coerced to a positive int4. */
export const IdTextSchema = z.coerce.number().int().positive().max(INT4_MAX);

/** `/:id` of every route that names one row. */
export const IdParamsSchema = z.object({ id: IdTextSchema });

export type IdParams = z.infer<typeof IdParamsSchema>;

/** A calendar date 'YYYY-MM-DD' that exists (no 2021-02-30). */
export const LocalDateSchema = z
  .string()
  .refine(isLocalDate, { message: 'Ngày không hợp lệ: cần dạng YYYY-MM-DD (ví dụ 2021-01-20).' });

/** `asOf` of the read routes: a date or an instant, read by src/shared/as-of.ts. */
export const AsOfSchema = z
  .string()
  .max(40)
  .optional()
  .describe('a date YYYY-MM-DD or an instant with offset; default today in Asia/Ho_Chi_Minh');

/** An agency as a row about it names it. */
export const AgencyRefSchema = z.object({ id: z.number(), code: z.string(), name: z.string() });

/**
 * Which assignment a request is about, as `assignmentLabelOf` (src/db/assignment-facts.ts) writes it:
 * the row's id and its assignment's, the agency, the plan's number, the task's number, the occurrence.
 */
export const AssignmentRequestFields = {
  id: z.number(),
  assignmentId: z.number(),
  agency: AgencyRefSchema,
  plan: z.string(),
  task: z.string(),
  occurrence: z.number(),
};

/** `page` (from 1) and `pageSize` (≤ 200, default 50) of every list route; lists answer `{ items, total, page, pageSize }`. */
export const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(PAGE_MAX).default(1),
  pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
});

export type PageQuery = z.infer<typeof PageQuerySchema>;

/** The page fields every list answer carries next to its `items`. */
export const PageFields = { total: z.number(), page: z.number(), pageSize: z.number() };

/** A list answer: `{ items, total, page, pageSize }`. */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), ...PageFields });

/** The body of every error answer (src/shared/errors.ts): a stable code, a Vietnamese message, optional details. */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
    message: z.string().describe('for the user, in Vietnamese'),
    details: z.object({}).catchall(z.unknown()).optional(),
  }),
});

export type ErrorBody = z.infer<typeof ErrorBodySchema>;
