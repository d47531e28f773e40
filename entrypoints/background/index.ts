import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { answerMessage } from './messages';
import { NOTIFICATION_BUTTONS, parseNotificationId, SUMMARY_NOTIFICATION_ID } from './notifications';
import { MIDNIGHT_ALARM, onMidnight, onReminderAlarm, reconcile, snooze, startOfWorker } from './reminders';
import { startRenewal } from './renewal';
import { noteTabOpened } from './tab-context';

export default defineBackground(() => {
  // Every listener is registered synchronously: an await before addListener loses the event
  // that woke the service worker.
  // Who may say what, and the answers: messages.ts. Refused messages get no answer.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the webextension-polyfill (this bundle has it) replies with what the promise resolves to
  browser.runtime.onMessage.addListener(answerMessage);

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === MIDNIGHT_ALARM) void onMidnight();
    else void onReminderAlarm(alarm);
  });

  browser.notifications.onClicked.addListener((id) => {
    if (id === SUMMARY_NOTIFICATION_ID) {
      void browser.notifications.clear(id);
      void browser.tabs.create({ url: browser.runtime.getURL('/due-list.html') });
      return;
    }
    const target = parseNotificationId(id);
    if (!target) return;
    void browser.notifications.clear(id);
    void startRenewal(target.address);
  });

  // Firefox has no notification buttons; the click above does the renewal there.
  browser.notifications.onButtonClicked?.addListener((id, index) => {
    const target = parseNotificationId(id);
    if (!target) return;
    void browser.notifications.clear(id);
    if (NOTIFICATION_BUTTONS[index] === 'snooze') void snooze(target.address, target.expiry);
    else void startRenewal(target.address);
  });

  // «Sicurezza e password» and Gestione account open new tabs: which tab opened which is known
  // only now (the browser may forget it later), and tells whose expiry the new tab shows.
  browser.tabs.onCreated.addListener((tab) => {
    if (tab.id !== undefined && tab.openerTabId !== undefined) void noteTabOpened(tab.id, tab.openerTabId);
  });

  browser.runtime.onInstalled.addListener(() => void reconcile());
  browser.runtime.onStartup.addListener(() => void reconcile());
  // Every service-worker start: its language, and the full pass once per browser session.
  void startOfWorker();
});
