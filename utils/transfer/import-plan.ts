import type { Backup, BackupRenewal } from './backup-format';
import type { Account, Renewal, Settings } from '../store/types';

/** What importing a backup changes, shown before it is applied and then applied as is. */
export interface ImportPlan {
  added: Account[];
  /** Different in the backup: its version replaces this browser's. */
  updated: { before: Account; after: Account }[];
  /** The same in the backup and here. */
  unchanged: Account[];
  /** A different expiry in the backup, but the one here was read later: this one stays. */
  newerHere: { here: Account; inBackup: Account }[];
  /** Null when the backup's settings are those in use. */
  settings: { before: Settings; after: Settings } | null;
  /** Renewals in the backup's history not yet in this browser's. */
  renewals: BackupRenewal[];
}

export interface StoreContents {
  accounts: readonly Account[];
  renewals: readonly Renewal[];
  settings: Settings;
}

const sameList = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((item, i) => item === b[i]);

/** What a person sees of an account: a difference only in when or where it was read is no change. */
function sameAccount(a: Account, b: Account): boolean {
  return (
    a.label === b.label &&
    a.expiry === b.expiry &&
    sameList(a.programs, b.programs) &&
    sameList(a.programsToUpdate, b.programsToUpdate) &&
    a.owner === b.owner &&
    a.contact === b.contact &&
    a.leadDays === b.leadDays &&
    JSON.stringify(a.request) === JSON.stringify(b.request)
  );
}

function sameSettings(a: Settings, b: Settings): boolean {
  return (
    sameList(a.offsets, b.offsets) &&
    a.hour === b.hour &&
    a.quietChip === b.quietChip &&
    a.language === b.language &&
    a.officeLeadDays === b.officeLeadDays &&
    a.requestTemplate === b.requestTemplate &&
    a.namesInNotifications === b.namesInNotifications
  );
}

const renewalKey = (r: BackupRenewal) => `${r.address}|${r.expiry}|${r.capturedAt}`;

/**
 * Merges a backup into what is stored: accounts only here are kept, accounts in the backup are
 * added or replace this browser's, except that an expiry read here later than the backup's
 * stays (as with two captures, the newest wins). The backup's settings replace these.
 */
export function planImport(current: StoreContents, backup: Backup): ImportPlan {
  const here = new Map(current.accounts.map((account) => [account.address, account]));
  const plan: ImportPlan = { added: [], updated: [], unchanged: [], newerHere: [], settings: null, renewals: [] };
  for (const inBackup of backup.accounts) {
    const existing = here.get(inBackup.address);
    if (!existing) plan.added.push(inBackup);
    else if (sameAccount(existing, inBackup)) plan.unchanged.push(existing);
    else if (existing.expiry !== inBackup.expiry && existing.capturedAt > inBackup.capturedAt) plan.newerHere.push({ here: existing, inBackup });
    else plan.updated.push({ before: existing, after: inBackup });
  }
  if (!sameSettings(current.settings, backup.settings)) plan.settings = { before: current.settings, after: backup.settings };
  const known = new Set(current.renewals.map(renewalKey));
  for (const renewal of backup.renewals) {
    if (known.has(renewalKey(renewal))) continue;
    known.add(renewalKey(renewal));
    plan.renewals.push(renewal);
  }
  return plan;
}

/** The accounts the plan writes. */
export function accountsToWrite(plan: ImportPlan): Account[] {
  return [...plan.added, ...plan.updated.map(({ after }) => after)];
}
