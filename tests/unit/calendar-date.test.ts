import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  formatItalianDate,
  isoDate,
  isoDateParts,
  isValidCalendarDate,
  localDateTime,
  localDateTimesBefore,
  localToday,
  nextLocalMidnight,
  parseIsoDate,
} from '@/utils/dates/calendar-date';

/** Any real day from 1900 to 2199: the years the extension can meet, with 2000 and 2100 inside. */
const anyDate = fc
  .record({ year: fc.integer({ min: 1900, max: 2199 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .filter(({ year, month, day }) => isValidCalendarDate(year, month, day))
  .map(({ year, month, day }) => isoDate(year, month, day));

// Europe/Rome changes clocks on the last Sundays of March and October.
const DST_DAYS = ['2027-03-27', '2027-03-28', '2027-03-29', '2027-10-30', '2027-10-31', '2027-11-01'];

describe('isoDate and parseIsoDate', () => {
  it('writes four-digit years and two-digit months and days', () => {
    expect(isoDate(2027, 2, 5)).toBe('2027-02-05');
    expect(isoDate(27, 2, 5)).toBe('0027-02-05');
  });

  it.each([
    [2028, 2, 29],
    [2000, 2, 29],
    [2027, 1, 31],
    [2027, 4, 30],
    [2027, 12, 31],
  ])('accepts %i-%i-%i', (year, month, day) => {
    expect(isValidCalendarDate(year, month, day)).toBe(true);
  });

  it.each([
    [2027, 2, 29],
    [2100, 2, 29],
    [2027, 2, 31],
    [2027, 4, 31],
    [2027, 13, 1],
    [2027, 0, 10],
    [2027, 5, 0],
    [2027, 5, 1.5],
    [10000, 1, 1],
    [-1, 1, 1],
  ])('rejects %d-%d-%d', (year, month, day) => {
    expect(isValidCalendarDate(year, month, day)).toBe(false);
    expect(() => isoDate(year, month, day)).toThrow(RangeError);
  });

  it('parses only exact, real YYYY-MM-DD days', () => {
    expect(parseIsoDate('2028-02-29')).toBe('2028-02-29');
    for (const text of ['2027-02-29', '2027-2-15', '15/02/2027', ' 2027-02-15', '2027-02-15T00:00', '']) {
      expect(parseIsoDate(text)).toBeNull();
    }
  });

  it('splits a date into numbers and refuses malformed ones', () => {
    expect(isoDateParts('2027-02-15')).toEqual({ year: 2027, month: 2, day: 15 });
    expect(() => isoDateParts('2027-02-30')).toThrow(RangeError);
    expect(() => daysBetween('tomorrow', '2027-02-15')).toThrow(RangeError);
  });
});

describe('daysBetween and addDays', () => {
  it.each([
    ['2027-01-31', '2027-02-01', 1],
    ['2027-02-28', '2027-03-01', 1],
    ['2028-02-28', '2028-02-29', 1],
    ['2028-02-29', '2028-03-01', 1],
    ['2027-12-31', '2028-01-01', 1],
    ['2027-01-01', '2028-01-01', 365],
    ['2028-01-01', '2029-01-01', 366],
    ['2027-03-27', '2027-03-29', 2],
    ['2027-10-30', '2027-11-01', 2],
    ['2027-02-15', '2026-11-17', -90],
    ['2027-02-15', '2027-02-15', 0],
  ])('%s to %s is %i days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
    expect(addDays(from, days)).toBe(to);
  });

  it('counts years 0–99 as themselves', () => {
    expect(addDays('0027-02-28', 1)).toBe('0027-03-01');
    expect(daysBetween('0099-12-31', '0100-01-01')).toBe(1);
  });

  it('refuses fractions of days', () => {
    expect(() => addDays('2027-02-15', 0.5)).toThrow(RangeError);
  });

  it('inverts addDays for any date and shift', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -40_000, max: 40_000 }), (date, days) => {
        expect(daysBetween(date, addDays(date, days))).toBe(days);
      }),
      { numRuns: 10_000 },
    );
  });
});

describe('formatItalianDate', () => {
  it('writes dd/mm/yyyy', () => {
    expect(formatItalianDate('2027-02-05')).toBe('05/02/2027');
    expect(formatItalianDate('2028-12-31')).toBe('31/12/2028');
  });
});

// The test process may run in any time zone, Europe/Rome or UTC among them, so these assert
// what holds in all of them: the wall clock reads the requested hour on the requested day.
describe('local wall-clock time', () => {
  it.each(DST_DAYS)('localDateTime on %s reads 9:30 on that day', (date) => {
    const instant = localDateTime(date, 9, 30);
    expect([instant.getHours(), instant.getMinutes()]).toEqual([9, 30]);
    expect(localToday(instant)).toBe(date);
  });

  it('defaults to the top of the hour and handles years 0–99', () => {
    const instant = localDateTime('0027-02-15', 9);
    expect([instant.getFullYear(), instant.getMonth(), instant.getDate()]).toEqual([27, 1, 15]);
    expect([instant.getHours(), instant.getMinutes(), instant.getSeconds()]).toEqual([9, 0, 0]);
  });

  it('reads today from the local clock', () => {
    expect(localToday(new Date(2027, 1, 15, 0, 0))).toBe('2027-02-15');
    expect(localToday(new Date(2027, 1, 15, 23, 59, 59))).toBe('2027-02-15');
    expect(localToday(new Date(2028, 1, 29, 12))).toBe('2028-02-29');
  });

  it.each(DST_DAYS)('nextLocalMidnight from %s is the start of the next day', (date) => {
    for (const hour of [0, 9, 23]) {
      const midnight = nextLocalMidnight(localDateTime(date, hour));
      expect(localToday(midnight)).toBe(addDays(date, 1));
      expect([midnight.getHours(), midnight.getMinutes(), midnight.getMilliseconds()]).toEqual([0, 0, 0]);
    }
  });

  it('nextLocalMidnight is always later, by at most a day and a daylight-saving hour', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(1970, 0, 2), max: new Date(2199, 0, 1), noInvalidDate: true }), (now) => {
        const midnight = nextLocalMidnight(now);
        expect(midnight.getTime()).toBeGreaterThan(now.getTime());
        expect(midnight.getTime() - now.getTime()).toBeLessThanOrEqual(25 * 3_600_000);
        expect(localToday(midnight)).toBe(addDays(localToday(now), 1));
      }),
      { numRuns: 1_000 },
    );
  });

  it('localDateTimesBefore is localDateTime of addDays back, in one step, across month, year and daylight-saving changes', () => {
    fc.assert(
      fc.property(anyDate, fc.array(fc.integer({ min: -400, max: 400 }), { maxLength: 6 }), fc.integer({ min: 0, max: 23 }), (date, days, hour) => {
        expect(localDateTimesBefore(date, days, hour)).toEqual(days.map((n) => localDateTime(addDays(date, -n), hour).getTime()));
      }),
      { numRuns: 2_000 },
    );
    expect(localDateTimesBefore('0027-03-02', [2], 9)).toEqual([localDateTime('0027-02-28', 9).getTime()]);
    expect(() => localDateTimesBefore('2027-02-15', [1.5], 9)).toThrow(RangeError);
  });

  it('localDateTime then localToday gives the date back', () => {
    // From 4 o'clock: earlier hours may fall in a daylight-saving gap somewhere.
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 4, max: 23 }), (date, hour) => {
        expect(localToday(localDateTime(date, hour))).toBe(date);
      }),
      { numRuns: 1_000 },
    );
  });
});
