/** What the toolbar badge and the popup's list show: days left to the soonest expiry. */
import { daysBetween, type IsoDate } from '../dates/calendar-date';

export type BadgeColor = 'green' | 'amber' | 'red' | 'none';

/** Dark enough that the white badge text keeps a WCAG contrast of at least 4.5:1. */
export const BADGE_COLORS: Readonly<Record<BadgeColor, string>> = {
  green: '#1b7f3b',
  amber: '#b25e00',
  red: '#c62828',
  none: '#5f6368',
};

export interface ExpiryLine {
  address: string;
  expiry: IsoDate;
  /** Whole calendar days from today; 0 on the day, negative once expired. */
  daysLeft: number;
}

export interface BadgeState {
  /** Days left to the soonest expiry, "!" once it has passed, "" when nothing is tracked. */
  text: string;
  color: BadgeColor;
  soonest: ExpiryLine | null;
  /** Soonest first. */
  lines: ExpiryLine[];
}

/** Amber from two weeks out, when an office asks clients to renew (about ten days before). */
const AMBER_WITHIN_DAYS = 14;
/** Red in the last few days, when a missed renewal is about to break the mail programs. */
const RED_WITHIN_DAYS = 3;

/** The badge colour for one expiry; the popup colours each account's row with it. */
export function colorFor(daysLeft: number): Exclude<BadgeColor, 'none'> {
  if (daysLeft <= RED_WITHIN_DAYS) return 'red';
  return daysLeft <= AMBER_WITHIN_DAYS ? 'amber' : 'green';
}

/** Accounts without a known expiry are left out. */
export function badgeState(accounts: readonly { address: string; expiry?: IsoDate | null }[], today: IsoDate): BadgeState {
  const lines = accounts
    .flatMap(({ address, expiry }) => (expiry ? [{ address, expiry, daysLeft: daysBetween(today, expiry) }] : []))
    .sort((a, b) => a.daysLeft - b.daysLeft || a.address.localeCompare(b.address));
  const [soonest] = lines;
  if (soonest === undefined) return { text: '', color: 'none', soonest: null, lines };
  return {
    text: soonest.daysLeft < 0 ? '!' : String(soonest.daysLeft),
    color: colorFor(soonest.daysLeft),
    soonest,
    lines,
  };
}
