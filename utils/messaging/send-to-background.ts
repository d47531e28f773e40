import { browser } from 'wxt/browser';
import type { ExtensionPageMessage } from './messages';

/** Extension pages talk to the background only through the typed messages of messages.ts. */
export function sendToBackground<Answer = void>(message: ExtensionPageMessage): Promise<Answer> {
  return browser.runtime.sendMessage(message) as Promise<Answer>;
}
