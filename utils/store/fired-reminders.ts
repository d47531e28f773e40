import { type StoreDb } from './schema';

/** Which reminders were shown already, so that none is shown twice. */

export async function getFiredReminders(db: StoreDb): Promise<Set<string>> {
  return new Set(await db.getAllKeys('firedReminders'));
}

export async function markRemindersFired(db: StoreDb, keys: string[], at: number): Promise<void> {
  const tx = db.transaction('firedReminders', 'readwrite');
  await Promise.all(keys.map((key) => tx.store.put({ key, firedAt: at })));
  await tx.done;
}

/** Deletes every fired-reminder key `keep` rejects; returns how many were deleted. */
export async function pruneFiredReminders(db: StoreDb, keep: (key: string) => boolean): Promise<number> {
  const tx = db.transaction('firedReminders', 'readwrite');
  let deleted = 0;
  let cursor = await tx.store.openCursor();
  while (cursor) {
    if (!keep(cursor.key)) {
      await cursor.delete();
      deleted += 1;
    }
    cursor = await cursor.continue();
  }
  await tx.done;
  return deleted;
}
