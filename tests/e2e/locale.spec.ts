import { expect, test } from './extension';

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
