import { z } from 'zod';
import { isLocalDate } from '../../domain/dates.ts';
import { ERROR_STATUS, type ErrorCode } from '../errors.ts';

/** The largest PostgreSQL `integer` (int4): every id and version column; a larger value never reaches the database. */
export const INT4_MAX = 2_147_483_647;

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

/** The paging limits of every list route (the SPA asks for `PAGE_SIZE_MAX` when it wants "all"). */
export const PAGE_MAX = 100_000;
export const PAGE_SIZE_MAX = 200;
export const PAGE_SIZE_DEFAULT = 50;

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

/** The longest free-text search (`q`) a list route accepts. */
export const SEARCH_TEXT_MAX = 200;

/** The body of every error answer (src/shared/errors.ts): a stable code, a Vietnamese message, optional details. */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
    message: z.string().describe('for the user, in Vietnamese'),
    details: z.object({}).catchall(z.unknown()).optional(),
  }),
});

export type ErrorBody = z.infer<typeof ErrorBodySchema>;
