import { WATCH_WORDS } from '@/utils/aruba/steps';
import { DIALOGS, OVERLAY_TAG, dataListsOf, isDataList, shadowRootsUnder } from '@/utils/page/walk';

const SETTLE_MS = 400;
/**
 * While the guide is off, the page is watched only this long after it loads, after a click and
 * after a navigation: what the guide still reports then (the expiry, the password window) is
 * drawn late by a page that is loading or answers a click. The rest of the day it is not watched.
 */
const AWAKE_MS = 10_000;
/** A look at the whole page (after a click, a navigation) is done at most this often. */
const MIN_INTERVAL_MS = 150;
const ELEMENT_NODE = 1;
/** Past this much text a node is not searched word by word: it is simply looked at again. */
const MAX_TEXT = 20_000;
const RESTYLES: MutationObserverInit = {
  characterData: true,
  attributes: true,
  attributeFilter: ['hidden', 'style', 'class', 'open', 'aria-hidden', 'aria-expanded', 'disabled'],
};

/**
 * What changed. `everywhere`: look at the whole page (navigation, a click, new custom elements,
 * a change too large to tell); otherwise only at `places`, the elements that were added or
 * restyled and mention a watched word, and `removed` says whether such text left.
 */
export interface PageChange {
  everywhere: boolean;
  places: Element[];
  removed: boolean;
}

const nothing = (): PageChange => ({ everywhere: false, places: [], removed: false });

export interface PageWatch {
  /** Whether the guide is on: the page is then watched all the time, otherwise only when awake. */
  guiding(on: boolean): void;
  /** Asks for a look at the whole page (at start, when a wait is over). */
  lookEverywhere(): void;
}

/**
 * Calls `onChange` when the page changed in a way that can matter to the guide. What is inside
 * a data list (the inbox's messages) is not even observed, and the other changes that mention
 * no watched word are dropped in the observer: on a busy inbox the guide costs next to nothing.
 * A relevant change is looked at in the observer's callback, so the highlight follows within the
 * frame; the whole page at most every MIN_INTERVAL_MS. With the guide off the observer is
 * disconnected but for AWAKE_MS after a load, a click or a navigation.
 */
export function watchPage(onChange: (change: PageChange) => void, signal: AbortSignal): PageWatch {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = 0;
  let guiding = true;
  let awake: ReturnType<typeof setTimeout> | undefined;
  let lists: Element[] = [];
  const lookEverywhere = () => {
    timer = undefined;
    last = performance.now();
    if (signal.aborted) return;
    observePage();
    onChange({ ...nothing(), everywhere: true });
  };
  const everywhere = () => {
    timer ??= setTimeout(lookEverywhere, Math.max(0, last + MIN_INTERVAL_MS - performance.now()));
  };
  const handle = (records: MutationRecord[]) => {
    let listsChanged = false;
    const change = nothing();
    for (const record of records) {
      if (isOurs(record)) continue;
      if (record.type === 'childList' && isDataList(record.target as Element)) {
        // A list grew past the size of one, or its rows came all at once: leave it from now on.
        listsChanged ||= !lists.includes(record.target as Element);
        continue;
      }
      if (record.removedNodes.length > 0) listsChanged ||= lists.some((list) => !list.isConnected);
      note(record, change);
    }
    if (listsChanged) observePage();
    if (change.everywhere) everywhere();
    else if (change.places.length > 0 || change.removed) onChange(change);
  };
  const observer = new MutationObserver(handle);
  /** The whole document but the data lists' contents: their ancestors alone, everything beside them whole. */
  const observePage = () => {
    const pending = observer.takeRecords();
    observer.disconnect();
    if (pending.length > 0) queueMicrotask(() => handle(pending));
    if (!guiding && awake === undefined) return;
    // A menu shown by a class, a window by an attribute, a label by a text edit: all count.
    const options: MutationObserverInit = { childList: true, ...RESTYLES };
    lists = dataListsOf(document);
    // The new WebMail draws inside shadow roots, where an observer of the document sees nothing.
    for (const root of shadowRootsUnder(document)) observer.observe(root, { ...options, subtree: true });
    if (lists.length === 0) return observer.observe(document.documentElement, { ...options, subtree: true });
    const path = new Set<Node>();
    for (const list of lists) for (let node: Node | null = list; node && !path.has(node); node = node.parentNode) path.add(node);
    for (const node of path) {
      if (node.nodeType !== ELEMENT_NODE || lists.includes(node as Element)) continue;
      observer.observe(node, options);
      for (const child of (node as Element).children) if (!path.has(child)) observer.observe(child, { ...options, subtree: true });
    }
  };
  const wake = () => {
    const asleep = awake === undefined;
    clearTimeout(awake);
    awake = setTimeout(() => {
      awake = undefined;
      if (!guiding) observePage();
    }, AWAKE_MS);
    if (asleep && !guiding) observePage();
  };
  wake();
  observePage();
  // Menus inside shadow roots change where no observer sees them, and a click may upgrade a
  // custom element; the click itself reaches the document, so it means "look again everywhere"
  // (and once more when the page has animated).
  const navigated = () => {
    wake();
    everywhere();
  };
  addEventListener(
    'click',
    () => {
      navigated();
      setTimeout(everywhere, SETTLE_MS);
    },
    { capture: true, passive: true, signal },
  );
  addEventListener('hashchange', navigated, { signal });
  addEventListener('popstate', navigated, { signal });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(timer);
      clearTimeout(awake);
    },
    { once: true },
  );
  return {
    guiding(on) {
      if (on === guiding) return;
      guiding = on;
      observePage();
    },
    lookEverywhere: everywhere,
  };
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

/**
 * A dialog, or anything put straight into the body (where overlay containers and consent banners
 * go): a notice over the page, opening or closing. Its words are not the guide's, but it may cover
 * or uncover the element to click.
 */
function isLayer(element: Element, parent: Node): boolean {
  return !isOverlay(element) && (parent === element.ownerDocument.body || element.matches(DIALOGS) || element.querySelector(DIALOGS) !== null);
}

function elementOf(node: Node): Element | null {
  return node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement;
}

function note(record: MutationRecord, change: PageChange): void {
  if (record.type === 'childList') {
    for (const node of record.addedNodes) {
      const element = elementOf(node);
      if (node.nodeType === ELEMENT_NODE && (hasCustomElement(node as Element) || isLayer(node as Element, record.target))) {
        change.everywhere = true;
      } else if (element && mentionsWatchedWord(node)) {
        if ((node.textContent?.length ?? 0) > MAX_TEXT) change.everywhere = true;
        else change.places.push(element);
      }
    }
    for (const node of record.removedNodes) {
      // A notice closing uncovers what the guide points at.
      if (node.nodeType === ELEMENT_NODE && isLayer(node as Element, record.target)) change.everywhere = true;
      else if (mentionsWatchedWord(node)) change.removed = true;
    }
    return;
  }
  const element = elementOf(record.target);
  // A dialog opened or closed by an attribute (`open`, `hidden`, a class).
  if (element && !isOverlay(element) && element.matches(DIALOGS)) {
    change.everywhere = true;
    return;
  }
  if (!element || !mentionsWatchedWord(record.target)) return;
  if ((element.textContent?.length ?? 0) > MAX_TEXT) change.everywhere = true;
  else change.places.push(element);
}

function isOverlay(node: Node): boolean {
  return node.nodeName.toLowerCase() === OVERLAY_TAG;
}

function isOurs(record: MutationRecord): boolean {
  if (isOverlay(record.target)) return true;
  if (record.type !== 'childList') return false;
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.length > 0 && nodes.every(isOverlay);
}
