import type { IsoDate } from '../dates/calendar-date';
import { settlePastReminders } from '../reminders/settle-reminders';
import type { OfficeFields } from '../office/office-input';
import { recordManualEdit, type ManualEditOutcome } from '../store/accounts';
import type { Account } from '../store/types';
import type { StoreDb } from '../store/schema';
import { getSettings } from '../store/settings';

/** What the popup's add/edit form hands over, already checked (see account-input.ts). */
export interface ManualEntry {
  address: string;
  expiry: IsoDate;
  label: string;
  programs: string[];
  /** Absent: the account's own office fields stay as they are. */
  office?: OfficeFields;
}

/** What the popup is told: saved, or saved with the date read since the form opened kept. */
export type ManualSave = Omit<ManualEditOutcome, 'dated'>;

/**
 * Saves a manual add or edit (store/accounts.ts recordManualEdit). A new or changed expiry counts
 * as a renewal exactly like a captured one: logged, every program marked to update, and the
 * reminders already past for it settled. Label and programs are the user's own and are saved as
 * given. `previous` is the account as the form showed it: a date read since then wins over the one
 * typed in, and the outcome says so.
 */
export async function saveManualEntry(db: StoreDb, previous: Account | undefined, entry: ManualEntry, now: number): Promise<ManualSave> {
  const { status, account, dated } = await recordManualEdit(db, previous, entry, now);
  if (dated) await settlePastReminders(db, await getSettings(db), { address: account.address, expiry: entry.expiry }, now);
  return { status, account };
}
