import type { Backup } from '@/utils/transfer/backup-format';
import { accountsToWrite, planImport, type ImportPlan } from '@/utils/transfer/import-plan';
import { planReminders } from '@/utils/reminders/reminder-plan';
import { SETTINGS_KEY, type StoreDb } from './schema';
import { requireExpiry, requireMailbox, storedAccount, validSettings } from './validation';
import { withDefaults } from './settings';
import { DEFAULT_SETTINGS, type RequestStatus, type StoreSnapshot } from './types';

/** Everything at once: the reset, a backup's import, the export. */

/** "Reset everything": every account, renewal, attribution and fired reminder deleted, settings back to defaults. */
export async function clearAll(db: StoreDb): Promise<void> {
  const names = ['accounts', 'renewals', 'firedReminders', 'settings', 'attributions'] as const;
  // One transaction: a reset that fails half-way must leave everything as it was.
  const tx = db.transaction(names, 'readwrite');
  await Promise.all(names.map((name) => tx.objectStore(name).clear()));
  await tx.done;
}

function requestNotAfter(request: RequestStatus, now: number): RequestStatus {
  return request.state === 'not-asked' ? request : { ...request, at: Math.min(request.at, now) };
}

/**
 * Imports a checked backup (see backup-format.ts) as planImport describes, in one transaction:
 * either all of it is stored or, if anything fails, nothing. Reminders of the imported expiries
 * that are already past are marked as shown: the user has just seen those dates. No time is
 * stored ahead of `now`. Returns the plan applied, computed on what was stored at that moment.
 */
export async function applyImport(db: StoreDb, backup: Backup, now: number): Promise<ImportPlan> {
  // A time after `now` (a machine whose clock was ahead, or a hostile file) is stored as `now`:
  // otherwise the backup's capture would stay the newest, and every date read on a page be ignored.
  const clamp = (at: number) => Math.min(at, now);
  const checked: Backup = {
    accounts: backup.accounts.map((account) =>
      storedAccount({ ...account, capturedAt: clamp(account.capturedAt), request: requestNotAfter(account.request, now) }),
    ),
    renewals: backup.renewals.map((r) => ({
      address: requireMailbox(r.address),
      expiry: requireExpiry(r.expiry),
      capturedAt: clamp(r.capturedAt),
      source: r.source,
    })),
    settings: { ...DEFAULT_SETTINGS, ...validSettings(backup.settings) },
  };
  const names = ['accounts', 'renewals', 'firedReminders', 'settings', 'attributions'] as const;
  const tx = db.transaction(names, 'readwrite');
  const [accounts, renewals, stored] = await Promise.all([
    tx.objectStore('accounts').getAll(),
    tx.objectStore('renewals').getAll(),
    tx.objectStore('settings').get(SETTINGS_KEY),
  ]);
  const plan = planImport({ accounts, renewals, settings: withDefaults(stored) }, checked);
  const written = accountsToWrite(plan);
  const settings = plan.settings?.after ?? withDefaults(stored);
  const tracked = written.flatMap(({ address, expiry }) => (expiry ? [{ address, expiry }] : []));
  const past = planReminders(tracked, settings).filter((reminder) => reminder.when <= now);
  const writes: Promise<unknown>[] = [];
  try {
    // The backup's record replaces this browser's, attribution included.
    for (const account of written) writes.push(tx.objectStore('accounts').put(account), tx.objectStore('attributions').delete(account.address));
    for (const renewal of plan.renewals) writes.push(tx.objectStore('renewals').add(renewal));
    for (const { key } of past) writes.push(tx.objectStore('firedReminders').put({ key, firedAt: now }));
    if (plan.settings) writes.push(tx.objectStore('settings').put(settings, SETTINGS_KEY));
  } catch (error) {
    // A write refused on the spot (a DataCloneError, say): those made before must not commit.
    tx.abort();
    await Promise.allSettled([...writes, tx.done]);
    throw error;
  }
  // A write failing later aborts the transaction by itself.
  await Promise.all([...writes, tx.done]);
  return plan;
}

/** Everything stored, read in one transaction so the parts agree with each other. */
export async function exportAll(db: StoreDb): Promise<StoreSnapshot> {
  const tx = db.transaction(['accounts', 'renewals', 'firedReminders', 'settings'], 'readonly');
  const [accounts, renewals, firedReminders, settings] = await Promise.all([
    tx.objectStore('accounts').getAll(),
    tx.objectStore('renewals').getAll(),
    tx.objectStore('firedReminders').getAll(),
    tx.objectStore('settings').get(SETTINGS_KEY),
  ]);
  await tx.done;
  return { version: db.version, accounts, renewals, firedReminders, settings: withDefaults(settings) };
}
