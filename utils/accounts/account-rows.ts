import { badgeState, colorFor, type BadgeColor } from '../reminders/badge-state';
import type { IsoDate } from '../dates/calendar-date';
import type { Account } from '../store/types';

export interface ListedAccount {
  account: Account;
  /** Whole days to the expiry, negative once expired; null when the expiry is unknown. */
  daysLeft: number | null;
  color: BadgeColor;
}

/**
 * The popup's list in the badge's order (soonest first, so expired accounts on top) and colours,
 * with accounts of unknown expiry last, by address: they need attention but have no date to sort by.
 */
export function accountRows(accounts: readonly Account[], today: IsoDate): ListedAccount[] {
  const byAddress = new Map(accounts.map((account) => [account.address, account]));
  const dated = badgeState(accounts, today).lines.map((line) => ({
    account: byAddress.get(line.address)!,
    daysLeft: line.daysLeft,
    color: colorFor(line.daysLeft),
  }));
  const undated = accounts
    .filter((account) => !account.expiry)
    .sort((a, b) => a.address.localeCompare(b.address))
    .map((account): ListedAccount => ({ account, daysLeft: null, color: 'none' }));
  return [...dated, ...undated];
}

/** The search box: every word typed must appear in the address or the label, in any case. */
export function matchesQuery(account: Pick<Account, 'address' | 'label'>, query: string): boolean {
  const haystack = `${account.address} ${account.label}`.toLocaleLowerCase();
  return query
    .toLocaleLowerCase()
    .split(/\s+/)
    .every((word) => haystack.includes(word));
}
