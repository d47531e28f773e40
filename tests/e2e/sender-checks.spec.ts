import { addDays, localToday } from '../../utils/dates/calendar-date';
import { inContentScript } from '../harness/chromium/content-world';
import { account, openPopup, seedAccounts } from './extension-pages';
import { badgeText, expect, extensionState, test } from './extension';
import { chipText } from './walk';

/*
 * Issue 15: a compromised page renderer can do what our content script can. Here what the popup
 * sends is sent from the content script's own world on an Aruba page (reached over the DevTools
 * protocol, as an attacker in the renderer would): the background must refuse every one of them.
 */

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
    extension.extensionId,
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
