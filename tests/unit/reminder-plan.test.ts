import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, localDateTime, localToday } from '@/utils/dates/calendar-date';
import {
  alarmHorizon,
  offsetsAhead,
  DEFAULT_REMINDER_SETTINGS,
  isStaleAlarm,
  parseReminderAlarmName,
  parseSnoozeKey,
  planReminders,
  planSnooze,
  reconcileMailboxReminders,
  reconcileReminders,
  reminderAlarmName,
  reminderKey,
  reminderPrefix,
  sooner,
  type HeldAlarm,
  snoozeKey,
  type PlannedReminder,
  type TrackedExpiry,
} from '@/utils/reminders/reminder-plan';

const MARIO: TrackedExpiry = { address: 'mario.rossi@pec.it', expiry: '2027-02-15' };
const STUDIO: TrackedExpiry = { address: 'studio@legalmail.it', expiry: '2027-02-20' };

/** 9:00 local time, `days` days before Mario's expiry. */
const daysBefore = (days: number, hour = 9) => localDateTime(addDays(MARIO.expiry, -days), hour);
const keysOf = (reminders: readonly PlannedReminder[]) => reminders.map((reminder) => reminder.key);
const key = (account: TrackedExpiry, offset: number) => reminderKey(account.address, account.expiry, offset);
const alarm = (account: Pick<TrackedExpiry, 'address'>, offset: number) => reminderAlarmName(account.address, offset);
/** The alarms the reminders hold (or would hold once created). */
const alarmsOf = (reminders: readonly PlannedReminder[]): HeldAlarm[] => reminders.map(({ alarm, when }) => ({ name: alarm, scheduledTime: when }));
const namesOf = (alarms: readonly HeldAlarm[]) => alarms.map(({ name }) => name);
/** The alarms held once the browser has done what a reconciliation says: cleared, then created (replacing one of the same name). */
function applied(held: readonly HeldAlarm[], { create, clear }: { create: readonly PlannedReminder[]; clear: readonly string[] }): HeldAlarm[] {
  const alarms = new Map(held.map(({ name, scheduledTime }) => [name, scheduledTime]));
  for (const name of clear) alarms.delete(name);
  for (const { alarm, when } of create) alarms.set(alarm, when);
  return [...alarms].map(([name, scheduledTime]) => ({ name, scheduledTime })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

describe('reminder and snooze names', () => {
  it('key fired reminders reminder|address|expiry|offset, name their alarms reminder|address|offset, snoozes snooze|address|expiry', () => {
    expect(key(MARIO, 7)).toBe('reminder|mario.rossi@pec.it|2027-02-15|7');
    expect(alarm(MARIO, 7)).toBe('reminder|mario.rossi@pec.it|7');
    expect(snoozeKey(MARIO.address, MARIO.expiry)).toBe('snooze|mario.rossi@pec.it|2027-02-15');
    // Every name of a mailbox starts with its prefix, and another mailbox's never does.
    expect([key(MARIO, 7), alarm(MARIO, 7)].every((name) => name.startsWith(reminderPrefix(MARIO.address)))).toBe(true);
    expect(alarm({ address: 'mario.rossi@pec.it.example' }, 7).startsWith(reminderPrefix(MARIO.address))).toBe(false);
  });

  it('read back what they wrote', () => {
    expect(parseReminderAlarmName(alarm(MARIO, 0))).toEqual({ address: MARIO.address, offset: 0 });
    expect(parseReminderAlarmName(alarm(MARIO, -1))).toEqual({ address: MARIO.address, offset: -1 });
    expect(parseSnoozeKey(snoozeKey(MARIO.address, MARIO.expiry))).toEqual(MARIO);
  });

  it.each([
    'snooze|mario.rossi@pec.it|2027-02-15',
    // A reminder alarm of version 0.2.2 and before (with the expiry): the full pass clears it.
    'reminder|mario.rossi@pec.it|2027-02-15|7',
    'reminder|mario.rossi@pec.it|7|x',
    'reminder||7',
    'reminder|mario.rossi@pec.it|1.5',
    'reminder|mario.rossi@pec.it|',
    'reminder|mario.rossi@pec.it',
    'badge-refresh',
  ])('reject %j as a reminder alarm', (name) => {
    expect(parseReminderAlarmName(name)).toBeNull();
  });

  it("tell an alarm of the mailbox's previous expiry, come due before its new date was read, by its time", () => {
    const [current] = planReminders([MARIO], { offsets: [7], hour: 9 });
    const [previous] = planReminders([{ ...MARIO, expiry: addDays(MARIO.expiry, -1) }], { offsets: [7], hour: 9 });
    const before = (ms: number) => ms - 60_000;
    expect(isStaleAlarm(current!, previous!.when, previous!.when + 1)).toBe(true);
    // The date read before the alarm came due: the alarm was set for it (the tests bring alarms forward so).
    expect(isStaleAlarm(current!, previous!.when, before(previous!.when))).toBe(false);
    expect(isStaleAlarm(current!, current!.when, current!.when + 1)).toBe(false);
    // Chrome fires an alarm due within 30 seconds of its creation that late.
    expect(isStaleAlarm(current!, current!.when + 30_000, current!.when + 60_000)).toBe(false);
  });

  it.each([
    'reminder|mario.rossi@pec.it|2027-02-15|7',
    'snooze|mario.rossi@pec.it',
    'snooze|mario.rossi@pec.it|15/02/2027',
    'snooze|mario.rossi@pec.it|2027-02-15|x',
  ])('reject %j as a snooze key', (name) => {
    expect(parseSnoozeKey(name)).toBeNull();
  });
});

describe('planReminders', () => {
  it('plans each offset at the reminder hour, soonest first', () => {
    expect(DEFAULT_REMINDER_SETTINGS).toEqual({ offsets: [14, 7, 3, 1, 0], hour: 9 });
    const planned = planReminders([MARIO], DEFAULT_REMINDER_SETTINGS);
    expect(planned).toEqual(
      [14, 7, 3, 1, 0].map((offset) => ({
        key: key(MARIO, offset),
        alarm: alarm(MARIO, offset),
        ...MARIO,
        offset,
        when: daysBefore(offset).getTime(),
      })),
    );
  });

  it('keeps local 9:00 across daylight-saving changes and month ends', () => {
    const account = { address: 'a@pec.it', expiry: '2027-03-29' };
    for (const reminder of planReminders([account], { offsets: [30, 1, 0], hour: 9 })) {
      const when = new Date(reminder.when);
      expect(when.getHours()).toBe(9);
      expect(localToday(when)).toBe(addDays(account.expiry, -reminder.offset));
    }
  });

  it('interleaves accounts by time and drops repeated offsets and accounts', () => {
    const planned = planReminders([MARIO, STUDIO, MARIO], { offsets: [1, 14, 1], hour: 18 });
    expect(keysOf(planned)).toEqual([key(MARIO, 14), key(STUDIO, 14), key(MARIO, 1), key(STUDIO, 1)]);
  });

  it('plans a mailbox listed twice once, with its first expiry: its alarms are named without it', () => {
    const planned = planReminders([MARIO, { ...MARIO, expiry: addDays(MARIO.expiry, 90) }], { offsets: [7], hour: 9 });
    expect(keysOf(planned)).toEqual([key(MARIO, 7)]);
  });

  it('plans nothing without accounts or offsets', () => {
    expect(planReminders([], DEFAULT_REMINDER_SETTINGS)).toEqual([]);
    expect(planReminders([MARIO], { offsets: [], hour: 9 })).toEqual([]);
  });
});

describe('reconcileReminders', () => {
  const planned = planReminders([MARIO, STUDIO], DEFAULT_REMINDER_SETTINGS);
  const reconcile = (now: Date, options: { existing?: HeldAlarm[]; fired?: string[]; snoozed?: string[] } = {}) =>
    reconcileReminders({
      planned,
      heldAlarms: options.existing ?? [],
      firedKeys: options.fired ?? [],
      now,
      snoozed: options.snoozed,
    });

  it('creates every future alarm on a first start', () => {
    const result = reconcile(daysBefore(30));
    expect(result).toEqual({ create: planned, clear: [], fireNow: [], markFired: [] });
  });

  const at = (name: string, scheduledTime = 0): HeldAlarm => ({ name, scheduledTime });
  const heldOf = (...reminders: PlannedReminder[]) => alarmsOf(reminders);
  const plannedOf = (account: TrackedExpiry, offset: number) => planned.find((r) => r.key === key(account, offset))!;

  it('creates only the alarms the browser lost', () => {
    const existing = heldOf(plannedOf(MARIO, 14), plannedOf(STUDIO, 0));
    const result = reconcile(daysBefore(30), { existing });
    expect(keysOf(result.create)).toEqual(keysOf(planned).filter((name) => name !== key(MARIO, 14) && name !== key(STUDIO, 0)));
    expect(result.clear).toEqual([]);
  });

  it("replaces, by creating it again, an alarm held at another time: the mailbox's previous expiry", () => {
    const oldMario = { address: MARIO.address, expiry: '2026-11-15' };
    const [oldSeven] = planReminders([oldMario], { offsets: [7], hour: 9 });
    const result = reconcile(daysBefore(30), { existing: [...heldOf(plannedOf(MARIO, 14)), ...alarmsOf([oldSeven!])] });
    expect(keysOf(result.create)).toEqual(keysOf(planned).filter((name) => name !== key(MARIO, 14)));
    expect(result.clear).toEqual([]);
  });

  it('clears stale reminder and snooze alarms and leaves the rest alone', () => {
    const oldMario = { address: MARIO.address, expiry: '2026-11-15' };
    const existing = [
      at(key(oldMario, 7)), // an alarm named as version 0.2.2 named them
      at(alarm({ address: 'gone@pec.it' }, 3)),
      at(alarm(MARIO, 2)), // an offset no longer in the settings
      ...heldOf(plannedOf(MARIO, 14)), // fired already
      ...heldOf(plannedOf(MARIO, 7)),
      at(snoozeKey(oldMario.address, oldMario.expiry)),
      at(snoozeKey(STUDIO.address, STUDIO.expiry)),
      at('badge-refresh'),
    ];
    const result = reconcile(daysBefore(10), { existing, fired: [key(MARIO, 14)] });
    expect(result.clear).toEqual([
      key(oldMario, 7),
      alarm({ address: 'gone@pec.it' }, 3),
      alarm(MARIO, 2),
      alarm(MARIO, 14),
      snoozeKey(oldMario.address, oldMario.expiry),
    ]);
    expect(keysOf(result.create)).not.toContain(key(MARIO, 7));
  });

  it('treats a reminder due this very millisecond as missed', () => {
    const result = reconcile(daysBefore(14), { existing: alarmsOf(planned) });
    expect(keysOf(result.fireNow)).toEqual([key(MARIO, 14)]);
    expect(result.clear).toEqual([alarm(MARIO, 14)]);
  });

  it('shows one notice per password after the browser was closed for days', () => {
    const result = reconcile(daysBefore(2, 8), { fired: [key(MARIO, 14)] });
    expect(keysOf(result.fireNow)).toEqual([key(MARIO, 3), key(STUDIO, 14)]);
    expect(result.markFired.sort()).toEqual([key(MARIO, 7), key(MARIO, 3), key(STUDIO, 14)].sort());
    expect(keysOf(result.create)).toEqual([key(STUDIO, 7), key(MARIO, 1), key(MARIO, 0), key(STUDIO, 3), key(STUDIO, 1), key(STUDIO, 0)]);
  });

  it('shows the on-the-day reminder once for an expiry that passed unseen', () => {
    const now = daysBefore(-40);
    const first = reconcile(now);
    expect(keysOf(first.fireNow)).toEqual([key(MARIO, 0), key(STUDIO, 0)]);
    expect(first.markFired).toHaveLength(10);
    expect(reconcile(now, { fired: first.markFired })).toEqual({ create: [], clear: [], fireNow: [], markFired: [] });
  });

  it('never shows a key again, nor one older than a reminder already shown', () => {
    const shown = [key(MARIO, 14), key(MARIO, 3), key(STUDIO, 14)];
    // An offset added to the settings after a later reminder was shown: 7 is missed but stale.
    const result = reconcile(daysBefore(2, 8), { fired: shown });
    expect(result.fireNow).toEqual([]);
    expect(result.markFired).toEqual([key(MARIO, 7)]);
  });

  it('leaves a snoozed password to its snooze', () => {
    const result = reconcile(daysBefore(2, 8), { snoozed: [snoozeKey(MARIO.address, MARIO.expiry)] });
    expect(keysOf(result.fireNow)).toEqual([key(STUDIO, 14)]);
    expect(result.markFired).toContain(key(MARIO, 3));
  });

  it('settles in one pass: applying its answer leaves nothing to do', () => {
    const account = fc.record({
      address: fc.constantFrom('a@pec.it', 'b@pec.it', 'c@legalmail.it'),
      expiry: fc.integer({ min: -60, max: 60 }).map((days) => addDays('2027-03-28', days)),
    });
    // Which planned keys already have an alarm, and which were fired: one flag per possible key.
    const flags = fc.array(fc.boolean(), { minLength: 4 * 6, maxLength: 4 * 6 });
    fc.assert(
      fc.property(
        fc.array(account, { maxLength: 4 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 6 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: -90, max: 90 }),
        fc.integer({ min: 0, max: 23 }),
        flags,
        flags,
        flags,
        (accounts, offsets, hour, nowDays, nowHour, hasAlarm, wasFired, wasMoved) => {
          const now = localDateTime(addDays('2027-03-28', nowDays), nowHour);
          const plan = planReminders(accounts, { offsets, hour });
          // Some alarms held at their time, some at a previous expiry's, one of an older version.
          const existing = [
            ...plan.flatMap((reminder, index) =>
              hasAlarm[index] ? [{ name: reminder.alarm, scheduledTime: reminder.when - (wasMoved[index] ? 86_400_000 : 0) }] : [],
            ),
            { name: 'reminder|old@pec.it|2026-01-01|0', scheduledTime: 0 },
          ];
          const fired = keysOf(plan).filter((_, index) => wasFired[index]);
          const first = reconcileReminders({ planned: plan, heldAlarms: existing, firedKeys: fired, now });

          const firedKeys = new Set(first.markFired);
          expect(keysOf(first.fireNow).every((name) => firedKeys.has(name))).toBe(true);
          const passwords = first.fireNow.map((reminder) => snoozeKey(reminder.address, reminder.expiry));
          expect(new Set(passwords).size).toBe(passwords.length);
          expect(first.create.every((reminder) => reminder.when > now.getTime() && !fired.includes(reminder.key))).toBe(true);

          const second = reconcileReminders({
            planned: plan,
            heldAlarms: applied(existing, first),
            firedKeys: [...fired, ...first.markFired],
            now,
          });
          expect(second).toEqual({ create: [], clear: [], fireNow: [], markFired: [] });
        },
      ),
      { numRuns: 1_000 },
    );
  });
});

describe('the cap: the soonest reminders hold the alarms', () => {
  const planned = planReminders([MARIO, STUDIO], DEFAULT_REMINDER_SETTINGS);
  const now = daysBefore(30);

  it('gives the budget to the soonest still to come, and a later alarm gives way to a sooner reminder', () => {
    const studioOnTheDay = alarmsOf(planned.filter((r) => r.key === key(STUDIO, 0)));
    const result = reconcileReminders({ planned, heldAlarms: studioOnTheDay, firedKeys: [], now, budget: 3 });
    expect(keysOf(result.create)).toEqual([key(MARIO, 14), key(STUDIO, 14), key(MARIO, 7)]);
    expect(result.clear).toEqual([alarm(STUDIO, 0)]);
  });

  it('orders reminders due at the same moment by alarm name, the same way every time', () => {
    const same = planReminders([STUDIO, MARIO], { offsets: [1], hour: 9 }).map((reminder) => ({ ...reminder, when: 0 }));
    expect([...same].sort(sooner).map((reminder) => reminder.address)).toEqual([MARIO.address, STUDIO.address]);
  });
});

describe('the horizon: alarms only for the reminders due before the midnight after next', () => {
  const planned = planReminders([MARIO, STUDIO], DEFAULT_REMINDER_SETTINGS);

  it('is the local midnight after the next one, across daylight-saving changes and month ends', () => {
    expect(alarmHorizon(localDateTime('2027-02-01', 9))).toEqual(localDateTime('2027-02-03', 0));
    expect(alarmHorizon(localDateTime('2027-02-01', 0))).toEqual(localDateTime('2027-02-03', 0));
    expect(alarmHorizon(localDateTime('2027-03-27', 23))).toEqual(localDateTime('2027-03-29', 0));
    expect(alarmHorizon(localDateTime('2027-10-30', 12))).toEqual(localDateTime('2027-11-01', 0));
    expect(alarmHorizon(localDateTime('2027-12-31', 18))).toEqual(localDateTime('2028-01-02', 0));
  });

  it('gives an alarm to the reminders due up to it, and clears those held beyond it (the 450 an earlier version held)', () => {
    const now = daysBefore(15);
    const result = reconcileReminders({ planned, heldAlarms: alarmsOf(planned), firedKeys: [], now, horizon: alarmHorizon(now).getTime() });
    expect(result.create).toEqual([]);
    expect(result.clear).toEqual(namesOf(alarmsOf(planned)).filter((name) => name !== alarm(MARIO, 14)));
    // Tomorrow's midnight pass: the day after's reminders get theirs.
    const tomorrow = localDateTime(addDays(localToday(now), 1), 0);
    const next = reconcileReminders({
      planned,
      heldAlarms: alarmsOf(planned.filter((r) => r.alarm === alarm(MARIO, 14))),
      firedKeys: [],
      now: tomorrow,
      horizon: alarmHorizon(tomorrow).getTime(),
    });
    expect(keysOf(next.create)).toEqual([]);
    const inAWeek = daysBefore(8, 0);
    const later = reconcileReminders({
      planned,
      heldAlarms: [],
      firedKeys: [key(MARIO, 14), key(STUDIO, 14)],
      now: inAWeek,
      horizon: alarmHorizon(inAWeek).getTime(),
    });
    expect(keysOf(later.create)).toEqual([key(MARIO, 7)]);
  });

  it('moves a renewed mailbox past it without a full pass: its alarms before it cleared, none created, whatever the others hold', () => {
    const now = daysBefore(1, 10);
    const horizon = alarmHorizon(now).getTime();
    const before = reconcileReminders({ planned, heldAlarms: [], firedKeys: [], now, horizon });
    expect(keysOf(before.create)).toEqual([key(MARIO, 0)]);
    const renewed = { address: MARIO.address, expiry: addDays(MARIO.expiry, 90) };
    const result = reconcileMailboxReminders({
      address: MARIO.address,
      planned: planReminders([renewed], DEFAULT_REMINDER_SETTINGS),
      heldAlarms: alarmsOf(before.create),
      firedKeys: [],
      now,
      budget: 450,
      horizon,
    });
    expect(result).toEqual({ create: [], clear: [alarm(MARIO, 0)], prune: [] });
  });
});

describe('reconcileMailboxReminders: one mailbox changed, the rest in line', () => {
  const OTHERS = ['a@pec.it', 'b@pec.it', 'c@pec.it'].map((address, index) => ({ address, expiry: addDays(MARIO.expiry, 10 * index) }));
  const now = daysBefore(30);
  const held = alarmsOf;
  /** The alarms a full reconcile leaves from nothing held: the head of the plan. */
  const fullFrom = (accounts: TrackedExpiry[], budget: number) =>
    reconcileReminders({ planned: planReminders(accounts, DEFAULT_REMINDER_SETTINGS), heldAlarms: [], firedKeys: [], now, budget }).create;

  it("moves the mailbox's alarms to its new expiry by creating them again (nothing of its own cleared), and the others' latest give way when it takes more", () => {
    const before = fullFrom([...OTHERS, MARIO], 12);
    const renewed = { address: MARIO.address, expiry: addDays(MARIO.expiry, -5) };
    const result = reconcileMailboxReminders({
      address: MARIO.address,
      planned: planReminders([renewed], DEFAULT_REMINDER_SETTINGS),
      heldAlarms: held(before),
      firedKeys: [],
      now,
      budget: 12,
    });
    expect(applied(held(before), result!)).toEqual(applied([], { create: fullFrom([...OTHERS, renewed], 12), clear: [] }));
    expect(result!.clear.filter((name) => name.startsWith(reminderPrefix(MARIO.address)))).toEqual([]);
    expect(result!.create.map((r) => r.alarm)).toEqual(namesOf(held(before)).filter((name) => name.startsWith(reminderPrefix(MARIO.address))));
  });

  it('says null when its reminders reach past the latest alarm held: only the whole plan knows what comes first', () => {
    const before = fullFrom([...OTHERS, MARIO], 6);
    const later = { address: MARIO.address, expiry: addDays(MARIO.expiry, 200) };
    const planned = planReminders([later], DEFAULT_REMINDER_SETTINGS);
    expect(reconcileMailboxReminders({ address: MARIO.address, planned, heldAlarms: held(before), firedKeys: [], now, budget: 6 })).toBeNull();
    // Alone, nothing held of others: the same.
    expect(reconcileMailboxReminders({ address: MARIO.address, planned, heldAlarms: [], firedKeys: [], now, budget: 6 })).toBeNull();
  });

  it("prunes the fired keys of the mailbox's earlier expiry, and keeps those of its current one", () => {
    const old = key({ address: MARIO.address, expiry: '2026-11-15' }, 7);
    const result = reconcileMailboxReminders({
      address: MARIO.address,
      planned: planReminders([MARIO], DEFAULT_REMINDER_SETTINGS),
      heldAlarms: held(planReminders(OTHERS, DEFAULT_REMINDER_SETTINGS)),
      firedKeys: [old, key(MARIO, 14)],
      now,
      budget: 100,
    });
    expect(result?.prune).toEqual([old]);
    expect(keysOf(result!.create)).not.toContain(key(MARIO, 14));
  });

  it('a mailbox no longer tracked gives back its alarms and its fired keys', () => {
    const before = fullFrom([...OTHERS, MARIO], 100);
    const result = reconcileMailboxReminders({
      address: MARIO.address,
      planned: [],
      heldAlarms: held(before),
      firedKeys: [key(MARIO, 14)],
      now,
      budget: 100,
    });
    expect(result).toEqual({ create: [], clear: namesOf(held(planReminders([MARIO], DEFAULT_REMINDER_SETTINGS))), prune: [key(MARIO, 14)] });
  });

  it('ends as the head of what a full reconcile holds, and the next midnight makes it the same (property)', () => {
    const address = fc.constantFrom('a@pec.it', 'b@pec.it', 'c@legalmail.it', 'd@pec.it', 'e@pec.it');
    const day = fc.integer({ min: -20, max: 60 }).map((days) => addDays('2027-03-28', days));
    const account = fc.record({ address, expiry: day, askDays: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }) });
    fc.assert(
      fc.property(
        fc.uniqueArray(account, { selector: (a) => a.address, maxLength: 5 }),
        address,
        fc.option(day, { nil: null }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: -10, max: 40 }),
        fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
        (accounts, changed, newExpiry, budget, nowDays, horizonDays) => {
          const settings = { offsets: [14, 7, 3, 1, 0], hour: 9 };
          const now = localDateTime(addDays('2027-03-28', nowDays), 10);
          // Any horizon, as long as every pass uses the same (none: every reminder to come).
          const horizon = horizonDays === null ? Infinity : alarmHorizon(localDateTime(addDays('2027-03-28', nowDays + horizonDays), 10)).getTime();
          const tracked = (list: typeof accounts) => list.map(({ askDays, ...rest }) => (askDays === undefined ? rest : { ...rest, askDays }));
          const pastKeys = (list: typeof accounts) => keysOf(planReminders(tracked(list), settings).filter((r) => r.when <= now.getTime()));

          // In line before: a full reconcile from nothing, every past reminder fired.
          const before = planReminders(tracked(accounts), settings);
          const fired = pastKeys(accounts);
          const heldBefore = held(reconcileReminders({ planned: before, heldAlarms: [], firedKeys: fired, now, budget, horizon }).create);

          // The capture: one mailbox gets a new expiry (or none); its past reminders are settled.
          const others = accounts.filter((a) => a.address !== changed);
          const mine =
            newExpiry === null ? [] : [{ address: changed, expiry: newExpiry, askDays: accounts.find((a) => a.address === changed)?.askDays }];
          const after = [...others, ...mine];
          const firedAfter = [...new Set([...fired, ...pastKeys(mine)])];

          const plannedAfter = planReminders(tracked(after), settings);
          const full = reconcileReminders({ planned: plannedAfter, heldAlarms: heldBefore, firedKeys: firedAfter, now, budget, horizon });
          const fullHeld = applied(heldBefore, full);

          const incremental = reconcileMailboxReminders({
            address: changed,
            planned: planReminders(tracked(mine), settings),
            heldAlarms: heldBefore,
            firedKeys: firedAfter.filter((k) => k.startsWith(reminderPrefix(changed))),
            now,
            budget,
            horizon,
          });
          if (incremental === null) return; // the caller reconciles everything: fullHeld, by definition
          const incrementalHeld = applied(heldBefore, incremental);
          const heldAs = (alarms: HeldAlarm[]) => alarms.map(({ name, scheduledTime }) => `${name}@${scheduledTime}`);

          // No alarm the full pass would not hold (nor at another time), none beyond the cap, and what is missing comes after every alarm held.
          expect(heldAs(incrementalHeld).filter((n) => !heldAs(fullHeld).includes(n))).toEqual([]);
          expect(incrementalHeld.length).toBeLessThanOrEqual(Math.max(budget, 0));
          const asReminder = ({ name, scheduledTime }: HeldAlarm) => ({ alarm: name, when: scheduledTime });
          const latest = incrementalHeld.map(asReminder).sort(sooner).at(-1);
          for (const missing of fullHeld.filter((a) => !heldAs(incrementalHeld).includes(heldAs([a])[0]!))) {
            expect(latest === undefined || sooner(asReminder(missing), latest) > 0).toBe(true);
          }
          // The next midnight (a full plan, nothing changed) tops up to exactly the full pass's alarms.
          const topUp = reconcileReminders({ planned: plannedAfter, heldAlarms: incrementalHeld, firedKeys: firedAfter, now, budget, horizon });
          expect(topUp.clear).toEqual([]);
          expect(applied(incrementalHeld, topUp)).toEqual(fullHeld);
          // The fired keys left are those of the plan.
          const prunedFired = firedAfter.filter((k) => !incremental.prune.includes(k));
          expect(prunedFired.filter((k) => k.startsWith(reminderPrefix(changed))).every((k) => keysOf(plannedAfter).includes(k))).toBe(true);
        },
      ),
      { numRuns: 1_000 },
    );
  });
});

