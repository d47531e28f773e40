import { browser } from 'wxt/browser';
/** Where a renewal starts today: Gestione account PEC (aruba-ui.md). */
export const RENEWAL_URL = 'https://account.aruba.it/pec';

/** How long a renewal started from the popup or a notification keeps the guide on. */
const RENEWAL_GUIDE_MS = 2 * 60 * 60 * 1000;

const SESSION_KEY = 'renewalStartedAt';

/**
 * Opens Gestione account with the guide started. The start time is kept in session storage:
 * the service worker may sleep while the user approves the sign-in on the phone.
 */
export async function startRenewal(now = Date.now()): Promise<void> {
  await browser.storage.session.set({ [SESSION_KEY]: now });
  await browser.tabs.create({ url: RENEWAL_URL });
}

export async function isRenewalStarted(now = Date.now()): Promise<boolean> {
  const { [SESSION_KEY]: startedAt } = await browser.storage.session.get(SESSION_KEY);
  return typeof startedAt === 'number' && now - startedAt < RENEWAL_GUIDE_MS;
}

/** Once a new expiry is captured the renewal is done and the guide goes quiet. */
export async function finishRenewal(): Promise<void> {
  await browser.storage.session.remove(SESSION_KEY);
}
