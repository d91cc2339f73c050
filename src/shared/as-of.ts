import { DEFAULT_TIME_ZONE, isLocalDate, type LocalDate, localDateOf } from '../domain/dates.ts';
import { AppError } from './errors.ts';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * "As of" given by a user: a calendar date ('2021-02-15') or an instant with its offset
 * ('2021-01-20T23:59:00+07:00'), read as the calendar day it falls on in the authority's zone.
 * Missing → today there.
 */
export function parseAsOf(
  value: string | undefined,
  timeZone = DEFAULT_TIME_ZONE,
  now = new Date(),
): LocalDate {
  if (value === undefined || value === '') return localDateOf(now, timeZone);
  const trimmed = value.trim();
  if (isLocalDate(trimmed)) return trimmed;
  if (INSTANT.test(trimmed)) {
    const instant = new Date(trimmed);
    if (!Number.isNaN(instant.getTime())) return localDateOf(instant, timeZone);
  }
  throw new AppError(
    'INVALID_DATE',
    `Ngày "${value}" không hợp lệ: cần dạng YYYY-MM-DD (ví dụ 2021-02-15).`,
    {
      value,
    },
  );
}

/** A required calendar date from user input. */
export function parseLocalDateInput(value: string | undefined, what: string): LocalDate {
  if (value && isLocalDate(value.trim())) return value.trim();
  throw new AppError(
    'INVALID_DATE',
    `${what} "${value ?? ''}" không hợp lệ: cần dạng YYYY-MM-DD (ví dụ 2021-01-19).`,
    {
      value: value ?? null,
    },
  );
}
