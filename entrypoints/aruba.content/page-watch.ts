import { WATCH_WORDS } from '@/utils/aruba-steps';
import { forgetShadowRoots, keepShadowRoots } from '@/utils/find-step';

const SETTLE_MS = 400;
const AFTER_CLICK_MS = 10_000;
/** A busy WebMail changes its DOM many times a second: look at most this often. */
const MIN_INTERVAL_MS = 150;
const OVERLAY_HOST = 'PEC-PASSWORD-ASSISTANT';
const ELEMENT_NODE = 1;
/** Past this much text a node is not searched word by word: it is simply looked at again. */
const MAX_TEXT = 20_000;

/**
 * What changed since the last call. `everywhere`: look at the whole page (navigation, a click,
 * new custom elements, a change too large to tell); otherwise only at `places`, the elements that
 * were added or restyled and mention a watched word, and `removed` says whether such text left.
 */
export interface PageChange {
  everywhere: boolean;
  places: Element[];
  removed: boolean;
}

/**
 * Calls `onChange` after the page changed in a way that can matter to the guide: a busy inbox's
 * other changes are not even looked at. The first change after a quiet spell is handled at once;
 * a stream of changes at most every MIN_INTERVAL_MS, ending with one call after the last. The
 * function returned turns the watching of restyles and text edits on or off.
 */
export function watchPage(onChange: (change: PageChange) => void, signal: AbortSignal): (restyles: boolean) => void {
  keepShadowRoots();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = 0;
  let pending: PageChange = { everywhere: false, places: [], removed: false };
  const run = () => {
    timer = undefined;
    last = performance.now();
    const change = pending;
    pending = { everywhere: false, places: [], removed: false };
    if (!signal.aborted) onChange(change);
  };
  const schedule = () => {
    if (timer !== undefined) return;
    timer = setTimeout(run, Math.max(0, last + MIN_INTERVAL_MS - performance.now()));
  };
  const everywhere = () => {
    pending.everywhere = true;
    schedule();
  };
  const observer = new MutationObserver((records) => {
    const before = pending.places.length + Number(pending.everywhere) + Number(pending.removed);
    for (const record of records) if (!isOurs(record)) note(record, pending);
    if (pending.places.length + Number(pending.everywhere) + Number(pending.removed) > before) schedule();
  });
  // Restyles and text edits are most of a busy inbox's changes; they matter only while guiding
  // (a menu shown by a class). Otherwise new elements (the password window) and clicks suffice.
  // A click may reveal a window by a class or an attribute a moment later (the password window
  // after «Genera»): for a while after each click restyles are watched whatever the setting.
  let restylesWanted = true;
  let afterClick: ReturnType<typeof setTimeout> | undefined;
  const observe = (restyles: boolean) =>
    observer.observe(document.documentElement, {
      subtree: true,
      childList: true,
      ...(restyles
        ? { characterData: true, attributes: true, attributeFilter: ['hidden', 'style', 'class', 'open', 'aria-hidden', 'aria-expanded', 'disabled'] }
        : {}),
    });
  const setRestyles = (restyles: boolean) => {
    restylesWanted = restyles;
    if (afterClick === undefined) observe(restyles);
  };
  observe(true);
  // Menus inside shadow roots change where no observer sees them, and a click may upgrade a
  // custom element; the click itself reaches the document, so it means "look again everywhere"
  // (and once more when the page has animated).
  addEventListener(
    'click',
    () => {
      forgetShadowRoots();
      everywhere();
      setTimeout(everywhere, SETTLE_MS);
      if (!restylesWanted) {
        clearTimeout(afterClick);
        observe(true);
        afterClick = setTimeout(() => {
          afterClick = undefined;
          observe(restylesWanted);
        }, AFTER_CLICK_MS);
      }
    },
    { capture: true, passive: true, signal },
  );
  addEventListener('hashchange', everywhere, { signal });
  addEventListener('popstate', everywhere, { signal });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(timer);
      clearTimeout(afterClick);
    },
    { once: true },
  );
  return setRestyles;
}

/** One case-insensitive scan of a node's text instead of a lower-cased copy and a search per word. */
const WATCHED = new RegExp(WATCH_WORDS.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i');

/** Could this node hold a label or a title the guide looks for? */
function mentionsWatchedWord(node: Node): boolean {
  const text = node.textContent;
  if (!text) return false;
  return text.length > MAX_TEXT || WATCHED.test(text);
}

/** Custom elements draw their content in shadow roots, where neither textContent nor a scoped search reaches. */
function hasCustomElement(element: Element): boolean {
  return element.localName.includes('-') || [...element.getElementsByTagName('*')].some((child) => child.localName.includes('-'));
}

function elementOf(node: Node): Element | null {
  return node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement;
}

function note(record: MutationRecord, change: PageChange): void {
  if (record.type === 'childList') {
    for (const node of record.addedNodes) {
      const element = elementOf(node);
      if (node.nodeType === ELEMENT_NODE && hasCustomElement(node as Element)) {
        forgetShadowRoots();
        change.everywhere = true;
      } else if (element && mentionsWatchedWord(node)) {
        if ((node.textContent?.length ?? 0) > MAX_TEXT) change.everywhere = true;
        else change.places.push(element);
      }
    }
    for (const node of record.removedNodes) if (mentionsWatchedWord(node)) change.removed = true;
    return;
  }
  const element = elementOf(record.target);
  if (!element || !mentionsWatchedWord(record.target)) return;
  if ((element.textContent?.length ?? 0) > MAX_TEXT) change.everywhere = true;
  else change.places.push(element);
}

function isOurs(record: MutationRecord): boolean {
  if (record.target.nodeName === OVERLAY_HOST) return true;
  if (record.type !== 'childList') return false;
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.length > 0 && nodes.every((node) => node.nodeName === OVERLAY_HOST);
}
