import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { NO_OFFICE_FIELDS, type Account } from '../../utils/store/types';
import { expect, type LoadedExtension } from './extension';

/** The popup as Chrome shows it: 360px wide, in a tab of about the popup's size. */
export async function openPopup(extension: LoadedExtension): Promise<Page> {
  const page = await extension.context.newPage();
  await page.setViewportSize({ width: 380, height: 600 });
  await page.goto(`chrome-extension://${extension.extensionId}/popup.html`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  return page;
}

export async function openOptions(extension: LoadedExtension): Promise<Page> {
  const page = await extension.context.newPage();
  await page.goto(`chrome-extension://${extension.extensionId}/options.html`);
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
  return page;
}

export function account(overrides: Partial<Account> & Pick<Account, 'address' | 'expiry'>): Account {
  return { label: '', capturedAt: 1, source: 'manual', pageUrl: null, programs: [], programsToUpdate: [], ...NO_OFFICE_FIELDS, ...overrides };
}

/** Stores accounts as the app does, through the background (the only writer), from one of its pages. */
export async function seedAccounts(page: Page, accounts: Account[]): Promise<void> {
  await page.evaluate(async (records) => {
    for (const account of records) {
      const reply = await chrome.runtime.sendMessage<unknown, { ok: boolean } | undefined>({ type: 'restore-account', account });
      if (!reply?.ok) throw new Error(`not stored: ${account.address}`);
    }
  }, accounts);
  await page.reload();
}

/** Serious and critical axe violations, as "rule: element" lines for a readable failure. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
}

/**
 * Clicks a popup button that opens a tab and closes the popup (window.close()). The popup may go
 * before Playwright's click returns ("Target page, context or browser has been closed"): there,
 * the click has done its work.
 */
export async function clickClosingPopup(popup: Page, button: Locator): Promise<void> {
  await button.click().catch(async (error: unknown) => {
    const closed = await popup.waitForEvent('close', { timeout: 2000 }).then(
      () => true,
      () => popup.isClosed(),
    );
    if (!closed) throw error;
  });
}
