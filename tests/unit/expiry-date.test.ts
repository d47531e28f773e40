import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isoDateParts, parseIsoDate, type IsoDate } from '@/utils/dates/calendar-date';
import { parseExpiryDate, type ExpiryRejection } from '@/utils/dates/expiry-date';

const TODAY = '2026-11-20';

const ITALIAN_MONTHS = [
  'gennaio',
  'febbraio',
  'marzo',
  'aprile',
  'maggio',
  'giugno',
  'luglio',
  'agosto',
  'settembre',
  'ottobre',
  'novembre',
  'dicembre',
];
const ENGLISH_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const two = (value: number) => String(value).padStart(2, '0');
const monthName = (names: string[], month: number) => names[month - 1] ?? '';
const ordinal = (day: number) =>
  `${day}${day % 10 === 1 && day !== 11 ? 'st' : day % 10 === 2 && day !== 12 ? 'nd' : day % 10 === 3 && day !== 13 ? 'rd' : 'th'}`;

/** Every way a page may write a date, with the label and time around it that pages add. */
const FORMATS: Record<string, (date: IsoDate) => string> = {
  'dd/mm/yyyy': (date) => {
    const { year, month, day } = isoDateParts(date);
    return `Scadenza ${two(day)}/${two(month)}/${year}`;
  },
  'd/m/yyyy': (date) => {
    const { year, month, day } = isoDateParts(date);
    return `Scadenza: ${day}/${month}/${year}`;
  },
  'dd-mm-yyyy': (date) => {
    const { year, month, day } = isoDateParts(date);
    return `${two(day)}-${two(month)}-${year}`;
  },
  'dd.mm.yyyy': (date) => {
    const { year, month, day } = isoDateParts(date);
    return `Scade il ${two(day)}.${two(month)}.${year} ore 10.30`;
  },
  'dd/mm/yy': (date) => {
    const { year, month, day } = isoDateParts(date);
    return `${two(day)}/${two(month)}/${two(year % 100)}`;
  },
  'dd/mm/yyyy with time': (date) => {
    const { year, month, day } = isoDateParts(date);
    return `Scade il ${two(day)}/${two(month)}/${year} alle 10:30:00`;
  },
  'd month yyyy (it)': (date) => {
    const { year, month, day } = isoDateParts(date);
    return `Scadenza ${day} ${monthName(ITALIAN_MONTHS, month)} ${year}`;
  },
  'd mon yyyy (it)': (date) => {
    const { year, month, day } = isoDateParts(date);
    return `${day} ${monthName(ITALIAN_MONTHS, month).slice(0, 3).toUpperCase()} ${year}`;
  },
  'd Month yyyy (en)': (date) => {
    const { year, month, day } = isoDateParts(date);
    return `Expires ${day} ${monthName(ENGLISH_MONTHS, month)} ${year}`;
  },
  'Month d, yyyy (en)': (date) => {
    const { year, month, day } = isoDateParts(date);
    return `Expires on ${monthName(ENGLISH_MONTHS, month)} ${day}, ${year} at 10:30`;
  },
  'Mon d yyyy (en)': (date) => {
    const { year, month, day } = isoDateParts(date);
    return `${monthName(ENGLISH_MONTHS, month).slice(0, 3)} ${day} ${year}`;
  },
  'dth Month yyyy (en)': (date) => {
    const { year, month, day } = isoDateParts(date);
    return `${ordinal(day)} ${monthName(ENGLISH_MONTHS, month)} ${year}`;
  },
  'yyyy-mm-dd': (date) => `expiry: ${date}`,
};

const accepted = (date: IsoDate) => ({ ok: true, date });
const rejected = (reason: ExpiryRejection) => ({ ok: false, reason });

