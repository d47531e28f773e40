import { localToday, type IsoDate } from '@/utils/dates/calendar-date';
import { decideGuideMode, type GuideModeInput } from '@/utils/guide/guide-mode';
import type { GuideMode } from '@/utils/messaging/protocol';
import { normalizeAddress } from '@/utils/store/validation';
import type { Account, Settings } from '@/utils/store/types';
import { renewalInProgress, renewsMailbox } from './renewal';
import { keptSession } from './kept-storage';
import { storedAccounts, storedSettings } from './store-access';
import { attributeTab, noteMailboxShown } from './tab-context';

const DISMISSED_KEY = 'guideDismissedTabs';

/**
 * Noted at once, before any await: the page may reload right after "Non ora" and ask again
 * while the session storage write is still under way. Session storage keeps it when the
 * service worker sleeps.
 */
const dismissedNow = new Set<number>();

async function dismissedTabs(): Promise<number[]> {
  const tabs = await keptSession.get(DISMISSED_KEY);
  return Array.isArray(tabs) ? (tabs as number[]) : [];
}

async function isDismissed(tabId: number | undefined): Promise<boolean> {
  return tabId !== undefined && (dismissedNow.has(tabId) || (await dismissedTabs()).includes(tabId));
}

/** "Non ora" holds for the tab, across its navigations, until the browser closes. */
export async function dismissGuideInTab(tabId: number): Promise<void> {
  dismissedNow.add(tabId);
  const tabs = await dismissedTabs();
  if (!tabs.includes(tabId)) await keptSession.set(DISMISSED_KEY, [...tabs, tabId]);
}

/** The decision with the user's settings: reminder window and quiet chip. */
function decide(settings: Settings, now: Date, input: Pick<GuideModeInput, 'expiry' | 'knownExpiries' | 'renewalStarted'>): GuideMode {
  return decideGuideMode({ ...input, today: localToday(now), windowDays: Math.max(0, ...settings.offsets), showChip: settings.quietChip });
}

/**
 * How a page should behave: for the mailbox it names, or else the one its tab's context points
 * to (utils/guide/attribution.ts), never the soonest of all. A page that names its mailbox is noted
 * for its tab: the pages after it in the tab, and the tabs it opens, belong to that mailbox.
 */
export async function guideModeFor(rawAddress: string | null, tabId: number | undefined, now = new Date()): Promise<GuideMode> {
  if (await isDismissed(tabId)) return { mode: 'quiet' };
  const named = rawAddress === null ? null : normalizeAddress(rawAddress);
  if (named !== null && tabId !== undefined) await noteMailboxShown(tabId, named);
  const renewal = await renewalInProgress(now.getTime());
  let accounts: readonly Account[];
  let settings: Settings;
  try {
    [accounts, settings] = await Promise.all([storedAccounts(), storedSettings()]);
  } catch {
    // Without the store the guide still helps: it is the safe side to err on.
    return { mode: 'guide', reason: renewal ? 'renewal-started' : 'no-expiry' };
  }
  const mailbox =
    named ??
    (
      await attributeTab(
        tabId,
        accounts.map((account) => account.address),
      )
    )?.mailbox ??
    null;
  return decide(settings, now, {
    expiry: mailbox === null ? undefined : (accounts.find((account) => account.address === mailbox)?.expiry ?? null),
    knownExpiries: accounts.flatMap((account) => (account.expiry ? [account.expiry] : [])),
    renewalStarted: renewsMailbox(renewal, mailbox),
  });
}

/**
 * The mode that holds in the tab once its page showed `expiry` for `mailbox`, decided from that
 * date: a password far from expiry is not to be replaced, so the guide stands down at once
 * unless the user started a renewal of it.
 */
export async function guideModeAfterCapture(
  tabId: number | undefined,
  mailbox: string,
  expiry: IsoDate,
  settings: Settings,
  now: Date,
): Promise<GuideMode> {
  if (await isDismissed(tabId)) return { mode: 'quiet' };
  return decide(settings, now, { expiry, knownExpiries: [expiry], renewalStarted: renewsMailbox(await renewalInProgress(now.getTime()), mailbox) });
}
