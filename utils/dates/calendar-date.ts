/**
 * Calendar dates without a time of day. An expiry is a day on Aruba's calendar, not an instant,
 * so dates travel as 'YYYY-MM-DD' strings and day arithmetic is done on UTC midnights, where
 * every day lasts exactly 24 hours whatever the local daylight-saving rules.
 *
 * The calendar helpers throw RangeError on a malformed IsoDate: text from outside (storage,
 * pages) must go through parseIsoDate or parseExpiryDate first.
 */

/** 'YYYY-MM-DD', year 0000–9999, always a real day. */
export type IsoDate = string;

export interface DateParts {
  year: number;
  month: number; // 1–12
  day: number;
}

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// No arrays made here: a reminder plan and the badge check a thousand dates at a time (issue 17).
export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 0 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  if (!isValidCalendarDate(year, month, day)) {
    throw new RangeError(`Not a calendar date: ${year}-${month}-${day}`);
  }
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The parts of a real 'YYYY-MM-DD' day, read once; null for anything else. */
function partsOf(text: string): DateParts | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return isValidCalendarDate(year, month, day) ? { year, month, day } : null;
}

/** The date itself when text is exactly a real 'YYYY-MM-DD' day, otherwise null. */
export function parseIsoDate(text: string): IsoDate | null {
  return partsOf(text) === null ? null : text;
}

export function isoDateParts(date: IsoDate): DateParts {
  const parts = partsOf(date);
  if (parts === null) throw new RangeError(`Not an IsoDate: ${JSON.stringify(date)}`);
  return parts;
}

function utcMidnight(date: IsoDate): number {
  const { year, month, day } = isoDateParts(date);
  // Date.UTC reads years 0–99 as 1900–1999.
  if (year >= 100) return Date.UTC(year, month - 1, day);
  const midnight = new Date(0);
  midnight.setUTCFullYear(year, month - 1, day);
  return midnight.getTime();
}

function fromUtcMidnight(ms: number): IsoDate {
  const midnight = new Date(ms);
  return isoDate(midnight.getUTCFullYear(), midnight.getUTCMonth() + 1, midnight.getUTCDate());
}

/** The date the user's clock shows at `now`, in the local time zone. */
export function localToday(now: Date): IsoDate {
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** Whole calendar days from `from` to `to`: negative when `to` comes first. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return (utcMidnight(to) - utcMidnight(from)) / MS_PER_DAY;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`Not a whole number of days: ${days}`);
  return fromUtcMidnight(utcMidnight(date) + days * MS_PER_DAY);
}

/** 'dd/mm/yyyy', as Aruba's Italian pages write it. */
export function formatItalianDate(date: IsoDate): string {
  const { year, month, day } = isoDateParts(date);
  return `${pad(day, 2)}/${pad(month, 2)}/${pad(year, 4)}`;
}

/**
 * The instant the local clock shows hour:minute on that date. On a daylight-saving change the
 * same wall-clock hour is a different distance from midnight, which is what reminders want.
 */
export function localDateTime(date: IsoDate, hour: number, minute = 0): Date {
  const { year, month, day } = isoDateParts(date);
  const result = new Date(year, month - 1, day, hour, minute);
  // The constructor reads years 0–99 as 1900–1999.
  result.setFullYear(year, month - 1, day);
  return result;
}

/**
 * localDateTime(addDays(date, -day), hour) for each of `daysBefore`, in ms, the date read once and
 * one Date each (the constructor carries a day before the month's start into the one before): a
 * reminder plan makes a thousand of these at a time.
 */
export function localDateTimesBefore(date: IsoDate, daysBefore: readonly number[], hour: number): number[] {
  const { year, month, day } = isoDateParts(date);
  const instants: number[] = [];
  for (const before of daysBefore) {
    if (!Number.isInteger(before)) throw new RangeError(`Not a whole number of days: ${before}`);
    const result = new Date(year, month - 1, day - before, hour);
    // The constructor reads years 0–99 as 1900–1999.
    if (year < 100) result.setFullYear(year, month - 1, day - before);
    instants.push(result.getTime());
  }
  return instants;
}

/** The first instant of the next local calendar day: when "days left" changes. */
export function nextLocalMidnight(now: Date): Date {
  return localDateTime(addDays(localToday(now), 1), 0);
}
