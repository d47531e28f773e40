import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import ICAL from 'ical.js';
import Papa from 'papaparse';
import { addDays, formatItalianDate, localToday } from '../../utils/dates/calendar-date';
import { account, openOptions, openPopup, seedAccounts, seriousViolations } from './extension-pages';
import { expect, test } from './extension';
import { cardText, chipText, readOverlay } from './walk';
import { stepLineOf } from '../harness/renewal-walks';

const today = () => localToday(new Date());

async function downloaded(options: Page, button: string): Promise<{ download: Download; text: string }> {
  const started = options.waitForEvent('download');
  await options.getByRole('button', { name: button, exact: true }).click();
  const download = await started;
  return { download, text: await readFile(await download.path(), 'utf8') };
}

const section = (page: Page, heading: string) => page.getByRole('region', { name: heading });

test('exports a JSON backup, a CSV and a calendar as downloads under the extension pages’ CSP', async ({ extension }) => {
  const popup = await openPopup(extension);
  await seedAccounts(popup, [
    account({ address: 'studio.rossi@pec.it', label: 'Studio Rossi; «archivio»', expiry: addDays(today(), 20), programs: ['Outlook'] }),
    account({ address: 'fatture@pec.studio.it', expiry: addDays(today(), -2) }),
  ]);
  const options = await openOptions(extension);
  const cspErrors: string[] = [];
  options.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
  });

  const json = await downloaded(options, 'Backup (JSON)');
  expect(json.download.suggestedFilename()).toBe(`pec-password-assistant-${today()}.json`);
  const backup = JSON.parse(json.text);
  expect(backup).toMatchObject({ format: 'pec-password-assistant', version: 4, settings: { offsets: [14, 7, 3, 1, 0] } });
  expect(backup.accounts).toHaveLength(2);
  await expect(section(options, 'Esporta').getByRole('status')).toHaveText(`File scaricato: pec-password-assistant-${today()}.json`);

  const csv = await downloaded(options, 'Foglio di calcolo (CSV)');
  expect(csv.text.startsWith('\uFEFFaddress;label;expiry;days_left;programs;programs_to_update\r\n')).toBe(true);
  const rows = Papa.parse<string[]>(csv.text.slice(1), { delimiter: ';', skipEmptyLines: true }).data;
  expect(rows.slice(1)).toEqual([
    ['fatture@pec.studio.it', '', formatItalianDate(addDays(today(), -2)), '-2', '', ''],
    ['studio.rossi@pec.it', 'Studio Rossi; «archivio»', formatItalianDate(addDays(today(), 20)), '20', 'Outlook', ''],
  ]);

  const ics = await downloaded(options, 'Calendario (.ics)');
  const events = new ICAL.Component(ICAL.parse(ics.text)).getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
  expect(events.map((event) => [event.uid, event.startDate.toString()]).sort()).toEqual([
    ['fatture%40pec.studio.it@pec-password-assistant', addDays(today(), -2)],
    ['studio.rossi%40pec.it@pec-password-assistant', addDays(today(), 20)],
  ]);
  expect(cspErrors).toEqual([]);
  expect(await seriousViolations(options)).toEqual([]);
});

