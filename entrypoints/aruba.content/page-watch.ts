const SETTLE_MS = 400;

/**
 * Calls `onChange` after the page changed: DOM mutations (coalesced into one call per task),
 * hash and history navigation. Our own overlay and highlight attribute are not changes.
 */
export function watchPage(onChange: () => void, signal: AbortSignal): void {
  let scheduled = false;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(() => {
      scheduled = false;
      if (!signal.aborted) onChange();
    });
  };
  const observer = new MutationObserver((records) => {
    if (records.some((record) => !isOurs(record))) schedule();
  });
  observer.observe(document.documentElement, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['hidden', 'style', 'class', 'open', 'aria-hidden', 'aria-expanded', 'disabled'],
  });
  // Menus inside closed-over shadow roots change where no observer sees them; the click that
  // opened them does reach the document, so a click means "look again" (and once more when
  // the page has animated).
  addEventListener(
    'click',
    () => {
      schedule();
      setTimeout(schedule, SETTLE_MS);
    },
    { capture: true, passive: true, signal },
  );
  addEventListener('hashchange', schedule, { signal });
  addEventListener('popstate', schedule, { signal });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}

const OVERLAY_HOST = 'PEC-PASSWORD-ASSISTANT';

function isOurs(record: MutationRecord): boolean {
  if (record.target.nodeName === OVERLAY_HOST) return true;
  if (record.type !== 'childList') return false;
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.length > 0 && nodes.every((node) => node.nodeName === OVERLAY_HOST);
}
