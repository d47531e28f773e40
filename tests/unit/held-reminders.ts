import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addDays, localDateTime, type IsoDate } from '@/utils/dates/calendar-date';
import { DEFAULT_REMINDER_SETTINGS, reminderAlarmName, type HeldAlarm } from '@/utils/reminders/reminder-plan';
import { alarmsAsReminders } from '../harness/alarm-names';

/** The reminders whose alarms the (fake) browser holds, as their keys: see alarmsAsReminders. */
export async function remindersHeld(): Promise<string[]> {
  return alarmsAsReminders(await fakeBrowser.alarms.getAll()).filter((name) => name.startsWith('reminder|'));
}

/** The alarm of a reminder as the browser hands it to onAlarm, at the default hour. */
export function reminderAlarm(address: string, expiry: IsoDate, offset: number): HeldAlarm {
  return {
    name: reminderAlarmName(address, offset),
    scheduledTime: localDateTime(addDays(expiry, -offset), DEFAULT_REMINDER_SETTINGS.hour).getTime(),
  };
}

/**
 * The reminders holding an alarm once the midnight pass (the background's onMidnight) has run at
 * the start of the day before `day`: alarms cover the next two days (alarmHorizon), so that pass
 * gives the reminders due on `day` theirs.
 */
export async function remindersHeldBefore(onMidnight: (now: Date) => Promise<void>, day: IsoDate): Promise<string[]> {
  await onMidnight(localDateTime(addDays(day, -1), 0));
  return remindersHeld();
}
