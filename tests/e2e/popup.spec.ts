import type { Page } from '@playwright/test';
import { addDays, formatItalianDate, localToday } from '../../utils/dates/calendar-date';
import { alarmsAsReminders } from '../harness/alarm-names';
import { account, clickClosingPopup, openOptions, openPopup, seedAccounts, seriousViolations } from './extension-pages';
import { badgeText, expect, test, type LoadedExtension } from './extension';

const today = () => localToday(new Date());

/** Tabs opened by the extension, as the browser records them (the replica routing may not reach them). */
const tabUrls = (extension: LoadedExtension) =>
  extension.serviceWorker.evaluate(async () => (await chrome.tabs.query({})).map((tab) => tab.pendingUrl ?? tab.url));
const rows = (page: Page) => page.getByRole('listitem');
const row = (page: Page, name: string) => rows(page).filter({ has: page.getByRole('heading', { name, exact: true }) });

test('the empty popup says what the extension does and opens the WebMail', async ({ extension }, testInfo) => {
  const popup = await openPopup(extension);
  await expect(popup.getByText('Ti avvisa prima che scada la password per programmi di posta')).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Ho già una password: inserisci la scadenza' })).toBeVisible();
  expect(await seriousViolations(popup)).toEqual([]);
  await popup.screenshot({ path: testInfo.outputPath('popup-empty.png') });

  await popup.getByRole('button', { name: 'Apri WebMail PEC' }).click();
  await expect.poll(() => tabUrls(extension)).toContain('https://webmail.pec.it/');
});

test('an account entered by hand gets its row, its days left and the toolbar badge', async ({ extension }, testInfo) => {
  const popup = await openPopup(extension);
  await popup.getByRole('button', { name: 'Ho già una password: inserisci la scadenza' }).click();
  await expect(popup.getByLabel('Indirizzo PEC')).toBeFocused();

  await popup.getByLabel('Indirizzo PEC').fill('non è un indirizzo');
  await popup.getByLabel('Scadenza della password per programmi di posta').fill(addDays(today(), 400));
  await popup.getByRole('button', { name: 'Salva' }).click();
  await expect(popup.getByLabel('Indirizzo PEC')).toHaveAccessibleDescription(/Non è un indirizzo PEC valido/);
  await expect(popup.getByLabel('Scadenza della password per programmi di posta')).toHaveAccessibleDescription(/più di un anno avanti/);
  await expect(popup.getByLabel('Indirizzo PEC')).toBeFocused();
  expect(await seriousViolations(popup)).toEqual([]);
  await popup.screenshot({ path: testInfo.outputPath('popup-form-errors.png') });

  await popup.getByLabel('Indirizzo PEC').fill(' Studio.Rossi@Legalmail.it ');
  await popup.getByLabel('Scadenza della password per programmi di posta').fill(addDays(today(), 20));
  await popup.getByLabel(/^Nome \(facoltativo\)/).fill('Studio Rossi — archivio');
  await popup.getByLabel('Programmi che usano questa password').fill('Outlook\nFatture in Cloud');
  await popup.getByRole('button', { name: 'Salva' }).click();

  const added = row(popup, 'Studio Rossi — archivio');
  await expect(added).toContainText('studio.rossi@legalmail.it');
  await expect(added).toContainText('20giorni');
  await expect(added).toContainText(`Scade il ${formatItalianDate(addDays(today(), 20))}`);
  await expect.poll(() => badgeText(extension.serviceWorker)).toBe('20');
  expect(await seriousViolations(popup)).toEqual([]);
  await popup.screenshot({ path: testInfo.outputPath('popup-one-account.png') });

  // A renewed date typed in by hand is a renewal: the programs are now to update, one by one.
  await added.getByRole('button', { name: 'Modifica Studio Rossi — archivio' }).click();
  await popup.getByLabel('Scadenza della password per programmi di posta').fill(addDays(today(), 90));
  await popup.getByRole('button', { name: 'Salva' }).click();
  await expect(added).toContainText('90giorni');
  await expect(added).toContainText('da aggiornare');
  await added.getByLabel('Outlook').check();
  await expect(added).toContainText('da aggiornare');
  // The last tick closes the checklist, so it is a click: there is no checkbox left to be checked.
  await added.getByLabel('Fatture in Cloud').click();
  await expect(added).not.toContainText('da aggiornare');
  await expect.poll(() => badgeText(extension.serviceWorker)).toBe('90');
});

