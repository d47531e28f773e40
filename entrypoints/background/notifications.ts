import { browser } from 'wxt/browser';
import { daysBetween, formatItalianDate, localToday, type IsoDate } from '@/utils/calendar-date';
import { daysLeftPhrase } from '@/utils/days-left-phrase';
import { t } from '@/utils/i18n';

const NOTIFICATION_PREFIX = 'notify|';

export function notificationId(address: string, expiry: IsoDate): string {
  return `${NOTIFICATION_PREFIX}${address}|${expiry}`;
}

export function parseNotificationId(id: string): { address: string; expiry: IsoDate } | null {
  const [prefix, address, expiry, ...rest] = id.split('|');
  if (`${prefix}|` !== NOTIFICATION_PREFIX || !address || !expiry || rest.length) return null;
  return { address, expiry };
}

/** Button order on Chrome; Firefox shows no buttons, so a click on the notification renews. */
export const NOTIFICATION_BUTTONS = ['renew', 'snooze'] as const;

export async function showReminderNotification(address: string, expiry: IsoDate, now: Date): Promise<void> {
  const daysLeft = daysBetween(localToday(now), expiry);
  const title = daysLeft < 0 ? t('notificationTitleExpired') : t('notificationTitle', daysLeftPhrase(t, daysLeft));
  await browser.notifications.create(notificationId(address, expiry), {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title,
    message: t('notificationMessage', [address, formatItalianDate(expiry)]),
    ...(import.meta.env.FIREFOX
      ? {}
      : { buttons: [{ title: t('actionRenewNow') }, { title: t('actionRemindTomorrow') }], requireInteraction: true }),
  });
}
