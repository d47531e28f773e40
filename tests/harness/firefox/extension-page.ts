import type { Browser, Page } from 'puppeteer-core';
import { dumpExtensionStores, recordedMessages, recordMessagesHere } from '../extension-probes';
import { navigate } from './bidi';
import { EXTENSION_ORIGIN } from './launch';
import { alarmsAsReminders } from '../alarm-names';

/** The WebExtension API as Firefox gives it to extension pages, with promises. */
type WebExtensionApi = typeof import('webextension-polyfill');
type ExtensionGlobals = { browser: WebExtensionApi };

/**
 * Opens one of the add-on's pages in a new tab. From there the test asks what the background
 * set (badge, alarms, notifications): Firefox's background page is not a WebDriver target.
 */
export async function openExtensionPage(browser: Browser, path: 'popup.html' | 'options.html'): Promise<Page> {
  const page = await browser.newPage();
  await navigate(page, `${EXTENSION_ORIGIN}/${path}`);
  return page;
}

/** Resolves with the next tab the browser opens (call it before what opens the tab). */
export function nextTab(browser: Browser): Promise<Page> {
  return new Promise((resolve, reject) => {
    browser.once('targetcreated', (target) => {
      target.page().then((page) => (page ? resolve(page) : reject(new Error(`${target.url()} is not a tab`))), reject);
    });
  });
}

export function badgeText(page: Page): Promise<string> {
  return page.evaluate(() => (globalThis as unknown as ExtensionGlobals).browser.browserAction.getBadgeText({}));
}

export function badgeTitle(page: Page): Promise<string> {
  return page.evaluate(() => (globalThis as unknown as ExtensionGlobals).browser.browserAction.getTitle({}));
}

/** The alarms the add-on holds, a reminder's as the key of the reminder it stands for (alarmsAsReminders). */
export async function alarmsHeld(page: Page): Promise<string[]> {
  return alarmsAsReminders(
    await page.evaluate(async () =>
      (await (globalThis as unknown as ExtensionGlobals).browser.alarms.getAll()).map(({ name, scheduledTime }) => ({ name, scheduledTime })),
    ),
  );
}

/** The real alarm, brought forward: Firefox fires it and the background handles it. */
export function fireAlarmSoon(page: Page, name: string): Promise<void> {
  return page.evaluate((alarm) => (globalThis as unknown as ExtensionGlobals).browser.alarms.create(alarm, { when: Date.now() + 200 }), name);
}

/** The notifications the add-on shows, by id, with their title and message. */
export function notifications(page: Page): Promise<Record<string, { title?: string; message?: string }>> {
  return page.evaluate(() => (globalThis as unknown as ExtensionGlobals).browser.notifications.getAll());
}

/** Starts a renewal the way the popup and notifications do, and closes the tab it opens. */
export async function startRenewal(browser: Browser, page: Page): Promise<void> {
  const opened = nextTab(browser);
  await page.evaluate(() => (globalThis as unknown as ExtensionGlobals).browser.runtime.sendMessage({ type: 'start-renewal', address: null }));
  await (await opened).close();
}

/** Everything the extension keeps: IndexedDB and every storage area, as one string. */
export function extensionState(page: Page): Promise<string> {
  return page.evaluate(dumpExtensionStores);
}

/**
 * Records every message the content scripts send: an open extension page receives them as the
 * background does. Keep the page open while recording.
 */
export async function recordMessages(page: Page): Promise<() => Promise<unknown[]>> {
  await page.evaluate(recordMessagesHere);
  return () => page.evaluate(recordedMessages);
}

/** A console line from the background page, to show that its console reaches the captured output. */
export function logFromBackground(page: Page, line: string): Promise<void> {
  return page.evaluate(async (text) => {
    const background = await (globalThis as unknown as ExtensionGlobals).browser.runtime.getBackgroundPage();
    (background as unknown as typeof globalThis | null)?.console.log(text);
  }, line);
}
