import { describe, expect, it } from 'vitest';
import { shiftFixtureDates } from '../harness/fixture-dates';

describe('shiftFixtureDates', () => {
  it('moves every written date by the same days, in the format it was written in', () => {
    const page = 'Scadenza 28/11/2026, Expires on 21 February 2027, due February 15, 2027 at 09:35';
    expect(shiftFixtureDates(page, 40)).toBe('Scadenza 07/01/2027, Expires on 2 April 2027, due March 27, 2027 at 09:35');
    expect(shiftFixtureDates(page, 0)).toBe(page);
  });
});
