import { browser } from 'wxt/browser';
import { isArubaHost } from '../aruba/hosts';
import type { PageOutline } from '../page/outline';

/**
 * The browser side of "Segnala questa pagina". The tab is the one the popup was opened over:
 * the active tab of the last focused browser window (the toolbar popup is not a window of its own).
 */
export async function activeArubaTab(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id === undefined || !tab.url) return null;
  const url = new URL(tab.url);
  return url.protocol === 'https:' && isArubaHost(url.hostname) ? tab.id : null;
}

/** Runs entrypoints/page-outline.ts in the tab's top frame; our host permissions are what allow it. */
export async function readPageOutline(tabId: number): Promise<PageOutline> {
  const [injection] = await browser.scripting.executeScript({ target: { tabId }, files: ['/page-outline.js'] });
  const outline = injection?.result as PageOutline | undefined;
  if (outline?.format !== 'pec-page-outline') throw new Error('the page gave no outline');
  return outline;
}
