import { browser } from 'wxt/browser';
import { localToday } from '@/utils/calendar-date';
import { decideGuideMode } from '@/utils/guide-mode';
import type { GuideMode } from '@/utils/messages';
import { getSettings, listAccounts, normalizeAddress } from '@/utils/store';
import { isRenewalStarted } from './renewal';
import { store } from './store-access';

const DISMISSED_KEY = 'guideDismissedTabs';

/**
 * Noted at once, before any await: the page may reload right after "Non ora" and ask again
 * while the session storage write is still under way. Session storage keeps it when the
 * service worker sleeps.
 */
const dismissedNow = new Set<number>();

async function dismissedTabs(): Promise<number[]> {
  const { [DISMISSED_KEY]: tabs } = await browser.storage.session.get(DISMISSED_KEY);
  return Array.isArray(tabs) ? (tabs as number[]) : [];
}

/** "Non ora" holds for the tab, across its navigations, until the browser closes. */
export async function dismissGuideInTab(tabId: number): Promise<void> {
  dismissedNow.add(tabId);
  const tabs = await dismissedTabs();
  if (!tabs.includes(tabId)) await browser.storage.session.set({ [DISMISSED_KEY]: [...tabs, tabId] });
}

export async function guideModeFor(rawAddress: string | null, tabId: number | undefined, now = new Date()): Promise<GuideMode> {
  if (tabId !== undefined && (dismissedNow.has(tabId) || (await dismissedTabs()).includes(tabId))) return { mode: 'quiet' };
  const renewalStarted = await isRenewalStarted(now.getTime());
  let accounts: Awaited<ReturnType<typeof listAccounts>> = [];
  let settings;
  try {
    const db = await store();
    [accounts, settings] = await Promise.all([listAccounts(db), getSettings(db)]);
  } catch {
    // Without the store the guide still helps: it is the safe side to err on.
    return { mode: 'guide', reason: renewalStarted ? 'renewal-started' : 'no-expiry' };
  }
  const address = rawAddress === null ? null : normalizeAddress(rawAddress);
  const account = address === null ? undefined : accounts.find((a) => a.address === address);
  return decideGuideMode({
    expiry: address === null ? undefined : (account?.expiry ?? null),
    knownExpiries: accounts.flatMap((a) => (a.expiry ? [a.expiry] : [])),
    today: localToday(now),
    windowDays: Math.max(0, ...settings.offsets),
    renewalStarted,
    showChip: settings.quietChip,
  });
}
