import { addDays, daysBetween, formatItalianDate, localToday } from '../../utils/calendar-date';
import { fixtureDayShift } from '../fixtures/fixture-dates';
import { CANARY_PASSWORD } from '../fixtures/site';
import { badgeText, expect, extensionState, startRenewal, test } from './extension';

/** The new password's expiry in the replica dialog (23/02/2027 on the day the replicas were written). */
const NEW_EXPIRY = addDays('2027-02-23', fixtureDayShift());

const highlighted = (page: import('@playwright/test').Page) => page.locator('[data-pec-highlight]');

test('walks the old WebMail path step by step and captures the new expiry, never the password', async ({ extension }, testInfo) => {
  const logs: string[] = [];
  extension.serviceWorker.on('console', (message) => logs.push(message.text()));
  await startRenewal(extension);
  const page = await extension.context.newPage();
  page.on('console', (message) => logs.push(message.text()));
  await page.goto('https://webmail.pec.it/');

  await expect(highlighted(page)).toHaveAttribute('data-pec-highlight', 'webmail-settings');
  await expect(page.getByRole('link', { name: 'Impostazioni' })).toHaveAttribute('data-pec-highlight', 'webmail-settings');
  await expect(page.locator('pec-password-assistant').getByRole('dialog')).toContainText('Passo 1 di 4');
  await page.screenshot({ path: testInfo.outputPath('1-impostazioni.png') });
  await page.getByRole('link', { name: 'Impostazioni' }).click();

  await expect(page.getByRole('link', { name: 'Sicurezza e password' })).toHaveAttribute('data-pec-highlight', 'webmail-security');
  await expect(page.locator('pec-password-assistant').getByRole('dialog')).toContainText('Passo 2 di 4');
  await page.screenshot({ path: testInfo.outputPath('2-sicurezza.png') });
  const opened = extension.context.waitForEvent('page');
  await page.getByRole('link', { name: 'Sicurezza e password' }).click();
  const security = await opened;

  // Two "Gestisci" buttons: the one in the "Verifica in 2 passaggi" section is the way on.
  const manage = highlighted(security);
  await expect(manage).toHaveAttribute('data-pec-highlight', 'webmail-manage');
  await expect(manage).toHaveAttribute('href', '/verifica-in-2-passaggi');
  await security.screenshot({ path: testInfo.outputPath('3-gestisci.png') });
  await manage.click();

  const generate = security.getByRole('button', { name: 'Genera password per programmi di posta' });
  await expect(generate).toHaveAttribute('data-pec-highlight', 'webmail-generate');
  await security.screenshot({ path: testInfo.outputPath('4-genera.png') });
  await generate.click();

  await expect(security.getByText(CANARY_PASSWORD)).toBeVisible();
  await expect(highlighted(security)).toHaveCount(0);
  const overlay = security.locator('pec-password-assistant');
  await expect(overlay.getByRole('dialog')).toContainText('Premi «Copia» ora');
  await expect(overlay.getByRole('status')).toHaveText(
    `Scadenza registrata: ${formatItalianDate(NEW_EXPIRY)} — ti avviseremo 14, 7, 3 e 1 giorno prima×`,
  );
  await security.screenshot({ path: testInfo.outputPath('5-password.png') });

  const daysLeft = daysBetween(localToday(new Date()), NEW_EXPIRY);
  await expect.poll(() => badgeText(extension.serviceWorker)).toBe(String(daysLeft));
  const alarms = await extension.serviceWorker.evaluate(() => chrome.alarms.getAll());
  expect(alarms.map((alarm) => alarm.name)).toContain(`reminder|mario.rossi@pec.it|${NEW_EXPIRY}|14`);

  expect(await extensionState(extension.serviceWorker)).not.toContain(CANARY_PASSWORD);
  expect(logs.join('\n')).not.toContain(CANARY_PASSWORD);
});

test('"Non ora" ends the guide in this tab, and it stays ended after a reload', async ({ extension }) => {
  const page = await extension.context.newPage();
  await page.goto('https://webmail.pec.it/');
  await expect(highlighted(page)).toHaveAttribute('data-pec-highlight', 'webmail-settings');
  await page.locator('pec-password-assistant').getByRole('button', { name: 'Non ora' }).click();
  await expect(highlighted(page)).toHaveCount(0);
  await expect(page.locator('pec-password-assistant').getByRole('dialog')).toHaveCount(0);
  await page.reload();
  await page.waitForTimeout(500);
  await expect(highlighted(page)).toHaveCount(0);
});

test('Esc in the guide card dismisses it', async ({ extension }) => {
  const page = await extension.context.newPage();
  await page.goto('https://webmail.pec.it/');
  const dismiss = page.locator('pec-password-assistant').getByRole('button', { name: 'Non ora' });
  await dismiss.focus();
  await page.keyboard.press('Escape');
  await expect(highlighted(page)).toHaveCount(0);
});

test('stays quiet, with a closable chip, when the expiry is far away', async ({ extension }) => {
  const page = await extension.context.newPage();
  // Reading the current expiry on "Sicurezza e password" (15/02/2027) records it.
  await page.goto('https://gestionemail.pec.it/sicurezza-e-password');
  await expect(page.locator('pec-password-assistant').getByRole('status')).toContainText(
    `Scadenza registrata: ${formatItalianDate(addDays('2027-02-15', fixtureDayShift()))}`,
  );
  await page.goto('https://webmail.pec.it/');
  const chip = page.locator('pec-password-assistant').getByRole('status');
  await expect(chip).toContainText('Password per programmi di posta: scade tra');
  await expect(highlighted(page)).toHaveCount(0);
  await chip.getByRole('button', { name: 'Chiudi' }).click();
  await expect(chip).toHaveCount(0);
});
