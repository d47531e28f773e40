/**
 * Walking an Aruba page the way a person sees it: the composed tree (open shadow roots included),
 * never inside data lists (the inbox's thousands of messages). Pure DOM, no extension APIs.
 */

export type SearchRoot = Document | ShadowRoot | Element;

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const DOCUMENT_NODE = 9;
export const DOCUMENT_FRAGMENT_NODE = 11;

/** The host of the guide's own overlay (closed shadow root): never part of Aruba's page. */
export const OVERLAY_TAG = 'pec-password-assistant';

export const HEADINGS = 'h1, h2, h3, h4, h5, h6, [role=heading]';
export const DIALOGS = '[role=dialog], [role=alertdialog], dialog, [aria-modal=true]';

/** The parent in the composed tree: a shadow root's host instead of the shadow root. */
export function composedParent(node: Node): Node | null {
  const parent = node.parentNode;
  // Checked by node type: links have a `host` property too (their URL's).
  return parent?.nodeType === DOCUMENT_FRAGMENT_NODE ? ((parent as ShadowRoot).host ?? null) : parent;
}

/**
 * The element and its ancestors in the composed tree, nearest first. An array, not a generator:
 * the loader runs it on every Aruba page, where a generator's code and objects cost heap (issue 17).
 */
export function composedAncestry(element: Element): Element[] {
  const ancestry: Element[] = [];
  for (let node: Node | null = element; node; node = composedParent(node)) {
    if (node.nodeType === ELEMENT_NODE) ancestry.push(node as Element);
  }
  return ancestry;
}

export function composedContains(ancestor: Element, node: Node): boolean {
  for (let current: Node | null = composedParent(node); current; current = composedParent(current)) {
    if (current === ancestor) return true;
  }
  return false;
}

/**
 * Past this many child elements an element is a data list (the inbox's 5,000 messages, the
 * contacts): no step of either path is ever inside one, and it holds most of a busy WebMail's
 * elements. Searches and the page watch skip what is inside.
 */
export const DATA_LIST_SIZE = 200;

/** The page's own frame is never a data list, however flat the page. */
const FRAME = new Set(['html', 'body']);

export function isDataList(element: Element): boolean {
  // Not childElementCount: the browser counts all 5,000 messages to answer it, at every look.
  return !FRAME.has(element.localName) && element.children[DATA_LIST_SIZE] !== undefined;
}

function collect(parent: ParentNode, out: Element[]): void {
  for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
    out.push(child);
    if (child.shadowRoot) collect(child.shadowRoot, out);
    if (!isDataList(child)) collect(child, out);
  }
}

/** Elements under each root, while a look lasts: one look asks for them many times. */
let walked: Map<SearchRoot, Element[]> | null = null;
/** Other answers about the page that one look asks for more than once. */
let remembered: Map<unknown, unknown> | null = null;

/**
 * Runs `look` with the walks of the page remembered until it returns. The page cannot change
 * while it runs (script runs alone), so one walk per root serves every search of one look.
 */
export function inOneLook<R>(look: () => R): R {
  if (walked) return look();
  walked = new Map();
  remembered = new Map();
  try {
    return look();
  } finally {
    walked = null;
    remembered = null;
  }
}

/** `compute(key)`, computed once per look (every time outside one). */
export function onceALook<K, V>(key: K, compute: (key: K) => V): V {
  if (!remembered) return compute(key);
  if (!remembered.has(key)) remembered.set(key, compute(key));
  return remembered.get(key) as V;
}

/**
 * The root (when an element) and every element under it in document order, inside open shadow
 * roots too, but not inside data lists. A walk in script, yet far cheaper on a full inbox than a
 * native query of the whole document, because it never enters the message list.
 */
function elementsUnder(root: SearchRoot): Element[] {
  const known = walked?.get(root);
  if (known) return known;
  const elements: Element[] = [];
  if (root.nodeType === ELEMENT_NODE) {
    const element = root as Element;
    elements.push(element);
    if (element.shadowRoot) collect(element.shadowRoot, elements);
    if (!isDataList(element)) collect(element, elements);
  } else collect(root, elements);
  walked?.set(root, elements);
  return elements;
}

/** Every element matching the selector under the root, the root itself included when it is an element. */
export function queryAll(root: SearchRoot, selector: string): Element[] {
  return elementsUnder(root).filter((element) => element.matches(selector));
}

/** The open shadow roots under the root, outside data lists: the page watch observes each. */
export function shadowRootsUnder(root: SearchRoot): ShadowRoot[] {
  return elementsUnder(root).flatMap((element) => (element.shadowRoot ? [element.shadowRoot] : []));
}

/** The data lists of the document, outside shadow roots: where the page watch does not look. */
export function dataListsOf(document: Document): Element[] {
  const lists: Element[] = [];
  const visit = (parent: ParentNode) => {
    for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
      if (isDataList(child)) lists.push(child);
      else visit(child);
    }
  };
  visit(document);
  return lists;
}

/** Drops every element that contains another: the innermost one is the real control. */
export function innermost(elements: Element[]): Element[] {
  return elements.filter((element) => !elements.some((other) => other !== element && composedContains(element, other)));
}
