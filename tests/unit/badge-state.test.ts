import { describe, expect, it } from 'vitest';
import { BADGE_COLORS, badgeState, type BadgeColor } from '@/utils/reminders/badge-state';

const TODAY = '2027-02-01';

/** WCAG 2 contrast ratio between white and a '#rrggbb' colour. */
function contrastWithWhite(hex: string): number {
  const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255);
  const [red = 0, green = 0, blue = 0] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue;
  return 1.05 / (luminance + 0.05);
}

describe('badgeState', () => {
  it('is empty when nothing is tracked', () => {
    expect(badgeState([], TODAY)).toEqual({ text: '', color: 'none', soonest: null, lines: [] });
  });

  it('ignores accounts without an expiry', () => {
    const state = badgeState([{ address: 'a@pec.it', expiry: null }, { address: 'b@pec.it' }], TODAY);
    expect(state).toEqual({ text: '', color: 'none', soonest: null, lines: [] });
  });

  it.each([
    ['2028-02-01', '365', 'green'],
    ['2027-03-13', '40', 'green'],
    ['2027-02-16', '15', 'green'],
    ['2027-02-15', '14', 'amber'],
    ['2027-02-05', '4', 'amber'],
    ['2027-02-04', '3', 'red'],
    ['2027-02-02', '1', 'red'],
    ['2027-02-01', '0', 'red'],
    ['2027-01-31', '!', 'red'],
    ['2026-12-01', '!', 'red'],
  ] as const)('expiry %s shows %j in %s', (expiry, text, color) => {
    expect(badgeState([{ address: 'a@pec.it', expiry }], TODAY)).toMatchObject({ text, color });
  });

  it('counts calendar days across month ends and leap days', () => {
    expect(badgeState([{ address: 'a@pec.it', expiry: '2028-03-01' }], '2028-02-28').text).toBe('2');
    expect(badgeState([{ address: 'a@pec.it', expiry: '2027-03-01' }], '2027-02-28').text).toBe('1');
    expect(badgeState([{ address: 'a@pec.it', expiry: '2027-03-29' }], '2027-03-27').text).toBe('2');
  });

  it('shows the soonest expiry and lists all, soonest first', () => {
    const state = badgeState(
      [
        { address: 'studio@legalmail.it', expiry: '2027-04-01' },
        { address: 'archivio@pec.it', expiry: null },
        { address: 'mario@pec.it', expiry: '2027-02-11' },
        { address: 'anna@pec.it', expiry: '2027-02-11' },
      ],
      TODAY,
    );
    expect(state.text).toBe('10');
    expect(state.color).toBe('amber');
    expect(state.soonest).toEqual({ address: 'anna@pec.it', expiry: '2027-02-11', daysLeft: 10 });
    expect(state.lines).toEqual([
      { address: 'anna@pec.it', expiry: '2027-02-11', daysLeft: 10 },
      { address: 'mario@pec.it', expiry: '2027-02-11', daysLeft: 10 },
      { address: 'studio@legalmail.it', expiry: '2027-04-01', daysLeft: 59 },
    ]);
  });

  it('lets an expired password outrank a near one', () => {
    const state = badgeState(
      [
        { address: 'new@pec.it', expiry: '2027-02-03' },
        { address: 'old@pec.it', expiry: '2027-01-20' },
      ],
      TODAY,
    );
    expect(state).toMatchObject({ text: '!', color: 'red', soonest: { address: 'old@pec.it', daysLeft: -12 } });
  });
});

describe('BADGE_COLORS', () => {
  it.each(Object.entries(BADGE_COLORS) as [BadgeColor, string][])('%s (%s) keeps white text readable', (_, hex) => {
    expect(hex).toMatch(/^#[0-9a-f]{6}$/);
    expect(contrastWithWhite(hex)).toBeGreaterThanOrEqual(4.5);
  });
});
