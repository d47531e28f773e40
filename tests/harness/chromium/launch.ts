/// <reference types="chrome" />
import { resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { CHROMIUM_PATH, QUIET_CHROMIUM_ARGS } from './chromium';
import { dumpExtensionStores, recordedMessages, recordMessagesHere } from '../extension-probes';
import { routeArubaToFixtures } from './route';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../../.output/chrome-mv3');

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

/** Chromium on a profile directory, Aruba's URLs served from the replicas, every other request aborted. */
async function launchRouted(userDataDir: string, locale: string, headless: boolean, extensionArgs: string[]) {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless,
    locale,
    // Chromium on Linux takes its UI language, and so the extension's locale, from the
    // environment (and needs Debian's chromium-l10n for any language but English).
    env: chromiumLocaleEnv(locale),
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [...extensionArgs, `--lang=${locale}`, ...QUIET_CHROMIUM_ARGS],
  });
  const blocked: string[] = [];
  await routeArubaToFixtures(context, blocked);
  return { context, blocked };
}

/**
 * Launches Chromium with the built extension on a (possibly reused) profile directory, Aruba's
 * URLs served from the replica pages and every other request aborted. Used by the e2e tests,
 * the demo and the benchmark (which loads its own copy of the build, safe from a rebuild).
 */
export async function launchWithExtension(
  userDataDir: string,
  locale = 'it-IT',
  headless = true,
  extensionDir = EXTENSION_DIR,
): Promise<LoadedExtension> {
  const { context, blocked } = await launchRouted(userDataDir, locale, headless, [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
  ]);
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  return { context, serviceWorker, extensionId, blocked };
}

/** The same Chromium, flags and routing without the extension: the benchmark's baseline. */
export function launchWithoutExtension(
  userDataDir: string,
  locale = 'it-IT',
  headless = true,
): Promise<{ context: BrowserContext; blocked: string[] }> {
  return launchRouted(userDataDir, locale, headless, []);
}

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
  await extension.serviceWorker.evaluate(recordMessagesHere);
  return () => extension.serviceWorker.evaluate(recordedMessages);
}

/** Everything the extension keeps: IndexedDB and every storage area, as one string. */
export function extensionState(serviceWorker: Worker): Promise<string> {
  return serviceWorker.evaluate(dumpExtensionStores);
}
