import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addDays, daysBetween, formatItalianDate, localToday } from '../../utils/dates/calendar-date';
import { fixtureDayShift } from '../harness/fixture-dates';
import { reminderAlarmName } from '../../utils/reminders/reminder-plan';
import { RENEWAL_WALKS, REPLICA_MAILBOX } from '../harness/renewal-walks';
import { CANARY_PASSWORD } from '../harness/site';
import { axeViolations } from '../harness/firefox/axe';
import {
  alarmsHeld,
  badgeText,
  extensionState,
  fireAlarmSoon,
  logFromBackground,
  notifications,
  openExtensionPage,
  recordMessages,
  startRenewal,
} from '../harness/firefox/extension-page';
import { walkGuide } from '../harness/firefox/guided-walk';
import { launchFirefox, type FirefoxWithExtension } from '../harness/firefox/launch';
import { guideCardText, guideChipText } from '../harness/firefox/overlay';
import { HIGHLIGHTED } from '../harness/firefox/walker';

// One Firefox per language walks the old WebMail path; the tests after the walk look at what it
// left behind, in order.
for (const walk of RENEWAL_WALKS.filter((candidate) => candidate.path === 'webmail')) {
  describe(`Firefox ESR, ${walk.name}`, () => {
    const expiry = addDays(walk.expiry, fixtureDayShift());
    let profileDir: string;
    let firefox: FirefoxWithExtension;
    /** An extension page kept open: the test asks the add-on from here and records its messages. */
    let probe: Page;
    let seen: () => Promise<unknown[]>;
    let end: Page;

    beforeAll(async () => {
      profileDir = await mkdtemp(join(tmpdir(), 'pec-firefox-'));
      firefox = await launchFirefox(profileDir, walk.uiLocale);
      probe = await openExtensionPage(firefox.browser, 'popup.html');
      seen = await recordMessages(probe);
    });

    afterAll(async () => {
      await firefox?.browser.close();
      await rm(profileDir, { recursive: true, force: true });
    });

    test('is guided step by step to the new password, whose expiry is captured', async () => {
      await startRenewal(firefox.browser, probe);
      end = await walkGuide(firefox.browser, walk);
      // The replica shows the password as text or in a read-only field.
      await expect.poll(() => end.content()).toContain(CANARY_PASSWORD);
      await expect.poll(async () => (await end.$$(HIGHLIGHTED)).length).toBe(0);
      await expect.poll(() => guideCardText(end)).toContain(walk.copyNow);
      await expect.poll(() => guideChipText(end)).toContain(walk.saved(formatItalianDate(expiry)));
    });

    test('sets the toolbar badge to the days left, and the midnight alarm that gives each reminder its own', async () => {
      const daysLeft = daysBetween(localToday(new Date()), expiry);
      await expect.poll(() => badgeText(probe)).toBe(String(daysLeft));
      expect(await alarmsHeld(probe)).toEqual(['badge-midnight']);
    });

    test('shows a reminder that comes due as a notification with the mailbox and the date', async () => {
      await fireAlarmSoon(probe, reminderAlarmName(REPLICA_MAILBOX, 14));
      await expect.poll(async () => Object.keys(await notifications(probe))).toEqual([`notify|${REPLICA_MAILBOX}|${expiry}`]);
      const [shown] = Object.values(await notifications(probe));
      expect(shown!.message).toContain(REPLICA_MAILBOX);
      expect(shown!.message).toContain(formatItalianDate(expiry));
    });

    test("its popup, listing the mailbox, and its options page render in the browser's language and pass axe with nothing found", async () => {
      const language = walk.uiLocale.slice(0, 2);
      const popup = await openExtensionPage(firefox.browser, 'popup.html');
      await popup.setViewport({ width: 380, height: 600 });
      await expect.poll(() => popup.evaluate(() => document.body.textContent)).toContain(REPLICA_MAILBOX);
      expect(await popup.evaluate(() => document.documentElement.lang)).toBe(language);
      expect(await axeViolations(popup)).toEqual([]);
      const options = await openExtensionPage(firefox.browser, 'options.html');
      await options.waitForSelector('h2');
      expect(await options.evaluate(() => document.documentElement.lang)).toBe(language);
      expect(await axeViolations(options)).toEqual([]);
    });

    test('keeps the password out of every store, message and console line, and nothing left the replica', async () => {
      expect(await extensionState(probe)).not.toContain(CANARY_PASSWORD);
      const messages = JSON.stringify(await seen());
      expect(messages).toContain('expiry-seen');
      expect(messages).not.toContain(CANARY_PASSWORD);
      // Both consoles, the page's and the background's, reach the output that is searched.
      await end.evaluate(() => console.log('pec-probe-page-console'));
      await logFromBackground(probe, 'pec-probe-background-console');
      await expect.poll(() => firefox.output.join('')).toContain('pec-probe-page-console');
      await expect.poll(() => firefox.output.join('')).toContain('pec-probe-background-console');
      expect(firefox.output.join('')).not.toContain(CANARY_PASSWORD);
      expect(firefox.blocked, 'requests outside Aruba were attempted').toEqual([]);
    });
  });
}
