import { addDays, daysBetween, formatItalianDate, localToday } from '../../utils/dates/calendar-date';
import { fixtureDayShift } from '../harness/fixture-dates';
import { alarmsAsReminders } from '../harness/alarm-names';
import { RENEWAL_WALKS } from '../harness/renewal-walks';
import { CANARY_PASSWORD } from '../harness/site';
import { badgeText, expect, extensionState, recordMessages, startRenewal, test } from './extension';
import { cardText, chipText, highlighted, walkGuide } from './walk';

for (const walk of RENEWAL_WALKS) {
  test.describe(walk.name, () => {
    test.use({ uiLocale: walk.uiLocale });

    test('is guided step by step to the new password, whose expiry is captured and never the password', async ({ extension }, testInfo) => {
      const seen = await recordMessages(extension);
      await startRenewal(extension);
      const start = await extension.context.newPage();
      await start.goto(walk.start);

      const end = await walkGuide(extension.context, start, walk.steps, walk.stepLine, (name, page) =>
        page.screenshot({ path: testInfo.outputPath(`${name}.png`) }),
      );

      const expiry = addDays(walk.expiry, fixtureDayShift());
      // The replica shows the password as text or in a read-only field.
      await expect.poll(() => end.content()).toContain(CANARY_PASSWORD);
      await expect(highlighted(end)).toHaveCount(0);
      await expect.poll(() => cardText(end)).toContain(walk.copyNow);
      await expect.poll(() => chipText(end)).toContain(walk.saved(formatItalianDate(expiry)));
      await end.screenshot({ path: testInfo.outputPath('password-shown.png') });

      const daysLeft = daysBetween(localToday(new Date()), expiry);
      await expect.poll(() => badgeText(extension.serviceWorker)).toBe(String(daysLeft));
      const alarms = await extension.serviceWorker.evaluate(() => chrome.alarms.getAll());
      // Its reminders are weeks away: the midnight alarm's pass gives each its alarm two days ahead (alarmHorizon).
      expect(alarmsAsReminders(alarms)).toEqual(['badge-midnight']);

      expect(await extensionState(extension.serviceWorker)).not.toContain(CANARY_PASSWORD);
      expect(JSON.stringify(await seen())).not.toContain(CANARY_PASSWORD);
      expect(JSON.stringify(await seen())).toContain('expiry-seen');
    });
  });
}
