import { addDays, localToday } from '../../utils/dates/calendar-date';
import { parseReminderAlarmName } from '../../utils/reminders/reminder-plan';

/**
 * The alarms held as the tests read them: a reminder's alarm, named without its expiry, as the
 * key of the reminder it stands for (reminder|address|expiry|offset), told by the day it is due,
 * `offset` days before the expiry; every other alarm by its name.
 */
export function alarmsAsReminders(alarms: readonly { name: string; scheduledTime: number }[]): string[] {
  return alarms.map(({ name, scheduledTime }) => {
    const alarm = parseReminderAlarmName(name);
    return alarm ? `reminder|${alarm.address}|${addDays(localToday(new Date(scheduledTime)), alarm.offset)}|${alarm.offset}` : name;
  });
}
