import { addDays, daysBetween, formatItalianDate, localToday } from '../../utils/calendar-date';
import type { StepId } from '../../utils/aruba-steps';
import { fixtureDayShift } from '../fixtures/fixture-dates';
import { CANARY_PASSWORD } from '../fixtures/site';
import { badgeText, expect, extensionState, recordMessages, startRenewal, test } from './extension';
import { cardText, chipText, highlighted, walkGuide } from './walk';

interface Walk {
  name: string;
  uiLocale: string;
  start: string;
  steps: StepId[];
  /** The new password's expiry in the replica window, on the day the replicas were written. */
  expiry: string;
  stepLine: (n: number) => string;
  copyNow: string;
  saved: (date: string) => string;
}

const ITALIAN = { uiLocale: 'it-IT', stepLine: (n: number) => `Passo ${n} di 4`, copyNow: 'Premi «Copia» ora' };
const ENGLISH = { uiLocale: 'en-US', stepLine: (n: number) => `Step ${n} of 4`, copyNow: 'Click «Copy» now' };
const savedIt = (date: string) => `Scadenza registrata per mario.rossi@pec.it: ${date} — ti avviseremo 14, 7, 3 e 1 giorno prima`;
const savedEn = (date: string) => `Expiry saved for mario.rossi@pec.it: ${date} — we will remind you 14, 7, 3, and 1 day before`;
const WEBMAIL_STEPS: StepId[] = ['webmail-settings', 'webmail-security', 'webmail-manage', 'webmail-generate'];
const ACCOUNT_STEPS: StepId[] = ['account-user-menu', 'account-open', 'account-app-passwords', 'account-activate'];

const WALKS: Walk[] = [
  { name: 'old WebMail, Italian', ...ITALIAN, start: 'https://webmail.pec.it/', steps: WEBMAIL_STEPS, expiry: '2027-02-23', saved: savedIt },
  { name: 'old WebMail, English', ...ENGLISH, start: 'https://webmail.pec.it/?lang=en', steps: WEBMAIL_STEPS, expiry: '2027-02-23', saved: savedEn },
  { name: 'Gestione account, Italian', ...ITALIAN, start: 'https://webmail.pec.it/new/messages/INBOX', steps: ACCOUNT_STEPS, expiry: '2027-02-21', saved: savedIt },
  { name: 'Gestione account, English', ...ENGLISH, start: 'https://webmail.pec.it/new/messages/INBOX?lang=en', steps: ACCOUNT_STEPS, expiry: '2027-02-21', saved: savedEn },
];

for (const walk of WALKS) {
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
      expect(alarms.map((alarm) => alarm.name)).toContain(`reminder|mario.rossi@pec.it|${expiry}|14`);

      expect(await extensionState(extension.serviceWorker)).not.toContain(CANARY_PASSWORD);
      expect(JSON.stringify(await seen())).not.toContain(CANARY_PASSWORD);
      expect(JSON.stringify(await seen())).toContain('expiry-seen');
    });
  });
}
