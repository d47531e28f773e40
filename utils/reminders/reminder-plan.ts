/**
 * Reminders are computed from the tracked expiries and the settings, never stored: on every
 * start the background plans them again and reconciles the plan with the alarms the browser
 * still has (Chrome may drop alarms on restart and update, Firefox never keeps them) and with
 * the keys already shown, which are the only reminder state worth storing.
 *
 * A reminder has two names. Its key names the password (address, expiry, offset): the fired keys
 * are stored by it, so a renewal's reminders are new ones. Its alarm is named without the expiry
 * (address, offset), so a renewal's alarms take the place of the old expiry's by being created
 * under the same names: a capture's five creates, not five clears and five creates (issue 17).
 * An alarm that fires as its mailbox's date is being replaced is told apart by its time (isStaleAlarm).
 *
 * Only the reminders due before the horizon (alarmHorizon: the midnight after next) hold an
 * alarm: the midnight alarm plans every day anyway, and gives the next day's theirs. An office's
 * thousand reminders held a thousand alarms' worth of reading and writing in every pass (450
 * under Chrome's cap); the next two days hold a handful (issue 17).
 */
import { addDays, localDateTime, localDateTimesBefore, localToday, nextLocalMidnight, parseIsoDate, type IsoDate } from '../dates/calendar-date';

/**
 * The end of what the alarms cover: the local midnight after the next. The midnight alarm comes
 * a day before it (or late, after the computer slept, when what passed meanwhile is shown as
 * missed), so a reminder is never left without an alarm before its day's pass has given it one.
 */
export function alarmHorizon(now: Date): Date {
  return nextLocalMidnight(nextLocalMidnight(now));
}

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
  /** The reminder's name among the fired keys: see reminderKey. */
  key: string;
  /** Its alarm's name: see reminderAlarmName. */
  alarm: string;
  offset: number;
  /** Epoch ms: settings.hour, local time, `offset` days before the expiry. */
  when: number;
}

export interface ReminderReconciliation {
  /** Future reminders within the budget with no alarm at their time yet. */
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

/** The alarm of a mailbox's reminder `offset` days before whatever expiry it has. */
export function reminderAlarmName(address: string, offset: number): string {
  return `${REMINDER_PREFIX}${address}|${offset}`;
}

/** The mailbox and offset of a reminder alarm; null for any other name (an older version's, with the expiry, included). */
export function parseReminderAlarmName(name: string): { address: string; offset: number } | null {
  const [kind, address, offset = '', ...rest] = name.split('|');
  if (`${kind}|` !== REMINDER_PREFIX || !address || rest.length > 0 || !/^-?\d+$/.test(offset)) return null;
  return { address, offset: Number(offset) };
}

/**
 * Reminders of two expiries of one mailbox at the same offset are whole days apart; the same
 * reminder may fire a little after its time (Chrome holds an alarm due within 30 seconds that
 * long). Half a day tells them apart.
 */
const SAME_REMINDER_MS = 12 * 60 * 60 * 1000;

/**
 * An alarm that came due at `scheduledTime` was set for the mailbox's previous expiry, not for
 * `reminder` (the one of its name in today's plan): its time is another's, and the date was read
 * (`dateReadAt`) after it came due, as when a renewal is recorded while the alarm's event waits.
 * Every change of the date creates the mailbox's alarms again, so nothing else leaves an alarm
 * at another time; one that is, and came due after the date was read, stands for the reminder.
 */
export function isStaleAlarm(reminder: Pick<PlannedReminder, 'when'>, scheduledTime: number, dateReadAt: number): boolean {
  return Math.abs(reminder.when - scheduledTime) >= SAME_REMINDER_MS && dateReadAt >= scheduledTime;
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
  // A mailbox has one expiry (its alarms are named without it): a mailbox twice in the list is
  // planned once, with its first expiry; an offset twice in the settings, once.
  const alarms = new Set<string>();
  const addresses = new Set<string>();
  for (const { address, expiry, askDays } of accounts) {
    if (addresses.has(address)) continue;
    addresses.add(address);
    const offsets = askDays === undefined || settings.offsets.includes(askDays) ? settings.offsets : [...settings.offsets, askDays];
    const instants = localDateTimesBefore(expiry, offsets, settings.hour);
    for (let index = 0; index < offsets.length; index++) {
      const offset = offsets[index]!;
      const alarm = reminderAlarmName(address, offset);
      if (alarms.has(alarm)) continue;
      alarms.add(alarm);
      planned.push({ key: reminderKey(address, expiry, offset), alarm, address, expiry, offset, when: instants[index]! });
    }
  }
  return planned.sort(sooner);
}

/**
 * The order in which reminders get an alarm under the cap: by time, then by alarm name (what the
 * alarms held tell of themselves, so that a capture orders them as the whole plan does). The
 * name's code units, not localeCompare: any fixed order will do, and collating a thousand names
 * costs milliseconds.
 */
export function sooner(a: { when: number; alarm: string }, b: { when: number; alarm: string }): number {
  return a.when - b.when || (a.alarm < b.alarm ? -1 : a.alarm > b.alarm ? 1 : 0);
}

/**
 * A reminder is missed when its time has passed and its key was never fired. Per tracked
 * password only the latest missed one is shown, and only if nothing later was shown already:
 * a browser closed for ten days shows one notice per password, not four, and an expiry that
 * passed unseen shows its on-the-day reminder once. Every missed key is marked fired, so none
 * ever shows twice. A password with a pending snooze shows nothing here: the snooze will.
 *
 * Under the cap the alarms go to the `budget` soonest reminders still to come before the
 * horizon (`planned` is soonest first, as planReminders returns it): the alarms held are always
 * the head of that list, which is what reconcileMailboxReminders relies on.
 */
export function reconcileReminders({
  planned,
  heldAlarms,
  firedKeys,
  now,
  snoozed = [],
  budget = Infinity,
  horizon = Infinity,
}: {
  planned: readonly PlannedReminder[];
  /** Every alarm the browser holds. */
  heldAlarms: readonly HeldAlarm[];
  firedKeys: Iterable<string>;
  now: Date;
  /** Snooze keys not yet shown, whether their alarm survived or not. */
  snoozed?: Iterable<string>;
  /** How many reminder alarms the browser may hold (see reminderAlarmBudget): the soonest get them. */
  budget?: number;
  /** Epoch ms (alarmHorizon): reminders due after it hold no alarm. */
  horizon?: number;
}): ReminderReconciliation {
  const fired = new Set(firedKeys);
  const held = new Map(heldAlarms.map(({ name, scheduledTime }) => [name, scheduledTime]));
  const pendingSnoozes = new Set(snoozed);
  const nowMs = now.getTime();

  // `planned` is soonest first: the alarms go to the head of what is still to come.
  const upcoming = planned.filter((reminder) => reminder.when > nowMs && reminder.when <= horizon && !fired.has(reminder.key)).slice(0, budget);
  const upcomingAlarms = new Set(upcoming.map((reminder) => reminder.alarm));
  const snoozeAlarms = [...held.keys()].filter((name) => name.startsWith(SNOOZE_PREFIX));
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
    // An alarm held at another time (a previous expiry's, another hour) is replaced by the create.
    create: upcoming.filter((reminder) => held.get(reminder.alarm) !== reminder.when),
    clear: [
      ...[...held.keys()].filter((name) => name.startsWith(REMINDER_PREFIX) && !upcomingAlarms.has(name)),
      ...snoozeAlarms.filter((name) => !trackedSnoozeKeys.has(name)),
    ],
    fireNow,
    markFired,
  };
}

