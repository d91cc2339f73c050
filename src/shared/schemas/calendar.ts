import { z } from 'zod';
import { DUE_SHIFTS } from '../../domain/working-days.ts';
import { LocalDateSchema } from './common.ts';

/** Lịch làm việc (docs/domain-rules.md §4a): GET|POST /api/settings/calendar, DELETE …/:date. */
export const CalendarDayKindSchema = z
  .enum(['day_off', 'working_day'])
  .describe('day_off: ngày nghỉ (lễ, tết, nghỉ bù); working_day: thứ Bảy, Chủ nhật làm việc (hoán đổi)');

export const CALENDAR_NAME_MAX = 200;

export const CalendarDaySchema = z.object({
  date: z.string(),
  kind: CalendarDayKindSchema,
  name: z.string(),
  source: z.enum(['shipped', 'office']).describe('shipped: dữ liệu dondoc 2020–2030; office: Văn phòng nhập'),
});

export const CalendarQuery = z.object({
  year: z.coerce.number().int().min(1900).max(2200).optional().describe('default: this year'),
});

export const DueShiftSchema = z
  .enum(DUE_SHIFTS)
  .describe(
    'Hạn rơi vào ngày nghỉ — keep: giữ nguyên; next_working_day: lùi sang ngày làm việc tiếp theo (BLDS 2015, Điều 148)',
  );

export const CalendarReplySchema = z.object({
  year: z.number(),
  days: z.array(CalendarDaySchema),
  announced: z
    .boolean()
    .describe(
      'true: the shipped days of this year are as the Government announced them; false: by the Labour Code',
    ),
  dueShift: DueShiftSchema,
});

export const DueShiftBody = z.object({ dueShift: DueShiftSchema });

export const DueShiftReplySchema = z.object({
  dueShift: DueShiftSchema,
  moved: z.number().describe('how many assignments’ due dates changed'),
});

export const CalendarDayBody = z.object({
  date: LocalDateSchema,
  kind: CalendarDayKindSchema,
  name: z.string().trim().min(1, 'Cần tên ngày (ví dụ: Tết Nguyên đán).').max(CALENDAR_NAME_MAX),
});

export const CalendarDateParams = z.object({ date: LocalDateSchema });

export type CalendarDayView = z.infer<typeof CalendarDaySchema>;
export type CalendarReply = z.infer<typeof CalendarReplySchema>;
export type DueShiftReply = z.infer<typeof DueShiftReplySchema>;
export type CalendarDayInput = z.infer<typeof CalendarDayBody>;
