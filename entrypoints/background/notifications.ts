import { browser } from 'wxt/browser';
import { daysBetween, formatItalianDate, localToday, type IsoDate } from '@/utils/dates/calendar-date';
import { daysLeftPhrase } from '@/utils/dates/days-left-phrase';
import { t } from '@/utils/i18n/translate';
import type { TrackedExpiry } from '@/utils/reminders/reminder-plan';
import { mailboxName } from '@/utils/store/unnamed-mailbox';

const NOTIFICATION_PREFIX = 'notify|';

export function notificationId(address: string, expiry: IsoDate): string {
  return `${NOTIFICATION_PREFIX}${address}|${expiry}`;
}

export function parseNotificationId(id: string): { address: string; expiry: IsoDate } | null {
  const [prefix, address, expiry, ...rest] = id.split('|');
  if (`${prefix}|` !== NOTIFICATION_PREFIX || !address || !expiry || rest.length) return null;
  return { address, expiry };
}

/** The one notification standing for several reminders due at once; a click opens the due-list. */
export const SUMMARY_NOTIFICATION_ID = 'notify-summary';

const SUMMARY_NAMES = 3;

/**
 * Several reminders due at the same moment (an office's clients): one notification, not one each.
 * `names`: whether it names the mailboxes; the title counts them either way.
 */
async function showSummaryNotification(due: readonly TrackedExpiry[], now: Date, names: boolean): Promise<void> {
  const today = localToday(now);
  const farthest = Math.max(...due.map(({ expiry }) => daysBetween(today, expiry)));
  const count = String(due.length);
  const list = due
    .slice(0, SUMMARY_NAMES)
    .map(({ address }) => mailboxName(t, address))
    .join(', ');
  const more = due.length - SUMMARY_NAMES;
  await browser.notifications.create(SUMMARY_NOTIFICATION_ID, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: farthest < 7 ? t('officeSummaryWeek', count) : t('officeSummaryDays', [count, String(farthest)]),
    message: names ? t('officeSummaryMessage', more > 0 ? t('officeSummaryMore', [list, String(more)]) : list) : t('officeSummaryMessageNoNames'),
  });
}

/**
 * The reminders due now: one notification for a single password, a summary for two or more.
 * `names` (Settings.namesInNotifications): whether they name the mailboxes, which a locked screen shows.
 */
export function showReminders(due: readonly TrackedExpiry[], now: Date, names: boolean): Promise<void> {
  if (due.length >= 2) return showSummaryNotification(due, now, names);
  return due.length === 1 ? showReminderNotification(due[0]!.address, due[0]!.expiry, now, names) : Promise.resolve();
}

/** Button order on Chrome; Firefox shows no buttons, so a click on the notification renews. */
export const NOTIFICATION_BUTTONS = ['renew', 'snooze'] as const;

export async function showReminderNotification(address: string, expiry: IsoDate, now: Date, names: boolean): Promise<void> {
  const daysLeft = daysBetween(localToday(now), expiry);
  const title = daysLeft < 0 ? t('notificationTitleExpired') : t('notificationTitle', daysLeftPhrase(t, daysLeft));
  await browser.notifications.create(notificationId(address, expiry), {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title,
    message: t('notificationMessage', [names ? mailboxName(t, address) : t('notificationOneMailbox'), formatItalianDate(expiry)]),
    ...(import.meta.env.FIREFOX ? {} : { buttons: [{ title: t('actionRenewNow') }, { title: t('actionRemindTomorrow') }], requireInteraction: true }),
  });
}