test('imports a backup after showing what changes; a bad file is refused and changes nothing', async ({ extension }, testInfo) => {
  const popup = await openPopup(extension);
  await seedAccounts(popup, [account({ address: 'mario.rossi@pec.it', expiry: addDays(today(), 30) })]);
  const options = await openOptions(extension);
  const file = options.getByLabel('File di backup (JSON)');

  await file.setInputFiles({
    name: 'rotto.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"pec-password-assistant","version":1,"acc'),
  });
  await expect(options.getByRole('alert')).toHaveText('Il file non è JSON valido: forse è incompleto o danneggiato. Nessun dato è stato cambiato.');
  expect(await seriousViolations(options)).toEqual([]);

  const hostile = '<img src=x onerror="document.title=`pwned`">';
  const backup = {
    format: 'pec-password-assistant',
    version: 2,
    exportedAt: new Date().toISOString(),
    accounts: [
      account({ address: 'mario.rossi@pec.it', expiry: addDays(today(), 120), capturedAt: Date.now() }),
      account({ address: 'nuova@pec.it', label: hostile, expiry: addDays(today(), 10) }),
    ],
    renewals: [],
    settings: { offsets: [30, 7], hour: 9, quietChip: true, language: 'auto', officeLeadDays: 10, requestTemplate: '' },
  };
  await file.setInputFiles({ name: 'studio.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  const preview = options.getByRole('group', { name: 'Cosa cambia importando «studio.json»' });
  await expect(preview).toBeFocused();
  await expect(preview).toContainText('Caselle nuove: 1');
  await expect(preview).toContainText(`${hostile} (nuova@pec.it) — scadenza ${formatItalianDate(addDays(today(), 10))}`);
  await expect(preview).toContainText(
    `mario.rossi@pec.it — scadenza ${formatItalianDate(addDays(today(), 30))} → ${formatItalianDate(addDays(today(), 120))}`,
  );
  await expect(options.locator('img')).toHaveCount(0);
  expect(await seriousViolations(options)).toEqual([]);
  await options.screenshot({ path: testInfo.outputPath('options-import-preview.png'), fullPage: true });

  await options.getByRole('button', { name: 'Non importare' }).click();
  await expect(file).toBeFocused();
  await popup.reload();
  await expect(popup.getByRole('listitem')).toHaveCount(1);

  await file.setInputFiles({ name: 'studio.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  await options.getByRole('button', { name: 'Importa', exact: true }).click();
  await expect(section(options, 'Importa un backup').getByRole('status')).toHaveText('Importazione completata: caselle nuove 1, aggiornate 1.');
  await expect(options.getByLabel('Giorni prima della scadenza')).toHaveValue('30, 7');
  await expect.poll(async () => await extension.serviceWorker.evaluate(() => chrome.action.getBadgeText({}))).toBe('10');
  await popup.reload();
  await expect(popup.getByRole('listitem')).toHaveCount(2);
  expect(await options.title()).not.toBe('pwned');
});

test('choosing English in an Italian browser changes the options, the popup, the badge title and the guide on Aruba’s pages', async ({
  extension,
}, testInfo) => {
  const options = await openOptions(extension);
  await options.getByLabel("Lingua dell'estensione").selectOption('en');
  await options.getByRole('button', { name: 'Applica' }).click();
  await expect(options.getByRole('heading', { level: 1 })).toHaveText('Settings');
  await expect(options.getByRole('button', { name: 'Apply' })).toBeFocused();
  await expect(options.locator('html')).toHaveAttribute('lang', 'en');
  expect(await seriousViolations(options)).toEqual([]);
  await options.screenshot({ path: testInfo.outputPath('options-en.png'), fullPage: true });

  const popup = await openPopup(extension);
  await expect(popup.getByRole('button', { name: 'I already have a password: enter its expiry' })).toBeVisible();
  await expect(popup.locator('html')).toHaveAttribute('lang', 'en');
  await seedAccounts(popup, [account({ address: 'mario.rossi@pec.it', expiry: addDays(today(), 5) })]);
  await expect.poll(() => extension.serviceWorker.evaluate(() => chrome.action.getTitle({}))).toContain('mario.rossi@pec.it: expires on');

  const page = await extension.context.newPage();
  await page.goto('https://webmail.pec.it/');
  await expect.poll(() => cardText(page)).toContain(stepLineOf('webmail-settings', 'en'));
  expect((await readOverlay(page)).card?.buttons.map((button) => button.name)).toEqual(['Not now']);

  // Back to the browser's language: Italian again everywhere, the guide included.
  await options.getByLabel('Extension language').selectOption('auto');
  await options.getByRole('button', { name: 'Apply' }).click();
  await expect(options.getByRole('heading', { level: 1 })).toHaveText('Impostazioni');
  await page.reload();
  await expect.poll(() => cardText(page)).toContain(stepLineOf('webmail-settings'));
  expect(await chipText(page)).toBe('');
});