describe('offsetsAhead', () => {
  const settings = { offsets: [14, 7, 3, 1, 0], hour: 9 };

  it('keeps the reminders whose time is still to come, largest first', () => {
    expect(offsetsAhead('2027-02-15', settings, new Date('2027-02-12T08:00:00'))).toEqual([3, 1, 0]);
    expect(offsetsAhead('2027-02-15', settings, new Date('2027-02-12T10:00:00'))).toEqual([1, 0]);
    expect(offsetsAhead('2027-02-15', { offsets: [0, 30, 7], hour: 9 }, new Date('2027-01-01T10:00:00'))).toEqual([30, 7, 0]);
    expect(offsetsAhead('2027-02-15', settings, new Date('2027-02-15T09:00:00'))).toEqual([]);
  });
});

describe('planSnooze', () => {
  it.each([
    [new Date(2027, 1, 15, 9, 0), '2027-02-16'],
    [new Date(2027, 1, 15, 0, 5), '2027-02-16'],
    [new Date(2027, 1, 15, 23, 59), '2027-02-16'],
    [new Date(2027, 1, 28, 12), '2027-03-01'],
    [new Date(2028, 1, 28, 12), '2028-02-29'],
    [new Date(2027, 2, 27, 12), '2027-03-28'],
    [new Date(2027, 9, 30, 12), '2027-10-31'],
  ])('from %s comes back on %s at the reminder hour', (now, day) => {
    const snooze = planSnooze(MARIO.address, MARIO.expiry, { hour: 9 }, now);
    expect(snooze).toEqual({ name: snoozeKey(MARIO.address, MARIO.expiry), when: localDateTime(day, 9).getTime() });
    expect(new Date(snooze.when).getHours()).toBe(9);
  });
});

describe("an office's lead time", () => {
  it('adds a reminder on the day to ask the client, once even when it is also an offset', () => {
    const settings = { offsets: [14, 7, 3, 1, 0], hour: 9 };
    const offsetsOf = (askDays: number) =>
      planReminders([{ address: 'cliente@pec.it', expiry: '2027-02-15', askDays }], settings).map((reminder) => reminder.offset);
    expect(offsetsOf(10).sort((a, b) => b - a)).toEqual([14, 10, 7, 3, 1, 0]);
    expect(offsetsOf(7)).toHaveLength(5);
  });
});
