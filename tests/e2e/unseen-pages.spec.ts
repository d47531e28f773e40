import type { Page } from '@playwright/test';
import type { StepId } from '../../utils/aruba/steps';
import { addDays, daysBetween, formatItalianDate, localToday } from '../../utils/dates/calendar-date';
import { fixtureDayShift, shiftFixtureDates } from '../harness/fixture-dates';
import { CANARY_PASSWORD } from '../harness/site';
import { unseenCase } from '../harness/unseen-pages';
import { badgeText, expect, extensionState, recordMessages, startRenewal, test, type LoadedExtension } from './extension';
import { cardText, chipText, highlighted } from './walk';
import { stepLineOf } from '../harness/renewal-walks';

// Issue 14 in Chromium with the built extension, on a subset of the unseen replica pages
// (tests/harness/unseen-pages.ts): what carries data-pec-highlight, what the card says (read
// through cardText only), what expiry is captured, and the password nowhere.

const MAILBOX = 'mario.rossi@pec.it';
/** A replica's date as served today (the router moves every date by the days since they were written). */
const served = (date: string) => shiftFixtureDates(date);
const isoServed = (iso: string) => addDays(iso, fixtureDayShift());

type Messages = () => Promise<unknown[]>;

/**
 * Records every message, console line and the whole store; `check` proves the password is in
 * none of them and returns the messages.
 */
async function watchForThePassword(extension: LoadedExtension): Promise<{ messages: Messages; check: () => Promise<unknown[]> }> {
  const lines: string[] = [];
  extension.context.on('console', (line) => lines.push(line.text()));
  extension.serviceWorker.on('console', (line) => lines.push(line.text()));
  const messages = await recordMessages(extension);
  return {
    messages,
    check: async () => {
      const seen = await messages();
      expect(JSON.stringify(seen), 'a message holds the password').not.toContain(CANARY_PASSWORD);
      expect(await extensionState(extension.serviceWorker), 'the store holds the password').not.toContain(CANARY_PASSWORD);
      expect(lines.join('\n'), 'a console line holds the password').not.toContain(CANARY_PASSWORD);
      return seen;
    },
  };
}

const ofType = (seen: unknown[], type: string) => seen.filter((message) => (message as { type?: string }).type === type) as Record<string, unknown>[];

/** The one highlighted element is the one the page marks for `step` (the host or what is inside it). */
async function expectHighlightOn(page: Page, step: StepId): Promise<void> {
  await expect(highlighted(page)).toHaveCount(1, { timeout: 10_000 });
  await expect(highlighted(page)).toHaveAttribute('data-pec-highlight', step);
  const onTarget = await highlighted(page).evaluate((element, id) => {
    for (let node: Node | null = element; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
      if (node instanceof Element && node.getAttribute('data-replica-expect') === id) return true;
    }
    return false;
  }, step);
  expect(onTarget, `the highlight is on what a person clicks for ${step}`).toBe(true);
  await expect.poll(() => cardText(page)).toContain(stepLineOf(step));
}

/** Nothing inside page content (a message, a frame, an editor, the message list) is highlighted. */
async function expectNoLureHighlighted(page: Page): Promise<void> {
  const onLure = await page.evaluate(() => {
    const all = (root: Document | ShadowRoot): Element[] =>
      [...root.querySelectorAll('*')].flatMap((element) => [element, ...(element.shadowRoot ? all(element.shadowRoot) : [])]);
    return all(document)
      .filter((element) => element.hasAttribute('data-pec-highlight'))
      .some((element) => {
        for (let node: Node | null = element; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
          if (node instanceof Element && node.hasAttribute('data-replica-lure')) return true;
        }
        return false;
      });
  });
  expect(onLure, 'a lure carries the highlight').toBe(false);
}

test.describe('§2 the new WebMail', () => {
  test('highlights the user menu, a custom element named only by the address, and reads the mailbox from it', async ({ extension }) => {
    const watch = await watchForThePassword(extension);
    const page = await extension.context.newPage();
    await page.goto(unseenCase('new WebMail: user menu named by title').url);
    await expectHighlightOn(page, 'account-user-menu');
    await expectNoLureHighlighted(page);
    const addresses = ofType(await watch.check(), 'guide-mode').map((message) => message.address);
    expect(addresses).toContain(MAILBOX);
    expect(addresses.filter((address) => address !== null && address !== MAILBOX)).toEqual([]);
  });

  test('highlights «Gestione account» in the menu the user menu opens', async ({ extension }) => {
    const page = await extension.context.newPage();
    await page.goto(unseenCase('new WebMail: Gestione account in the open menu').url);
    await page.locator('[data-replica-click="user-menu"]').click();
    await expectHighlightOn(page, 'account-open');
  });
});

