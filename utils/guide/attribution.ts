import type { ContextAttribution } from '../store/types';

/*
 * Whose expiry a page shows when the page does not say (issue 14). «Sicurezza e password» opens
 * in a new tab, and the «Verifica in 2 passaggi» page and the password window may not show the
 * mailbox: the renewal's own context must. The background remembers per tab what it learned;
 * this module only reads that memory, in a fixed order. A page that names its mailbox is never
 * asked about: what the page says always wins.
 */

/** What the background knows of one tab. */
export interface TabContext {
  /** The mailbox the last page of this tab to name one showed. */
  named?: string;
  /** The mailbox an expiry read in this tab was recorded for (possibly one still to be named). */
  recordedFor?: string;
  /** The tab that opened this one, when it was a tab we knew. */
  opener?: number;
  /** The mailbox a renewal was started for, in the tab the renewal opened. */
  renewalFor?: string;
}

export type TabContexts = Readonly<Record<number, TabContext>>;

export interface Attributed {
  mailbox: string;
  by: ContextAttribution;
}

/** A chain of openers longer than this is not a renewal's (and a cycle must end). */
const MAX_OPENERS = 5;

function openers(tabs: TabContexts, tab: TabContext | undefined): TabContext[] {
  const chain: TabContext[] = [];
  for (let at = tab?.opener; at !== undefined && chain.length < MAX_OPENERS; at = tabs[at]?.opener) {
    const opener = tabs[at];
    if (!opener) break;
    chain.push(opener);
  }
  return chain;
}

/**
 * The mailbox an expiry read in `tabId` belongs to, by the first rule that applies: (1) the
 * mailbox named on an earlier page of the same tab, or the one its earlier expiry went to;
 * (2) the mailbox of the tab that opened it (and of the tab that opened that one); (3) the
 * mailbox the renewal of this tab, or of its opener, was started for; (4) the only tracked
 * mailbox, when exactly one is tracked. Null when none applies.
 */
export function attributeMailbox(tabs: TabContexts, tabId: number | undefined, tracked: readonly string[]): Attributed | null {
  const own = tabId === undefined ? undefined : tabs[tabId];
  const inTab = own?.named ?? own?.recordedFor;
  if (inTab !== undefined) return { mailbox: inTab, by: 'tab' };
  const chain = openers(tabs, own);
  const fromOpener = chain.map((opener) => opener.named ?? opener.recordedFor).find((mailbox) => mailbox !== undefined);
  if (fromOpener !== undefined) return { mailbox: fromOpener, by: 'opener' };
  const renewal = [own, ...chain].map((tab) => tab?.renewalFor).find((mailbox) => mailbox !== undefined);
  if (renewal !== undefined) return { mailbox: renewal, by: 'renewal' };
  return tracked.length === 1 ? { mailbox: tracked[0]!, by: 'only-mailbox' } : null;
}

/** After the user moved an expiry from one mailbox to another, the tabs that sent it there follow. */
export function renameInTabs(tabs: TabContexts, from: string, to: string): Record<number, TabContext> {
  return Object.fromEntries(Object.entries(tabs).map(([id, tab]) => [id, tab.recordedFor === from ? { ...tab, recordedFor: to } : tab]));
}
