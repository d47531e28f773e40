import { browser } from 'wxt/browser';

/** Said on the page's document by every copy of the loader that starts. */
const STARTED = 'pec-password-assistant:started';

/**
 * Aborted when this copy of the loader has been left behind: the extension was updated or
 * reloaded (its runtime is gone) and the new copy started in the same page, as Firefox does with
 * open tabs. The old copy's chip and watcher then go. The event carries nothing and proves
 * nothing (a page can dispatch it too): a copy whose extension still runs ignores it.
 */
export function untilReplaced(): AbortSignal {
  const replaced = new AbortController();
  document.dispatchEvent(new Event(STARTED));
  document.addEventListener(
    STARTED,
    () => {
      if (!browser.runtime?.id) replaced.abort();
    },
    { signal: replaced.signal },
  );
  return replaced.signal;
}
