import { browser } from 'wxt/browser';
import { StoreValidationError } from '../store/validation';
import type { Envelope, PageRequests, PageRequestType, ReplyOf, RequestOf, StoreReply } from './protocol';

/** An extension page's request to the background, typed both ways by utils/messaging/protocol.ts. */
export function sendToBackground<K extends PageRequestType>(type: K, request: RequestOf<PageRequests, K>): Promise<ReplyOf<PageRequests, K>> {
  return browser.runtime.sendMessage<Envelope<PageRequests, K>, ReplyOf<PageRequests, K>>({ type, ...(request as object) } as Envelope<
    PageRequests,
    K
  >);
}

/** The store could not be written (IndexedDB failed, or the background did not answer). */
export class StoreUnavailableError extends Error {
  constructor() {
    super('store-unavailable');
    this.name = 'StoreUnavailableError';
  }
}

type StoreCommand = { [K in PageRequestType]: ReplyOf<PageRequests, K> extends StoreReply<unknown> ? K : never }[PageRequestType];

/**
 * A store write, done by the background (the only writer): its value, or a StoreValidationError
 * naming what was refused, or a StoreUnavailableError.
 */
export async function writeStore<K extends StoreCommand>(
  type: K,
  request: RequestOf<PageRequests, K>,
): Promise<ReplyOf<PageRequests, K> extends StoreReply<infer T> ? T : never> {
  let reply: StoreReply<unknown> | undefined;
  try {
    reply = (await sendToBackground(type, request)) as StoreReply<unknown> | undefined;
  } catch {
    throw new StoreUnavailableError();
  }
  if (!reply) throw new StoreUnavailableError();
  if (reply.ok) return reply.value as ReplyOf<PageRequests, K> extends StoreReply<infer T> ? T : never;
  if (reply.error === 'store-unavailable') throw new StoreUnavailableError();
  throw new StoreValidationError(reply.error, `The background refused the write: ${reply.error}`);
}
