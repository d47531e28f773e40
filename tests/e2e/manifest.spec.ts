import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { test, expect } from '@playwright/test';
import { ARUBA_HOSTS, ARUBA_MATCH_PATTERNS } from '../../utils/aruba/hosts';
import { ARUBA_STATES, ARUBA_STEPS, matchesUrl } from '../../utils/aruba/steps';
import { matchedByAny } from '../harness/match-pattern';

// Runs after the build, like the other e2e specs: it checks what the stores will receive.
const manifest = (dir: string) => JSON.parse(readFileSync(resolve(import.meta.dirname, '../../.output', dir, 'manifest.json'), 'utf8'));

test('Chrome: exactly the permissions used, Aruba hosts only, a strict CSP, nothing web-accessible', () => {
  const chrome = manifest('chrome-mv3');
  expect(chrome.permissions.sort()).toEqual(['alarms', 'notifications', 'scripting', 'storage']);
  expect(chrome.host_permissions).toEqual(ARUBA_MATCH_PATTERNS);
  expect(chrome.content_scripts.map((script: { matches: string[] }) => script.matches.sort())).toEqual([[...ARUBA_MATCH_PATTERNS].sort()]);
  expect(JSON.stringify(chrome)).not.toMatch(/<all_urls>|\*:\/\/\*|http:\/\//);
  expect(chrome.web_accessible_resources).toBeUndefined();
  expect(chrome.content_security_policy.extension_pages).toMatch(/script-src 'self';.*connect-src 'none'/);
  expect(chrome.default_locale).toBe('it');
});

test('Firefox: the same set, browserAction, and a gecko id that declares no data collection', () => {
  const firefox = manifest('firefox-mv2');
  expect(firefox.permissions.sort()).toEqual([...ARUBA_MATCH_PATTERNS, 'alarms', 'notifications', 'scripting', 'storage'].sort());
  expect(firefox.browser_action.default_popup).toBe('popup.html');
  expect(firefox.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
  expect(firefox.content_security_policy).toMatch(/script-src 'self';.*connect-src 'none'/);
});

/** Where the step table says a step, a state, the expiry or the mailbox may be. */
const TABLE = [...ARUBA_STEPS, ...ARUBA_STATES].flatMap((entry) => entry.where);

test('both builds run the content script, and hold host permissions, where the step table looks and nowhere else', () => {
  const chrome = manifest('chrome-mv3');
  const firefox = manifest('firefox-mv2');
  const builds = {
    'chrome matches': chrome.content_scripts.flatMap((script: { matches: string[] }) => script.matches),
    'chrome host_permissions': chrome.host_permissions,
    'firefox matches': firefox.content_scripts.flatMap((script: { matches: string[] }) => script.matches),
    'firefox host permissions': firefox.permissions.filter((permission: string) => permission.includes('://')),
  } as Record<string, string[]>;
  const urls = [
    ...TABLE.map(({ host }) => `https://${host}/`),
    ...TABLE.map(({ host }) => `https://${host}/some/page?with=query`),
    'https://www.startpec.it/it/webmail',
    'https://www.startpec.it/webmail/new/messages/INBOX',
    'https://www.startpec.it/it/prodotti/pec',
    'https://www.startpec.it/?next=/webmail',
  ];
  for (const [where, patterns] of Object.entries(builds)) {
    for (const raw of urls) {
      const url = new URL(raw);
      // Aruba's own hosts: every path (a page is known by what it shows); the reseller's shop: only where the table looks.
      const wanted = /(^|\.)(aruba|pec)\.it$/.test(url.hostname) || matchesUrl(TABLE, url);
      expect({ where, url: raw, matched: matchedByAny(patterns, url) }).toEqual({ where, url: raw, matched: wanted });
    }
    expect(new Set(patterns.map((pattern) => new URL(pattern.replace(/\*/g, 'x')).hostname))).toEqual(new Set(ARUBA_HOSTS));
  }
});

// Issue 17: every file an extension page loads is a round trip to the browser process (about 5 ms
// each on the bench machine, before the page can show anything), and the popup opens many times
// a day. Its scripts: its own and the pages' shared chunk; its styles: the same two. Chrome MV3
// and Firefox give the pages' few calls (sendMessage, getMessage, tabs, scripting,
// openOptionsPage) promises of their own, so the pages carry no webextension-polyfill.
test('the popup loads two scripts and two stylesheets, none of them the webextension-polyfill', () => {
  const output = resolve(import.meta.dirname, '../../.output/chrome-mv3');
  const html = readFileSync(resolve(output, 'popup.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]*src="\/([^"]+)"|<link rel="modulepreload"[^>]*href="\/([^"]+)"/g)].map(
    (match) => match[1] ?? match[2]!,
  );
  const styles = [...html.matchAll(/<link rel="stylesheet"[^>]*href="\/([^"]+)"/g)].map((match) => match[1]!);
  expect(scripts).toHaveLength(2);
  expect(styles).toHaveLength(2);
  for (const script of scripts) expect(readFileSync(resolve(output, script), 'utf8'), script).not.toContain('only be loaded in a browser extension');
});

// Issue 17: the loader starts in a new renderer on every Aruba page, and the guide is injected
// when it has work and runs most of its functions in its first look: compiled whole with the
// file, their functions are not parsed twice and compiled one by one at their first call.
// Both stay anonymous functions (no global of theirs in the page's isolated world). WXT's runner
// around an unlisted script (a logger and a try/catch) is left out of the loader.
test('the loader and the guide ask V8 to compile all their functions at once, the loader runs without WXT’s runner, in both builds', () => {
  for (const dir of ['chrome-mv3', 'firefox-mv2']) {
    const script = (name: string) => readFileSync(resolve(import.meta.dirname, '../../.output', dir, name), 'utf8');
    const loader = script('aruba-loader.js');
    expect(loader.startsWith('//# allFunctionsCalledOnLoad\n(function(){'), dir).toBe(true);
    expect(script('aruba-guide.js').startsWith('//# allFunctionsCalledOnLoad\n(function(){'), dir).toBe(true);
    expect(loader, dir).not.toContain('crashed on startup');
  }
});

// Issue 17: a script with a single character outside ASCII is kept by Chrome in two bytes per
// character (the loader's 7 KB source: 15 KB of heap on every Aruba page). Escaped, it keeps one.
test('every script of both builds is written in ASCII', () => {
  for (const dir of ['chrome-mv3', 'firefox-mv2']) {
    const root = resolve(import.meta.dirname, '../../.output', dir);
    const scripts = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js'));
    expect(scripts.length, dir).toBeGreaterThan(5);
    for (const file of scripts) {
      const code = readFileSync(resolve(root, file), 'utf8');
      const at = code.search(/[\u0080-\uffff]/);
      expect(at === -1 ? '' : code.slice(Math.max(0, at - 40), at + 10), `${dir}/${file}: not ASCII`).toBe('');
    }
  }
});
