import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MONTH_NAMES, leadingDate, writtenDates, type WrittenDate } from '@/utils/dates/expiry-date';

/*
 * expiry-date.ts finds a month's name as any whole word, looked up afterwards, in text whose ASCII
 * letters are put in lower case, not with expressions holding the 42 names and a case-insensitive
 * flag: their first two runs took about 2.5 ms in Chromium, in every guide that reads a date and
 * every service worker's first captures, against about 1 ms (issue 17). 0.2.4's expressions stay
 * here as the reference: on any text made of dates' parts, the same dates are read.
 */

/** The names are the module's (they did not change); how they are matched is what is compared. */
const MONTH_NUMBER_0_2_4 = new Map(MONTH_NAMES.flatMap((names, index) => names.map((name) => [name, index + 1] as const)));
const MONTHS_0_2_4 = [...MONTH_NUMBER_0_2_4.keys()];
const DAY = String.raw`(?<day>\d{1,2})`;
const ORDINAL = String.raw`(?:st|nd|rd|th|\u00b0|\u00ba)?`;
const MONTH_NAME = String.raw`(?<![a-z])(?<month>${[...MONTHS_0_2_4].sort((a, b) => b.length - a.length).join('|')})(?![a-z])\.?`;
const YEAR = String.raw`(?<year>\d{4}|\d{2})(?!\d|[:.]\d)`;
const TIME = String.raw`(?:[\s,]*(?:(?:(?:alle\s+)?ore|alle|at|h)\s*)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?![.:/-]?\d))?`;
const DATES_0_2_4 = [
  String.raw`(?<!\d)(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})(?!\d)`,
  String.raw`(?<!\d)${DAY}(?<separator>[/.-])(?<month>\d{1,2})\k<separator>${YEAR}`,
  String.raw`(?<!\d)${DAY}${ORDINAL}\s*(?:of\s+|di\s+)?${MONTH_NAME}[\s,]+${YEAR}`,
  String.raw`${MONTH_NAME}\s*${DAY}${ORDINAL}[\s,]+${YEAR}`,
];
const PATTERNS_0_2_4 = DATES_0_2_4.map((pattern) => new RegExp(pattern + TIME, 'gi'));
const LEADING_0_2_4 = DATES_0_2_4.map((pattern) => new RegExp(pattern, 'iy'));
const LEADING_TIME_0_2_4 = new RegExp(String.raw`${TIME.slice(0, -1)}(?:\s?[ap]\.?m\.?)?(?=$|\s|[),;](?:\s|$))`, 'iy');

const plain = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '');

function writtenDates0_2_4(text: string): WrittenDate[] {
  return PATTERNS_0_2_4.flatMap((pattern) =>
    [...plain(text).matchAll(pattern)].map((match) => {
      const { day = '', month = '', year = '' } = match.groups ?? {};
      return {
        year: Number(year),
        month: MONTH_NUMBER_0_2_4.get(month.toLowerCase()) ?? Number(month),
        day: Number(day),
        twoDigitYear: year.length === 2,
      };
    }),
  );
}

function leadingDate0_2_4(text: string): string | null {
  const written = plain(text);
  let date = '';
  for (const pattern of LEADING_0_2_4) {
    pattern.lastIndex = 0;
    const match = pattern.exec(written);
    if (match && match[0].length > date.length) date = match[0];
  }
  if (!date) return null;
  LEADING_TIME_0_2_4.lastIndex = date.length;
  return date + (LEADING_TIME_0_2_4.exec(written)?.[0] ?? '');
}

/** Parts of dates and what surrounds them on a page, in any case, with words that are no month's. */
const NUMBERS = ['1', '5', '15', '31', '02', '2', '12', '13', '2027', '2026', '27', '99', '2027-02-15', '0'];
const SEPARATORS = ['/', '-', '.', ' ', '  ', ',', ', ', ':', '\t', '\n', '(', ')', ' di ', ' of ', ' il '];
const MONTHS = ['febbraio', 'Febbraio', 'FEB', 'feb.', 'Feb', 'sett', 'Sett.', 'set', 'September', 'SEPT', 'mar', 'Marzo', 'march'];
const MORE_MONTHS = ['may', 'Mag', 'dic', 'Dicembre', 'gen', 'jan', 'ottobre', 'oct', 'ago', 'Aug', 'sept', 'DEC'];
const WORDS = ['marted\u00ec', 'Mart', 'marzolino', 'febbr', 'pippo', 'Scadenza', 'di', 'of', 'Di', 'OF', 'the', 'x', 'e', 'k', 'S'];
const AROUND = ['st', 'nd', 'rd', 'th', 'TH', '\u00b0', '\u00ba', 'alle', 'ore', 'Alle ore', 'at', 'h', '10:30', '10.30', '10.30.00'];
const ODD = ['9:05', 'am', 'p.m.', 'PM', '\u212a', '\u017f', '\u0130', 'f\u00e9b', 'fe\u0301b', '\u00c9', 'M\u00e4r', 'Copia', 'xyz', '\u0301'];
const anyPart = fc.constantFrom('', ...NUMBERS, ...SEPARATORS, ...MONTHS, ...MORE_MONTHS, ...WORDS, ...AROUND, ...ODD);
/** A date in one of the written forms, with anything around and between its parts. */
const dateLike = fc
  .tuple(
    fc.array(anyPart, { maxLength: 3 }),
    fc.constantFrom(...NUMBERS),
    anyPart,
    fc.constantFrom(...SEPARATORS),
    fc.constantFrom(...MONTHS, ...MORE_MONTHS, ...NUMBERS),
    fc.constantFrom(...SEPARATORS),
    fc.constantFrom(...NUMBERS),
    fc.array(anyPart, { maxLength: 3 }),
    fc.boolean(),
  )
  .map(([before, day, odd, separator, month, again, year, after, monthFirst]) =>
    [...before, ...(monthFirst ? [month, separator, day, odd] : [day, odd, separator, month]), again, year, ...after].join(''),
  );
const texts = fc.oneof(
  dateLike,
  fc
    .array(
      fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...NUMBERS) },
        { weight: 4, arbitrary: fc.constantFrom(...SEPARATORS) },
        { weight: 3, arbitrary: fc.constantFrom(...MONTHS, ...MORE_MONTHS) },
        { weight: 2, arbitrary: fc.constantFrom(...WORDS, ...AROUND, ...ODD) },
      ),
      { minLength: 1, maxLength: 10 },
    )
    .map((parts) => parts.join('')),
);

describe('dates read as 0.2.4 read them', () => {
  it('the dates written in any text', () => {
    let withDates = 0;
    fc.assert(
      fc.property(texts, (text) => {
        const dates = writtenDates0_2_4(text);
        if (dates.length > 0) withDates++;
        expect(writtenDates(text)).toEqual(dates);
      }),
      { numRuns: 20_000 },
    );
    // The texts are not mostly dateless: a good share hold a date, some of them several.
    expect(withDates).toBeGreaterThan(2_000);
  });

  it('the date a text starts with, as written', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(leadingDate(text)).toBe(leadingDate0_2_4(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it.each([
    ['15 pippo 12 marzo 2027', [{ year: 2027, month: 3, day: 12, twoDigitYear: false }]],
    ['martedì 15 Marzo 2027', [{ year: 2027, month: 3, day: 15, twoDigitYear: false }]],
    ['SEPT 5th, 27', [{ year: 27, month: 9, day: 5, twoDigitYear: true }]],
  ])('%j', (text, dates) => {
    expect(writtenDates(text)).toEqual(dates);
    expect(writtenDates0_2_4(text)).toEqual(dates);
  });
});
