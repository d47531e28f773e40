/**
 * Reminders are computed from the tracked expiries and the settings, never stored: on every
 * start the background plans them again and reconciles the plan with the alarms the browser
 * still has (Chrome may drop alarms on restart and update, Firefox never keeps them) and with
 * the keys already shown, which are the only reminder state worth storing.
 */
import { addDays, localDateTime, localDateTimesBefore, localToday, parseIsoDate, type IsoDate } from '../dates/calendar-date';

export interface ReminderSettings {
  /** Days before the expiry to remind on; 0 is the day itself. */
  offsets: readonly number[];
  /** Local hour of the day (0–23) at which reminders and snoozes come due. */
  hour: number;
}

export const DEFAULT_REMINDER_SETTINGS: Readonly<ReminderSettings> = { offsets: [14, 7, 3, 1, 0], hour: 9 };

export interface TrackedExpiry {
  address: string;
  expiry: IsoDate;
  /** An office's mailbox: also remind this many days before, when the client should be asked. */
  askDays?: number;
}

export interface PlannedReminder extends TrackedExpiry {
  /** Also the alarm's name: see reminderKey. */
  key: string;
  offset: number;
  /** Epoch ms: settings.hour, local time, `offset` days before the expiry. */
  when: number;
}

export interface ReminderReconciliation {
  /** Future reminders within the budget with no alarm yet. */
  create: PlannedReminder[];
  /** Names of existing alarms that no longer match the plan, or that a sooner reminder takes the place of. */
  clear: string[];
  /** Missed reminders to show now: at most one per tracked password. */
  fireNow: PlannedReminder[];
  /** Every missed key, shown now or not, to add to the stored fired keys. */
  markFired: string[];
}

const REMINDER_PREFIX = 'reminder|';
const SNOOZE_PREFIX = 'snooze|';

// Names are '|'-separated; addresses are e-mail addresses and never contain '|'.
export function reminderKey(address: string, expiry: IsoDate, offset: number): string {
  return `${REMINDER_PREFIX}${address}|${expiry}|${offset}`;
}

export function parseReminderKey(key: string): { address: string; expiry: IsoDate; offset: number } | null {
  const [kind, address, expiry = '', offset = '', ...rest] = key.split('|');
  if (`${kind}|` !== REMINDER_PREFIX || !address || rest.length > 0) return null;
  if (parseIsoDate(expiry) === null || !/^-?\d+$/.test(offset)) return null;
  return { address, expiry, offset: Number(offset) };
}

export function snoozeKey(address: string, expiry: IsoDate): string {
  return `${SNOOZE_PREFIX}${address}|${expiry}`;
}

export function parseSnoozeKey(key: string): TrackedExpiry | null {
  const [kind, address, expiry = '', ...rest] = key.split('|');
  if (`${kind}|` !== SNOOZE_PREFIX || !address || rest.length > 0) return null;
  return parseIsoDate(expiry) === null ? null : { address, expiry };
}

/** Every reminder of every tracked password, past ones included, soonest first (see sooner). */
export function planReminders(accounts: readonly TrackedExpiry[], settings: ReminderSettings): PlannedReminder[] {
  const planned: PlannedReminder[] = [];
  // The same password twice in the list, or an offset twice in the settings, is planned once.
  const keys = new Set<string>();
  for (const { address, expiry, askDays } of accounts) {
    const offsets = askDays === undefined || settings.offsets.includes(askDays) ? settings.offsets : [...settings.offsets, askDays];
    const instants = localDateTimesBefore(expiry, offsets, settings.hour);
    for (let index = 0; index < offsets.length; index++) {
      const offset = offsets[index]!;
      const key = reminderKey(address, expiry, offset);
      if (keys.has(key)) continue;
      keys.add(key);
      planned.push({ key, address, expiry, offset, when: instants[index]! });
    }
  }
  return planned.sort(sooner);
}

/**
 * The order in which reminders get an alarm under the cap: by time, then by key. The key's code
 * units, not localeCompare: any fixed order will do, and collating a thousand keys costs milliseconds.
 */
