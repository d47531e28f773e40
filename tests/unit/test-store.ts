import { afterEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { answerMessage } from '@/entrypoints/background/messages';
import type { PageRequests } from '@/utils/messaging/protocol';
import { listAccounts } from '@/utils/store/accounts';
import { getFiredReminders } from '@/utils/store/fired-reminders';
import { openStore, type StoreDb } from '@/utils/store/schema';
import { getSettings } from '@/utils/store/settings';

/** The store the background answers on, in the tests that serve the pages' messages: read afresh each time. */
let served: StoreDb | undefined;
vi.mock('@/entrypoints/background/store-access', () => {
  const store = () => (served ? Promise.resolve(served) : Promise.reject(new Error('no store served')));
  return {
    store,
    storedAccounts: () => store().then(listAccounts),
    storedSettings: () => store().then(getSettings),
    storedFiredReminders: () => store().then(getFiredReminders),
  };
});

const opened: StoreDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  served = undefined;
});

/** A store of its own for one test (a fresh database name), closed after it. */
export async function openTestStore(name: string = crypto.randomUUID()): Promise<StoreDb> {
  const db = await openStore(name);
  opened.push(db);
  return db;
}

export type SentMessage = { type: keyof PageRequests } & Record<string, unknown>;

/**
 * The pages' messages answered by the real background (entrypoints/background/messages.ts), on
 * `db`, as sent from our own popup page; every message is recorded. `answer` may answer one
 * instead (a background that fails, say): returning undefined leaves it to the background.
 */
export function serveBackground(db: StoreDb | undefined, answer: (message: SentMessage) => unknown = () => undefined): SentMessage[] {
  served = db;
  const sent: SentMessage[] = [];
  const fromPopup = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: SentMessage) => {
    sent.push(message);
    return answer(message) ?? answerMessage(message, fromPopup);
  }) as typeof fakeBrowser.runtime.sendMessage);
  return sent;
}