test('a deleted account comes back with "Annulla", badge included', async ({ extension }) => {
  const popup = await openPopup(extension);
  await seedAccounts(popup, [account({ address: 'mario.rossi@pec.it', expiry: addDays(today(), 12) })]);
  await expect.poll(() => badgeText(extension.serviceWorker)).toBe('12');

  await popup.getByRole('button', { name: 'Elimina mario.rossi@pec.it' }).click();
  await expect(popup.getByRole('status')).toContainText('Casella mario.rossi@pec.it eliminata.');
  await expect(popup.getByRole('button', { name: 'Annulla' })).toBeFocused();
  await expect(rows(popup)).toHaveCount(0);
  await expect.poll(() => badgeText(extension.serviceWorker)).toBe('');

  await popup.getByRole('button', { name: 'Annulla' }).click();
  await expect(row(popup, 'mario.rossi@pec.it')).toContainText('12giorni');
  await expect(popup.getByRole('status')).toHaveCount(0);
  await expect.poll(() => badgeText(extension.serviceWorker)).toBe('12');
});

test('many accounts: expired first and marked, colours of the badge, a search box, names as text', async ({ extension }, testInfo) => {
  const popup = await openPopup(extension);
  const hostile = '<img src=x onerror="document.title=`pwned`">';
  await seedAccounts(popup, [
    ...Array.from({ length: 8 }, (_, i) => account({ address: `cliente${i + 1}@pec.it`, expiry: addDays(today(), 20 + i * 9) })),
    account({ address: 'scaduta@pec.it', label: 'Studio Bianchi', expiry: addDays(today(), -3) }),
    account({ address: 'ostile@pec.it', label: hostile, expiry: addDays(today(), 2) }),
  ]);
  await expect(rows(popup)).toHaveCount(10);
  const first = rows(popup).first();
  await expect(first.getByRole('heading')).toHaveText('Studio Bianchi');
  await expect(first).toContainText('Scaduta');
  await expect(first).toContainText(`Scadenza ${formatItalianDate(addDays(today(), -3))} — scaduta da 3 giorni`);
  await expect(rows(popup).nth(1).getByRole('heading')).toHaveText(hostile);
  await expect(popup.locator('img')).toHaveCount(0);
  expect(await popup.title()).toBe('Promemoria password PEC');
  await expect.poll(() => badgeText(extension.serviceWorker)).toBe('!');
  expect(await seriousViolations(popup)).toEqual([]);
  await popup.screenshot({ path: testInfo.outputPath('popup-many.png'), fullPage: true });

  await popup.getByRole('searchbox', { name: 'Cerca una casella' }).fill('bianchi');
  await expect(rows(popup)).toHaveCount(1);
  await popup.getByRole('searchbox', { name: 'Cerca una casella' }).fill('CLIENTE3');
  await expect(rows(popup)).toHaveCount(1);
  await expect(rows(popup).first()).toContainText('38giorni');
});

test('the help explains "authentication failed" and the keyboard reaches every control in order', async ({ extension }) => {
  const popup = await openPopup(extension);
  await seedAccounts(popup, [account({ address: 'mario.rossi@pec.it', expiry: addDays(today(), 30) })]);
  await popup.getByRole('button', { name: 'Impostazioni' }).focus();
  const order: string[] = [];
  for (let i = 0; i < 5; i++) {
    await popup.keyboard.press('Tab');
    order.push(await popup.evaluate(() => document.activeElement?.textContent ?? ''));
  }
  expect(order).toEqual(['Aggiungi casella', 'Rinnova ora', 'Modifica', 'Elimina', 'Il programma di posta dice «authentication failed»?']);
  await popup.keyboard.press('Enter');
  await expect(popup.getByText('Quasi sempre è scaduta la password per programmi di posta')).toBeVisible();
});

test('"Rinnova ora" opens Gestione account with the guide started', async ({ extension }) => {
  const popup = await openPopup(extension);
  await seedAccounts(popup, [account({ address: 'mario.rossi@pec.it', expiry: addDays(today(), 2) })]);
  await clickClosingPopup(popup, popup.getByRole('button', { name: 'Rinnova ora mario.rossi@pec.it' }));
  await expect.poll(() => tabUrls(extension)).toContain('https://account.aruba.it/pec');
  // The guide is on even though the account is known: the renewal was asked for.
  const console = await extension.context.newPage();
  await console.goto('https://account.aruba.it/pec');
  await expect(console.locator('[data-pec-highlight]')).toHaveCount(1);
});

