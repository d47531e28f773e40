import { type StoreDb } from './schema';

/** Which reminders were shown already, so that none is shown twice. */

/** Every fired key. */
export async function getFiredReminders(db: StoreDb): Promise<Set<string>> {
  return new Set(await db.getAllKeys('firedReminders'));
}

/** No transaction when there is nothing to write: most reconciles mark nothing. */
export async function markRemindersFired(db: StoreDb, keys: readonly string[], at: number): Promise<void> {
  if (keys.length === 0) return;
  const tx = db.transaction('firedReminders', 'readwrite');
  await Promise.all([...keys.map((key) => tx.store.put({ key, firedAt: at })), tx.done]);
}

/**
 * Forgets fired keys no longer wanted (an expiry that was replaced), named from the keys already
 * read: walking every key with a cursor costs a round trip each.
 */
export async function deleteFiredReminders(db: StoreDb, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  const tx = db.transaction('firedReminders', 'readwrite');
  await Promise.all([...keys.map((key) => tx.store.delete(key)), tx.done]);
}
