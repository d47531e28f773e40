import { browser } from 'wxt/browser';
import { nextLocalMidnight } from '@/utils/dates/calendar-date';
import { applyLanguage } from '@/utils/i18n/catalog';
import { parseReminderKey, parseSnoozeKey, planReminders, planSnooze, reconcileReminders, type TrackedExpiry } from '@/utils/reminders/reminder-plan';
import { serialQueue } from '@/entrypoints/background/serial-queue';
import { getFiredReminders, markRemindersFired, pruneFiredReminders } from '@/utils/store/fired-reminders';
import { getSettings } from '@/utils/store/settings';
import { listAccounts } from '@/utils/store/accounts';
import type { Account, Settings } from '@/utils/store/types';
import { showBadge, showStoreUnavailable } from './badge';
import { showReminders } from './notifications';
import { store } from './store-access';

export const MIDNIGHT_ALARM = 'badge-midnight';

/**
 * Chrome keeps at most 500 alarms per extension and silently refuses the rest: an office with
 * 200 mailboxes plans 1,000 reminders. Only the soonest get an alarm; the midnight reconcile
 * adds the next ones as these fire.
 */
const MAX_ALARMS = 450;

function soonestWithinCap<T extends { when: number }>(reminders: readonly T[], alarmsKept: number): T[] {
  return [...reminders].sort((a, b) => a.when - b.when).slice(0, Math.max(0, MAX_ALARMS - alarmsKept));
}

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

/** Every known expiry; an office's mailbox (one with a client or contact) also at its lead time. */
const trackedOf = (accounts: readonly Account[], settings: Settings): TrackedExpiry[] =>
  accounts.flatMap((a) => {
    if (!a.expiry) return [];
    const office = a.owner !== '' || a.contact !== '';
    return [
      office ? { address: a.address, expiry: a.expiry, askDays: a.leadDays ?? settings.officeLeadDays } : { address: a.address, expiry: a.expiry },
    ];
  });

/**
 * Runs one piece of reminder work at a time: install, startup and a capture may all ask to
 * reconcile at once, and two overlapping runs could each fire the same missed reminder.
 */
export const serialized = serialQueue();

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
    await applyLanguage(settings.language);
    const tracked = trackedOf(accounts, settings);
    const planned = planReminders(tracked, settings);
    const alarmNames = alarms.map((alarm) => alarm.name);
    const plan = reconcileReminders({ planned, existingAlarmNames: alarmNames, firedKeys, now, snoozed: Object.keys(snoozes) });
    const dueSnoozes = await restoreSnoozes(snoozes, tracked, alarmNames, now);
    await Promise.all(plan.clear.map((name) => browser.alarms.clear(name)));
    // Awaited: Firefox's create is a promise, and a refused one must not pass unnoticed.
    await Promise.all(
      soonestWithinCap(plan.create, alarmNames.length - plan.clear.length).map((reminder) =>
        browser.alarms.create(reminder.key, { when: reminder.when }),
      ),
    );
    await browser.alarms.create(MIDNIGHT_ALARM, { when: nextLocalMidnight(now).getTime() });
    await markRemindersFired(db, plan.markFired, now.getTime());
    const plannedKeys = new Set(planned.map((reminder) => reminder.key));
    await pruneFiredReminders(db, (key) => plannedKeys.has(key));
    await showReminders([...plan.fireNow, ...dueSnoozes], now, settings.namesInNotifications);
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
      await browser.alarms.create(name, { when });
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
    const [accounts, settings] = await Promise.all([listAccounts(db), getSettings(db)]);
    const account = accounts.find((a) => a.address === target.address);
    // A renewal since the alarm was set makes it stale; the next reconcile clears what is left.
    if (account?.expiry !== target.expiry) return;
    if (!reminder) return showReminders([target], now, settings.namesInNotifications);
    const fired = await getFiredReminders(db);
    if (fired.has(name)) return;
    // Other reminders due at this same moment (an office's clients) join this one notification.
    const planned = planReminders(trackedOf(accounts, settings), settings);
    const when = planned.find((p) => p.key === name)?.when;
    const together = planned.filter((p) => p.when === when && p.key !== name && !fired.has(p.key));
    await markRemindersFired(db, [name, ...together.map((p) => p.key)], now.getTime());
    await Promise.all(together.map((p) => browser.alarms.clear(p.key)));
    await showReminders([target, ...together], now, settings.namesInNotifications);
  });
}

export function snooze(address: string, expiry: string, now = new Date()): Promise<void> {
  return serialized(async () => {
    const settings = await getSettings(await store());
    const { name, when } = planSnooze(address, expiry, settings, now);
    await browser.storage.local.set({ [SNOOZES_KEY]: { ...(await storedSnoozes()), [name]: when } });
    await browser.alarms.create(name, { when });
  });
}