/** The first part of every reminder alarm name and fired key of `address`, whatever the expiry. */
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
  /** The mailbox's reminders to give an alarm (one of its old expiry's under the same name is replaced). */
  create: PlannedReminder[];
  /** Alarm names to clear: the mailbox's old ones not replaced, and others' latest that its sooner ones take the place of. */
  clear: string[];
  /** The mailbox's fired keys its plan no longer has (an earlier expiry's). */
  prune: string[];
}

/**
 * One mailbox's expiry changed and everything else is in line (a capture): what reconcileReminders
 * would change, from that mailbox's plan and the alarms held, without planning the others.
 *
 * The alarms held are the head of the soonest-first list of reminders due before the horizon
 * (reconcileReminders), so every other mailbox's reminder without an alarm comes after the
 * latest other alarm held, or after the horizon. The
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
  horizon = Infinity,
}: {
  address: string;
  planned: readonly PlannedReminder[];
  heldAlarms: readonly HeldAlarm[];
  firedKeys: Iterable<string>;
  now: Date;
  budget: number;
  /** As the full pass's (reconcileReminders). */
  horizon?: number;
}): MailboxReconciliation | null {
  const prefix = reminderPrefix(address);
  const fired = new Set(firedKeys);
  const upcoming = planned.filter((reminder) => reminder.when > now.getTime() && reminder.when <= horizon && !fired.has(reminder.key));
  const own = new Map(heldAlarms.filter(({ name }) => name.startsWith(prefix)).map(({ name, scheduledTime }) => [name, scheduledTime]));
  const others = heldAlarms
    .filter(({ name }) => name.startsWith(REMINDER_PREFIX) && !name.startsWith(prefix))
    .map(({ name, scheduledTime }) => ({ alarm: name, when: scheduledTime }))
    .sort(sooner);
  const latestOther = others.at(-1);
  if (upcoming.some((reminder) => latestOther === undefined || sooner(reminder, latestOther) > 0)) return null;

  const kept = new Set(
    [...others, ...upcoming]
      .sort(sooner)
      .slice(0, Math.max(0, budget))
      .map(({ alarm }) => alarm),
  );
  const plannedKeys = new Set(planned.map(({ key }) => key));
  return {
    create: upcoming.filter(({ alarm, when }) => kept.has(alarm) && own.get(alarm) !== when),
    clear: [...own.keys(), ...others.map(({ alarm }) => alarm)].filter((name) => !kept.has(name)),
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
