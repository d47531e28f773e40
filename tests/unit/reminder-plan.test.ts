import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, localDateTime, localToday } from '@/utils/dates/calendar-date';
import {
  offsetsAhead,
  DEFAULT_REMINDER_SETTINGS,
  parseReminderKey,
  parseSnoozeKey,
  planReminders,
  planSnooze,
  reconcileReminders,
  reminderKey,
  snoozeKey,
  type PlannedReminder,
  type TrackedExpiry,
} from '@/utils/reminders/reminder-plan';

const MARIO: TrackedExpiry = { address: 'mario.rossi@pec.it', expiry: '2027-02-15' };
const STUDIO: TrackedExpiry = { address: 'studio@legalmail.it', expiry: '2027-02-20' };

/** 9:00 local time, `days` days before Mario's expiry. */
const daysBefore = (days: number, hour = 9) => localDateTime(addDays(MARIO.expiry, -days), hour);
const keysOf = (reminders: PlannedReminder[]) => reminders.map((reminder) => reminder.key);
const key = (account: TrackedExpiry, offset: number) => reminderKey(account.address, account.expiry, offset);

describe('reminder and snooze keys', () => {
  it('name alarms reminder|address|expiry|offset and snooze|address|expiry', () => {
    expect(key(MARIO, 7)).toBe('reminder|mario.rossi@pec.it|2027-02-15|7');
    expect(snoozeKey(MARIO.address, MARIO.expiry)).toBe('snooze|mario.rossi@pec.it|2027-02-15');
  });

  it('read back what they wrote', () => {
    expect(parseReminderKey(key(MARIO, 0))).toEqual({ ...MARIO, offset: 0 });
    expect(parseReminderKey(key(MARIO, -1))).toEqual({ ...MARIO, offset: -1 });
    expect(parseSnoozeKey(snoozeKey(MARIO.address, MARIO.expiry))).toEqual(MARIO);
  });

  it.each([
    'snooze|mario.rossi@pec.it|2027-02-15',
    'reminder|mario.rossi@pec.it|2027-02-15',
    'reminder|mario.rossi@pec.it|2027-02-15|7|x',
    'reminder||2027-02-15|7',
    'reminder|mario.rossi@pec.it|2027-02-30|7',
    'reminder|mario.rossi@pec.it|2027-02-15|1.5',
    'reminder|mario.rossi@pec.it|2027-02-15|',
    'badge-refresh',
  ])('reject %j as a reminder key', (name) => {
    expect(parseReminderKey(name)).toBeNull();
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

  it('plans nothing without accounts or offsets', () => {
    expect(planReminders([], DEFAULT_REMINDER_SETTINGS)).toEqual([]);
    expect(planReminders([MARIO], { offsets: [], hour: 9 })).toEqual([]);
  });
});

describe('reconcileReminders', () => {
  const planned = planReminders([MARIO, STUDIO], DEFAULT_REMINDER_SETTINGS);
  const reconcile = (now: Date, options: { existing?: string[]; fired?: string[]; snoozed?: string[] } = {}) =>
    reconcileReminders({
      planned,
      existingAlarmNames: options.existing ?? [],
      firedKeys: options.fired ?? [],
      now,
      snoozed: options.snoozed,
    });

  it('creates every future alarm on a first start', () => {
    const result = reconcile(daysBefore(30));
    expect(result).toEqual({ create: planned, clear: [], fireNow: [], markFired: [] });
  });

  it('creates only the alarms the browser lost', () => {
    const existing = [key(MARIO, 14), key(STUDIO, 0)];
    const result = reconcile(daysBefore(30), { existing });
    expect(keysOf(result.create)).toEqual(keysOf(planned).filter((name) => !existing.includes(name)));
    expect(result.clear).toEqual([]);
  });

  it('clears stale reminder and snooze alarms and leaves the rest alone', () => {
    const oldMario = { address: MARIO.address, expiry: '2026-11-15' };
    const existing = [
      key(oldMario, 7),
      reminderKey('gone@pec.it', '2027-02-15', 3),
      key(MARIO, 14), // fired already
      key(MARIO, 7),
      snoozeKey(oldMario.address, oldMario.expiry),
      snoozeKey(STUDIO.address, STUDIO.expiry),
      'badge-refresh',
    ];
    const result = reconcile(daysBefore(10), { existing, fired: [key(MARIO, 14)] });
    expect(result.clear).toEqual([
      key(oldMario, 7),
      reminderKey('gone@pec.it', '2027-02-15', 3),
      key(MARIO, 14),
      snoozeKey(oldMario.address, oldMario.expiry),
    ]);
    expect(keysOf(result.create)).not.toContain(key(MARIO, 7));
  });

  it('treats a reminder due this very millisecond as missed', () => {
    const result = reconcile(daysBefore(14), { existing: keysOf(planned) });
    expect(keysOf(result.fireNow)).toEqual([key(MARIO, 14)]);
    expect(result.clear).toEqual([key(MARIO, 14)]);
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
        (accounts, offsets, hour, nowDays, nowHour, hasAlarm, wasFired) => {
          const now = localDateTime(addDays('2027-03-28', nowDays), nowHour);
          const plan = planReminders(accounts, { offsets, hour });
          const existing = [...keysOf(plan).filter((_, index) => hasAlarm[index]), 'reminder|old@pec.it|2026-01-01|0'];
          const fired = keysOf(plan).filter((_, index) => wasFired[index]);
          const first = reconcileReminders({ planned: plan, existingAlarmNames: existing, firedKeys: fired, now });

          const firedKeys = new Set(first.markFired);
          expect(keysOf(first.fireNow).every((name) => firedKeys.has(name))).toBe(true);
          const passwords = first.fireNow.map((reminder) => snoozeKey(reminder.address, reminder.expiry));
          expect(new Set(passwords).size).toBe(passwords.length);
          expect(first.create.every((reminder) => reminder.when > now.getTime() && !fired.includes(reminder.key))).toBe(true);

          const alarms = [...existing.filter((name) => !first.clear.includes(name)), ...keysOf(first.create)];
          const second = reconcileReminders({
            planned: plan,
            existingAlarmNames: alarms,
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
