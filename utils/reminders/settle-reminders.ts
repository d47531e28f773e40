import { planReminders, type ReminderSettings, type TrackedExpiry } from './reminder-plan';
import { markRemindersFired } from '../store/fired-reminders';
import type { StoreDb } from '../store/schema';

/**
 * Marks as fired the reminders of an expiry that were already past when the user put it in
 * front of their own eyes (a manual entry, an undone deletion): they were never due, and the
 * next reconcile would otherwise show one of them as a missed notification.
 */
export async function settlePastReminders(db: StoreDb, settings: ReminderSettings, tracked: TrackedExpiry, at: number): Promise<void> {
  const past = planReminders([tracked], settings).filter((reminder) => reminder.when <= at);
  await markRemindersFired(
    db,
    past.map((reminder) => reminder.key),
    at,
  );
}