test.describe('§5 page content is not Aruba', () => {
  test('new WebMail: a phishing message copying Aruba is never vouched for, its window and date never taken', async ({ extension }) => {
    const watch = await watchForThePassword(extension);
    const page = await extension.context.newPage();
    await page.goto(unseenCase('new WebMail: phishing message in the reading pane').url);
    await page.locator('[data-replica-lure="message"]').waitFor();
    await expectHighlightOn(page, 'account-user-menu');
    await expectNoLureHighlighted(page);
    const seen = await watch.check();
    expect(ofType(seen, 'expiry-seen'), 'an expiry was taken from the message').toEqual([]);
    expect(ofType(seen, 'guide-mode').map((message) => message.address)).not.toContain('verifica.caselle@aruba-pec-supporto.com');
  });

  test("old WebMail: Aruba's own newsletter linking to Aruba's pages is still a message, not the interface", async ({ extension }) => {
    const page = await extension.context.newPage();
    await page.goto(unseenCase("old WebMail: Aruba's newsletter linking to Aruba").url);
    await expectHighlightOn(page, 'webmail-settings');
    await expectNoLureHighlighted(page);
  });

  test('old WebMail: a password window inside a message is not the password window', async ({ extension }) => {
    const watch = await watchForThePassword(extension);
    const page = await extension.context.newPage();
    await page.goto(unseenCase('old WebMail: phishing message with a password window in it').url);
    await expectHighlightOn(page, 'webmail-settings');
    expect(await cardText(page)).not.toContain('Copia');
    expect(ofType(await watch.check(), 'expiry-seen'), 'an expiry was taken from the message').toEqual([]);
  });
});

test.describe('§3 which step a page is, by what it shows', () => {
  test('a «Verifica in 2 passaggi» page at an unknown URL with the button renamed describes step 4, never sends the user back', async ({
    extension,
  }) => {
    const page = await extension.context.newPage();
    await page.goto(unseenCase('Verifica in 2 passaggi at a new URL, generate button renamed').url);
    await expect.poll(() => cardText(page), { timeout: 10_000 }).toContain(stepLineOf('webmail-generate'));
    expect(await cardText(page)).not.toContain(stepLineOf('webmail-manage'));
    await expect(highlighted(page)).toHaveCount(0);
  });

  test('Gestione account with «Genera nuova password» renamed describes step 4, never the menu item of the page itself', async ({ extension }) => {
    await startRenewal(extension);
    const page = await extension.context.newPage();
    await page.goto(unseenCase('Gestione account: Genera nuova password renamed').url);
    await expect.poll(() => cardText(page), { timeout: 10_000 }).toContain(stepLineOf('account-generate-new'));
    expect(await cardText(page)).not.toContain(stepLineOf('account-app-passwords'));
    await expect(highlighted(page)).toHaveCount(0);
  });
});

test.describe('§6 the date, and nothing else', () => {
  test('account path: the date, the password and «Copia» in one block: only the date leaves the page', async ({ extension }) => {
    const watch = await watchForThePassword(extension);
    const page = await extension.context.newPage();
    await page.goto(unseenCase('account path: password window, blocco').url);
    await page.locator('[data-replica-click="generate"]').click();
    const date = served('21/02/2027');
    await expect.poll(() => chipText(page), { timeout: 10_000 }).toContain(date);
    expect(await chipText(page)).not.toContain(CANARY_PASSWORD);
    const seen = await watch.check();
    expect(ofType(seen, 'expiry-seen').map((message) => message.expiryText)).toEqual([date]);
  });

  test('old path: the password in the next sibling of the date: only the date leaves the page', async ({ extension }) => {
    const watch = await watchForThePassword(extension);
    const page = await extension.context.newPage();
    await page.goto(unseenCase('old path: password window, fratelli').url);
    await expect.poll(() => cardText(page), { timeout: 10_000 }).toContain('Premi «Copia» ora');
    await expect.poll(async () => ofType(await watch.messages(), 'expiry-seen').length).toBeGreaterThan(0);
    const seen = await watch.check();
    expect(ofType(seen, 'expiry-seen').map((message) => message.expiryText)).toEqual([served('23/02/2027')]);
    expect(await chipText(page)).not.toContain(CANARY_PASSWORD);
  });

  test('§1 a date read in a window that names no mailbox is tracked at once: the badge counts its days', async ({ extension }) => {
    const page = await extension.context.newPage();
    await page.goto(unseenCase('old path: password window, tabella').url);
    const expiry = isoServed('2027-02-23');
    await expect.poll(() => chipText(page), { timeout: 10_000 }).toContain(formatItalianDate(expiry));
    await expect.poll(() => badgeText(extension.serviceWorker)).toBe(String(daysBetween(localToday(new Date()), expiry)));
  });
});

