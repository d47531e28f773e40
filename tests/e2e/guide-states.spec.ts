import { addDays, formatItalianDate } from '../../utils/dates/calendar-date';
import { fixtureDayShift } from '../harness/fixture-dates';
import { expect, test } from './extension';
import { cardText, chipText, focusInOverlay, highlighted, pressInOverlay } from './walk';

test('"Non ora" ends the guide in this tab, and it stays ended after a reload', async ({ extension }) => {
  const page = await extension.context.newPage();
  await page.goto('https://webmail.pec.it/');
  await expect(highlighted(page)).toHaveAttribute('data-pec-highlight', 'webmail-settings');
  await pressInOverlay(page, 'card', 'Non ora');
  await expect(highlighted(page)).toHaveCount(0);
  await expect.poll(() => cardText(page)).toBe('');
  await page.reload();
  await expect(page.getByRole('link', { name: 'Impostazioni' })).toBeVisible();
  await page.waitForTimeout(500);
  await expect(highlighted(page)).toHaveCount(0);
});

test('Esc in the guide card dismisses it', async ({ extension }) => {
  const page = await extension.context.newPage();
  await page.goto('https://webmail.pec.it/');
  await focusInOverlay(page, 'card', 'Non ora');
  await page.keyboard.press('Escape');
  await expect(highlighted(page)).toHaveCount(0);
});

test('stays quiet, with a closable chip, when the expiry is far away', async ({ extension }) => {
  const page = await extension.context.newPage();
  // "Sicurezza e password" shows the current expiry (15/02/2027 when the replicas were written).
  await page.goto('https://gestionemail.pec.it/sicurezza-e-password');
  await expect
    .poll(() => chipText(page))
    .toContain(`Scadenza registrata per mario.rossi@pec.it: ${formatItalianDate(addDays('2027-02-15', fixtureDayShift()))}`);
  await page.goto('https://webmail.pec.it/');
  await expect.poll(() => chipText(page)).toContain('Password per programmi di posta: scade tra');
  await expect(highlighted(page)).toHaveCount(0);
  await pressInOverlay(page, 'chip', 'Chiudi');
  await expect.poll(() => chipText(page)).toBe('');
});

test('guides again when the known expiry is within the reminder window', async ({ extension }) => {
  const page = await extension.context.newPage();
  // Known and far away first: the guide is quiet.
  await page.goto('https://gestionemail.pec.it/sicurezza-e-password');
  await expect.poll(() => chipText(page)).toContain('Scadenza registrata');
  await expect(highlighted(page)).toHaveCount(0);
  // A later visit to Gestione account shows an expiry five days away: the guide is back.
  await page.goto('https://account.aruba.it/pec?stato=in-scadenza#/password-programmi');
  await expect(highlighted(page)).toHaveAttribute('data-pec-highlight', 'account-generate-new');
  await expect
    .poll(() => chipText(page))
    .toContain(`Scadenza registrata per mario.rossi@pec.it: ${formatItalianDate(addDays('2026-11-28', fixtureDayShift()))}`);
});

test('a page with the warning about mail protocols explains what to enable first', async ({ extension }) => {
  const page = await extension.context.newPage();
  await page.goto('https://account.aruba.it/pec?stato=protocolli-disattivati');
  await expect.poll(() => cardText(page)).toContain('abilita almeno un accesso IMAP, POP o SMTP');
  await expect(highlighted(page)).toHaveCount(0);
});

test('sign-in and the phone approval get their own explanation', async ({ extension }) => {
  const page = await extension.context.newPage();
  await page.goto('https://login.aruba.it/auth/realms/pec/protocol/openid-connect/auth');
  await expect.poll(() => cardText(page)).toContain('Accedi con l');
  await page.goto('https://login.aruba.it/auth/realms/pec/login-actions/authenticate');
  await expect.poll(() => cardText(page)).toContain('premi «Autorizza»');
});

test('with the guide quiet, a password generated anyway still has its expiry captured', async ({ extension }) => {
  const page = await extension.context.newPage();
  await page.goto('https://gestionemail.pec.it/sicurezza-e-password');
  await expect.poll(() => chipText(page)).toContain('Scadenza registrata');
  await page.goto('https://gestionemail.pec.it/verifica-in-2-passaggi');
  await expect(highlighted(page)).toHaveCount(0);
  await page.getByRole('button', { name: 'Genera password per programmi di posta' }).click();
  await expect
    .poll(() => chipText(page))
    .toContain(`Scadenza registrata per mario.rossi@pec.it: ${formatItalianDate(addDays('2027-02-23', fixtureDayShift()))}`);
  await expect.poll(() => cardText(page)).toContain('Premi «Copia» ora');
});
