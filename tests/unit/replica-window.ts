import { Window } from 'happy-dom';
import { afterEach } from 'vitest';
import { readReplicaPage } from '../harness/replica-page';
import { fixtureFor } from '../harness/site';

/**
 * Replica pages in their own happy-dom windows, inline scripts running as in a browser; timers
 * are shortened so "a second after load" is a few milliseconds. The pages come without their
 * stylesheet, which hides nothing and would only slow happy-dom down.
 */
export interface Replica {
  window: Window;
  document: Document;
  url: () => string;
  settle: () => Promise<void>;
}

const windows: Window[] = [];
afterEach(async () => {
  await Promise.all(windows.splice(0).map((window) => window.happyDOM.close()));
});

/** A window at `url` holding `html`, settled unless told not to (to catch what renders late). */
export async function openHtml(url: string, html: string, options: { settle?: boolean } = {}): Promise<Replica> {
  const window = new Window({
    url,
    settings: {
      enableJavaScriptEvaluation: true,
      suppressInsecureJavaScriptEnvironmentWarning: true,
      timer: { maxTimeout: 10 },
      navigation: { disableMainFrameNavigation: true },
    },
  });
  windows.push(window);
  window.document.write(html);
  const settle = () => window.happyDOM.waitUntilComplete();
  if (options.settle !== false) await settle();
  return { window, document: window.document as unknown as Document, url: () => window.location.href, settle };
}

/** The replica page tests/harness/site.ts serves at `url`. */
export function openReplica(url: string, options: { settle?: boolean } = {}): Promise<Replica> {
  const page = fixtureFor(url);
  if (!page) throw new Error(`no fixture for ${url}`);
  return openHtml(url, readReplicaPage(page.file, { look: false }), options);
}

/**
 * Runs `read` with every input's `value` made unreadable: the password may sit in one. (Only
 * around the call: happy-dom itself reads values while parsing and clicking.)
 */
export function withoutValueReads<T>(replica: Replica, read: (document: Document) => T): T {
  const prototype = replica.window.HTMLInputElement.prototype;
  const original = Object.getOwnPropertyDescriptor(prototype, 'value');
  if (!original) throw new Error('no value property to guard');
  Object.defineProperty(prototype, 'value', {
    configurable: true,
    get() {
      throw new Error('an input value was read');
    },
  });
  try {
    return read(replica.document);
  } finally {
    Object.defineProperty(prototype, 'value', original);
  }
}
