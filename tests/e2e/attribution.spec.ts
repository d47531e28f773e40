import type { BrowserContext, Page, Worker } from '@playwright/test';
import { addDays, daysBetween, formatItalianDate, localToday } from '../../utils/dates/calendar-date';
import { fixtureDayShift } from '../harness/fixture-dates';
import { alarmsAsReminders } from '../harness/alarm-names';
import { CANARY_PASSWORD } from '../harness/site';
import { account, clickClosingPopup, openPopup, seedAccounts } from './extension-pages';
import { badgeText, expect, extensionState, launchWithExtension, recordMessages, startRenewal, test, type LoadedExtension } from './extension';
import { cardText, chipText, highlighted, walkGuide } from './walk';
import { stepLineOf } from '../harness/renewal-walks';
import type { StepId } from '../../utils/aruba/steps';

/*
 * Issue 14, classes 1 and 4: a date read on a page that does not name its mailbox is recorded at
 * once, for the mailbox its tab's context points to, or for one still to be named; a password far
 * from expiry is not pointed at.
 */

const today = () => localToday(new Date());
const shifted = (date: string) => addDays(date, fixtureDayShift());
const stepLine = (id: StepId) => stepLineOf(id);
const noPhoto = async () => undefined;

/** Every console line of the extension's pages, the Aruba pages (content script included) and the service worker. */
function recordLogs(extension: LoadedExtension): string[] {
  const lines: string[] = [];
  extension.context.on('console', (message) => lines.push(message.text()));
  extension.serviceWorker.on('console', (message) => lines.push(message.text()));
  return lines;
}

function storedAccounts(serviceWorker: Worker): Promise<{ address: string; expiry: string | null }[]> {
  return serviceWorker.evaluate(
    () =>
      new Promise((resolve) => {
        const open = indexedDB.open('pec-password-assistant');
        open.onsuccess = () => {
          const request = open.result.transaction('accounts').objectStore('accounts').getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
        };
      }),
  );
}

/** The alarms held, a reminder's as the key of the reminder it stands for (alarmsAsReminders). */
const alarmNames = async (serviceWorker: Worker) =>
  alarmsAsReminders(
    await serviceWorker.evaluate(async () => (await chrome.alarms.getAll()).map(({ name, scheduledTime }) => ({ name, scheduledTime }))),
  );

/** Nothing the extension keeps, receives or logs holds the password the replica windows show. */
async function expectNoCanary(extension: LoadedExtension, seen: () => Promise<unknown[]>, logs: string[]): Promise<void> {
  expect(await extensionState(extension.serviceWorker)).not.toContain(CANARY_PASSWORD);
  expect(JSON.stringify(await seen())).not.toContain(CANARY_PASSWORD);
  expect(logs.join('\n')).not.toContain(CANARY_PASSWORD);
}

async function openedBy(context: BrowserContext, click: () => Promise<void>): Promise<Page> {
  const opened = context.waitForEvent('page');
  await click();
  const page = await opened;
  await page.waitForLoadState();
  return page;
}

test('the old path: «Sicurezza e password» opens a tab whose pages name no mailbox, and its dates are the WebMail mailbox’s', async ({
  extension,
}) => {
  const seen = await recordMessages(extension);
  const logs = recordLogs(extension);
  await startRenewal(extension);
  const settings = await extension.context.newPage();
  await settings.goto('https://webmail.pec.it/settings?scheda=senza-casella');

  const hop = await walkGuide(extension.context, settings, ['webmail-security'], stepLine, noPhoto);
  expect(hop.url()).toBe('https://gestionemail.pec.it/sicurezza-e-password?casella=nascosta');
  // The current expiry, read on the way: the WebMail tab that opened this one named the mailbox.
  await expect.poll(() => chipText(hop)).toContain(`Scadenza registrata per mario.rossi@pec.it: ${formatItalianDate(shifted('2027-02-15'))}`);

  const end = await walkGuide(extension.context, hop, ['webmail-manage', 'webmail-generate'], stepLine, noPhoto);
  const expiry = shifted('2027-02-23');
  await expect.poll(() => cardText(end)).toContain('Premi «Copia» ora');
  await expect
    .poll(() => chipText(end))
    .toContain(`Scadenza registrata per mario.rossi@pec.it: ${formatItalianDate(expiry)} — ti avviseremo 14, 7, 3 e 1 giorno prima`);

  // No popup needed: the badge and the reminders are there.
  await expect.poll(() => badgeText(extension.serviceWorker)).toBe(String(daysBetween(today(), expiry)));
  // Its reminders are weeks away: the midnight alarm's pass gives each its alarm two days ahead (alarmHorizon).
  expect(await alarmNames(extension.serviceWorker)).toEqual(['badge-midnight']);
  expect(await storedAccounts(extension.serviceWorker)).toEqual([expect.objectContaining({ address: 'mario.rossi@pec.it', expiry })]);
  await expectNoCanary(extension, seen, logs);
});

