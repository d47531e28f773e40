import { localToday } from '@/utils/dates/calendar-date';
import { parseExpiryDate } from '@/utils/dates/expiry-date';
import type { CaptureResult, ExpirySeen, MoveCaptureResult } from '@/utils/messaging/protocol';
import { offsetsAhead } from '@/utils/reminders/reminder-plan';
import { settlePastReminders } from '@/utils/reminders/settle-reminders';
import { addUnnamedMailbox, moveCapture, recordCapture } from '@/utils/store/accounts';
import type { StoreDb } from '@/utils/store/schema';
import type { Capture } from '@/utils/store/types';
import { mailboxKey, normalizeAddress, StoreValidationError } from '@/utils/store/validation';
import { isUnnamedMailbox } from '@/utils/store/unnamed-mailbox';
import { guideModeAfterCapture } from './guide-mode';
import { reconcile, reconcileMailbox } from './reminders';
import { finishRenewal } from './renewal';
import type { ContentSender } from './messages';
import { accountWritten, store, storedAccounts, storedSettings } from './store-access';
import { originAndPath } from '@/utils/store/validation';
import { attributeTab, noteMailboxShown, noteRecordedFor, renameMailboxInTabs } from './tab-context';

/**
 * Parses the expiry the page showed and records it at once: for the mailbox the page names, else
 * the one its tab's context points to, else a mailbox still to be named that the popup asks the
 * user to name. An unreadable date is reported, never guessed. The answer says for whom it was
 * recorded, which reminders are still ahead, and how the guide must behave in the tab from now;
 * when the store fails, it says so, and the page sends the date again (aruba-guide/guide.ts).
 */
export async function handleExpirySeen(seen: ExpirySeen, { tabId, url }: ContentSender, now = new Date()): Promise<CaptureResult> {
  const parsed = parseExpiryDate(seen.expiryText, localToday(now));
  if (!parsed.ok) return { status: 'rejected', reason: parsed.reason };
  const named = seen.address === null ? null : normalizeAddress(seen.address);
  if (named !== null && tabId !== undefined) await noteMailboxShown(tabId, named);
  const read = { expiry: parsed.date, capturedAt: now.getTime(), source: seen.source, pageUrl: originAndPath(url.href) };
  try {
    return await record(await store(), read, named, seen.fresh, tabId, now);
  } catch {
    // Opening, reading or writing failed: nothing is claimed, and the page tries again.
    return { status: 'store-unavailable' };
  }
}

async function record(
  db: StoreDb,
  read: Omit<Capture, 'address' | 'attributedBy'>,
  named: string | null,
  fresh: boolean,
  tabId: number | undefined,
  now: Date,
): Promise<CaptureResult> {
  const attributed =
    named === null
      ? await attributeTab(
          tabId,
          (await storedAccounts()).map((account) => account.address),
        )
      : null;
  const mailbox = named ?? attributed?.mailbox ?? null;
  if (fresh) await finishRenewal(mailbox);
  const { account, changed } = await accountWritten(async () =>
    mailbox === null
      ? { account: await addUnnamedMailbox(db, read), changed: true }
      : recordCapture(db, { address: mailbox, ...read, ...(attributed ? { attributedBy: attributed.by } : {}) }),
  );
  if (tabId !== undefined) await noteRecordedFor(tabId, account.address);
  const mailboxShown = isUnnamedMailbox(account.address) ? null : account.address;
  // A capture read later (or stamped ahead of this clock) was kept: say what is stored.
  if (account.expiry !== read.expiry) return { status: 'newer-kept', mailbox: mailboxShown, expiry: account.expiry!, read: read.expiry };
  const settings = await storedSettings();
  // The date already stored, as every visit to the page shows it: its reminders and the badge
  // are in line since it was first read (every write reconciles; had that been cut short, the
  // midnight pass creates the alarms missing), and nothing is planned again (issue 17).
  if (changed) {
    // The user is looking at the date right now: reminders already past were never due.
    await settlePastReminders(db, settings, { address: account.address, expiry: read.expiry }, read.capturedAt);
    // Only this mailbox changed: its reminders alone are planned again.
    await reconcileMailbox(account.address, now);
  }
  return {
    status: 'recorded',
    mailbox: mailboxShown,
    expiry: read.expiry,
    offsets: offsetsAhead(read.expiry, settings, now),
    mode: await guideModeAfterCapture(tabId, account.address, read.expiry, settings, now),
  };
}

/**
 * The user named a mailbox still to be named, or corrected the mailbox an expiry was attributed
 * to, from the popup (store.ts moveCapture). Badge and reminders follow, and so do the tabs that
 * would send their next expiry to the old one.
 */
export async function moveCaptureTo(from: string, to: string, now = new Date()): Promise<MoveCaptureResult> {
  let db;
  try {
    db = await store();
  } catch {
    return { status: 'store-unavailable' };
  }
  let outcome;
  try {
    outcome = await moveCapture(db, from, to);
  } catch (error) {
    if (error instanceof StoreValidationError) return { status: 'invalid-address' };
    throw error;
  }
  if (outcome.status !== 'moved') return outcome;
  const settings = await storedSettings();
  for (const account of [outcome.account, outcome.restored]) {
    if (account?.expiry) await settlePastReminders(db, settings, { address: account.address, expiry: account.expiry }, now.getTime());
  }
  await renameMailboxInTabs(mailboxKey(from) ?? from, outcome.account.address);
  await reconcile(now);
  return { status: 'moved', address: outcome.account.address };
}
