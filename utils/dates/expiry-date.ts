/**
 * Reads the password's expiry date out of the text next to Aruba's "Scadenza" / "Expires" label.
 *
 * Numeric dates are always read day first (15/02/2027 is 15 February): Aruba's Italian pages
 * write dd/mm/yyyy and its English pages keep the same numbers, so 02/03/2027 is 2 March, and
 * 02/15/2027 is rejected as impossible rather than guessed to be American.
 */
import { daysBetween, isoDate, isoDateParts, isValidCalendarDate, type IsoDate } from './calendar-date';

export type ExpiryRejection = 'no-date' | 'impossible-date' | 'ambiguous-year' | 'too-far-past' | 'too-far-ahead' | 'several-dates';

export type ExpiryParse = { ok: true; date: IsoDate } | { ok: false; reason: ExpiryRejection };

/** Passwords last three to six months: a date further than a year from today is a misreading. */
const MAX_DAYS_FROM_TODAY = 366;

/** Italian and English month names and their usual abbreviations, lower case, one row a month. */
export const MONTH_NAMES: readonly (readonly string[])[] = [
  ['gennaio', 'gen', 'january', 'jan'],
  ['febbraio', 'feb', 'february'],
  ['marzo', 'mar', 'march'],
  ['aprile', 'apr', 'april'],
  ['maggio', 'mag', 'may'],
  ['giugno', 'giu', 'june', 'jun'],
  ['luglio', 'lug', 'july', 'jul'],
  ['agosto', 'ago', 'august', 'aug'],
  ['settembre', 'sett', 'set', 'september', 'sept', 'sep'],
  ['ottobre', 'ott', 'october', 'oct'],
  ['novembre', 'nov', 'november'],
  ['dicembre', 'dic', 'december', 'dec'],
];

const MONTH_BY_NAME = new Map(MONTH_NAMES.flatMap((names, index) => names.map((name) => [name, index + 1] as const)));

const DAY = String.raw`(?<day>\d{1,2})`;
const ORDINAL = String.raw`(?:st|nd|rd|th|\u00b0|\u00ba)?`;
// Any whole word where a month's name goes, then looked up in MONTH_BY_NAME: "mar" never takes
// "marzo" or "martedi". With the 42 names in the expressions, case-insensitive, their first two
// runs (compiled, then compiled again to machine code) took about 2.5 ms in Chromium, in every
// guide that reads a date and every service worker's first captures; on text in lower case, with
// any word here, about 1 ms (issue 17).
const MONTH_NAME = String.raw`(?<![a-z])(?<month>[a-z]+)(?![a-z])\.?`;
// Two or four digits and nothing that continues it: "10.30" after "15 febbraio" is a time.
const YEAR = String.raw`(?<year>\d{4}|\d{2})(?!\d|[:.]\d)`;
// A time after the date ("alle 10:30", "ore 10.30.00", "at 10:30") is part of the match, so
// that its dotted form is never read as a second date. Blanks before a bare time belong to one
// quantifier only: two in a row would backtrack quadratically over a long run of spaces.
const TIME = String.raw`(?:[\s,]*(?:(?:(?:alle\s+)?ore|alle|at|h)\s*)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?![.:/-]?\d))?`;

const DATES: readonly string[] = [
  // 2027-02-15
  String.raw`(?<!\d)(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})(?!\d)`,
  // 15/02/2027, 5/2/2027, 15-02-2027, 15.02.2027, 15/02/27
  String.raw`(?<!\d)${DAY}(?<separator>[/.-])(?<month>\d{1,2})\k<separator>${YEAR}`,
  // 15 febbraio 2027, 1° feb. 2027, 15th of February 2027
  String.raw`(?<!\d)${DAY}${ORDINAL}\s*(?:of\s+|di\s+)?${MONTH_NAME}[\s,]+${YEAR}`,
  // February 15, 2027, Feb 15th 2027
  String.raw`${MONTH_NAME}\s*${DAY}${ORDINAL}[\s,]+${YEAR}`,
];

const DATE_PATTERNS: readonly RegExp[] = DATES.map((pattern) => new RegExp(pattern + TIME, 'g'));

/** The dates anchored at the start of a text, and a time that ends where a word would. */
const LEADING_DATES: readonly RegExp[] = DATES.map((pattern) => new RegExp(pattern, 'y'));
const LEADING_TIME = new RegExp(String.raw`${TIME.slice(0, -1)}(?:\s?[ap]\.?m\.?)?(?=$|\s|[),;](?:\s|$))`, 'y');
const DIGITS = /^\d+$/;

