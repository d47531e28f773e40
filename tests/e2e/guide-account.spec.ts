import type { Page } from '@playwright/test';
import { addDays, formatItalianDate } from '../../utils/calendar-date';
import { fixtureDayShift } from '../fixtures/fixture-dates';
import { CANARY_PASSWORD } from '../fixtures/site';
import { expect, extensionState, startRenewal, test } from './extension';

const highlighted = (page: Page) => page.locator('[data-pec-highlight]');
const card = (page: Page) => page.locator('pec-password-assistant').getByRole('dialog');

test.describe('in an English browser', () => {
  test.use({ uiLocale: 'en-US' });

  test('walks the Gestione account path from the new WebMail, through shadow roots and hash routes', async ({ extension }, testInfo) => {
    await startRenewal(extension);
    const page = await extension.context.newPage();
    await page.goto('https://webmail.pec.it/new/messages/INBOX?lang=en');

    // Rendered a second late, inside <aru-button>'s open shadow root: the real <button> is marked.
    const userMenu = highlighted(page);
    await expect(userMenu).toHaveAttribute('data-pec-highlight', 'account-user-menu');
    expect(await userMenu.evaluate((element) => element.localName)).toBe('button');
    await expect(card(page)).toContainText('Step 1 of 4');
    await page.screenshot({ path: testInfo.outputPath('1-user-menu.png') });
    await userMenu.click();

    await expect(highlighted(page)).toHaveAttribute('data-pec-highlight', 'account-open');
    await expect(highlighted(page)).toHaveAccessibleName('Account management');
    await page.screenshot({ path: testInfo.outputPath('2-account-management.png') });
    const opened = extension.context.waitForEvent('page');
    await highlighted(page).click();
    const console = await opened;

    await expect(highlighted(console)).toHaveAttribute('data-pec-highlight', 'account-app-passwords');
    await expect(highlighted(console)).toHaveText('Passwords for mail programs');
    await expect(card(console)).toContainText('Step 3 of 4');
    await console.screenshot({ path: testInfo.outputPath('3-app-passwords.png') });
    await highlighted(console).click();

    await expect(highlighted(console)).toHaveAttribute('data-pec-highlight', 'account-activate');
    await console.screenshot({ path: testInfo.outputPath('4-activate.png') });
    await highlighted(console).click();

    await expect(console.getByText(CANARY_PASSWORD)).toBeVisible();
    await expect(highlighted(console)).toHaveCount(0);
    await expect(card(console)).toContainText('Click «Copy» now');
    const expiry = formatItalianDate(addDays('2027-02-21', fixtureDayShift()));
    await expect(console.locator('pec-password-assistant').getByRole('status')).toHaveText(
      `Expiry saved: ${expiry} — we will remind you 14, 7, 3, and 1 day before×`,
    );
    await console.screenshot({ path: testInfo.outputPath('5-password.png') });
    expect(await extensionState(extension.serviceWorker)).not.toContain(CANARY_PASSWORD);
  });
});

test('a page that shows the warning about mail protocols explains what to enable first', async ({ extension }) => {
  const page = await extension.context.newPage();
  await page.goto('https://account.aruba.it/pec?stato=protocolli-disattivati');
  await expect(card(page)).toContainText('abilita almeno un accesso IMAP, POP o SMTP');
  await expect(highlighted(page)).toHaveCount(0);
});

test('sign-in and the phone approval get their own explanation', async ({ extension }) => {
  const page = await extension.context.newPage();
  await page.goto('https://login.aruba.it/auth/realms/pec/protocol/openid-connect/auth');
  await expect(card(page)).toContainText('Accedi con l');
  await page.goto('https://login.aruba.it/auth/realms/pec/login-actions/authenticate');
  await expect(card(page)).toContainText('premi «Autorizza»');
});
