import type { PageOutline } from '../../utils/page/outline';
import { CANARY_PASSWORD } from '../harness/site';
import { openPopup, seriousViolations } from './extension-pages';
import { expect, test, type LoadedExtension } from './extension';
import { readOverlay } from './walk';

const TWO_STEP = 'https://gestionemail.pec.it/verifica-in-2-passaggi';

/**
 * The toolbar popup opens over the tab the user is looking at. A popup opened as a tab is itself
 * the active tab: the test makes the Aruba tab active again, as it would be under the real popup,
 * and reloads the popup (still open in its background tab) so it looks at the tabs afresh.
 */
async function popupOver(extension: LoadedExtension, url: string) {
  const popup = await openPopup(extension);
  await expect(popup.getByRole('button', { name: 'Segnala questa pagina' })).toHaveCount(0);
  await extension.serviceWorker.evaluate(async (wanted) => {
    const [tab] = await chrome.tabs.query({ url: wanted });
    await chrome.tabs.update(tab!.id, { active: true });
  }, url);
  await popup.reload();
  return popup;
}

test('"Segnala questa pagina" reads nothing while the new password is on screen, then shows and copies an outline without its mailbox, dates or password', async ({
  extension,
}, testInfo) => {
  const aruba = await extension.context.newPage();
  await aruba.goto(TWO_STEP);
  await aruba.locator('#generate').click();
  await expect(aruba.getByText(CANARY_PASSWORD)).toBeVisible();

  const popup = await popupOver(extension, TWO_STEP);
  await popup.getByRole('button', { name: 'Segnala questa pagina' }).click();
  await expect(popup.getByRole('status')).toContainText('Chiudi prima la finestra con la nuova password');
  await expect(popup.getByLabel('Testo che verrà copiato')).toHaveCount(0);
  expect(await popup.content()).not.toContain(CANARY_PASSWORD);

  await aruba.getByRole('button', { name: 'Chiudi', exact: true }).click();
  await expect(aruba.getByText(CANARY_PASSWORD)).toHaveCount(0);
  await popup.getByRole('button', { name: 'Segnala questa pagina' }).click();
  const preview = popup.getByLabel('Testo che verrà copiato');
  await expect(preview).toBeFocused();
  const text = await preview.inputValue();
  const outline = JSON.parse(text) as PageOutline;
  expect(outline).toMatchObject({ format: 'pec-page-outline', version: 1, host: 'gestionemail.pec.it', path: '/verifica-in-[n]-passaggi' });
  expect(outline.clickables).toContainEqual({ role: 'button', label: 'Genera password per programmi di posta' });
  // The guide's chip is on the page too, but it is the extension's, not Aruba's.
  const overlay = await readOverlay(aruba);
  const ours = [...(overlay.card?.buttons ?? []), ...(overlay.chip?.buttons ?? [])].map((button) => button.name);
  expect(ours.length).toBeGreaterThan(0);
  for (const name of ours) expect(outline.clickables).not.toContainEqual({ role: 'button', label: name });
  expect(text).not.toContain(CANARY_PASSWORD);
  expect(text.toLowerCase()).not.toContain('mario.rossi');
  expect(text).not.toContain('@');
  expect(JSON.stringify([outline.path, outline.headings, outline.clickables])).not.toMatch(/\d/);
  await expect(popup.getByText("invialo a chi mantiene l'estensione", { exact: false })).toBeVisible();
  expect(await seriousViolations(popup)).toEqual([]);
  await popup.screenshot({ path: testInfo.outputPath('popup-report.png'), fullPage: true });

  await extension.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await popup.bringToFront();
  await popup.getByRole('button', { name: 'Copia' }).click();
  await expect(popup.getByRole('status')).toHaveText('Copiato negli appunti.');
  expect(await popup.evaluate(() => navigator.clipboard.readText())).toBe(text);
});
