import { addDays, daysBetween, formatItalianDate, localToday } from '../../utils/dates/calendar-date';
import { fixtureDayShift } from '../harness/fixture-dates';
import { reminderAlarmName } from '../../utils/reminders/reminder-plan';
import { alarmsAsReminders } from '../harness/alarm-names';
import { badgeText, expect, launchWithExtension, test } from './extension';
import { chipText } from './walk';

const CURRENT_EXPIRY = () => addDays('2027-02-15', fixtureDayShift());

async function captureCurrentExpiry(context: import('@playwright/test').BrowserContext) {
  const page = await context.newPage();
  await page.goto('https://gestionemail.pec.it/sicurezza-e-password');
  await expect.poll(() => chipText(page)).toContain(`Scadenza registrata per mario.rossi@pec.it: ${formatItalianDate(CURRENT_EXPIRY())}`);
  await page.close();
}

test('badge, title and alarms survive a browser restart with the same profile', async ({ extension, profileDir }) => {
  await captureCurrentExpiry(extension.context);
  const days = String(daysBetween(localToday(new Date()), CURRENT_EXPIRY()));
  await expect.poll(() => badgeText(extension.serviceWorker)).toBe(days);
  await extension.context.close();

  const again = await launchWithExtension(profileDir);
  try {
    await expect.poll(() => badgeText(again.serviceWorker)).toBe(days);
    const title = await again.serviceWorker.evaluate(() => chrome.action.getTitle({}));
    expect(title).toContain(`mario.rossi@pec.it: scade il ${formatItalianDate(CURRENT_EXPIRY())}`);
    const names = alarmsAsReminders(await again.serviceWorker.evaluate(() => chrome.alarms.getAll()));
    // Its reminders are weeks away: the midnight alarm, whose pass gives each its alarm two days ahead.
    expect(names).toEqual(['badge-midnight']);
    expect(again.blocked).toEqual([]);
  } finally {
    await again.context.close();
  }
});

test('a reminder alarm that comes due shows a notification with the account, date and days left', async ({ extension }) => {
  await captureCurrentExpiry(extension.context);
  const expiry = CURRENT_EXPIRY();
  const name = reminderAlarmName('mario.rossi@pec.it', 14);
  // The real alarm, brought forward: the browser fires it and the background handles it.
  await extension.serviceWorker.evaluate((alarm) => chrome.alarms.create(alarm, { when: Date.now() + 200 }), name);
  const notifications = () => extension.serviceWorker.evaluate(() => chrome.notifications.getAll());
  await expect.poll(async () => Object.keys(await notifications())).toEqual([`notify|mario.rossi@pec.it|${expiry}`]);
});

test('two Aruba tabs capturing at once leave one record per mailbox, and the badge follows it', async ({ extension }) => {
  const [a, b] = await Promise.all([extension.context.newPage(), extension.context.newPage()]);
  await Promise.all([
    a.goto('https://gestionemail.pec.it/sicurezza-e-password'),
    b.goto('https://account.aruba.it/pec?stato=in-scadenza#/password-programmi'),
  ]);
  await expect.poll(() => chipText(a)).toContain('Scadenza registrata');
  await expect.poll(() => chipText(b)).toContain('Scadenza registrata');
  const accounts = await extension.serviceWorker.evaluate(
    () =>
      new Promise<{ address: string; expiry: string; capturedAt: number }[]>((resolve) => {
        const open = indexedDB.open('pec-password-assistant');
        open.onsuccess = () => {
          const request = open.result.transaction('accounts').objectStore('accounts').getAll();
          request.onsuccess = () => resolve(request.result);
        };
      }),
  );
  expect(accounts).toHaveLength(1);
  const renewals = [CURRENT_EXPIRY(), addDays('2026-11-28', fixtureDayShift())];
  expect(renewals).toContain(accounts[0]!.expiry);
  const days = String(daysBetween(localToday(new Date()), accounts[0]!.expiry));
  await expect.poll(() => badgeText(extension.serviceWorker)).toBe(accounts[0]!.expiry < localToday(new Date()) ? '!' : days);
});
