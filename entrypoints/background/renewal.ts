import { browser } from 'wxt/browser';
import { mailboxKey } from '@/utils/store/validation';
import { keptSession } from './kept-storage';
import { noteRenewalTab } from './tab-context';

/** Where a renewal starts today: Gestione account PEC (aruba-ui.md). */
export const RENEWAL_URL = 'https://account.aruba.it/pec';

/** How long a renewal started from the popup or a notification keeps the guide on. */
const RENEWAL_GUIDE_MS = 2 * 60 * 60 * 1000;

const SESSION_KEY = 'renewal';

/** A renewal the user started, for one mailbox or (null) for whichever they sign in to. */
export type Renewal = { startedAt: number; address: string | null };

/**
 * Opens Gestione account with the guide started, for the mailbox the popup's «Rinnova ora» or
 * the notification named. The renewal is kept in session storage (the service worker may sleep
 * while the user approves the sign-in on the phone), and its tab remembers the mailbox: an expiry
 * read there on a page that names none is that mailbox's.
 */
export async function startRenewal(rawAddress: string | null, now = Date.now()): Promise<void> {
  const address = rawAddress === null ? null : mailboxKey(rawAddress);
  const renewal: Renewal = { startedAt: now, address };
  await keptSession.set(SESSION_KEY, renewal);
  const tab = await browser.tabs.create({ url: RENEWAL_URL });
  if (address !== null && tab.id !== undefined) await noteRenewalTab(tab.id, address);
}

export async function renewalInProgress(now = Date.now()): Promise<Renewal | null> {
  const started = (await keptSession.get(SESSION_KEY)) as Renewal | undefined;
  return started && now - started.startedAt < RENEWAL_GUIDE_MS ? started : null;
}

/**
 * Whether the renewal keeps the guide on for a page of `mailbox` (null: the page and its context
 * do not say): a renewal for one mailbox does not make the guide replace another's password.
 */
export function renewsMailbox(renewal: Renewal | null, mailbox: string | null): boolean {
  return renewal !== null && (renewal.address === null || mailbox === null || renewal.address === mailbox);
}

/** A reset: a renewal started before it is not for a mailbox tracked any more. */
export function forgetRenewal(): Promise<void> {
  return keptSession.remove(SESSION_KEY);
}

/** Once the new password's expiry is captured for the mailbox renewed, the guide goes quiet. */
export async function finishRenewal(mailbox: string | null): Promise<void> {
  if (renewsMailbox(await renewalInProgress(), mailbox)) await keptSession.remove(SESSION_KEY);
}
