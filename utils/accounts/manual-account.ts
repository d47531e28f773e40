import type { IsoDate } from '../dates/calendar-date';
import { settlePastReminders } from '../reminders/settle-reminders';
import type { OfficeFields } from '../office/office-input';
import { recordCapture, saveAccount } from '../store/accounts';
import type { Account } from '../store/types';
import type { StoreDb } from '../store/schema';

/** What the popup's add/edit form hands over, already checked (see account-input.ts). */
export interface ManualEntry {
  address: string;
  expiry: IsoDate;
  label: string;
  programs: string[];
  /** Absent: the account's own office fields stay as they are. */
  office?: OfficeFields;
}

/**
 * Saves a manual add or edit. A new or changed expiry goes through recordCapture, so that typing
 * in a renewed date counts as a renewal exactly like a captured one: logged, and every program
 * marked to update. Label and programs are the user's own and are saved as given.
 */
export async function saveManualEntry(db: StoreDb, previous: Account | undefined, entry: ManualEntry, now: number): Promise<Account> {
  let base = previous;
  if (!base || base.expiry !== entry.expiry) {
    const capture = { address: entry.address, expiry: entry.expiry, capturedAt: now, source: 'manual' as const, pageUrl: null };
    base = (await recordCapture(db, capture)).account;
    await settlePastReminders(db, { address: base.address, expiry: entry.expiry }, now);
  }
  return saveAccount(db, { ...base, label: entry.label, programs: entry.programs, ...entry.office });
}
