import { accountRows, type ListedAccount } from '../accounts/account-rows';
import { daysBetween, type IsoDate } from '../dates/calendar-date';
import type { Account } from '../store/types';

/*
 * The office's due-list: every account by days left, in the groups an office plans its week by.
 * Accounts with no known expiry come last, in "later": there is no date to ask a client for.
 */

export const DUE_GROUPS = ['expired', 'week', 'month', 'later'] as const;
export type DueGroup = (typeof DUE_GROUPS)[number];

export interface DueGroupRows {
  group: DueGroup;
  rows: ListedAccount[];
}

/** Expired before today; this week, today and the 6 days after; this month, up to 30 days; later. */
export function dueGroupOf(daysLeft: number | null): DueGroup {
  if (daysLeft === null) return 'later';
  if (daysLeft < 0) return 'expired';
  if (daysLeft < 7) return 'week';
  return daysLeft <= 30 ? 'month' : 'later';
}

/** Every word typed must appear in the address, label, client or contact, in any case. */
export function matchesDueQuery(account: Pick<Account, 'address' | 'label' | 'owner' | 'contact'>, query: string): boolean {
  const haystack = `${account.address} ${account.label} ${account.owner} ${account.contact}`.toLocaleLowerCase();
  return query
    .toLocaleLowerCase()
    .split(/\s+/)
    .every((word) => haystack.includes(word));
}

/** The accounts matching `query`, soonest first, in their groups; empty groups are left out. */
export function dueList(accounts: readonly Account[], today: IsoDate, query = ''): DueGroupRows[] {
  const rows = accountRows(accounts, today).filter((row) => matchesDueQuery(row.account, query.trim()));
  return DUE_GROUPS.map((group) => ({ group, rows: rows.filter((row) => dueGroupOf(row.daysLeft) === group) })).filter(({ rows }) => rows.length > 0);
}

/**
 * Whether it is time to ask the client for the new password: within the account's own lead time
 * (or the office's default), up to and after the expiry, and not asked yet.
 */
export function askDueNow(account: Pick<Account, 'expiry' | 'leadDays' | 'request'>, today: IsoDate, officeLeadDays: number): boolean {
  if (!account.expiry || account.request.state === 'asked') return false;
  return daysBetween(today, account.expiry) <= (account.leadDays ?? officeLeadDays);
}

/** The clients to ask this week: due within 7 days, with a client or contact, not yet asked. */
export function toAskThisWeek(accounts: readonly Account[], today: IsoDate): Account[] {
  return accountRows(accounts, today)
    .filter(({ account, daysLeft }) => dueGroupOf(daysLeft) === 'week' && (account.owner || account.contact) && account.request.state !== 'asked')
    .map(({ account }) => account);
}
