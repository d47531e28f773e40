import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test, expect } from '@playwright/test';
import { ARUBA_MATCH_PATTERNS } from '../../utils/aruba/hosts';

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