/** A character outside ASCII: only a text holding one has marks to take off. */
const NOT_ASCII = /[\u0080-\uffff]/;

function plainText(text: string): string {
  // Month names have no accents, but text copied from a page may carry combining marks. Dates are
  // mostly written in ASCII, which is its own decomposition: ICU's normalization, whose first use
  // costs a millisecond or two in every new service worker, is not asked then (issue 17).
  return NOT_ASCII.test(text) ? text.normalize('NFD').replace(/\p{M}/gu, '') : text;
}

/**
 * ASCII letters in lower case, nothing else changed, the length kept: what a case-insensitive
 * flag did for the patterns (all their letters are ASCII, and it never matched a letter outside
 * ASCII with one inside), without its cost to compile them.
 */
function lowerAscii(text: string): string {
  return text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

/** Whether the match's month, when a word, names a month. */
function namesMonth(match: RegExpExecArray): boolean {
  const month = match.groups?.month ?? '';
  return DIGITS.test(month) || MONTH_BY_NAME.has(month);
}

/**
 * The date (and its time, if written) that the text starts with, as written, and nothing after
 * it: the content script sends the background this and no other text of the page. A time is kept
 * only when it ends as a word does, so that no character of what follows (the password, on some
 * layouts) comes with it. Null when the text does not start with a date.
 */
export function leadingDate(text: string): string | null {
  const plain = plainText(text);
  const lower = lowerAscii(plain);
  let length = 0;
  for (const pattern of LEADING_DATES) {
    pattern.lastIndex = 0;
    const match = pattern.exec(lower);
    if (match && namesMonth(match) && match[0].length > length) length = match[0].length;
  }
  if (!length) return null;
  LEADING_TIME.lastIndex = length;
  return plain.slice(0, length + (LEADING_TIME.exec(lower)?.[0].length ?? 0));
}

export interface WrittenDate {
  year: number;
  month: number;
  day: number;
  twoDigitYear: boolean;
}

/** The dates written in the text, pattern by pattern, in the order they are written. */
export function writtenDates(text: string): WrittenDate[] {
  const lower = lowerAscii(plainText(text));
  const dates: WrittenDate[] = [];
  for (const pattern of DATE_PATTERNS) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(lower); match; match = pattern.exec(lower)) {
      // A word that names no month: the search goes on from the next character, as it did when
      // the pattern held the names.
      if (!namesMonth(match)) {
        pattern.lastIndex = match.index + 1;
        continue;
      }
      const { day = '', month = '', year = '' } = match.groups ?? {};
      dates.push({ year: Number(year), month: MONTH_BY_NAME.get(month) ?? Number(month), day: Number(day), twoDigitYear: year.length === 2 });
    }
  }
  return dates;
}

/** The years "27" can stand for: the same two digits in the previous, current and next century. */
function candidateYears(written: WrittenDate, today: IsoDate): number[] {
  if (!written.twoDigitYear) return [written.year];
  const century = Math.floor(isoDateParts(today).year / 100) * 100;
  return [century - 100, century, century + 100].map((base) => base + written.year);
}

function resolve(written: WrittenDate, today: IsoDate): ExpiryParse {
  const dates = candidateYears(written, today)
    .filter((year) => isValidCalendarDate(year, written.month, written.day))
    .map((year) => isoDate(year, written.month, written.day));
  const [first] = dates;
  if (first === undefined) return { ok: false, reason: 'impossible-date' };
  const near = dates.find((date) => Math.abs(daysBetween(today, date)) <= MAX_DAYS_FROM_TODAY);
  if (near !== undefined) return { ok: true, date: near };
  if (written.twoDigitYear) return { ok: false, reason: 'ambiguous-year' };
  return { ok: false, reason: daysBetween(today, first) < 0 ? 'too-far-past' : 'too-far-ahead' };
}

export function parseExpiryDate(text: string, today: IsoDate): ExpiryParse {
  // Keyed by the day meant, so "15/02/2027 (15 febbraio 2027)" is one date, not two.
  const outcomes = new Map<string, ExpiryParse>();
  for (const written of writtenDates(text)) {
    const outcome = resolve(written, today);
    const key = outcome.ok ? outcome.date : `${written.year}|${written.month}|${written.day}`;
    outcomes.set(key, outcome);
  }
  if (outcomes.size > 1) return { ok: false, reason: 'several-dates' };
  const [only] = outcomes.values();
  return only ?? { ok: false, reason: 'no-date' };
}
