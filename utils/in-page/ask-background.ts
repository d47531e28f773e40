import { browser } from 'wxt/browser';
import type { ContentRequests, ContentRequestType, Envelope, ReplyOf, RequestOf } from '@/utils/messaging/protocol';

/** The content script's request to the background, typed both ways by utils/messaging/protocol.ts. */
export function askBackground<K extends ContentRequestType>(type: K, request: RequestOf<ContentRequests, K>): Promise<ReplyOf<ContentRequests, K>> {
  return browser.runtime.sendMessage<Envelope<ContentRequests, K>, ReplyOf<ContentRequests, K>>({ type, ...(request as object) } as Envelope<
    ContentRequests,
    K
  >);
}
