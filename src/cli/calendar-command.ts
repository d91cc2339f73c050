import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { DB } from '../db/schema.ts';
import { formatVietnameseDate } from '../domain/dates.ts';
import { weekdayOf } from '../domain/working-days.ts';
import {
  addCalendarDay,
  listCalendar,
  removeCalendarDay,
  setDueShift,
} from '../modules/calendar/calendar.service.ts';
import { resolveAuthority } from '../modules/directory/directory.service.ts';
import type { ServiceContext } from '../modules/service-context.ts';
import { parseLocalDateInput } from '../shared/as-of.ts';
import { AppError } from '../shared/errors.ts';
import { CALENDAR_NAME_MAX } from '../shared/schemas/calendar.ts';
import type { Flags, Print } from './commands.ts';
import { cliContext } from './context.ts';
import { required, str } from './flags.ts';
import { renderTable } from './table.ts';

const USAGE =
  'Cách dùng: dondoc calendar list [--year NĂM] [--json] | dondoc calendar add NGÀY --off|--working --name "Tên"' +
  ' | dondoc calendar remove NGÀY | dondoc calendar due-shift [keep|next-working-day].';

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const KIND_LABEL = { day_off: 'nghỉ', working_day: 'làm việc' } as const;
const SOURCE_LABEL = { shipped: 'dondoc', office: 'Văn phòng' } as const;
const DUE_SHIFT_OPTION = { keep: 'keep', 'next-working-day': 'next_working_day' } as const;
const DUE_SHIFT_LABEL = { keep: 'giữ nguyên', next_working_day: 'lùi sang ngày làm việc tiếp theo' } as const;

/**
 * `dondoc calendar list|add|remove` — the authority's working calendar (docs/domain-rules.md §4a)
 * through the same use cases as /api/settings/calendar, as the system actor 'cli' (audited alike).
 */
export async function calendarCommand(
  db: Kysely<DB>,
  flags: Flags,
  print: Print,
  args: string[] = [],
  config?: Config,
) {
  const [sub, date, ...rest] = args;
  const known = sub === 'add' || sub === 'remove' || sub === 'due-shift';
  if (rest.length > 0 || !(sub === 'list' ? date === undefined : known)) {
    throw new AppError('VALIDATION_FAILED', USAGE);
  }
  const authority = await resolveAuthority(db, str(flags.authority));
  const c = await cliContext(db, config, authority.id, ['reminder.read', 'reminder.issue']);

  if (sub === 'due-shift') return dueShiftCommand(c, date, print);
  if (sub === 'list') {
    const view = await listCalendar(c, { year: parseYear(flags.year) });
    if (flags.json) return print(JSON.stringify(view, null, 2));
    print(
      `Lịch làm việc năm ${view.year} của ${authority.name}` +
        (view.announced ? ' (theo thông báo của Chính phủ):' : ' (theo Bộ luật Lao động nếu chưa sửa):'),
    );
    print(
      renderTable(
        ['Ngày', 'Thứ', 'Loại', 'Tên', 'Nguồn'],
        view.days.map((d) => [
          formatVietnameseDate(d.date),
          WEEKDAYS[weekdayOf(d.date)] ?? '',
          KIND_LABEL[d.kind],
          d.name,
          SOURCE_LABEL[d.source],
        ]),
      ),
    );
    return;
  }
  const day = parseLocalDateInput(date, 'Ngày');
  if (sub === 'remove') {
    const removed = await removeCalendarDay(c, day);
    return print(`Đã xóa ngày ${formatVietnameseDate(day)} (${removed.name}) khỏi lịch làm việc.`);
  }
  if ((flags.off === true) === (flags.working === true)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Cần đúng một trong --off (ngày nghỉ) và --working (ngày làm việc bù). ${USAGE}`,
    );
  }
  const name = required(flags, 'name', 'tên ngày, ví dụ --name "Tết Nguyên đán"').trim();
  if (name.length > CALENDAR_NAME_MAX) {
    throw new AppError('VALIDATION_FAILED', `--name dài quá ${CALENDAR_NAME_MAX} ký tự.`);
  }
  const saved = await addCalendarDay(c, {
    date: day,
    kind: flags.off === true ? 'day_off' : 'working_day',
    name,
  });
  print(
    `Đã lưu ngày ${formatVietnameseDate(day)} (${WEEKDAYS[weekdayOf(day)]}): ${KIND_LABEL[saved.kind]} — ${saved.name}.`,
  );
}

/**
 * `dondoc calendar due-shift [keep|next-working-day]` — shows or sets the rule for a deadline on a
 * non-working day (docs/domain-rules.md §4a), as PUT /api/settings/calendar/due-shift does.
 */
async function dueShiftCommand(c: ServiceContext, value: string | undefined, print: Print) {
  if (value === undefined) {
    const { dueShift } = await listCalendar(c, {});
    return print(`Hạn rơi vào ngày nghỉ: ${DUE_SHIFT_LABEL[dueShift]}.`);
  }
  const shift = Object.hasOwn(DUE_SHIFT_OPTION, value)
    ? DUE_SHIFT_OPTION[value as keyof typeof DUE_SHIFT_OPTION]
    : undefined;
  if (shift === undefined) {
    throw new AppError('VALIDATION_FAILED', `"${value}": cần keep hoặc next-working-day. ${USAGE}`);
  }
  const { moved } = await setDueShift(c, shift);
  print(`Đã lưu: hạn rơi vào ngày nghỉ — ${DUE_SHIFT_LABEL[shift]}; ${moved} hạn đã tính lại.`);
}

function parseYear(value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  const year = typeof value === 'string' && /^\d{4}$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!(year >= 1900 && year <= 2200)) {
    throw new AppError('VALIDATION_FAILED', 'Năm không hợp lệ: cần --year NĂM (ví dụ --year 2021).', {
      value,
    });
  }
  return year;
}
