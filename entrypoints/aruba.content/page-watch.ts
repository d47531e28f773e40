import { WATCH_WORDS } from '@/utils/aruba-steps';

const SETTLE_MS = 400;
/** A busy WebMail changes its DOM many times a second: look at most this often. */
const MIN_INTERVAL_MS = 150;

/**
 * Calls `onChange` after the page changed: DOM mutations, hash and history navigation. The first
 * change after a quiet spell is handled at once; a stream of changes at most every
 * MIN_INTERVAL_MS, ending with one call after the last. Our own overlay is not a change.
 */
export function watchPage(onChange: () => void, signal: AbortSignal): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = 0;
  const run = () => {
    timer = undefined;
    last = performance.now();
    if (!signal.aborted) onChange();
  };
  const schedule = () => {
    if (timer !== undefined) return;
    timer = setTimeout(run, Math.max(0, last + MIN_INTERVAL_MS - performance.now()));
  };
  const observer = new MutationObserver((records) => {
    if (records.some((record) => !isOurs(record) && mayMatter(record))) schedule();
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
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(timer);
    },
    { once: true },
  );
}

const OVERLAY_HOST = 'PEC-PASSWORD-ASSISTANT';
const ELEMENT_NODE = 1;
/** Past this much text a node is not searched word by word: it is simply looked at again. */
const MAX_TEXT = 20_000;

/** Could this node hold a label or a title the guide looks for? */
function mentionsWatchedWord(node: Node): boolean {
  // A custom element draws its content in a shadow root, where textContent does not reach.
  if (node.nodeType === ELEMENT_NODE && (node as Element).localName.includes('-')) return true;
  const text = node.textContent;
  if (!text) return false;
  if (text.length > MAX_TEXT) return true;
  const lower = text.toLowerCase();
  return WATCH_WORDS.some((word) => lower.includes(word));
}

function mayMatter(record: MutationRecord): boolean {
  if (record.type !== 'childList') return mentionsWatchedWord(record.target);
  return [...record.addedNodes, ...record.removedNodes].some(mentionsWatchedWord);
}

function isOurs(record: MutationRecord): boolean {
  if (record.target.nodeName === OVERLAY_HOST) return true;
  if (record.type !== 'childList') return false;
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.length > 0 && nodes.every((node) => node.nodeName === OVERLAY_HOST);
}
