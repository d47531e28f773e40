import { addDays, daysBetween, isoDate, isoDateParts, localToday, type IsoDate } from '../../utils/dates/calendar-date';

/**
 * The replica pages were written on this day, with dates that mean something relative to it
 * (15/02/2027: far away; 28/11/2026: five days left). When the e2e tests and the demo serve
 * them, every date moves by the days since, so the pages say the same thing on any day.
 */
export const FIXTURES_WRITTEN_ON: IsoDate = '2026-11-23';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH = `(${MONTHS.join('|')})`;
const two = (n: number) => String(n).padStart(2, '0');

const FORMATS: { pattern: RegExp; read: (m: string[]) => IsoDate; write: (d: IsoDate) => string }[] = [
  {
    pattern: /\b(\d{2})\/(\d{2})\/(\d{4})\b/g,
    read: ([, d, m, y]) => isoDate(Number(y), Number(m), Number(d)),
    write: (date) => {
      const { year, month, day } = isoDateParts(date);
      return `${two(day)}/${two(month)}/${year}`;
    },
  },
  {
    pattern: new RegExp(`\\b${MONTH} (\\d{1,2}), (\\d{4})\\b`, 'g'),
    read: ([, m, d, y]) => isoDate(Number(y), MONTHS.indexOf(m!) + 1, Number(d)),
    write: (date) => {
      const { year, month, day } = isoDateParts(date);
      return `${MONTHS[month - 1]} ${day}, ${year}`;
    },
  },
  {
    pattern: new RegExp(`\\b(\\d{1,2}) ${MONTH} (\\d{4})\\b`, 'g'),
    read: ([, d, m, y]) => isoDate(Number(y), MONTHS.indexOf(m!) + 1, Number(d)),
    write: (date) => {
      const { year, month, day } = isoDateParts(date);
      return `${day} ${MONTHS[month - 1]} ${year}`;
    },
  },
];

export function fixtureDayShift(now = new Date()): number {
  return daysBetween(FIXTURES_WRITTEN_ON, localToday(now));
}

/** Moves every date written in a replica page (or a test's expectation) by `days`. */
export function shiftFixtureDates(text: string, days = fixtureDayShift()): string {
  if (days === 0) return text;
  return FORMATS.reduce(
    (result, format) => result.replace(format.pattern, (...match: string[]) => format.write(addDays(format.read(match), days))),
    text,
  );
}
