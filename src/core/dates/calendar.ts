/**
 * Proleptic Gregorian calendar arithmetic on plain numbers.
 *
 * Done by hand rather than with `Date` because `Date.UTC` maps years 0–99 to
 * 1900–1999 and carries time zones we never want; day counts keep interval
 * maths exact.
 */

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in `month` (1–12) of `year`. Throws for a month outside 1–12. */
export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`month must be 1–12, got ${month}`);
  }
  return month === 2 && isLeapYear(year) ? 29 : DAYS[month - 1];
}

/** Whether year-month-day names a day that exists (30 February does not). */
export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** `YYYY-MM-DD`; does not check that the date exists. */
export function formatIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Days since 1970-01-01 (negative before). Howard Hinnant's `days_from_civil`:
 * counting from a March-based year puts the leap day last, so no table is needed.
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** The inverse of `daysFromCivil`. */
export function civilFromDays(days: number): CalendarDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Reads `YYYY-MM-DD` (the form `FuzzyDate` stores); undefined for anything else. */
export function parseIsoDate(iso: string): CalendarDate | undefined {
  if (iso.length !== 10 || iso[4] !== '-' || iso[7] !== '-') return undefined;
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  return isValidCalendarDate(year, month, day) ? { year, month, day } : undefined;
}

export function isoToDays(iso: string): number | undefined {
  const d = parseIsoDate(iso);
  return d && daysFromCivil(d.year, d.month, d.day);
}

/** 0 = Monday … 6 = Sunday (ISO 8601 order). 1970-01-01 was a Thursday. */
export function weekdayOf(year: number, month: number, day: number): number {
  const n = daysFromCivil(year, month, day);
  return (((n + 3) % 7) + 7) % 7;
}

export function lastDayOf(year: number, month: number): string {
  return formatIsoDate(year, month, daysInMonth(year, month));
}
