import type { Page } from '@playwright/test';
import { addDays, localToday } from '../../utils/dates/calendar-date';
import { account, openPopup, seedAccounts } from './extension-pages';
import { badgeText, expect, extensionState, test, type LoadedExtension } from './extension';
import { chipText } from './walk';

/*
 * Issue 15: a compromised page renderer can do what our content script can. Here what the popup
 * sends is sent from the content script's own world on an Aruba page (reached over the DevTools
 * protocol, as an attacker in the renderer would): the background must refuse every one of them.
 */

/** Runs `expression` in the isolated world our content script runs in on `page`. */
async function inContentScript(page: Page, extension: LoadedExtension, expression: string): Promise<unknown> {
  const session = await page.context().newCDPSession(page);
  const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  session.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context as (typeof contexts)[number]));
  await session.send('Runtime.enable');
  const world = await expect
    .poll(() => contexts.find((context) => context.auxData?.type === 'isolated' && context.origin.includes(extension.extensionId)), {
      timeout: 10_000,
    })
    .toBeDefined()
    .then(() => contexts.find((context) => context.auxData?.type === 'isolated' && context.origin.includes(extension.extensionId))!);
  const { result, exceptionDetails } = await session.send('Runtime.evaluate', {
    expression,
    contextId: world.id,
    awaitPromise: true,
    returnByValue: true,
  });
  await session.detach();
  return exceptionDetails ? { error: exceptionDetails.exception?.description ?? exceptionDetails.text } : result.value;
}

test("what the popup sends, sent by an Aruba page's content script, changes nothing and answers nothing", async ({ extension }) => {
  const popup = await openPopup(extension);
  const expiry = addDays(localToday(new Date()), 30);
  await seedAccounts(popup, [account({ address: 'mario.rossi@pec.it', expiry, programs: ['Outlook'], programsToUpdate: ['Outlook'] })]);
  await expect.poll(() => badgeText(extension.serviceWorker)).toBe('30');
  const page = await extension.context.newPage();
  await page.goto('https://webmail.pec.it/');
  // The page's own messages are answered first: its chip says the days left.
  await expect.poll(() => chipText(page)).toContain('scade tra 30 giorni');
  const before = await extensionState(extension.serviceWorker);
  const tabs = extension.context.pages().length;

  const replies = await inContentScript(
    page,
    extension,
    `(async () => {
      const messages = [
        { type: 'start-renewal', address: 'mario.rossi@pec.it' },
        { type: 'delete-account', address: 'mario.rossi@pec.it' },
        { type: 'clear-all' },
        { type: 'save-settings', settings: { offsets: [1] } },
        { type: 'set-program-updated', address: 'mario.rossi@pec.it', program: 'Outlook', updated: true },
        { type: 'mark-renewal-asked', address: 'mario.rossi@pec.it' },
        { type: 'move-capture', from: 'mario.rossi@pec.it', to: 'altro@pec.it' },
        { type: 'restore-account', account: { address: 'intruso@pec.it', expiry: '2027-01-01' } },
        { type: 'apply-import', backup: { accounts: [], renewals: [], settings: {} } },
      ];
      const replies = [];
      for (const message of messages) {
        try {
          replies.push(await chrome.runtime.sendMessage(message));
        } catch (error) {
          replies.push('no answer');
        }
      }
      return replies;
    })()`,
  );
  expect(Array.isArray(replies) ? replies.every((reply) => reply === 'no answer' || reply === undefined || reply === null) : replies).toBe(true);
  await page.waitForTimeout(500);
  expect(extension.context.pages().length).toBe(tabs);
  expect(await extensionState(extension.serviceWorker)).toBe(before);
  expect(await badgeText(extension.serviceWorker)).toBe('30');
});
