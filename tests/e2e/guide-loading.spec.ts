import { addDays, localToday } from '../../utils/dates/calendar-date';
import { guideRuns, inContentScript } from '../harness/chromium/content-world';
import { account, openPopup, seedAccounts } from './extension-pages';
import { expect, recordMessages, test } from './extension';
import { chipText, highlighted } from './walk';

/*
 * Issue 17: the page people read all day runs the loader alone; the guide is injected when it has
 * work. These tests ask the extension's own world of the page whether the guide runs there.
 */

const MAILBOX = 'mario.rossi@pec.it';

const guideModes = (seen: unknown[], stage: string) =>
  seen.filter((message) => (message as { type?: string; stage?: string }).type === 'guide-mode' && (message as { stage?: string }).stage === stage);

test.describe('with the guide quiet (the expiry far away)', () => {
  test.beforeEach(async ({ extension }) => {
    const popup = await openPopup(extension);
    await seedAccounts(popup, [account({ address: MAILBOX, expiry: addDays(localToday(new Date()), 60) })]);
    await popup.close();
  });

  test('the WebMail runs the loader and its chip alone, until a click on one of the path’s labels loads the guide', async ({ extension }) => {
    const seen = await recordMessages(extension);
    const page = await extension.context.newPage();
    await page.goto('https://webmail.pec.it/new/messages/INBOX');
    await expect.poll(() => chipText(page)).toContain('Password per programmi di posta: scade tra 60 giorni');
    // The new WebMail draws itself a second after load; a click on what is not a label loads nothing.
    await page.getByRole('button', { name: 'Passa alla creazione del messaggio' }).click();
    await page.locator('aru-button#user').click();
    await page.waitForTimeout(300);
    expect(await guideRuns(page, extension.extensionId)).toBe(false);
    expect(guideModes(await seen(), 'guide')).toEqual([]);

    // «Impostazioni», the first step of the old path: the guide comes, and keeps the chip on.
    await page.getByRole('button', { name: 'Impostazioni' }).click();
    await expect.poll(() => guideRuns(page, extension.extensionId)).toBe(true);
    await expect.poll(async () => guideModes(await seen(), 'guide').length).toBe(1);
    await expect.poll(() => chipText(page)).toContain('scade tra 60 giorni');
    expect(await page.locator('pec-password-assistant').count()).toBe(1);
    await expect(highlighted(page)).toHaveCount(0);
  });

  test('a page of the path loads the guide at once: by its URL, or by its top heading', async ({ extension }) => {
    const page = await extension.context.newPage();
    await page.goto('https://gestionemail.pec.it/verifica-in-2-passaggi');
    await expect.poll(() => guideRuns(page, extension.extensionId)).toBe(true);
    // The WebMail's settings say «Informazioni casella» in their heading.
    await page.goto('https://webmail.pec.it/settings');
    await expect.poll(() => guideRuns(page, extension.extensionId)).toBe(true);
    await page.goto('https://webmail.pec.it/');
    await expect.poll(() => chipText(page)).toContain('scade tra 60 giorni');
    expect(await guideRuns(page, extension.extensionId)).toBe(false);
  });

  test('a guide injected twice into one page runs once', async ({ extension }) => {
    const seen = await recordMessages(extension);
    const page = await extension.context.newPage();
    await page.goto('https://webmail.pec.it/');
    await expect.poll(() => chipText(page)).toContain('scade tra 60 giorni');
    const answers = await inContentScript(
      page,
      extension.extensionId,
      `Promise.all([chrome.runtime.sendMessage({ type: 'load-guide' }), chrome.runtime.sendMessage({ type: 'load-guide' })])`,
    );
    expect(answers).toEqual([true, true]);
    await expect.poll(() => guideRuns(page, extension.extensionId)).toBe(true);
    await page.waitForTimeout(500);
    expect(guideModes(await seen(), 'guide')).toHaveLength(1);
    expect(await page.locator('pec-password-assistant').count()).toBe(1);
    await expect.poll(() => chipText(page)).toContain('scade tra 60 giorni');
  });
});

test('with the guide on, the WebMail loads it at once and the first step is highlighted', async ({ extension }) => {
  const page = await extension.context.newPage();
  await page.goto('https://webmail.pec.it/');
  await expect(highlighted(page)).toHaveAttribute('data-pec-highlight', 'webmail-settings');
  expect(await guideRuns(page, extension.extensionId)).toBe(true);
});
