import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addDays, daysBetween, formatItalianDate, localToday } from '../../utils/dates/calendar-date';
import { fixtureDayShift } from '../harness/fixture-dates';
import { RENEWAL_WALKS, REPLICA_MAILBOX } from '../harness/renewal-walks';
import { CANARY_PASSWORD } from '../harness/site';
import {
  alarmsHeld,
  badgeText,
  badgeTitle,
  extensionState,
  openExtensionPage,
  recordMessages,
  startRenewal,
} from '../harness/firefox/extension-page';
import { walkGuide } from '../harness/firefox/guided-walk';
import { launchFirefox, type FirefoxWithExtension } from '../harness/firefox/launch';
import { guideCardText, guideChipText } from '../harness/firefox/overlay';
import { HIGHLIGHTED } from '../harness/firefox/walker';

// One profile per language walks the Gestione account path, then Firefox starts again on it.
for (const walk of RENEWAL_WALKS.filter((candidate) => candidate.path === 'account')) {
  describe(`Firefox ESR, ${walk.name}`, () => {
    const expiry = addDays(walk.expiry, fixtureDayShift());
    const daysLeft = () => String(daysBetween(localToday(new Date()), expiry));
    let profileDir: string;
    let firefox: FirefoxWithExtension;
    let probe: Page;

    beforeAll(async () => {
      profileDir = await mkdtemp(join(tmpdir(), 'pec-firefox-'));
      firefox = await launchFirefox(profileDir, walk.uiLocale);
      probe = await openExtensionPage(firefox.browser, 'popup.html');
    });

    afterAll(async () => {
      await firefox?.browser.close();
      await rm(profileDir, { recursive: true, force: true });
    });

    test('is guided step by step to the new password; its expiry sets the badge and the alarms, never the password', async () => {
      const seen = await recordMessages(probe);
      await startRenewal(firefox.browser, probe);
      const end = await walkGuide(firefox.browser, walk);
      await expect.poll(() => end.content()).toContain(CANARY_PASSWORD);
      await expect.poll(async () => (await end.$$(HIGHLIGHTED)).length).toBe(0);
      await expect.poll(() => guideCardText(end)).toContain(walk.copyNow);
      await expect.poll(() => guideChipText(end)).toContain(walk.saved(formatItalianDate(expiry)));

      await expect.poll(() => badgeText(probe)).toBe(daysLeft());
      expect(await alarmsHeld(probe)).toEqual(['badge-midnight']);
      expect(await extensionState(probe)).not.toContain(CANARY_PASSWORD);
      expect(JSON.stringify(await seen())).not.toContain(CANARY_PASSWORD);
      expect(firefox.output.join('')).not.toContain(CANARY_PASSWORD);
      expect(firefox.blocked, 'requests outside Aruba were attempted').toEqual([]);
    });

    test('after Firefox starts again on the same profile, the badge, its title and the alarms come back', async () => {
      await firefox.browser.close();
      // Firefox keeps no alarm across a restart: the background's start must plan them again.
      firefox = await launchFirefox(profileDir, walk.uiLocale);
      probe = await openExtensionPage(firefox.browser, 'popup.html');
      await expect.poll(() => badgeText(probe)).toBe(daysLeft());
      expect(await badgeTitle(probe)).toContain(REPLICA_MAILBOX);
      expect(await badgeTitle(probe)).toContain(formatItalianDate(expiry));
      expect(await alarmsHeld(probe)).toEqual(['badge-midnight']);
      expect(firefox.blocked, 'requests outside Aruba were attempted').toEqual([]);
    });
  });
}