test.describe("§7 Aruba's own layers", () => {
  test("new WebMail: under the welcome wizard nothing is rung; the card names it; after Aruba's «Non ora» the guide goes on by itself", async ({
    extension,
  }) => {
    const page = await extension.context.newPage();
    await page.goto(unseenCase('new WebMail: welcome wizard over the page').url);
    await page.locator('[data-replica-layer]').waitFor({ state: 'visible' });
    await page.waitForTimeout(1500);
    await expect(highlighted(page)).toHaveCount(0);
    await expect.poll(() => cardText(page)).toContain('Benvenuto nella nuova WebMail');
    // The page's own «Non ora», never ours.
    await page.locator('[data-replica-click="notice-close"]').click();
    await expectHighlightOn(page, 'account-user-menu');
  });

  test('old WebMail: under «Adegua la tua PEC» nothing is rung; the card names it; after «Capito» the guide goes on by itself', async ({
    extension,
  }) => {
    const page = await extension.context.newPage();
    await page.goto(unseenCase('old WebMail: «Adegua la tua PEC» over the top bar').url);
    await page.locator('[data-replica-layer]').waitFor({ state: 'visible' });
    await page.waitForTimeout(1500);
    await expect(highlighted(page)).toHaveCount(0);
    await expect.poll(() => cardText(page)).toContain('Adegua la tua PEC');
    await page.locator('[data-replica-click="notice-close"]').click();
    await expectHighlightOn(page, 'webmail-settings');
  });
});

/** The page's expiry was read and is now kept (its wording on the chip is the product's to choose). */
async function expectRecorded(extension: LoadedExtension, watch: { messages: Messages }, writtenIso: string): Promise<void> {
  await expect.poll(async () => ofType(await watch.messages(), 'expiry-seen').length, { timeout: 10_000 }).toBeGreaterThan(0);
  await expect.poll(() => extensionState(extension.serviceWorker), { message: 'the expiry is kept' }).toContain(isoServed(writtenIso));
}

test.describe('§4 stand down', () => {
  const far = unseenCase('Gestione account: expiry 75 days away, Genera nuova password');
  const near = unseenCase('Gestione account: expiry 3 days away, Genera nuova password');

  test('an expiry 75 days away: within a second of reading it, «Genera nuova password» is no longer pointed at', async ({ extension }) => {
    const watch = await watchForThePassword(extension);
    const page = await extension.context.newPage();
    await page.goto(far.url);
    await expectRecorded(extension, watch, '2027-02-06');
    await expect(highlighted(page)).toHaveCount(0, { timeout: 1000 });
    await page.waitForTimeout(1500);
    await expect(highlighted(page)).toHaveCount(0);
    await watch.check();
  });

  test('an expiry 75 days away, but the user started a renewal: «Genera nuova password» stays pointed at', async ({ extension }) => {
    await startRenewal(extension);
    const watch = await watchForThePassword(extension);
    const page = await extension.context.newPage();
    await page.goto(far.url);
    await expectRecorded(extension, watch, '2027-02-06');
    await page.waitForTimeout(1500);
    await expectHighlightOn(page, 'account-generate-new');
  });

  test('an expiry 3 days away: guided, and no reminder promised at 14 or 7 days', async ({ extension }) => {
    const watch = await watchForThePassword(extension);
    const page = await extension.context.newPage();
    await page.goto(near.url);
    const date = served('26/11/2026');
    await expectRecorded(extension, watch, '2026-11-26');
    await expect.poll(() => chipText(page)).toContain(date);
    const promise = (await chipText(page)).replace(date, '');
    expect(promise, 'reminders promised').not.toMatch(/\b(14|7)\b/);
    await expectHighlightOn(page, 'account-generate-new');
    await watch.check();
  });
});
