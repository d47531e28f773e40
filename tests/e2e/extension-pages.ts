import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
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

/**
 * Puts accounts straight into the extension's IndexedDB from one of its pages (the popup has
 * created the database by then), then tells the background as the popup does after a write.
 */
export async function seedAccounts(page: Page, accounts: Account[]): Promise<void> {
  await page.evaluate(async (records) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('pec-password-assistant');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction('accounts', 'readwrite');
    for (const record of records) tx.objectStore('accounts').put(record);
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    await chrome.runtime.sendMessage({ type: 'accounts-changed' });
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
