import { serviceContext, type ZodApp } from '../../server/http.ts';
import { moduleRoutes } from '../../server/route.ts';
import {
  CalendarDateParams,
  CalendarDayBody,
  CalendarDaySchema,
  CalendarQuery,
  CalendarReplySchema,
  DueShiftBody,
  DueShiftReplySchema,
} from '../../shared/schemas/calendar.ts';
import { addCalendarDay, listCalendar, removeCalendarDay, setDueShift } from './calendar.service.ts';

/** Lịch làm việc (docs/domain-rules.md §4a): GET|POST /api/settings/calendar, DELETE /api/settings/calendar/:date. */
export async function calendarRoutes(app: ZodApp) {
  const route = moduleRoutes(app, 'calendar');

  route.get('/settings/calendar', {
    summary:
      'Lịch làm việc của một năm: ngày nghỉ lễ, tết, nghỉ bù, ngày làm việc bù (Office, leadership, admins)',
    querystring: CalendarQuery,
    response: { 200: CalendarReplySchema },
    handler: async (request) => listCalendar(serviceContext(request), request.query),
  });

  route.post('/settings/calendar', {
    summary: 'Thêm hoặc sửa một ngày của lịch làm việc (the Office and admins); audited',
    description: 'A working_day must be a Saturday or Sunday. A date already in the calendar is replaced.',
    body: CalendarDayBody,
    response: { 200: CalendarDaySchema },
    handler: async (request) => addCalendarDay(serviceContext(request), request.body),
  });

  route.put('/settings/calendar/due-shift', {
    summary:
      'Hạn rơi vào ngày nghỉ: giữ nguyên hoặc lùi sang ngày làm việc tiếp theo (the Office and admins); audited',
    description:
      'Every due date of the authority is re-derived from its stated date at once (docs/domain-rules.md §4a).',
    body: DueShiftBody,
    response: { 200: DueShiftReplySchema },
    handler: async (request) => setDueShift(serviceContext(request), request.body.dueShift),
  });

  route.delete('/settings/calendar/:date', {
    summary:
      'Xóa một ngày khỏi lịch làm việc (the Office and admins): the date is as its weekday says; audited',
    params: CalendarDateParams,
    response: { 200: CalendarDaySchema },
    handler: async (request) => removeCalendarDay(serviceContext(request), request.params.date),
  });
}
