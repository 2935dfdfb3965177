/**
 * The English words date expressions are made of. Lookups go through `Map`s so
 * that a word like `constructor` in a document cannot hit an object prototype.
 */

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const MONTHS = new Map<string, number>();
const MONTH_ABBREVIATIONS = new Set<string>();
MONTH_NAMES.forEach((name, i) => {
  MONTHS.set(name.toLowerCase(), i + 1);
  const short = name.slice(0, 3).toLowerCase();
  if (short !== name.toLowerCase()) {
    MONTHS.set(short, i + 1);
    MONTH_ABBREVIATIONS.add(short);
  }
});
MONTHS.set('sept', 9);
MONTH_ABBREVIATIONS.add('sept');

const WEEKDAYS = new Map<string, number>();
const WEEKDAY_ABBREVIATIONS = new Set(['mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun']);
WEEKDAY_NAMES.forEach((name, i) => WEEKDAYS.set(name.toLowerCase(), i));
for (const short of WEEKDAY_ABBREVIATIONS) {
  WEEKDAYS.set(short, WEEKDAY_NAMES.findIndex((n) => n.toLowerCase().startsWith(short)));
}

/** Month number 1–12 for a lower-case month name or abbreviation. */
export function monthNumber(word: string): number | undefined {
  return MONTHS.get(word);
}

/** Abbreviations may carry a full stop (`Nov.`); full names may not, so `May.` ends a sentence. */
export function isMonthAbbreviation(word: string): boolean {
  return MONTH_ABBREVIATIONS.has(word);
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayNumber(word: string): number | undefined {
  return WEEKDAYS.get(word);
}

export function isWeekdayAbbreviation(word: string): boolean {
  return WEEKDAY_ABBREVIATIONS.has(word);
}

export type Season = 'spring' | 'summer' | 'autumn' | 'winter';

const SEASONS = new Map<string, Season>([
  ['spring', 'spring'],
  ['summer', 'summer'],
  ['autumn', 'autumn'],
  ['fall', 'autumn'],
  ['winter', 'winter'],
]);

export function seasonOf(word: string): Season | undefined {
  return SEASONS.get(word);
}

/** Which third of a month (or of a year) "early", "mid" and "late" name. */
export type Part = 'early' | 'mid' | 'late';

const PARTS = new Map<string, Part>([
  ['early', 'early'],
  ['mid', 'mid'],
  ['late', 'late'],
]);

export function partOf(word: string): Part | undefined {
  return PARTS.get(word);
}

/** Placeholders that say a date exists but is not known yet, as word sequences. */
export const PLACEHOLDERS: readonly (readonly string[])[] = [
  ['tbc'],
  ['tbd'],
  ['tba'],
  ['to', 'be', 'confirmed'],
  ['to', 'be', 'decided'],
  ['to', 'be', 'determined'],
  ['to', 'be', 'announced'],
  ['to', 'be', 'agreed'],
];

/** Words before `half` in `latter half of 2025`. */
const HALF_WORDS = new Set(['first', 'former', 'second', 'latter']);

/** Words a date expression can begin with; anything else is rejected at once. */
export function canStartDate(word: string): boolean {
  return (
    MONTHS.has(word) ||
    WEEKDAYS.has(word) ||
    SEASONS.has(word) ||
    PARTS.has(word) ||
    word === 'q' ||
    word === 'h' ||
    word === 'fy' ||
    HALF_WORDS.has(word) ||
    PLACEHOLDERS.some((p) => p[0] === word)
  );
}
