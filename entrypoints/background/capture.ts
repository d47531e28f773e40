import { browser } from 'wxt/browser';
import { localToday } from '@/utils/calendar-date';
import { parseExpiryDate } from '@/utils/expiry-date';
import type { CaptureResult, ExpirySeen } from '@/utils/messages';
import { settlePastReminders } from '@/utils/settle-reminders';
import { getSettings, normalizeAddress, recordCapture, type Capture } from '@/utils/store';
import { reconcile } from './reminders';
import { finishRenewal } from './renewal';
import { store } from './store-access';

const PENDING_KEY = 'pendingCapture';

type PendingCapture = Omit<Capture, 'address'>;

/** Keeps only origin and path: a query string may carry session tokens. */
function pageOrigin(url: string): string | null {
  try {
    const { origin, pathname } = new URL(url);
    return origin + pathname;
  } catch {
    return null;
  }
}

/**
 * Parses the expiry the page showed and records it for the mailbox. An unreadable date is
 * reported, never guessed; a date with no mailbox on the page waits for the user to say whose.
 */
export async function handleExpirySeen(seen: ExpirySeen, now = new Date()): Promise<CaptureResult> {
  const parsed = parseExpiryDate(seen.expiryText, localToday(now));
  if (!parsed.ok) return { status: 'rejected', reason: parsed.reason };
  const address = seen.address === null ? null : normalizeAddress(seen.address);
  const capture = { expiry: parsed.date, capturedAt: now.getTime(), source: seen.source, pageUrl: pageOrigin(seen.pageUrl) };
  if (seen.fresh) await finishRenewal();
  if (address === null) {
    const pending: PendingCapture = capture;
    await browser.storage.session.set({ [PENDING_KEY]: pending });
    return { status: 'needs-account', expiry: parsed.date };
  }
  return record(address, capture);
}

async function record(address: string, capture: PendingCapture): Promise<CaptureResult> {
  let db;
  try {
    db = await store();
  } catch {
    return { status: 'store-unavailable' };
  }
  await recordCapture(db, { address, ...capture });
  // The user is looking at the date right now: reminders already past were never due.
  await settlePastReminders(db, { address, expiry: capture.expiry }, capture.capturedAt);
  await reconcile(new Date(capture.capturedAt));
  const { offsets } = await getSettings(db);
  return { status: 'recorded', address, expiry: capture.expiry, offsets };
}

export async function getPendingCapture(): Promise<PendingCapture | null> {
  const { [PENDING_KEY]: pending } = await browser.storage.session.get(PENDING_KEY);
  return (pending as PendingCapture | undefined) ?? null;
}

/** The user said in the popup which mailbox a date with no visible address belongs to. */
export async function assignPendingCapture(rawAddress: string): Promise<CaptureResult> {
  const pending = await getPendingCapture();
  const address = normalizeAddress(rawAddress);
  if (!pending) return { status: 'nothing-pending' };
  if (!address) return { status: 'invalid-address' };
  const result = await record(address, pending);
  if (result.status === 'recorded') await browser.storage.session.remove(PENDING_KEY);
  return result;
}
