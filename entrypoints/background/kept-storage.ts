import { browser, type Browser } from 'wxt/browser';

/**
 * A storage area that the background alone writes, kept in the worker's memory as well: read
 * whole once per start of the service worker (it stops after 30 s idle, and its memory goes with
 * it), then written through. A capture read session storage five times, at a browser call each
 * (issue 17). The memory changes first, so that a read asked for after a write sees it, as it
 * would from the browser. Values are shared: change a copy, then set it.
 */
export interface KeptArea {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

function keptArea(area: () => Browser.storage.StorageArea): KeptArea {
  let memory: Promise<Record<string, unknown>> | undefined;
  const held = (): Promise<Record<string, unknown>> => {
    if (memory) return memory;
    const reading = area().get(null);
    memory = reading;
    // A failed read is tried again at the next use.
    void reading.catch(() => {
      if (memory === reading) memory = undefined;
    });
    return reading;
  };
  return {
    get: async (key) => (await held())[key],
    set: async (key, value) => {
      (await held())[key] = value;
      await area().set({ [key]: value });
    },
    remove: async (key) => {
      delete (await held())[key];
      await area().remove(key);
    },
  };
}

/** Tabs' contexts, the renewal started, the tabs where the guide was dismissed, the pass of this browser session. */
export const keptSession = keptArea(() => browser.storage.session);

/** The snoozes. */
export const keptLocal = keptArea(() => browser.storage.local);
