import { addDays, formatItalianDate, localToday } from '../../utils/dates/calendar-date';
import { account, openOptions, openPopup, seedAccounts, seriousViolations } from './extension-pages';
import { expect, test } from './extension';

const today = () => localToday(new Date());

test('the due-list groups mailboxes by days left, filters, and asks a client by mailto without network', async ({ extension }) => {
  const popup = await openPopup(extension);
  await seedAccounts(popup, [
    account({ address: 'bar@pec.it', expiry: addDays(today(), 3), owner: 'Bar Sport <b>di</b> Rossi', contact: 'mario@example.com' }),
    account({ address: 'scaduta@pec.it', expiry: addDays(today(), -1), owner: 'Studio Verdi' }),
    account({ address: 'lontana@pec.it', expiry: addDays(today(), 80) }),
  ]);
  // An office's account: the popup offers the due-list and the request to the client.
  await expect(popup.getByRole('link', { name: 'Chiedi il rinnovo al cliente per bar@pec.it' })).toHaveAttribute(
    'href',
    /^mailto:mario%40example\.com\?subject=/,
  );
  await expect(popup.getByRole('button', { name: 'Caselle in scadenza' })).toBeVisible();

  const page = await extension.context.newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(`chrome-extension://${extension.extensionId}/due-list.html`);
  await expect(page.getByRole('heading', { level: 1, name: 'Caselle in scadenza' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText([
    'Chiedi a tutti quelli in scadenza questa settimana',
    'Scadute (1)',
    'In scadenza questa settimana (1)',
    'Più avanti (1)',
  ]);
  await expect(page.getByText('Bar Sport <b>di</b> Rossi', { exact: true })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByLabel('Filtra per casella, cliente o e-mail').fill('verdi');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(['Chiedi a tutti quelli in scadenza questa settimana', 'Scadute (1)']);
  await page.getByLabel('Filtra per casella, cliente o e-mail').fill('');

  await page.getByRole('button', { name: 'Chiedi a tutti quelli in scadenza questa settimana' }).click();
  const ask = page.getByRole('link', { name: 'Chiedi il rinnovo al cliente per Bar Sport <b>di</b> Rossi' }).first();
  const href = await ask.getAttribute('href');
  expect(href).toMatch(/^mailto:mario%40example\.com\?subject=[^&]+&body=[^&]+$/);
  expect(decodeURIComponent(href!.split('&body=')[1]!)).toContain('Sicurezza e password');
  // Marking asked is what the click does; the mail program itself is not part of the test.
  await ask.evaluate((link: HTMLAnchorElement) => link.addEventListener('click', (event) => event.preventDefault()));
  await ask.click();
  await expect(page.getByText(/^Rinnovo chiesto il \d\d\/\d\d\/\d{4}$/)).toBeVisible();
  await expect(page.getByRole('status').first()).toHaveText(/Nessun cliente da avvisare questa settimana/);
  expect(requests.filter((url) => !url.startsWith('chrome-extension://'))).toEqual([]);
});

test('an office imports its clients from an Italian Excel CSV, sees the bad rows, and confirms', async ({ extension }) => {
  const popup = await openPopup(extension);
  await popup.close();
  const options = await openOptions(extension);
  const csv = `\uFEFFCasella;Cliente;E-mail;Scadenza\r\nbar@pec.it;"Bar Sport; Rossi";mario@example.com;${formatItalianDate(addDays(today(), 5))}\r\nnon valida;X;;\r\n`;
  await options.getByLabel('File CSV').setInputFiles({ name: 'clienti.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(options.getByRole('alert')).toContainText('Riga 3: «non valida» non è un indirizzo PEC.');
  const preview = options.getByRole('group', { name: 'Cosa cambia importando «clienti.csv»' });
  await expect(preview).toContainText('Caselle nuove: 1');
  expect(await seriousViolations(options)).toEqual([]);
  await preview.getByRole('button', { name: 'Importa', exact: true }).click();
  await expect(options.getByRole('region', { name: 'Importa caselle da un foglio di calcolo (CSV)' }).getByRole('status')).toHaveText(/1/);

  const page = await extension.context.newPage();
  await page.goto(`chrome-extension://${extension.extensionId}/due-list.html`);
  await expect(page.getByRole('region', { name: 'In scadenza questa settimana (1)' })).toContainText('Bar Sport; Rossi');
});
