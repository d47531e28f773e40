import { browser } from 'wxt/browser';
import type { HeldAlarm } from '@/utils/reminders/reminder-plan';

/*
 * The alarms the browser holds for the extension, as this worker last read them and changed them
 * since. A capture needs them all (reconcileMailboxReminders: which reminders hold one, and how
 * far they reach), and reading the 450 an office's reminders held before alarmHorizon cost the
 * worker a millisecond each time (issue 17). The full pass and midnight read them afresh; every
 * create and clear goes through here; an alarm that fired is gone (the browser drops a one-time
 * alarm once it has fired).
 */

let held: Promise<Map<string, number>> | undefined;

const listOf = (alarms: Map<string, number>): HeldAlarm[] => Array.from(alarms, ([name, scheduledTime]) => ({ name, scheduledTime }));

/** Changes the copy once it is read, before any later reader sees it. */
function change(edit: (alarms: Map<string, number>) => void): void {
  void held?.then(edit, () => undefined);
}

/** Every alarm, read from the browser. */
export async function readAlarms(): Promise<HeldAlarm[]> {
  const reading = browser.alarms.getAll().then((alarms) => new Map(alarms.map((alarm) => [alarm.name, alarm.scheduledTime])));
  held = reading;
  // A failed read is tried again at the next use.
  void reading.catch(() => {
    if (held === reading) held = undefined;
  });
  return listOf(await reading);
}

/** Every alarm, as last read and changed here. */
export async function knownAlarms(): Promise<HeldAlarm[]> {
  return held ? listOf(await held) : readAlarms();
}

export function createAlarm(name: string, when: number): Promise<void> {
  change((alarms) => alarms.set(name, when));
  return browser.alarms.create(name, { when });
}

export async function clearAlarm(name: string): Promise<void> {
  change((alarms) => alarms.delete(name));
  await browser.alarms.clear(name);
}

/**
 * The alarm fired: called when its event arrives, before anything else reads the alarms. Gone
 * unless created again since under its name for another time (a reminder's alarm is named
 * without its expiry: a renewal may create it again while this event waits).
 */
export function alarmFired({ name, scheduledTime }: HeldAlarm): void {
  change((alarms) => {
    if (alarms.get(name) === scheduledTime) alarms.delete(name);
  });
}
