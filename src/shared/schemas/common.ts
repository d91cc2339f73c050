import { z } from 'zod';
import { isLocalDate } from '../../domain/dates.ts';

/** A calendar date 'YYYY-MM-DD' that exists (no 2021-02-30). */
export const LocalDateSchema = z
  .string()
  .refine(isLocalDate, { message: 'Ngày không hợp lệ: cần dạng YYYY-MM-DD (ví dụ 2021-01-20).' });

/** `page` (from 1) and `pageSize` (≤ 200, default 50) of every list route; lists answer `{ items, total, page, pageSize }`. */
export const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export type PageQuery = z.infer<typeof PageQuerySchema>;
