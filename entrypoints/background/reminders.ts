import { nextLocalMidnight } from '@/utils/dates/calendar-date';
import { applyLanguage } from '@/utils/i18n/catalog';
import {
  alarmHorizon,
  isStaleAlarm,
  parseReminderAlarmName,
  parseSnoozeKey,
  planReminders,
  planSnooze,
  reconcileMailboxReminders,
  reconcileReminders,
  reminderPrefix,
  snoozeKey,
  snoozePrefix,
  type HeldAlarm,
  type PlannedReminder,
  type TrackedExpiry,
} from '@/utils/reminders/reminder-plan';
import { serialQueue } from '@/entrypoints/background/serial-queue';
import { deleteFiredReminders, markRemindersFired } from '@/utils/store/fired-reminders';
import type { StoreDb } from '@/utils/store/schema';
import type { Account, Settings } from '@/utils/store/types';
import { showBadge, showStoreUnavailable } from './badge';
import { showReminders } from './notifications';
import { alarmFired, clearAlarm, createAlarm, knownAlarms, readAlarms } from './held-alarms';
import { keptLocal, keptSession } from './kept-storage';
import { store, storedAccounts, storedFiredReminders, storedSettings } from './store-access';

export const MIDNIGHT_ALARM = 'badge-midnight';

/**
 * Chrome keeps at most 500 alarms per extension and silently refuses the rest. Only the reminders
 * of the next two days hold one (alarmHorizon), a handful even in an office with 200 mailboxes;
 * should a thousand clients' fall due at once, the soonest get an alarm and the midnight pass
 * adds the next ones as these fire.
 */
const MAX_ALARMS = 450;

/** The reminders' share of the cap: what the midnight alarm and the snoozes leave. */
const reminderAlarmBudget = (snoozes: number) => MAX_ALARMS - 1 - snoozes;

/** Snoozes are kept beside their alarms: Firefox forgets every alarm when it restarts. */
const SNOOZES_KEY = 'snoozes';

async function storedSnoozes(): Promise<Readonly<Record<string, number>>> {
  const snoozes = await keptLocal.get(SNOOZES_KEY);
  return typeof snoozes === 'object' && snoozes !== null ? (snoozes as Record<string, number>) : {};
}

