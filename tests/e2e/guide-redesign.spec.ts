import { expect, test } from './extension';
import { cardText, highlighted } from './walk';
import { stepLineOf } from '../harness/renewal-walks';

// Replica "redesigns" of Aruba's pages (tests/fixtures/pages/redesign-*.html). The guide is on
// (nothing is stored yet), so the page must never be left without directions.

test('a label Aruba renamed to a synonym is offered as a guess, never highlighted as sure', async ({ extension }, testInfo) => {
  const page = await extension.context.newPage();
  await page.goto('https://gestionemail.pec.it/sicurezza-e-password?versione=2027');
  await expect.poll(() => cardText(page), { timeout: 10_000 }).toContain('Forse è questo: «Modifica»?');
  expect(await cardText(page)).toContain('premi «Gestisci»');
  await expect(highlighted(page)).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('maybe.png') });
  // The guess does not take the click either.
  await page.getByRole('button', { name: 'Modifica' }).click();
  await expect(page).toHaveURL(/verifica-in-2-passaggi/);
});

test('a step it cannot find at all is described in words after a few seconds', async ({ extension }) => {
  const page = await extension.context.newPage();
  await page.goto('https://account.aruba.it/pec?versione=2027');
  expect(await cardText(page)).toBe('');
  await expect.poll(() => cardText(page), { timeout: 10_000 }).toContain(stepLineOf('account-app-passwords'));
  expect(await cardText(page)).toContain('sezione Sicurezza, premi «Password per programmi di posta»');
  expect(await cardText(page)).toContain('Non lo trovo su questa pagina');
  await expect(highlighted(page)).toHaveCount(0);
});
