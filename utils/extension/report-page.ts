import { browser } from 'wxt/browser';
import { isArubaPage } from '../aruba/hosts';
import type { OutlineRefusal, PageOutline } from '../page/outline';

/**
 * The browser side of "Segnala questa pagina". The tab is the one the popup was opened over:
 * the active tab of the last focused browser window (the toolbar popup is not a window of its own).
 */
export async function activeArubaTab(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id === undefined || !tab.url) return null;
  const url = new URL(tab.url);
  return isArubaPage(url) ? tab.id : null;
}

/**
 * Runs entrypoints/page-outline.ts in the tab's top frame; our host permissions are what allow it.
 * While the new password is on screen the script refuses, and so does this.
 */
export async function readPageOutline(tabId: number): Promise<PageOutline | OutlineRefusal> {
  const [injection] = await browser.scripting.executeScript({ target: { tabId }, files: ['/page-outline.js'] });
  const outline = injection?.result as (Partial<PageOutline> & Partial<OutlineRefusal>) | undefined;
  if (outline?.refused === 'password-shown') return { refused: 'password-shown' };
  if (outline?.format !== 'pec-page-outline') throw new Error('the page gave no outline');
  return outline as PageOutline;
}