export function sooner(a: { when: number; key: string }, b: { when: number; key: string }): number {
  return a.when - b.when || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/**
 * A reminder is missed when its time has passed and its key was never fired. Per tracked
 * password only the latest missed one is shown, and only if nothing later was shown already:
 * a browser closed for ten days shows one notice per password, not four, and an expiry that
 * passed unseen shows its on-the-day reminder once. Every missed key is marked fired, so none
 * ever shows twice. A password with a pending snooze shows nothing here: the snooze will.
 *
 * Under the cap the alarms go to the `budget` soonest reminders still to come (`planned` is
 * soonest first, as planReminders returns it): the alarms held are always the head of that list,
 * which is what reconcileMailboxReminders relies on.
 */
export function reconcileReminders({
  planned,
  existingAlarmNames,
  firedKeys,
  now,
  snoozed = [],
  budget = Infinity,
}: {
  planned: readonly PlannedReminder[];
  existingAlarmNames: Iterable<string>;
  firedKeys: Iterable<string>;
  now: Date;
  /** Snooze keys not yet shown, whether their alarm survived or not. */
  snoozed?: Iterable<string>;
  /** How many reminder alarms the browser may hold (see reminderAlarmBudget): the soonest get them. */
  budget?: number;
}): ReminderReconciliation {
  const fired = new Set(firedKeys);
  const existing = new Set(existingAlarmNames);
  const pendingSnoozes = new Set(snoozed);
  const nowMs = now.getTime();

  // `planned` is soonest first: the alarms go to the head of what is still to come.
  const upcoming = planned.filter((reminder) => reminder.when > nowMs && !fired.has(reminder.key)).slice(0, budget);
  const upcomingKeys = new Set(upcoming.map((reminder) => reminder.key));
  const snoozeAlarms = [...existing].filter((name) => name.startsWith(SNOOZE_PREFIX));
  const trackedSnoozeKeys = new Set(snoozeAlarms.length ? planned.map((reminder) => snoozeKey(reminder.address, reminder.expiry)) : []);

  // Only the passwords of a missed reminder have anything to show or mark: in most passes, none.
  const missing = new Set(planned.filter((reminder) => reminder.when <= nowMs && !fired.has(reminder.key)).map(({ address }) => address));
  const fireNow: PlannedReminder[] = [];
  const markFired: string[] = [];
  for (const [passwordSnoozeKey, reminders] of groupByPassword(planned.filter(({ address }) => missing.has(address)))) {
    const missed = reminders.filter((reminder) => reminder.when <= nowMs && !fired.has(reminder.key));
    const latestMissed = latest(missed);
    const latestShown = latest(reminders.filter((reminder) => fired.has(reminder.key)));
    markFired.push(...missed.map((reminder) => reminder.key));
    if (latestMissed && (!latestShown || latestShown.when < latestMissed.when) && !pendingSnoozes.has(passwordSnoozeKey)) {
      fireNow.push(latestMissed);
    }
  }

  return {
    create: upcoming.filter((reminder) => !existing.has(reminder.key)),
    clear: [
      ...[...existing].filter((name) => name.startsWith(REMINDER_PREFIX) && !upcomingKeys.has(name)),
      ...snoozeAlarms.filter((name) => !trackedSnoozeKeys.has(name)),
    ],
    fireNow,
    markFired,
  };
}

/** The first part of every reminder alarm name of `address`: its alarms and fired keys, whatever the expiry. */
export function reminderPrefix(address: string): string {
  return `${REMINDER_PREFIX}${address}|`;
}

/** The first part of every snooze alarm name of `address`. */
export function snoozePrefix(address: string): string {
  return `${SNOOZE_PREFIX}${address}|`;
}

/** An alarm the browser holds, as alarms.getAll describes it. */
export interface HeldAlarm {
  name: string;
  scheduledTime: number;
}

export interface MailboxReconciliation {
  /** The mailbox's reminders to give an alarm. */
  create: PlannedReminder[];
  /** Alarm names to clear: the mailbox's old ones, and others' latest that its sooner ones take the place of. */
  clear: string[];
  /** The mailbox's fired keys its plan no longer has (an earlier expiry's). */
  prune: string[];
}

/**
 * One mailbox's expiry changed and everything else is in line (a capture): what reconcileReminders
 * would change, from that mailbox's plan and the alarms held, without planning the others.
 *
 * The alarms held are the head of the soonest-first list of reminders (reconcileReminders), so
 * every other mailbox's reminder without an alarm comes after the latest other alarm held. The
 * mailbox's reminders up to that alarm take their place among the held ones, and the latest
 * beyond the budget give way. A reminder of the mailbox after that alarm may come before
 * reminders of other mailboxes that hold none, which only the whole plan knows: null then, and
 * the caller reconciles everything. When the mailbox takes fewer alarms than it gave back, the
 * places freed stay free (nothing sooner than an alarm held is left without one) until the
 * next midnight fills them with the soonest reminders left: until then the alarms held are the
 * head of what reconcileReminders holds.
 *
 * `planned`: planReminders of the mailbox alone (empty once it has no expiry); `firedKeys`: the
 * mailbox's fired keys (reminderPrefix).
 */
export function reconcileMailboxReminders({
  address,
  planned,
  heldAlarms,
  firedKeys,
  now,
  budget,
}: {
  address: string;
  planned: readonly PlannedReminder[];
  heldAlarms: readonly HeldAlarm[];
  firedKeys: Iterable<string>;
  now: Date;
  budget: number;
}): MailboxReconciliation | null {
  const prefix = reminderPrefix(address);
  const fired = new Set(firedKeys);
  const upcoming = planned.filter((reminder) => reminder.when > now.getTime() && !fired.has(reminder.key));
  const own = heldAlarms.filter(({ name }) => name.startsWith(prefix)).map(({ name }) => name);
  const others = heldAlarms
    .filter(({ name }) => name.startsWith(REMINDER_PREFIX) && !name.startsWith(prefix))
    .map(({ name, scheduledTime }) => ({ key: name, when: scheduledTime }))
    .sort(sooner);
  const horizon = others.at(-1);
  if (upcoming.some((reminder) => horizon === undefined || sooner(reminder, horizon) > 0)) return null;

  const kept = new Set(
    [...others, ...upcoming]
      .sort(sooner)
      .slice(0, Math.max(0, budget))
      .map(({ key }) => key),
  );
  const plannedKeys = new Set(planned.map(({ key }) => key));
  const ownNames = new Set(own);
  return {
    create: upcoming.filter(({ key }) => kept.has(key) && !ownNames.has(key)),
    clear: [...own, ...others.map(({ key }) => key)].filter((name) => !kept.has(name)),
    prune: [...fired].filter((key) => !plannedKeys.has(key)),
  };
}

/** A password is an address with its expiry; its snooze key names it. */
function groupByPassword(planned: readonly PlannedReminder[]): Map<string, PlannedReminder[]> {
  const groups = new Map<string, PlannedReminder[]>();
  for (const reminder of planned) {
    const key = snoozeKey(reminder.address, reminder.expiry);
    const group = groups.get(key);
    if (group) group.push(reminder);
    else groups.set(key, [reminder]);
  }
  return groups;
}

function latest(reminders: readonly PlannedReminder[]): PlannedReminder | undefined {
  return reminders.reduce<PlannedReminder | undefined>(
    (best, reminder) => (best === undefined || reminder.when > best.when ? reminder : best),
    undefined,
  );
}

/** The reminder offsets of `expiry` whose time is still ahead of `now`, largest first: what a confirmation may promise. */
export function offsetsAhead(expiry: IsoDate, settings: ReminderSettings, now: Date): number[] {
  return settings.offsets.filter((offset) => localDateTime(addDays(expiry, -offset), settings.hour).getTime() > now.getTime()).sort((a, b) => b - a);
}

/** "Remind me tomorrow": the next local day at the reminder hour. */
export function planSnooze(address: string, expiry: IsoDate, settings: Pick<ReminderSettings, 'hour'>, now: Date): { name: string; when: number } {
  const tomorrow = addDays(localToday(now), 1);
  return { name: snoozeKey(address, expiry), when: localDateTime(tomorrow, settings.hour).getTime() };
}
