/// <reference types="chrome" />
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, expect, test as base, type BrowserContext, type Worker } from '@playwright/test';
// @ts-expect-error -- plain JS module shared with the demo and the benchmark
import { CHROMIUM_PATH, QUIET_CHROMIUM_ARGS } from '../../scripts/chromium.mjs';
import { routeArubaToFixtures } from '../fixtures/route-aruba';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

export interface LoadedExtension {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  /** Non-Aruba requests that were aborted: a test fails if anything lands here. */
  blocked: string[];
}

function chromiumLocaleEnv(locale: string): Record<string, string> {
  const posix = `${locale.replace('-', '_')}.UTF-8`;
  return { ...(process.env as Record<string, string>), LANGUAGE: locale.replace('-', '_'), LANG: posix, LC_ALL: posix };
}

/** Launches Chromium with the built extension on a (possibly reused) profile directory. */
export async function launchWithExtension(userDataDir: string, locale = 'it-IT'): Promise<LoadedExtension> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    locale,
    // Chromium on Linux takes its UI language, and so the extension's locale, from the
    // environment (and needs Debian's chromium-l10n for any language but English).
    env: chromiumLocaleEnv(locale),
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      `--lang=${locale}`,
      ...QUIET_CHROMIUM_ARGS,
    ],
  });
  const blocked: string[] = [];
  await routeArubaToFixtures(context, blocked);
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  return { context, serviceWorker, extensionId, blocked };
}

interface ExtensionFixtures {
  profileDir: string;
  extension: LoadedExtension;
  uiLocale: string;
}

/** One fresh profile and browser per test; the test fails if any non-Aruba request was attempted. */
export const test = base.extend<ExtensionFixtures>({
  uiLocale: ['it-IT', { option: true }],
  profileDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'pec-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  extension: async ({ profileDir, uiLocale }, use) => {
    const extension = await launchWithExtension(profileDir, uiLocale);
    await use(extension);
    await extension.context.close();
    expect(extension.blocked, 'requests outside Aruba were attempted').toEqual([]);
  },
});

export { expect };

/** Reads the toolbar badge text from inside the service worker. */
export function badgeText(serviceWorker: Worker, tabId?: number): Promise<string> {
  return serviceWorker.evaluate((id) => chrome.action.getBadgeText(id === undefined ? {} : { tabId: id }), tabId);
}

/** Starts a renewal the way the popup and notifications do, so the guide runs whatever is stored. */
export async function startRenewal(extension: LoadedExtension): Promise<void> {
  const page = await extension.context.newPage();
  await page.goto(`chrome-extension://${extension.extensionId}/popup.html`);
  const opened = extension.context.waitForEvent('page');
  await page.evaluate(() => chrome.runtime.sendMessage({ type: 'start-renewal', address: null }));
  await (await opened).close();
  await page.close();
}

/**
 * Records every message the background receives, and every console line of the extension and
 * its pages, so a test can prove what never travelled or was never logged.
 */
export async function recordMessages(extension: LoadedExtension): Promise<() => Promise<unknown[]>> {
  await extension.serviceWorker.evaluate(() => {
    const seen: unknown[] = [];
    (globalThis as unknown as { __seenMessages: unknown[] }).__seenMessages = seen;
    chrome.runtime.onMessage.addListener((message) => {
      seen.push(message);
    });
  });
  return () => extension.serviceWorker.evaluate(() => (globalThis as unknown as { __seenMessages: unknown[] }).__seenMessages);
}

/** Everything the extension keeps: IndexedDB and every storage area, as one string. */
export function extensionState(serviceWorker: Worker): Promise<string> {
  return serviceWorker.evaluate(async () => {
    const dump: unknown[] = [await chrome.storage.local.get(null), await chrome.storage.session.get(null)];
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name!);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const name of db.objectStoreNames) {
        const records = await new Promise((resolve) => {
          const request = db.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => resolve(request.result);
        });
        dump.push({ [name]: records });
      }
      db.close();
    }
    return JSON.stringify(dump);
  });
}
