import { browser, type Browser } from 'wxt/browser';
import { saveManualEntry } from '@/utils/accounts/manual-account';
import { isArubaPage } from '@/utils/aruba/hosts';
import type { ContentRequests, ContentRequestType, PageRequests, PageRequestType, ReplyOf, RequestOf, StoreReply } from '@/utils/messaging/protocol';
import { settlePastReminders } from '@/utils/reminders/settle-reminders';
import { deleteAccount, markRenewalAsked, saveAccount, setProgramUpdated } from '@/utils/store/accounts';
import type { StoreDb } from '@/utils/store/schema';
import { saveSettings } from '@/utils/store/settings';
import { applyImport, clearAll } from '@/utils/store/transfer';
import { PAGE_CAPTURE_SOURCES } from '@/utils/store/types';
import { StoreValidationError } from '@/utils/store/validation';
import { handleExpirySeen, moveCaptureTo } from './capture';
import { dismissGuideInTab, guideModeFor } from './guide-mode';
import { guideModeAnswer } from './language';
import { loadGuide } from './load-guide';
import { reconcile } from './reminders';
import { forgetRenewal, startRenewal } from './renewal';
import { store, storedSettings } from './store-access';
import { forgetTabs } from './tab-context';

/*
 * The background's side of utils/messaging/protocol.ts: who may say what, checked on what the
 * browser stamps on the sender (as Bitwarden's and Dark Reader's messengers do), each request's
 * shape checked, and a handler per message. A message from the wrong side, of the wrong shape or
 * of no known type gets no answer and changes nothing: refusal is the default.
 */

/** A content script of an Aruba page's top frame: its tab, and the page's URL as the browser says. */
export interface ContentSender {
  tabId: number;
  url: URL;
  /** The page (document) it runs in, where the browser says (Chrome): the guide goes into that one alone. */
  documentId?: string;
}

type Fields = Record<string, unknown>;

interface Route<Requests, K extends keyof Requests, Sender> {
  /** The request, if the message has its shape; null refuses it. */
  parse: (message: Fields) => RequestOf<Requests, K> | null;
  handle: (request: RequestOf<Requests, K>, sender: Sender) => Promise<ReplyOf<Requests, K>>;
}

type Routes<Requests, Sender> = { [K in keyof Requests]: Route<Requests, K, Sender> };

const isString = (value: unknown): value is string => typeof value === 'string';
const isStringOrNull = (value: unknown): value is string | null => value === null || isString(value);
const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const nothing = () => ({});

/** A store write, then the badge and the alarms follow: no write path can forget them. */
async function write<T>(change: (db: StoreDb) => Promise<T>): Promise<StoreReply<T>> {
  let db: StoreDb;
  try {
    db = await store();
  } catch {
    return { ok: false, error: 'store-unavailable' };
  }
  try {
    const value = await change(db);
    await reconcile();
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: error instanceof StoreValidationError ? error.code : 'store-unavailable' };
  }
}

const CONTENT_ROUTES: Routes<ContentRequests, ContentSender> = {
  'guide-mode': {
    parse: ({ address, stage }) => (isStringOrNull(address) && (stage === 'loader' || stage === 'guide') ? { address, stage } : null),
    handle: ({ address, stage }, { tabId, url }) => guideModeAnswer(guideModeFor(address, tabId), stage, url),
  },
  'load-guide': {
    parse: nothing,
    handle: (_, sender) => loadGuide(sender),
  },
  'expiry-seen': {
    parse: ({ address, expiryText, source, fresh }) =>
      isStringOrNull(address) &&
      isString(expiryText) &&
      expiryText.length <= 200 &&
      typeof fresh === 'boolean' &&
      (PAGE_CAPTURE_SOURCES as readonly unknown[]).includes(source)
        ? { address, expiryText, source: source as (typeof PAGE_CAPTURE_SOURCES)[number], fresh }
        : null,
    handle: (seen, sender) => handleExpirySeen(seen, sender),
  },
  'guide-dismissed': {
    parse: nothing,
    handle: async (_, { tabId }) => {
      await dismissGuideInTab(tabId);
      return null;
    },
  },
};