async function forgetSnoozes(names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  const snoozes = { ...(await storedSnoozes()) };
  for (const name of names) delete snoozes[name];
  await keptLocal.set(SNOOZES_KEY, snoozes);
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
 * The last plan made while the worker is awake, and what it was made from. A capture of the date
 * already stored writes its account (when and where it was read) and so a new snapshot, but no
 * reminder moves: the next pass (midnight, an office's reminders due at 9:00, one alarm each)
 * plans the same thousand reminders again unless it compares what they come from (issue 17).
 */
let lastPlan: { tracked: readonly TrackedExpiry[]; settings: Settings; planned: readonly PlannedReminder[] } | null = null;

const sameTracked = (a: readonly TrackedExpiry[], b: readonly TrackedExpiry[]) =>
  a.length === b.length && a.every((t, i) => t.address === b[i]!.address && t.expiry === b[i]!.expiry && t.askDays === b[i]!.askDays);

function planOf(accounts: readonly Account[], settings: Settings): readonly PlannedReminder[] {
  const tracked = trackedOf(accounts, settings);
  if (lastPlan?.settings === settings && sameTracked(lastPlan.tracked, tracked)) return lastPlan.planned;
  const planned = planReminders(tracked, settings);
  lastPlan = { tracked, settings, planned };
  return planned;
}

/**
 * Runs one piece of reminder work at a time: install, startup and a capture may all ask to
 * reconcile at once, and two overlapping runs could each fire the same missed reminder.
 */
export const serialized = serialQueue();

/** The store, or null when it cannot be opened: the badge then says so instead of a stale number. */
async function storeOrSayUnavailable(): Promise<StoreDb | null> {
  try {
    return await store();
  } catch {
    await showStoreUnavailable();
    return null;
  }
}

/** What every pass reads: the accounts, the settings, the fired keys, the alarms held and the snoozes. */
async function readState() {
  const [accounts, settings, firedKeys, alarms, snoozes] = await Promise.all([
    storedAccounts(),
    storedSettings(),
    storedFiredReminders(),
    readAlarms(),
    storedSnoozes(),
  ]);
  return { accounts, settings, firedKeys, alarms, snoozes };
}

type State = Awaited<ReturnType<typeof readState>>;

/**
 * Plans every reminder and brings the alarms in line with the plan (reconcileReminders): those
 * due in the next two days hold one (the soonest, within the cap), the others and the stale ones
 * go; shows once the reminders missed, with `alsoDue`; aims the midnight alarm at the next
 * midnight. `snoozesKept`: the snoozes that keep an alarm. Returns the plan.
 */
async function alarmsInLine(
  db: StoreDb,
  { accounts, settings, firedKeys, alarms, snoozes }: State,
  now: Date,
  { alsoDue = [], snoozesKept = Object.keys(snoozes).length }: { alsoDue?: readonly TrackedExpiry[]; snoozesKept?: number } = {},
): Promise<readonly PlannedReminder[]> {
  const planned = planOf(accounts, settings);
  const plan = reconcileReminders({
    planned,
    heldAlarms: alarms,
    firedKeys,
    now,
    snoozed: Object.keys(snoozes),
    budget: reminderAlarmBudget(snoozesKept),
    horizon: alarmHorizon(now).getTime(),
  });
  // Cleared first: the cap counts the alarms held.
  await Promise.all(plan.clear.map(clearAlarm));
  // Awaited: Firefox's create is a promise, and a refused one must not pass unnoticed.
  await Promise.all(plan.create.map((reminder) => createAlarm(reminder.alarm, reminder.when)));
  await createAlarm(MIDNIGHT_ALARM, nextLocalMidnight(now).getTime());
  await markRemindersFired(db, plan.markFired, now.getTime());
  await showReminders([...plan.fireNow, ...alsoDue], now, settings.namesInNotifications);
  return planned;
}

/**
 * Brings alarms, badge and fired reminders in line with the store: re-creates the alarms the
 * browser lost, clears stale ones, shows once each reminder missed while the browser was closed.
 * The full pass: at every start, after an install, a settings change, an import or an edit.
 */
export function reconcile(now = new Date()): Promise<void> {
  return serialized(async () => {
    const db = await storeOrSayUnavailable();
    if (db) await reconcileAll(db, now);
  });
}

/** Set in session storage once a full pass has run: the browser empties it when it restarts, and when the extension is reloaded, updated or disabled. */
const RECONCILED_KEY = 'reconciledThisSession';

/**
 * At every start of the service worker, which stops after 30 s idle and so starts many times a
 * day: the full pass once per browser session, when alarms may have been lost (Firefox forgets
 * them when it restarts; a reload or an update of the extension drops them), not at every wake,
 * where it would come before every capture and every alarm (issue 17). Every start speaks the
 * language chosen in the options, first: the events that woke the worker queue up behind.
 */
export function startOfWorker(now = new Date()): Promise<void> {
  return serialized(async () => {
    const db = await storeOrSayUnavailable();
    if (!db) return;
    if ((await keptSession.get(RECONCILED_KEY)) === true) await applyLanguage((await storedSettings()).language);
    else await reconcileAll(db, now);
  });
}

async function reconcileAll(db: StoreDb, now: Date): Promise<void> {
  const state = await readState();
  // Notifications and the badge's title speak the language chosen in the options. Every start
  // and every settings change runs this first, and reminder alarms queue up behind it.
  await applyLanguage(state.settings.language);
  const tracked = trackedOf(state.accounts, state.settings);
  const { due, kept } = await restoreSnoozes(state.snoozes, tracked, state.alarms, now);
  const planned = await alarmsInLine(db, state, now, { alsoDue: due, snoozesKept: kept });
  const plannedKeys = new Set(planned.map((reminder) => reminder.key));
  await deleteFiredReminders(
    db,
    [...state.firedKeys].filter((key) => !plannedKeys.has(key)),
  );
  await showBadge(state.accounts, now);
  await keptSession.set(RECONCILED_KEY, true);
}

/**
 * The midnight alarm: the badge counts a day less, the reminders of the day entering the next two
 * get their alarms, and a reminder whose time passed without an alarm is shown.
 * Nothing else changed since the last pass (every write reconciles), so the snoozes' alarms and
 * the fired keys of old expiries are left as they are; a worker woken by this alarm has set its
 * language first, and run the full pass if none ran in this browser session (startOfWorker).
 */
export function onMidnight(now = new Date()): Promise<void> {
  return serialized(async () => {
    const db = await storeOrSayUnavailable();
    if (!db) return;
    const state = await readState();
    await alarmsInLine(db, state, now);
    await showBadge(state.accounts, now);
  });
}

/**
 * A capture changed one mailbox's expiry (capture.ts), and everything else is in line: that
 * mailbox's alarms, fired keys and snoozes follow, then the badge, without planning the other
 * mailboxes (reconcileMailboxReminders). When its reminders reach past the alarms held, where
 * only the whole plan knows which come first, everything is reconciled.
 */
export function reconcileMailbox(address: string, now = new Date()): Promise<void> {
  return serialized(async () => {
    const db = await storeOrSayUnavailable();
    if (!db) return;
    const [accounts, settings, allFired, alarms, snoozes] = await Promise.all([
      storedAccounts(),
      storedSettings(),
      storedFiredReminders(),
      knownAlarms(),
      storedSnoozes(),
    ]);
    const account = accounts.find((a) => a.address === address);
    const tracked = account ? trackedOf([account], settings) : [];
    const current = new Set(tracked.map((t) => snoozeKey(t.address, t.expiry)));
    const isStaleSnooze = (name: string) => name.startsWith(snoozePrefix(address)) && !current.has(name);
    const staleSnoozes = [...new Set([...Object.keys(snoozes), ...alarms.map((alarm) => alarm.name)].filter(isStaleSnooze))];
    const snoozesKept = Object.keys(snoozes).filter((name) => !isStaleSnooze(name)).length;
    const changes = reconcileMailboxReminders({
      address,
      planned: planReminders(tracked, settings),
      heldAlarms: alarms,
      firedKeys: [...allFired].filter((key) => key.startsWith(reminderPrefix(address))),
      now,
      budget: reminderAlarmBudget(snoozesKept),
      horizon: alarmHorizon(now).getTime(),
    });
    if (!changes) return reconcileAll(db, now);
    await forgetSnoozes(staleSnoozes);
    await Promise.all([...changes.clear, ...staleSnoozes].map(clearAlarm));
    await Promise.all(changes.create.map((reminder) => createAlarm(reminder.alarm, reminder.when)));
    await deleteFiredReminders(db, changes.prune);
    await showBadge(accounts, now);
  });
}

/**
 * Re-creates the alarms of snoozes still ahead, drops those of passwords no longer tracked, and
 * returns those that came due while the browser was closed, to be shown now, and the snoozes kept.
 */
async function restoreSnoozes(
  snoozes: Record<string, number>,
  tracked: readonly TrackedExpiry[],
  alarms: readonly HeldAlarm[],
  now: Date,
): Promise<{ due: TrackedExpiry[]; kept: number }> {
  const due: TrackedExpiry[] = [];
  let kept = 0;
  const done: string[] = [];
  for (const [name, when] of Object.entries(snoozes)) {
    const target = parseSnoozeKey(name);
    const current = target && tracked.some((t) => t.address === target.address && t.expiry === target.expiry);
    if (!target || !current || when <= now.getTime()) {
      done.push(name);
      if (target && current) due.push(target);
    } else {
      kept += 1;
      if (!alarms.some((alarm) => alarm.name === name)) await createAlarm(name, when);
    }
  }
  await forgetSnoozes(done);
  return { due, kept };
}

/** A reminder or snooze alarm came due: show it unless it was already shown, then mark it. */
export function onReminderAlarm({ name, scheduledTime }: HeldAlarm, now = new Date()): Promise<void> {
  // The browser dropped it as it fired: gone from the alarms held before any work reads them.
  alarmFired({ name, scheduledTime });
  const reminder = parseReminderAlarmName(name);
  const snooze = parseSnoozeKey(name);
  if (!reminder && !snooze) return Promise.resolve();
  return serialized(async () => {
    if (snooze) await forgetSnoozes([name]);
    const db = await store();
    const [accounts, settings] = await Promise.all([storedAccounts(), storedSettings()]);
    if (snooze) {
      // A renewal since the snooze makes it stale.
      const account = accounts.find((a) => a.address === snooze.address);
      return account?.expiry === snooze.expiry ? showReminders([snooze], now, settings.namesInNotifications) : undefined;
    }
    const planned = planOf(accounts, settings);
    // Its mailbox is gone or no longer has this offset: nothing to show (the next reconcile clears what is left).
    const due = planned.find((p) => p.alarm === name);
    if (!due) return;
    // Set for the expiry a renewal just replaced, whose capture creates the alarm again for the new one.
    if (isStaleAlarm(due, scheduledTime, accounts.find((a) => a.address === due.address)!.capturedAt)) return;
    const fired = await storedFiredReminders();
    if (fired.has(due.key)) return;
    // Other reminders due at this same moment (an office's clients) join this one notification.
    const together = planned.filter((p) => p.when === due.when && p !== due && !fired.has(p.key));
    await markRemindersFired(db, [due.key, ...together.map((p) => p.key)], now.getTime());
    await Promise.all(together.map((p) => clearAlarm(p.alarm)));
    await showReminders([due, ...together], now, settings.namesInNotifications);
  });
}

export function snooze(address: string, expiry: string, now = new Date()): Promise<void> {
  return serialized(async () => {
    const settings = await storedSettings();
    const { name, when } = planSnooze(address, expiry, settings, now);
    await keptLocal.set(SNOOZES_KEY, { ...(await storedSnoozes()), [name]: when });
    await createAlarm(name, when);
  });
}