describe('parseExpiryDate: formats', () => {
  it.each([
    ['Scadenza 15/02/2027', '2027-02-15'],
    ['Scadenza: 5/2/2027', '2027-02-05'],
    ['15-02-2027', '2027-02-15'],
    ['15.02.2027', '2027-02-15'],
    ['Scade il 15/02/2027 alle 10:30', '2027-02-15'],
    ['15/02/2027 10:30:00', '2027-02-15'],
    ['15.02.2027 ore 10.30', '2027-02-15'],
    ['15.02.27 10.30.00', '2027-02-15'],
    ['Scadenza 15 febbraio 2027', '2027-02-15'],
    ['15 FEBBRAIO 2027', '2027-02-15'],
    ['15 feb 2027', '2027-02-15'],
    ['15 feb. 2027', '2027-02-15'],
    ['1° marzo 2027', '2027-03-01'],
    ['lunedì 1 marzo 2027', '2027-03-01'],
    ['3 sett 2027', '2027-09-03'],
    ['15 febbra\u0301io 2027', '2027-02-15'],
    ['Expires on February 15, 2027', '2027-02-15'],
    ['Expires 15 February 2027', '2027-02-15'],
    ['Feb 15 2027', '2027-02-15'],
    ['Sept. 3, 2027', '2027-09-03'],
    ['15th February 2027', '2027-02-15'],
    ['the 2nd of March 2027', '2027-03-02'],
    ['February 15th, 2027 at 10:30 AM', '2027-02-15'],
    ['2027-02-15', '2027-02-15'],
    ['2027-02-15T10:30:00Z', '2027-02-15'],
    ['Scadenza\u00a015/02/2027', '2027-02-15'],
    ['15/02/2027 (15 febbraio 2027)', '2027-02-15'],
    ['15/02/27 e 15/02/2027', '2027-02-15'],
  ])('%j is %s', (text, date) => {
    expect(parseExpiryDate(text, TODAY)).toEqual(accepted(date));
  });

  it('reads numbers day first, on English pages too', () => {
    expect(parseExpiryDate('Expires 02/03/2027', TODAY)).toEqual(accepted('2027-03-02'));
    expect(parseExpiryDate('Expires 02/15/2027', TODAY)).toEqual(rejected('impossible-date'));
  });

  it('accepts leap days and month ends', () => {
    expect(parseExpiryDate('29/02/2028', '2027-06-01')).toEqual(accepted('2028-02-29'));
    expect(parseExpiryDate('29 febbraio 2028', '2027-06-01')).toEqual(accepted('2028-02-29'));
    expect(parseExpiryDate('31/12/2026', TODAY)).toEqual(accepted('2026-12-31'));
    expect(parseExpiryDate('30/04/2027', TODAY)).toEqual(accepted('2027-04-30'));
  });
});

describe('parseExpiryDate: two-digit years', () => {
  it('takes the century that puts the date within a year of today', () => {
    expect(parseExpiryDate('15/02/27', TODAY)).toEqual(accepted('2027-02-15'));
    expect(parseExpiryDate('15/02/00', '2099-12-01')).toEqual(accepted('2100-02-15'));
    expect(parseExpiryDate('15/11/99', '2100-02-01')).toEqual(accepted('2099-11-15'));
  });

  it('refuses to guess when no century does', () => {
    expect(parseExpiryDate('15/02/35', TODAY)).toEqual(rejected('ambiguous-year'));
    expect(parseExpiryDate('29/02/00', TODAY)).toEqual(rejected('ambiguous-year'));
  });

  it('calls a day no century has impossible', () => {
    expect(parseExpiryDate('29/02/27', TODAY)).toEqual(rejected('impossible-date'));
  });
});

