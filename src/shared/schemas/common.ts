import { z } from 'zod';
import { isLocalDate } from '../../domain/dates.ts';

/** A calendar date 'YYYY-MM-DD' that exists (no 2021-02-30). */
export const LocalDateSchema = z
  .string()
  .refine(isLocalDate, { message: 'Ngày không hợp lệ: cần dạng YYYY-MM-DD (ví dụ 2021-01-20).' });
