import { browser } from 'wxt/browser';
import { nextLocalMidnight } from '@/utils/calendar-date';
import { applyLanguage } from '@/utils/catalog';
import {
  parseReminderKey,
  parseSnoozeKey,
  planReminders,
  planSnooze,
  reconcileReminders,
  type TrackedExpiry,
} from '@/utils/reminder-plan';
import { getFiredReminders, getSettings, listAccounts, markRemindersFired, pruneFiredReminders } from '@/utils/store';
import { showBadge, showStoreUnavailable } from './badge';
import { showReminderNotification } from './notifications';
import { store } from './store-access';

export const MIDNIGHT_ALARM = 'badge-midnight';

/** Snoozes are kept beside their alarms: Firefox forgets every alarm when it restarts. */
const SNOOZES_KEY = 'snoozes';

async function storedSnoozes(): Promise<Record<string, number>> {
  const { [SNOOZES_KEY]: snoozes } = await browser.storage.local.get(SNOOZES_KEY);
  return typeof snoozes === 'object' && snoozes !== null ? (snoozes as Record<string, number>) : {};
}

async function forgetSnooze(name: string): Promise<void> {
  const { [name]: _done, ...rest } = await storedSnoozes();
  await browser.storage.local.set({ [SNOOZES_KEY]: rest });
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs one piece of reminder work at a time: install, startup and a capture may all ask to
 * reconcile at once, and two overlapping runs could each fire the same missed reminder.
 */
export function serialized<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work, work);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Brings alarms, badge and fired reminders in line with the store: re-creates the alarms the
 * browser lost, clears stale ones, shows once each reminder missed while the browser was closed.
 */
export function reconcile(now = new Date()): Promise<void> {
  return serialized(async () => {
    let db;
    try {
      db = await store();
    } catch {
      await showStoreUnavailable();
      return;
    }
    const [accounts, settings, firedKeys, alarms, snoozes] = await Promise.all([
      listAccounts(db),
      getSettings(db),
      getFiredReminders(db),
      browser.alarms.getAll(),
      storedSnoozes(),
    ]);
    // Notifications and the badge's title speak the language chosen in the options. Every start
    // and every settings change runs this first, and reminder alarms queue up behind it.
    applyLanguage(settings.language);
    const tracked = accounts.flatMap((a) => (a.expiry ? [{ address: a.address, expiry: a.expiry }] : []));
    const planned = planReminders(tracked, settings);
    const alarmNames = alarms.map((alarm) => alarm.name);
    const plan = reconcileReminders({ planned, existingAlarmNames: alarmNames, firedKeys, now, snoozed: Object.keys(snoozes) });
    const dueSnoozes = await restoreSnoozes(snoozes, tracked, alarmNames, now);
    await Promise.all(plan.clear.map((name) => browser.alarms.clear(name)));
    for (const reminder of plan.create) browser.alarms.create(reminder.key, { when: reminder.when });
    browser.alarms.create(MIDNIGHT_ALARM, { when: nextLocalMidnight(now).getTime() });
    await markRemindersFired(db, plan.markFired, now.getTime());
    const plannedKeys = new Set(planned.map((reminder) => reminder.key));
    await pruneFiredReminders(db, (key) => plannedKeys.has(key));
    for (const reminder of [...plan.fireNow, ...dueSnoozes]) await showReminderNotification(reminder.address, reminder.expiry, now);
    await showBadge(accounts, now);
  });
}

/**
 * Re-creates the alarms of snoozes still ahead, drops those of passwords no longer tracked, and
 * returns those that came due while the browser was closed, to be shown now.
 */
async function restoreSnoozes(
  snoozes: Record<string, number>,
  tracked: readonly TrackedExpiry[],
  alarmNames: readonly string[],
  now: Date,
): Promise<TrackedExpiry[]> {
  const due: TrackedExpiry[] = [];
  for (const [name, when] of Object.entries(snoozes)) {
    const target = parseSnoozeKey(name);
    const current = target && tracked.some((t) => t.address === target.address && t.expiry === target.expiry);
    if (!target || !current || when <= now.getTime()) {
      await forgetSnooze(name);
      if (target && current) due.push(target);
    } else if (!alarmNames.includes(name)) {
      browser.alarms.create(name, { when });
    }
  }
  return due;
}

/** A reminder or snooze alarm came due: show it unless it was already shown, then mark it. */
export function onReminderAlarm(name: string, now = new Date()): Promise<void> {
  const reminder = parseReminderKey(name);
  const snooze = parseSnoozeKey(name);
  const target = reminder ?? snooze;
  if (!target) return Promise.resolve();
  return serialized(async () => {
    if (snooze) await forgetSnooze(name);
    const db = await store();
    const account = (await listAccounts(db)).find((a) => a.address === target.address);
    // A renewal since the alarm was set makes it stale; the next reconcile clears what is left.
    if (account?.expiry !== target.expiry) return;
    if (reminder) {
      if ((await getFiredReminders(db)).has(name)) return;
      await markRemindersFired(db, [name], now.getTime());
    }
    await showReminderNotification(target.address, target.expiry, now);
  });
}

export function snooze(address: string, expiry: string, now = new Date()): Promise<void> {
  return serialized(async () => {
    const settings = await getSettings(await store());
    const { name, when } = planSnooze(address, expiry, settings, now);
    await browser.storage.local.set({ [SNOOZES_KEY]: { ...(await storedSnoozes()), [name]: when } });
    browser.alarms.create(name, { when });
  });
}