describe('parseExpiryDate: rejections', () => {
  it.each([
    ['', 'no-date'],
    ['Scadenza', 'no-date'],
    ['Scadenza: --/--/----', 'no-date'],
    ['February 2027', 'no-date'],
    ['Scadenza 15 febbraio 10.30', 'no-date'],
    ['15/02/202', 'no-date'],
    ['15/02-2027', 'no-date'],
    ['ore 10:30', 'no-date'],
    ['31/02/2027', 'impossible-date'],
    ['29/02/2027', 'impossible-date'],
    ['31/04/2027', 'impossible-date'],
    ['15/13/2027', 'impossible-date'],
    ['00/02/2027', 'impossible-date'],
    ['31 febbraio 2027', 'impossible-date'],
    ['2027-02-30', 'impossible-date'],
    ['15/02/2025', 'too-far-past'],
    ['15/02/0027', 'too-far-past'],
    ['15/02/2028', 'too-far-ahead'],
    ['15 febbraio 2127', 'too-far-ahead'],
    ['Dal 15/11/2026 al 15/02/2027', 'several-dates'],
    ['15/02/2027 12.03.2027', 'several-dates'],
    ['15/02/2027 o 31/02/2027', 'several-dates'],
  ] as const)('%j: %s', (text, reason) => {
    expect(parseExpiryDate(text, TODAY)).toEqual(rejected(reason));
  });

  it('stays linear on long text', () => {
    expect(parseExpiryDate(`15/02/2027${' '.repeat(100_000)}x`, TODAY)).toEqual(accepted('2027-02-15'));
    expect(parseExpiryDate('15 febbraio 2027, '.repeat(5_000), TODAY)).toEqual(accepted('2027-02-15'));
  });

  it('allows exactly 366 days either way', () => {
    expect(parseExpiryDate(addDays(TODAY, 366), TODAY)).toEqual(accepted(addDays(TODAY, 366)));
    expect(parseExpiryDate(addDays(TODAY, -366), TODAY)).toEqual(accepted(addDays(TODAY, -366)));
    expect(parseExpiryDate(addDays(TODAY, 367), TODAY)).toEqual(rejected('too-far-ahead'));
    expect(parseExpiryDate(addDays(TODAY, -367), TODAY)).toEqual(rejected('too-far-past'));
  });
});

describe('parseExpiryDate: properties', () => {
  const anyToday = fc.integer({ min: 0, max: daysBetween('1900-01-01', '2199-12-31') }).map((days) => addDays('1900-01-01', days));

  // Pieces of real dates in random order, to reach deep into the patterns.
  const dateLikeText = fc
    .array(
      fc.oneof(
        fc.constantFrom('/', '.', '-', ' ', ',', ':', 'ore ', 'alle ', 'at ', 'th', '°', 'of ', 'feb', 'Febbraio', 'sept', 'May'),
        fc.integer({ min: 0, max: 3000 }).map(String),
      ),
      { maxLength: 12 },
    )
    .map((pieces) => pieces.join(''));

  it('never throws and never returns a date that is not real and near', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), dateLikeText), anyToday, (text, today) => {
        const parsed = parseExpiryDate(text, today);
        if (parsed.ok) {
          expect(parseIsoDate(parsed.date)).toBe(parsed.date);
          expect(Math.abs(daysBetween(today, parsed.date))).toBeLessThanOrEqual(366);
        }
      }),
      { numRuns: 10_000 },
    );
  });

  it('reads a date written alone as Aruba writes it exactly as it reads the same date after a label', () => {
    const numeric = fc
      .tuple(
        fc.constantFrom('', ' ', '\u00a0', '\t'),
        fc.integer({ min: 0, max: 99 }),
        fc.constantFrom('/', '.', '-'),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 9999 }),
        fc.constantFrom('', ' ', '\n'),
        fc.boolean(),
      )
      .map(([before, day, separator, month, year, after, padded]) => {
        const pad = (n: number, width: number) => (padded ? String(n).padStart(width, '0') : String(n));
        return `${before}${pad(day, 2)}${separator}${pad(month, 2)}${separator}${pad(year, 4)}${after}`;
      });
    fc.assert(
      fc.property(fc.oneof(numeric, dateLikeText), anyToday, (text, today) => {
        expect(parseExpiryDate(text, today)).toEqual(parseExpiryDate(`Scadenza: ${text}`, today));
      }),
      { numRuns: 10_000 },
    );
  });

  it.each(Object.entries(FORMATS))('reads back any date within a year written as %s', (_, write) => {
    fc.assert(
      fc.property(anyToday, fc.integer({ min: -366, max: 366 }), (today, offset) => {
        const date = addDays(today, offset);
        expect(parseExpiryDate(write(date), today)).toEqual(accepted(date));
      }),
      { numRuns: 10_000 },
    );
  });
});
