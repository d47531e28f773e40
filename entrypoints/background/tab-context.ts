import { attributeMailbox, renameInTabs, type Attributed, type TabContext, type TabContexts } from '@/utils/guide/attribution';
import { serialQueue } from '@/entrypoints/background/serial-queue';
import { keptSession } from './kept-storage';

/*
 * What the background learned of each Aruba tab, for attributing an expiry read on a page that
 * does not name its mailbox (utils/guide/attribution.ts). Kept in session storage: the service worker
 * may sleep between the WebMail page and the password window, and the browser empties it when it
 * closes. Tab ids are unique within a browser session, so entries are not reused by other tabs;
 * only tabs that spoke to us, the tabs they opened and renewal tabs are remembered.
 */

const KEY = 'tabContexts';

/** Every change is a read-modify-write of one record: two at once would lose one. */
const serialized = serialQueue();

async function stored(): Promise<Record<number, TabContext>> {
  const tabs = await keptSession.get(KEY);
  return typeof tabs === 'object' && tabs !== null ? (tabs as Record<number, TabContext>) : {};
}

function change(tabId: number, edit: (tab: TabContext, tabs: TabContexts) => TabContext | null): Promise<void> {
  return serialized(async () => {
    const tabs = await stored();
    const current = tabs[tabId] ?? {};
    const next = edit(current, tabs);
    if (next === null || JSON.stringify(next) === JSON.stringify(current)) return;
    await keptSession.set(KEY, { ...tabs, [tabId]: next });
  });
}

/** A page of the tab named its mailbox: it wins over anything the tab inherited. */
export function noteMailboxShown(tabId: number, mailbox: string): Promise<void> {
  return change(tabId, (tab) => ({ ...tab, named: mailbox }));
}

/** An expiry read in the tab was recorded for `mailbox`: the next one in the tab goes there too. */
export function noteRecordedFor(tabId: number, mailbox: string): Promise<void> {
  return change(tabId, (tab) => ({ ...tab, recordedFor: mailbox }));
}

/** The tab a renewal for `mailbox` opened. */
export function noteRenewalTab(tabId: number, mailbox: string): Promise<void> {
  return change(tabId, (tab) => ({ ...tab, renewalFor: mailbox }));
}

/**
 * A tab opened another («Sicurezza e password» opens a new tab; so does Gestione account from
 * the user menu). Only a tab we know is remembered as an opener: most new tabs are not Aruba's.
 */
export function noteTabOpened(tabId: number, openerTabId: number): Promise<void> {
  return change(tabId, (tab, tabs) => (tabs[openerTabId] ? { ...tab, opener: openerTabId } : null));
}

/** The mailbox an expiry read in `tabId` belongs to when its page names none; null when nothing says. */
export function attributeTab(tabId: number | undefined, tracked: readonly string[]): Promise<Attributed | null> {
  // Queued behind the writes still under way: the page that named the mailbox came first.
  return serialized(async () => attributeMailbox(await stored(), tabId, tracked));
}

/** A reset: nothing learned of the tabs before it may send a date to a mailbox it deleted. */
export function forgetTabs(): Promise<void> {
  return serialized(() => keptSession.remove(KEY));
}

/** The user moved an expiry from `from` to `to`: the tabs that recorded it for `from` follow. */
export function renameMailboxInTabs(from: string, to: string): Promise<void> {
  return serialized(async () => {
    await keptSession.set(KEY, renameInTabs(await stored(), from, to));
  });
}