const PAGE_ROUTES: Routes<PageRequests, null> = {
  'start-renewal': {
    parse: ({ address }) => (isStringOrNull(address) ? { address } : null),
    handle: async ({ address }) => {
      await startRenewal(address);
      return null;
    },
  },
  'move-capture': {
    parse: ({ from, to }) => (isString(from) && isString(to) ? { from, to } : null),
    handle: ({ from, to }) => moveCaptureTo(from, to),
  },
  'save-manual-entry': {
    parse: ({ previous, entry }) =>
      (previous === null || isObject(previous)) && isObject(entry)
        ? ({ previous, entry } as unknown as RequestOf<PageRequests, 'save-manual-entry'>)
        : null,
    handle: ({ previous, entry }) => write((db) => saveManualEntry(db, previous ?? undefined, entry, Date.now())),
  },
  'restore-account': {
    parse: ({ account }) => (isObject(account) ? ({ account } as unknown as RequestOf<PageRequests, 'restore-account'>) : null),
    handle: ({ account }) =>
      write(async (db) => {
        const restored = await saveAccount(db, account);
        // Reminders already past for the restored date were never due: not shown now.
        if (restored.expiry)
          await settlePastReminders(db, await storedSettings(), { address: restored.address, expiry: restored.expiry }, Date.now());
        return restored;
      }),
  },
  'delete-account': {
    parse: ({ address }) => (isString(address) ? { address } : null),
    handle: ({ address }) => write(async (db) => (await deleteAccount(db, address)) ?? null),
  },
  'set-program-updated': {
    parse: ({ address, program, updated }) =>
      isString(address) && isString(program) && typeof updated === 'boolean' ? { address, program, updated } : null,
    handle: ({ address, program, updated }) =>
      write(async (db) => {
        await setProgramUpdated(db, address, program, updated);
        return null;
      }),
  },
  'mark-renewal-asked': {
    parse: ({ address }) => (isString(address) ? { address } : null),
    handle: ({ address }) =>
      write(async (db) => {
        await markRenewalAsked(db, address, Date.now());
        return null;
      }),
  },
  'save-settings': {
    parse: ({ settings }) => (isObject(settings) ? { settings } : null),
    handle: ({ settings }) => write((db) => saveSettings(db, settings)),
  },
  'apply-import': {
    parse: ({ backup }) => (isObject(backup) ? ({ backup } as unknown as RequestOf<PageRequests, 'apply-import'>) : null),
    handle: ({ backup }) => write((db) => applyImport(db, backup, Date.now())),
  },
  'clear-all': {
    parse: nothing,
    handle: () =>
      write(async (db) => {
        await clearAll(db);
        // Only once the store is empty: a failed reset changes nothing at all.
        await Promise.all([forgetTabs(), forgetRenewal()]);
        return null;
      }),
  },
};

/** Our own pages: the popup, the options, the due list. */
function isOurPage(sender: Browser.runtime.MessageSender): boolean {
  return sender.url?.startsWith(browser.runtime.getURL('/')) ?? false;
}

/** A content script in the top frame of a tab showing an Aruba page (on the reseller's host, its WebMail only). */
function contentSender(sender: Browser.runtime.MessageSender): ContentSender | null {
  if (sender.tab?.id === undefined || sender.frameId !== 0 || !sender.url) return null;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return null;
  }
  if (!isArubaPage(url)) return null;
  const { documentId } = sender as { documentId?: unknown };
  return { tabId: sender.tab.id, url, ...(isString(documentId) ? { documentId } : {}) };
}

function dispatch<Requests, Sender>(routes: Routes<Requests, Sender>, message: Fields, sender: Sender): Promise<unknown> | undefined {
  const route = Object.hasOwn(routes, message.type as PropertyKey) ? routes[message.type as keyof Requests] : undefined;
  const request = route?.parse(message);
  return route && request ? route.handle(request, sender) : undefined;
}

/**
 * The runtime.onMessage listener. Content messages are answered only for a content script on an
 * Aruba tab, page messages only for our own pages; anything else, nothing.
 */
export function answerMessage(raw: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> | undefined {
  if (sender.id !== browser.runtime.id || !isObject(raw) || !isString(raw.type)) return undefined;
  if (isOurPage(sender)) return dispatch<PageRequests, null>(PAGE_ROUTES, raw, null);
  const content = contentSender(sender);
  return content ? dispatch<ContentRequests, ContentSender>(CONTENT_ROUTES, raw, content) : undefined;
}

/** The message types each side may send, for the tests that send each from the wrong side. */
export const CONTENT_MESSAGE_TYPES = Object.keys(CONTENT_ROUTES) as ContentRequestType[];
export const PAGE_MESSAGE_TYPES = Object.keys(PAGE_ROUTES) as PageRequestType[];
