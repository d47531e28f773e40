import type { Page } from '@playwright/test';
import { addDays, localToday } from '../../utils/dates/calendar-date';
import { OVERLAY_TAG } from '../../utils/page/walk';
import { account, openPopup, seedAccounts } from './extension-pages';
import { expect, recordMessages, test, type LoadedExtension } from './extension';
import { cardText, chipText, pressInOverlay, readOverlay } from './walk';

/*
 * What an Aruba page's own scripts (an XSS on Aruba, a hostile extension of the page) can do to
 * our overlay (issue 16): it lives in a closed shadow root and acts on trusted events only, so a
 * script can neither read the days left nor press «Non ora» or the chip's close; and a page that
 * names no mailbox is told only about its tab's, never the soonest of all.
 */

const today = () => localToday(new Date());

async function seeded(extension: LoadedExtension, accounts: Parameters<typeof account>[0][]): Promise<void> {
  const popup = await openPopup(extension);
  await seedAccounts(popup, accounts.map(account));
  await popup.close();
}

/**
 * Everything the page's scripts can read of the document: its text, its open shadow roots', and
 * our host element as they see it (its attributes, its children, whether it has an open root).
 */
function whatThePageSees(page: Page): Promise<{ text: string; host: { shadowRoot: boolean; html: string; attributes: string[] } | null }> {
  return page.evaluate((tag) => {
    const texts: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      texts.push(root instanceof Document ? root.documentElement.innerText : (root.host as HTMLElement).innerText);
      for (const element of root.querySelectorAll('*')) if (element.shadowRoot) walk(element.shadowRoot);
    };
    walk(document);
    const host = document.querySelector(tag);
    return {
      text: texts.join('\n'),
      host: host && { shadowRoot: host.shadowRoot !== null, html: host.innerHTML, attributes: host.getAttributeNames() },
    };
  }, OVERLAY_TAG);
}

/** A script's presses at `points` (where our buttons are drawn): clicks, on what the page finds there, and Esc. */
function scriptPresses(page: Page, points: { x: number; y: number }[]): Promise<void> {
  return page.evaluate(
    ({ tag, points }) => {
      const host = document.querySelector(tag)!;
      for (const { x, y } of points) {
        const target = document.elementFromPoint(x, y) ?? host;
        for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
          target.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, clientX: x, clientY: y }));
        }
      }
      (host as HTMLElement).click();
      for (const target of [host, document.body, document]) {
        target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
      }
    },
    { tag: OVERLAY_TAG, points },
  );
}

const dismissals = (messages: unknown[]) => messages.filter((message) => (message as { type?: string }).type === 'guide-dismissed');

test('a page script can neither press «Non ora» nor close the chip, nor read what they say', async ({ extension }) => {
  await seeded(extension, [{ address: 'mario.rossi@pec.it', expiry: addDays(today(), 5) }]);
  const seen = await recordMessages(extension);
  const page = await extension.context.newPage();
  await page.goto('https://webmail.pec.it/');
  await expect.poll(() => cardText(page)).toContain('Impostazioni');
  const overlay = await readOverlay(page);
  const notNow = overlay.card!.buttons.find((button) => button.name === 'Non ora')!;
  expect(notNow).toBeDefined();

  await scriptPresses(page, [notNow]);
  await page.waitForTimeout(500);
  expect(await cardText(page)).toContain('Impostazioni');
  expect(dismissals(await seen())).toEqual([]);
  const seenByPage = await whatThePageSees(page);
  expect(seenByPage.host).toEqual({ shadowRoot: false, html: '', attributes: [] });
  expect(seenByPage.text).not.toContain('Non ora');
  expect(seenByPage.text).not.toMatch(/Passo \d di \d/);

  // The same button pressed by a person does dismiss: the test can tell the two apart.
  await pressInOverlay(page, 'card', 'Non ora');
  await expect.poll(() => cardText(page)).toBe('');
  await expect.poll(async () => dismissals(await seen())).toHaveLength(1);
});

test('a page script that closes the chip or renames the header learns nothing of the other mailboxes', async ({ extension }) => {
  await seeded(extension, [
    { address: 'mario.rossi@pec.it', expiry: addDays(today(), 63) },
    { address: 'cliente.riservato@pec.it', expiry: addDays(today(), 40) },
  ]);
  const page = await extension.context.newPage();
  await page.goto('https://webmail.pec.it/');
  await expect.poll(() => chipText(page)).toContain('scade tra 63 giorni');
  const close = (await readOverlay(page)).chip!.buttons[0]!;

  await scriptPresses(page, [close]);
  await page.waitForTimeout(500);
  expect(await chipText(page)).toContain('scade tra 63 giorni');

  // The script names another tracked mailbox in the header and clicks it, to make the chip speak of it.
  await page.evaluate(() => {
    const header = [...document.querySelectorAll('span')].find((span) => span.textContent === 'mario.rossi@pec.it')!;
    header.textContent = 'cliente.riservato@pec.it';
    header.click();
  });
  await page.waitForTimeout(1000);
  const seenByPage = await whatThePageSees(page);
  expect(seenByPage.host).toEqual({ shadowRoot: false, html: '', attributes: [] });
  expect(seenByPage.text).not.toMatch(/\d+ giorni|scade tra/);
});

test('a page that names no mailbox is told only about its tab’s, never the soonest of all', async ({ extension }) => {
  await seeded(extension, [
    { address: 'mario.rossi@pec.it', expiry: addDays(today(), 63) },
    { address: 'cliente.riservato@pec.it', expiry: addDays(today(), 5) },
  ]);
  const page = await extension.context.newPage();
  await page.goto('https://webmail.pec.it/settings');
  await expect.poll(() => chipText(page)).toContain('scade tra 63 giorni');
  // Same tab, a page without the mailbox: it is mario.rossi@pec.it's, by what the tab showed before.
  await page.goto('https://gestionemail.pec.it/verifica-in-2-passaggi?casella=nascosta');
  await expect.poll(() => chipText(page)).toContain('scade tra 63 giorni');
  await page.waitForTimeout(500);
  expect(await cardText(page)).toBe('');
  expect(await chipText(page)).not.toContain('5 giorni');
});
