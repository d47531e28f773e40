import { existsSync } from 'node:fs';
import { cp, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { FIREFOX_PATH } from './firefox';
import { routeArubaToFixtures } from './route';

export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../../.output/firefox-mv2');

/**
 * The add-on's internal UUID, fixed through a pref so that its pages have a known address
 * (Firefox draws a random one per profile otherwise).
 */
const EXTENSION_UUID = '0d7a4c1e-5b2f-4e8a-9c3d-6f1b2a7e8d90';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

export interface FirefoxWithExtension {
  browser: Browser;
  /** Non-Aruba requests that were aborted: a test fails if anything lands here. */
  blocked: string[];
  /** Everything Firefox printed, the console of every page, content script and the background page included. */
  output: string[];
}

async function geckoId(): Promise<string> {
  const manifest = JSON.parse(await readFile(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8'));
  return manifest.browser_specific_settings.gecko.id;
}

/**
 * Puts the built add-on into a new profile, as a sideloaded extension: unlike one installed over
 * WebDriver (a temporary add-on), it is still there when Firefox starts again on the profile,
 * untouched, as a user's add-on is across restarts.
 */
async function installIntoProfile(profileDir: string, id: string): Promise<void> {
  const target = join(profileDir, 'extensions', id);
  if (!existsSync(target)) await cp(FIREFOX_EXTENSION_DIR, target, { recursive: true });
}

/**
 * Launches Debian's Firefox ESR, headless, on a (possibly reused) profile with the built add-on,
 * in the given UI language; Aruba's URLs are served from the replica pages and every other
 * request is aborted.
 */
export async function launchFirefox(profileDir: string, uiLocale = 'it-IT'): Promise<FirefoxWithExtension> {
  const id = await geckoId();
  await installIntoProfile(profileDir, id);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    userDataDir: profileDir,
    timeout: 60_000,
    // Firefox refuses WebDriver navigation to moz-extension:// pages without it.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [id]: EXTENSION_UUID }),
      // Debian's ESR loads an unsigned add-on from the profile when told to.
      'xpinstall.signatures.required': false,
      // The UI language, and so the extension's (Italian needs firefox-esr-l10n-it).
      'intl.locale.requested': uiLocale,
      'intl.accept_languages': uiLocale,
      // Firefox's own notification windows, not the desktop's (absent here): with them the
      // notifications stay listed by notifications.getAll.
      'alerts.useSystemBackend': false,
      // Every console line of pages, content scripts and the extension goes to stdout.
      'devtools.console.stdout.content': true,
      'devtools.console.stdout.chrome': true,
      // Nothing may reach the network: a request that escaped the interception would go to a
      // proxy that is not there.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.allow_hijacking_localhost': true,
    },
  });
  const output: string[] = [];
  const firefox = browser.process();
  firefox?.stdout?.on('data', (chunk) => output.push(String(chunk)));
  firefox?.stderr?.on('data', (chunk) => output.push(String(chunk)));
  const blocked: string[] = [];
  await routeArubaToFixtures(browser, blocked);
  return { browser, blocked, output };
}