test('options: reminder days validated and saved, then everything reset', async ({ extension }, testInfo) => {
  const popup = await openPopup(extension);
  // 8 days ahead: the reminder 7 days before, tomorrow, holds an alarm whatever the hour the test
  // runs at (alarms cover the next two days), and the reminders 1 and 30 days before do not.
  const expiry = addDays(today(), 8);
  await seedAccounts(popup, [account({ address: 'mario.rossi@pec.it', expiry })]);
  const options = await openOptions(extension);
  const offsets = options.getByLabel('Giorni prima della scadenza');
  await expect(offsets).toHaveValue('14, 7, 3, 1, 0');
  expect(await seriousViolations(options)).toEqual([]);

  await offsets.fill('14, sette');
  await options.getByRole('button', { name: 'Salva', exact: true }).click();
  await expect(offsets).toHaveAccessibleDescription(/Scrivi solo numeri interi separati da virgole/);
  await expect(options.getByRole('status').first()).toHaveText('Impostazioni non salvate: correggi il campo indicato.');
  await offsets.fill('90, 7');
  await options.getByRole('button', { name: 'Salva', exact: true }).click();
  await expect(offsets).toHaveAccessibleDescription(/da 0 \(il giorno della scadenza\) a 60 giorni prima/);
  await options.screenshot({ path: testInfo.outputPath('options-error.png'), fullPage: true });

  await offsets.fill('1, 7 7 30');
  await options.getByLabel('Ora dei promemoria').selectOption('18');
  await options.getByLabel('Mostra i giorni rimasti sulle pagine di Aruba').uncheck();
  await options.getByRole('button', { name: 'Salva', exact: true }).click();
  await expect(options.getByRole('status').first()).toHaveText('Impostazioni salvate.');
  await expect(offsets).toHaveValue('30, 7, 1');
  await expect
    .poll(async () => alarmsAsReminders(await extension.serviceWorker.evaluate(() => chrome.alarms.getAll())).sort())
    .toEqual(['badge-midnight', `reminder|mario.rossi@pec.it|${expiry}|7`]);
  await options.reload();
  await expect(offsets).toHaveValue('30, 7, 1');
  await expect(options.getByLabel('Ora dei promemoria')).toHaveValue('18');
  await expect(options.getByLabel('Mostra i giorni rimasti sulle pagine di Aruba')).not.toBeChecked();
  await options.screenshot({ path: testInfo.outputPath('options.png'), fullPage: true });

  await options.getByRole('button', { name: 'Cancella tutti i dati…' }).click();
  await expect(options.getByText('Eliminare tutte le caselle seguite (1)')).toBeVisible();
  await expect(options.getByRole('button', { name: 'Sì, cancella tutto' })).toBeFocused();
  expect(await seriousViolations(options)).toEqual([]);
  await options.getByRole('button', { name: 'Sì, cancella tutto' }).click();
  await expect(options.getByText('Tutti i dati sono stati cancellati.')).toBeVisible();
  await expect(offsets).toHaveValue('14, 7, 3, 1, 0');
  await expect.poll(() => badgeText(extension.serviceWorker)).toBe('');
  await popup.reload();
  await expect(popup.getByRole('button', { name: 'Apri WebMail PEC' })).toBeVisible();
});

test.describe('in an English browser', () => {
  test.use({ uiLocale: 'en-US' });

  test('popup and options speak English', async ({ extension }, testInfo) => {
    const popup = await openPopup(extension);
    await expect(popup.getByRole('button', { name: 'I already have a password: enter its expiry' })).toBeVisible();
    await seedAccounts(popup, [
      account({ address: 'mario.rossi@pec.it', expiry: addDays(today(), 1) }),
      account({ address: 'old@pec.it', expiry: addDays(today(), -1) }),
    ]);
    await expect(rows(popup).first()).toContainText('Expired');
    await expect(rows(popup).first()).toContainText('expired 1 day ago');
    await expect(rows(popup).nth(1)).toContainText('1day');
    await expect(popup.getByRole('button', { name: 'Renew now mario.rossi@pec.it' })).toBeVisible();
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.screenshot({ path: testInfo.outputPath('popup-en.png') });

    const options = await openOptions(extension);
    await expect(options.getByRole('heading', { level: 1 })).toHaveText('Settings');
    await expect(options.getByLabel('Days before the expiry')).toHaveValue('14, 7, 3, 1, 0');
  });
});