test('without a renewal asked for, the guide stops pointing within a second of reading an expiry far away', async ({ extension }) => {
  const settings = await extension.context.newPage();
  await settings.goto('https://webmail.pec.it/settings?scheda=senza-casella');
  await expect(highlighted(settings)).toHaveAttribute('data-pec-highlight', 'webmail-security');
  const hop = await openedBy(extension.context, () => highlighted(settings).click());

  await expect.poll(() => chipText(hop)).toContain(`Scadenza registrata per mario.rossi@pec.it: ${formatItalianDate(shifted('2027-02-15'))}`);
  await expect(highlighted(hop)).toHaveCount(0, { timeout: 1000 });
  await expect.poll(() => cardText(hop)).toBe('');
  // On to «Verifica in 2 passaggi» by hand: «Genera password per programmi di posta» is not pointed at either.
  await hop.getByRole('button', { name: 'Gestisci' }).first().click();
  await expect(hop.getByRole('heading', { name: 'Verifica in 2 passaggi' })).toBeVisible();
  await hop.waitForTimeout(1000);
  await expect(highlighted(hop)).toHaveCount(0);
});

test('a renewal started from the popup for one of several mailboxes records its new expiry for that mailbox', async ({ extension }) => {
  const seen = await recordMessages(extension);
  const logs = recordLogs(extension);
  const popup = await openPopup(extension);
  const others = [
    account({ address: 'mario.rossi@pec.it', expiry: addDays(today(), 30) }),
    account({ address: 'altra@pec.it', expiry: addDays(today(), 10) }),
  ];
  await seedAccounts(popup, [...others, account({ address: 'studio@pec.it', expiry: addDays(today(), 60) })]);

  // Not signed in yet: the renewal's tab shows no console at first (the replica of the signed-in
  // console names mario.rossi@pec.it, and a page that names its mailbox wins).
  await extension.context.route('https://account.aruba.it/pec', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: '<!doctype html><html lang="it"><title>Accesso</title></html>' }),
  );
  const renewal = await openedBy(extension.context, () => clickClosingPopup(popup, popup.getByRole('button', { name: 'Rinnova ora studio@pec.it' })));
  // Signed in, the console comes in the same tab, naming no mailbox.
  await renewal.goto('https://account.aruba.it/pec?casella=nascosta');
  // 60 days left, yet the guide is on: this renewal was asked for.
  const end = await walkGuide(extension.context, renewal, ['account-app-passwords', 'account-activate'], stepLine, noPhoto);
  const expiry = shifted('2027-02-21');
  await expect.poll(() => chipText(end)).toContain(`Scadenza registrata per studio@pec.it: ${formatItalianDate(expiry)}`);

  const stored = await storedAccounts(extension.serviceWorker);
  expect(stored.find((record) => record.address === 'studio@pec.it')?.expiry).toBe(expiry);
  for (const other of others) expect(stored.find((record) => record.address === other.address)?.expiry).toBe(other.expiry);
  expect(await alarmNames(extension.serviceWorker)).toContain('badge-midnight');
  await expect.poll(() => badgeText(extension.serviceWorker)).toBe('10');
  await expectNoCanary(extension, seen, logs);
});

test('with nothing to say whose it is, the date is tracked at once as a mailbox to be named, across a restart, until named in the popup', async ({
  extension,
  profileDir,
}) => {
  const seen = await recordMessages(extension);
  const logs = recordLogs(extension);
  // Opened on its own: no earlier page, no opener, no renewal, nothing tracked.
  const page = await extension.context.newPage();
  await page.goto('https://gestionemail.pec.it/verifica-in-2-passaggi?casella=nascosta');
  await expect(highlighted(page)).toHaveAttribute('data-pec-highlight', 'webmail-generate');
  await highlighted(page).click();
  const expiry = shifted('2027-02-23');
  const date = formatItalianDate(expiry);
  await expect
    .poll(() => chipText(page))
    .toContain(`Scadenza registrata per una casella da indicare: ${date} — ti avviseremo 14, 7, 3 e 1 giorno prima. Indica quale`);
  const days = String(daysBetween(today(), expiry));
  await expect.poll(() => badgeText(extension.serviceWorker)).toBe(days);
  expect(await alarmNames(extension.serviceWorker)).toContain('badge-midnight');
  await expectNoCanary(extension, seen, logs);
  await extension.context.close();

  const again = await launchWithExtension(profileDir);
  try {
    await expect.poll(() => badgeText(again.serviceWorker)).toBe(days);
    expect(await again.serviceWorker.evaluate(() => chrome.action.getTitle({}))).toContain(`casella da indicare: scade il ${date}`);

    const popup = await openPopup(again);
    await expect(popup.getByRole('heading', { name: 'Casella da indicare' })).toBeVisible();
    const question = popup.getByLabel(`Di quale casella è la scadenza ${date}?`);
    await question.fill('non è un indirizzo');
    await popup.getByRole('button', { name: 'Salva' }).click();
    await expect(question).toHaveAccessibleDescription(/Non è un indirizzo PEC valido/);
    await question.fill('Fatture@PEC.studio.it');
    await popup.getByRole('button', { name: 'Salva' }).click();

    await expect(question).toHaveCount(0);
    await expect(popup.getByRole('listitem').filter({ has: popup.getByRole('heading', { name: 'fatture@pec.studio.it' }) })).toContainText(
      `Scade il ${date}`,
    );
    await expect(popup.getByText('Casella da indicare')).toHaveCount(0);
    expect((await alarmNames(again.serviceWorker)).some((name) => name.includes('unnamed:'))).toBe(false);
    expect(await badgeText(again.serviceWorker)).toBe(days);
    expect(again.blocked).toEqual([]);
  } finally {
    await again.context.close();
  }
});
