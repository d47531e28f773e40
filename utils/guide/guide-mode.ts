import { daysBetween, type IsoDate } from '../dates/calendar-date';
import type { GuideMode } from '../messaging/protocol';

export interface GuideModeInput {
  /** The expiry known for the mailbox on the page; undefined when the page shows no mailbox. */
  expiry: IsoDate | null | undefined;
  /**
   * Every known expiry: when neither the page nor its context says which mailbox it is, the
   * guide helps if any of them needs it, but the page is never shown another mailbox's date.
   */
  knownExpiries: readonly IsoDate[];
  today: IsoDate;
  /** Guide from this many days before the expiry (the largest reminder offset). */
  windowDays: number;
  renewalStarted: boolean;
  /** The user's "quiet chip" setting: off means no chip at all outside the window. */
  showChip: boolean;
}

/**
 * Guide when the user needs the password: nothing known yet, the expiry is within the reminder
 * window or past, or they asked for a renewal. Otherwise the page stays quiet but for a chip.
 */
export function decideGuideMode(input: GuideModeInput): GuideMode {
  if (input.renewalStarted) return { mode: 'guide', reason: 'renewal-started' };
  const expiries = input.expiry === undefined ? input.knownExpiries : input.expiry === null ? [] : [input.expiry];
  if (expiries.length === 0) return { mode: 'guide', reason: 'no-expiry' };
  const soonest = [...expiries].sort()[0]!;
  const daysLeft = daysBetween(input.today, soonest);
  if (daysLeft <= input.windowDays) return { mode: 'guide', reason: 'due' };
  return input.showChip && input.expiry !== undefined ? { mode: 'chip', expiry: soonest, daysLeft } : { mode: 'quiet' };
}
