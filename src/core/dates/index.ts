/**
 * govmark's one date parser and the helpers that work on its `FuzzyDate`s.
 * Pure: no I/O, no host, no clock (callers pass today's date in).
 */
export { parseFuzzyDate, MAX_DATE_LENGTH, type DateOptions } from './parse.js';
export { matchLeadingDate, type LeadingDate } from './match.js';
export { leadingDateShape, looksLikeDate, unreadDateReason } from './unread.js';
export { parseZonedDate } from './zones.js';
export { parseFrontMatterDate, writtenDay } from './front-matter.js';
export { compareFuzzyDates, definitelyBefore, overlaps, isPast, daysBetween } from './compare.js';
export { describeFuzzyDate, formatShortDate } from './describe.js';
export { formatIsoDate, isValidCalendarDate, daysInMonth, isLeapYear, weekdayOf } from './calendar.js';
