import { expect, extensionState, test } from './extension';
import { chipText } from './walk';

/**
 * The store failing under a capture (a full disk, a broken profile): the page says so at once, and
 * the date it read is sent again until the background keeps it (issue 16). IndexedDB is made to
 * refuse writes inside the service worker, where the background runs, then to accept them again.
 */
test('a date read while the store refuses writes is said on the page, and sent again until it is kept', async ({ extension }) => {
  await extension.serviceWorker.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    const flags = globalThis as { storeDown?: boolean };
    flags.storeDown = true;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (flags.storeDown && this.name === 'accounts') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  const page = await extension.context.newPage();
  await page.goto('https://gestionemail.pec.it/sicurezza-e-password');
  await expect.poll(() => chipText(page)).toContain("Impossibile leggere i dati salvati dell'estensione");
  expect(await extensionState(extension.serviceWorker)).toContain('{"accounts":[]}');

  await extension.serviceWorker.evaluate(() => {
    (globalThis as { storeDown?: boolean }).storeDown = false;
  });
  await expect.poll(() => chipText(page), { timeout: 15_000 }).toContain('Scadenza registrata per mario.rossi@pec.it');
  expect(await extensionState(extension.serviceWorker)).toMatch(/"accounts":\[\{"address":"mario\.rossi@pec\.it"/);
});
