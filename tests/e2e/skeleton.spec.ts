/// <reference types="chrome" />
import { badgeText, expect, test } from './extension';

test('the content script recognizes a replica Aruba page and the background sets the badge', async ({ extension }) => {
  const page = await extension.context.newPage();
  await page.goto('https://webmail.pec.it/');
  await expect(page.getByRole('heading', { name: 'Posta in arrivo' })).toBeVisible();
  const tabId = await extension.serviceWorker.evaluate(async () => (await chrome.tabs.query({ url: 'https://webmail.pec.it/*' }))[0]?.id);
  await expect.poll(() => badgeText(extension.serviceWorker, tabId)).toBe('PEC');
});

test('popup renders in Italian', async ({ extension }) => {
  const page = await extension.context.newPage();
  await page.goto(`chrome-extension://${extension.extensionId}/popup.html`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Promemoria password PEC');
  await expect(page.locator('html')).toHaveAttribute('lang', 'it');
});

test.describe('in an English browser', () => {
  test.use({ uiLocale: 'en-US' });

  test('popup renders in English', async ({ extension }) => {
    const page = await extension.context.newPage();
    await page.goto(`chrome-extension://${extension.extensionId}/popup.html`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('PEC app-password reminder');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});
