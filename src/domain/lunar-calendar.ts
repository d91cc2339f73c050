/**
 * Âm lịch — the Vietnamese lunisolar calendar (docs/domain-rules.md §4a), for the holidays it dates
 * (Tết Nguyên đán, Giỗ Tổ Hùng Vương). Hồ Ngọc Đức's astronomical algorithm (new moons and the sun's
 * longitude after Jean Meeus, "Astronomical Algorithms"): a month starts on the day of the new moon,
 * month 11 holds the winter solstice, and a year of 13 months repeats the first month without a
 * major solar term. Vietnam reckons the days at UTC+7, China at UTC+8: the two calendars differ in
 * some years (Tết 1985: 21/01 in Vietnam, 20/02 in China; Tết 2007: 17/02 and 18/02). Pure.
 */
import { addDays, dateParts, type LocalDate } from './dates.ts';

/** Giờ Hà Nội: the lunar calendar's days are days at UTC+7. */
export const VIETNAM_LUNAR_TIME_ZONE = 7;

/** 2000-01-01 is Julian day number 2451545. */
const JDN_2000_01_01 = 2_451_545;
const SYNODIC_MONTH = 29.530588853;
/** the Julian day of the new moon of 1900-01-01 (k = 0 in Meeus's numbering) */
const NEW_MOON_EPOCH = 2_415_021.076998695;
const DEG = Math.PI / 180;

function julianDayOf(date: LocalDate): number {
  const { year, month, day } = dateParts(date);
  return JDN_2000_01_01 + Math.round((Date.UTC(year, month - 1, day) - Date.UTC(2000, 0, 1)) / 86_400_000);
}

function dateOfJulianDay(jd: number): LocalDate {
  return addDays('2000-01-01', jd - JDN_2000_01_01);
}

/** The Julian day number (a local day at `timeZone` hours east of UTC) of the k-th new moon after 1900-01-01. */
function newMoonDay(k: number, timeZone: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd = 2_415_020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * DEG);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3; // the sun's mean anomaly
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3; // the moon's
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3; // its argument of latitude
  const sin = (x: number) => Math.sin(x * DEG);
  const C1 =
    (0.1734 - 0.000393 * T) * sin(M) +
    0.0021 * sin(2 * M) -
    0.4068 * sin(Mpr) +
    0.0161 * sin(2 * Mpr) -
    0.0004 * sin(3 * Mpr) +
    0.0104 * sin(2 * F) -
    0.0051 * sin(M + Mpr) -
    0.0074 * sin(M - Mpr) +
    0.0004 * sin(2 * F + M) -
    0.0004 * sin(2 * F - M) -
    0.0006 * sin(2 * F + Mpr) +
    0.001 * sin(2 * F - Mpr) +
    0.0005 * sin(2 * Mpr + M);
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return Math.floor(jd + C1 - deltaT + 0.5 + timeZone / 24);
}

/** Which of the twelve 30° sectors (0 = from the vernal equinox) the sun is in at the start of a day. */
function sunSector(jdn: number, timeZone: number): number {
  const T = (jdn - 2_451_545.5 - timeZone / 24) / 36_525;
  const T2 = T * T;
  const M = 357.5291 + 35_999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36_000.76983 * T + 0.0003032 * T2;
  const DL =
    (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(M * DEG) +
    (0.019993 - 0.000101 * T) * Math.sin(2 * M * DEG) +
    0.00029 * Math.sin(3 * M * DEG);
  const longitude = (((L0 + DL) % 360) + 360) % 360;
  return Math.floor(longitude / 30);
}

/** The first day of the lunar month 11 (the one holding the winter solstice) of a solar year. */
function month11Start(year: number, timeZone: number): number {
  const k = Math.floor((julianDayOf(`${year}-12-31`) - 2_415_021) / SYNODIC_MONTH);
  const start = newMoonDay(k, timeZone);
  return sunSector(start, timeZone) >= 9 ? newMoonDay(k - 1, timeZone) : start;
}

/** In a 13-month year starting at month 11 `a11`: how many months after it the leap month comes. */
function leapMonthOffset(a11: number, timeZone: number): number {
  const k = Math.floor((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let sector = sunSector(newMoonDay(k + i, timeZone), timeZone);
  let last: number;
  do {
    last = sector;
    i++;
    sector = sunSector(newMoonDay(k + i, timeZone), timeZone);
  } while (sector !== last && i < 14);
  return i - 1;
}

/**
 * The solar date of day `day` of lunar month `month` (1–12, not the leap one) of the lunar year that
 * starts in solar year `year`: lunarToSolar(2021, 1, 1) is Tết 2021, 2021-02-12.
 */
export function lunarToSolar(
  year: number,
  month: number,
  day: number,
  timeZone: number = VIETNAM_LUNAR_TIME_ZONE,
): LocalDate {
  const [a11, b11] =
    month < 11
      ? [month11Start(year - 1, timeZone), month11Start(year, timeZone)]
      : [month11Start(year, timeZone), month11Start(year + 1, timeZone)];
  const k = Math.floor(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let offset = (month - 11 + 12) % 12;
  if (b11 - a11 > 365 && offset >= leapMonthOffset(a11, timeZone)) offset += 1;
  return dateOfJulianDay(newMoonDay(k + offset, timeZone) + day - 1);
}

/** Tết Nguyên đán, the first day of the lunar year that starts in a solar year. */
export function tetOf(year: number, timeZone: number = VIETNAM_LUNAR_TIME_ZONE): LocalDate {
  return lunarToSolar(year, 1, 1, timeZone);
}
