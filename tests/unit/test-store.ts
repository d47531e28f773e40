import { afterEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ExtensionPageMessage } from '@/utils/messaging/messages';
import { openStore, type StoreDb } from '@/utils/store/schema';

const opened: StoreDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** A store of its own for one test (a fresh database name), closed after it. */
export async function openTestStore(name: string = crypto.randomUUID()): Promise<StoreDb> {
  const db = await openStore(name);
  opened.push(db);
  return db;
}

/**
 * Records every message an extension page sends the background, answering with `answer`. The
 * returned array is the one the page's messages land in.
 */
export function recordSentMessages(answer: (message: ExtensionPageMessage) => unknown = () => undefined): ExtensionPageMessage[] {
  const sent: ExtensionPageMessage[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: ExtensionPageMessage) => {
    sent.push(message);
    return answer(message);
  }) as typeof fakeBrowser.runtime.sendMessage);
  return sent;
}
