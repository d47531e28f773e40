import {
  APP_PASSWORD_LABELS,
  ARUBA_STATES,
  ARUBA_STEPS,
  COPY_LABELS,
  EXPIRY_LABELS,
  MAILBOX_PASSWORD_EXPIRY_LABELS,
  PATHS,
  STEP_ANCHORS,
  SYNONYMS,
  labelsIn,
  matchesUrl,
  type ArubaPath,
  type ArubaState,
  type ArubaStep,
  type ClickRole,
  type Lang,
  type StateId,
} from './aruba-steps';

/**
 * Finds, on an Aruba page, the element the user should click next, the state the page is in and
 * the app password's expiry, from what a person sees: labels, never CSS classes. Pure DOM, no
 * extension APIs: the content script runs it on every WebMail change, so it stays small, makes one
 * pass over the clickable elements and reads no form field's value (the password may sit in one).
 */

export type SearchRoot = Document | ShadowRoot | Element;

export type FindResult =
  | { status: 'found'; element: Element }
  | { status: 'missing' }
  /** More than one element fits equally: better no highlight than a wrong one. */
  | { status: 'ambiguous'; count: number };

export type PageState =
  | { path: ArubaPath; step: ArubaStep; target: Element }
  /** `scope` is what identified the state: the password window, the warning, the sign-in form. */
  | { state: StateId; scope: Element };

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_FRAGMENT_NODE = 11;

const CLICKABLE = 'a, button, [role=button], [role=link], [role=menuitem], [role=tab], input[type=button], input[type=submit]';
const CLICK_ROLES: readonly string[] = ['link', 'button', 'menuitem', 'tab'] satisfies ClickRole[];
const DIALOGS = '[role=dialog], [role=alertdialog], dialog, [aria-modal=true]';
export const HEADINGS = 'h1, h2, h3, h4, h5, h6, [role=heading]';
// Where Aruba shows the mailbox: header, user menu and its button, page headings. Not the message
// list, whose senders' addresses are other people's.
const ACCOUNT_PLACES = `header, [role=banner], [aria-haspopup], [role=menu], ${HEADINGS}`;
const SIGN_IN_FIELDS = 'input[type=password], input[name=username], input[autocomplete=username], input[type=email]';
/** Never contribute text: code, and form fields (their content is a value, possibly the password). */
const TEXTLESS = new Set(['head', 'title', 'script', 'style', 'template', 'noscript', 'input', 'textarea', 'select']);
/** Rendered on their own line: their text is kept apart from the neighbours'. */
const BLOCKS = new Set(['br', 'div', 'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'section', 'header', 'footer', 'nav', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const EDGE_PUNCTUATION = /^[\s«»"'“”‘’:›‹<>…·•*.,;!?()[\]-]+|[\s«»"'“”‘’:›‹<>…·•*.,;!?()[\]-]+$/g;
/** Icon fonts (private use area), symbols and arrows drawn beside a label. */
const GLYPHS = /[\p{So}\p{Sm}\p{Sk}\p{Co}\p{Cf}]/gu;
const EMAIL = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/i;
/** A date at the start of the text: 15/02/2027, 2027-02-15, 15 febbraio 2027, February 15, 2027. */
const DATE_START = /^(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}|\d{1,2} \p{L}{3,}\.? \d{4}|\p{L}{3,}\.? \d{1,2},? \d{4})/iu;
/** How far up from a label to look for the words that say what it belongs to. */
const NEAR_LEVELS = 5;

export function normalizeLabel(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(EDGE_PUNCTUATION, '');
}

function withoutGlyphs(normalized: string): string {
  return normalized.replace(GLYPHS, ' ').replace(/\s+/g, ' ').replace(EDGE_PUNCTUATION, '');
}

function labelMatches(normalized: string, wanted: ReadonlySet<string>): boolean {
  return wanted.has(normalized) || wanted.has(withoutGlyphs(normalized));
}

const normalizedSets = new Map<string, Set<string>>();

/** The labels normalized, once: every look at every change asks for the same few sets. */
function normalizedSet(labels: readonly string[]): Set<string> {
  const key = labels.join('\n');
  let set = normalizedSets.get(key);
  if (!set) normalizedSets.set(key, (set = new Set(labels.map(normalizeLabel))));
  return set;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The parent in the composed tree: a shadow root's host instead of the shadow root. */
function composedParent(node: Node): Node | null {
  const parent = node.parentNode;
  // Checked by node type: links have a `host` property too (their URL's).
  return parent?.nodeType === DOCUMENT_FRAGMENT_NODE ? ((parent as ShadowRoot).host ?? null) : parent;
}

function composedContains(ancestor: Element, node: Node): boolean {
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

/**
 * Runs `look` with the walks of the page remembered until it returns. The page cannot change
 * while it runs (script runs alone), so one walk per root serves every search of one look.
 */
export function inOneLook<R>(look: () => R): R {
  if (walked) return look();
  walked = new Map();
  try {
    return look();
  } finally {
    walked = null;
  }
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

function isMarkedHidden(element: Element): boolean {
  return (
    element.hasAttribute('hidden') ||
    element.hasAttribute('inert') ||
    element.getAttribute('aria-hidden') === 'true' ||
    (element.localName === 'dialog' && !element.hasAttribute('open'))
  );
}

/** Whether a person can see the element: nothing up the composed tree hides it. */
export function isRendered(element: Element): boolean {
  if (!element.isConnected) return false;
  for (let node: Node | null = element; node; node = composedParent(node)) {
    if (node.nodeType === ELEMENT_NODE && isMarkedHidden(node as Element)) return false;
  }
  // One native check where the browser has it; the computed styles (slower) only to confirm a "no".
  if (element.checkVisibility?.({ visibilityProperty: true })) return true;
  const view = element.ownerDocument.defaultView;
  for (let node: Node | null = element; node; node = composedParent(node)) {
    if (node.nodeType !== ELEMENT_NODE) continue;
    const current = node as Element;
    const style = view?.getComputedStyle(current);
    if (style?.display === 'none') return false;
    // Visibility is inherited, so the element's own value is enough.
    if (current === element && (style?.visibility === 'hidden' || style?.visibility === 'collapse')) return false;
  }
  return true;
}

/** Children as rendered: a shadow root instead of the light children, a slot's assigned nodes. */
function renderedChildren(element: Element): ArrayLike<Node> {
  if (element.localName === 'slot') {
    const assigned = (element as HTMLSlotElement).assignedNodes({ flatten: true });
    if (assigned.length > 0) return assigned;
  }
  return (element.shadowRoot ?? element).childNodes;
}

function appendText(node: Node, parts: string[]): void {
  if (node.nodeType === TEXT_NODE) {
    parts.push(node.nodeValue ?? '');
    return;
  }
  if (node.nodeType === DOCUMENT_FRAGMENT_NODE) {
    for (const child of node.childNodes) appendText(child, parts);
    return;
  }
  if (node.nodeType !== ELEMENT_NODE) return;
  const element = node as Element;
  const tag = element.localName;
  // The inline style check is cheap; a full computed style per text node would not be.
  if (TEXTLESS.has(tag) || isMarkedHidden(element) || (element as HTMLElement).style?.display === 'none') return;
  if (tag === 'img') {
    parts.push(element.getAttribute('alt') ?? '');
    return;
  }
  const block = BLOCKS.has(tag);
  if (block) parts.push(' ');
  const children = renderedChildren(element);
  for (let index = 0; index < children.length; index++) appendText(children[index]!, parts);
  if (block) parts.push(' ');
}

/** The text a person sees inside the node, across spans, slots and shadow roots. */
function visibleText(node: Node): string {
  const parts: string[] = [];
  appendText(node, parts);
  return collapse(parts.join(''));
}

/** What the element is called, the way a screen reader would say it (simplified). */
export function accessibleLabel(element: Element): string {
  const ariaLabel = collapse(element.getAttribute('aria-label') ?? '');
  if (ariaLabel) return ariaLabel;
  const labelledBy = (element.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
  if (labelledBy.length > 0) {
    const root = element.getRootNode() as Document | ShadowRoot;
    const text = collapse(labelledBy.map((id) => {
      const labelElement = root.getElementById(id);
      return labelElement ? visibleText(labelElement) : '';
    }).join(' '));
    if (text) return text;
  }
  if (element.localName === 'input') return buttonInputLabel(element) || collapse(element.getAttribute('title') ?? '');
  return visibleText(element) || collapse(element.getAttribute('title') ?? '');
}

/** Only a button's value is its label; any other input's value is what the user typed. */
function buttonInputLabel(element: Element): string {
  const type = (element.getAttribute('type') ?? '').toLowerCase();
  return type === 'button' || type === 'submit' ? collapse(element.getAttribute('value') ?? '') : '';
}

export interface Clickable {
  element: Element;
  role: ClickRole;
  label: string;
}

function roleOf(element: Element): ClickRole | null {
  const explicit = (element.getAttribute('role') ?? '').trim().split(/\s+/)[0];
  if (explicit) return CLICK_ROLES.includes(explicit) ? (explicit as ClickRole) : null;
  if (element.localName === 'a') return 'link';
  return element.localName === 'button' || element.localName === 'input' ? 'button' : null;
}

function isEnabled(element: Element): boolean {
  return !element.hasAttribute('disabled') && element.getAttribute('aria-disabled') !== 'true';
}

/**
 * Could this element carry one of the labels? Its raw text must contain the label's longest
 * word; a label from elsewhere (aria-labelledby, a slot, the user menu's initial) is always
 * looked at. Cheap enough for the thousands of links of a full inbox, where computing every
 * accessible label is not.
 */
function mayCarry(element: Element, anchors: readonly string[]): boolean {
  // In a shadow root the text may come through a slot, which textContent does not follow.
  if (element.hasAttribute('aria-labelledby') || element.hasAttribute('aria-haspopup') || element.getRootNode() !== element.ownerDocument) return true;
  const raw = `${element.getAttribute('aria-label') ?? ''} ${element.getAttribute('title') ?? ''} ${buttonInputLabel(element)} ${element.textContent ?? ''}`.toLowerCase();
  return anchors.some((anchor) => raw.includes(anchor));
}

/**
 * Every enabled clickable with its normalized label; visibility is checked later, on matches
 * only. With `anchors`, only those that may carry a label with one of these words.
 */
export function clickablesIn(root: SearchRoot, anchors?: readonly string[]): Clickable[] {
  const clickables: Clickable[] = [];
  for (const element of queryAll(root, CLICKABLE)) {
    if (anchors && !mayCarry(element, anchors)) continue;
    const role = roleOf(element);
    if (role && isEnabled(element)) clickables.push({ element, role, label: normalizeLabel(accessibleLabel(element)) });
  }
  return clickables;
}

/** Drops every element that contains another: the innermost one is the real control. */
export function innermost(elements: Element[]): Element[] {
  return elements.filter((element) => !elements.some((other) => other !== element && composedContains(element, other)));
}

/** How many levels up the nearest ancestor whose text has one of the phrases is, or Infinity. */
function distanceTo(element: Element, phrases: readonly string[]): number {
  let node: Node | null = element;
  for (let level = 0; level <= NEAR_LEVELS && node?.nodeType === ELEMENT_NODE; level++, node = composedParent(node)) {
    const text = normalizeLabel(visibleText(node));
    if (phrases.some((phrase) => text.includes(phrase))) return level;
  }
  return Infinity;
}

/** Among equally labelled elements, those closest to the step's neighbouring words. */
function nearest(elements: Element[], near: readonly string[]): Element[] {
  const phrases = near.map(normalizeLabel);
  const distances = elements.map((element) => distanceTo(element, phrases));
  const best = Math.min(...distances);
  return best === Infinity ? elements : elements.filter((_, index) => distances[index] === best);
}

/** The user menu shows the mailbox's initial; such a one-letter button must announce a popup. */
function mailboxMatcher(root: SearchRoot): ((clickable: Clickable) => boolean) | null {
  const account = readAccountName(root);
  if (!account) return null;
  const initial = normalizeLabel(account.charAt(0));
  const address = normalizeLabel(account);
  return ({ element, label }) => {
    if (label === address) return true;
    if (label !== initial) return false;
    const host = (element.getRootNode() as Partial<ShadowRoot>).host;
    return [element, host].some((candidate) => candidate?.hasAttribute('aria-haspopup') || candidate?.hasAttribute('aria-expanded'));
  };
}

function matchStep(root: SearchRoot, clickables: Clickable[], step: ArubaStep, lang?: Lang): FindResult {
  const wanted = normalizedSet(labelsIn(step.labels, lang));
  const byMailbox = step.mailboxInitial ? mailboxMatcher(root) : null;
  const matching = clickables
    .filter((clickable) => step.roles.includes(clickable.role))
    .filter((clickable) => labelMatches(clickable.label, wanted) || (byMailbox?.(clickable) ?? false))
    .map((clickable) => clickable.element)
    .filter(isRendered);
  let candidates = innermost(matching);
  if (candidates.length > 1 && step.near) candidates = nearest(candidates, labelsIn(step.near, lang));
  const [only] = candidates;
  if (!only) return { status: 'missing' };
  return candidates.length === 1 ? { status: 'found', element: only } : { status: 'ambiguous', count: candidates.length };
}

/**
 * The element to click for the step, searched inside open shadow roots too (the new WebMail's
 * `<aru-button>` wraps a real `<button>`: the inner one is returned). `lang` limits the labels to
 * one language; without it both are tried.
 */
export function findStepTarget(root: SearchRoot, step: ArubaStep, lang?: Lang): FindResult {
  return inOneLook(() => matchStep(root, clickablesIn(root, STEP_ANCHORS), step, lang));
}

/** The innermost rendered element whose visible text has one of the phrases. */
function findPhrase(root: SearchRoot, phrases: readonly string[]): Element | null {
  const wanted = phrases.map(normalizeLabel);
  const has = (node: Node) => {
    const text = normalizeLabel(visibleText(node));
    return wanted.some((phrase) => text.includes(phrase));
  };
  // One look at the whole page first: the walk below is only for the pages that have it. The
  // raw text (cheap) must have every word of a phrase before the visible text (not cheap) is read.
  const page = 'documentElement' in root ? root.documentElement : root;
  const shadows = elementsUnder(root).flatMap((element) => (element.shadowRoot ? [element.shadowRoot] : []));
  const raw = [root, ...shadows].map((scope) => ('documentElement' in scope ? scope.documentElement : scope).textContent ?? '').join(' ').toLowerCase();
  if (!phrases.some((phrase) => phrase.toLowerCase().split(' ').every((word) => raw.includes(word)))) return null;
  if (!has(page)) return null;
  return innermost(queryAll(root, '*').filter(has)).find(isRendered) ?? null;
}

/** The window showing the new password: titled as Aruba titles it, with a Copia button inside. */
function findPasswordWindow(root: SearchRoot, state: ArubaState): Element | null {
  const titles = normalizedSet(labelsIn(state.titles ?? { it: [], en: [] }));
  const copy = normalizedSet(labelsIn(COPY_LABELS));
  const hasCopy = (scope: Element) =>
    clickablesIn(scope).some((clickable) => labelMatches(clickable.label, copy) && isRendered(clickable.element));
  for (const title of queryAll(root, `${DIALOGS}, ${HEADINGS}`)) {
    const isDialog = title.matches(DIALOGS);
    const label = isDialog ? accessibleLabel(title) : visibleText(title);
    if (!titles.has(normalizeLabel(label)) || !isRendered(title)) continue;
    const dialog = isDialog ? title : title.closest(DIALOGS);
    if (dialog) {
      if (hasCopy(dialog)) return dialog;
      continue;
    }
    // No dialog markup: the smallest block around the title that holds the Copia button.
    let block: Node | null = composedParent(title);
    for (let level = 0; level < NEAR_LEVELS && block && block.nodeType === ELEMENT_NODE; level++, block = composedParent(block)) {
      if (hasCopy(block as Element)) return block as Element;
    }
  }
  return null;
}

function detectState(root: SearchRoot, state: ArubaState): Element | null {
  switch (state.id) {
    case 'password-shown':
      return findPasswordWindow(root, state);
    case 'sign-in': {
      // The form, not the field: nothing downstream gets near what the user types.
      const field = queryAll(root, SIGN_IN_FIELDS).find(isRendered);
      return field ? (field.closest('form') ?? field.parentElement) : null;
    }
    case 'protocols-disabled':
    case 'approve-on-phone':
      return state.phrases ? findPhrase(root, labelsIn(state.phrases)) : null;
  }
}

/**
 * Where the user is: a blocking or final state first, else the furthest step along either path
 * whose target is on the page. Null when the page is unknown or the furthest step is ambiguous
 * (an earlier step's target would then be a wrong highlight).
 */
export function detectPageState(root: SearchRoot, url: string | URL): PageState | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return inOneLook(() => detectIn(root, parsed));
}

function detectIn(root: SearchRoot, parsed: URL): PageState | null {
  for (const state of ARUBA_STATES) {
    if (!matchesUrl(state.where, parsed)) continue;
    const scope = detectState(root, state);
    if (scope) return { state: state.id, scope };
  }
  const clickables = clickablesIn(root, STEP_ANCHORS);
  let best: { step: ArubaStep; result: FindResult } | null = null;
  for (const path of PATHS) {
    // Furthest first; the sort is stable, so alternatives keep the table's order.
    const steps = ARUBA_STEPS.filter((step) => step.path === path && matchesUrl(step.where, parsed)).sort((a, b) => b.ordinal - a.ordinal);
    for (const step of steps) {
      const result = matchStep(root, clickables, step);
      if (result.status === 'missing') continue;
      if (!best || step.ordinal > best.step.ordinal) best = { step, result };
      break;
    }
  }
  if (best?.result.status !== 'found') return null;
  return { path: best.step.path, step: best.step, target: best.result.element };
}

/** The first text after the element, looking at following siblings, then the parent's. */
function textAfter(element: Element, scope: SearchRoot): string {
  let node: Node = element;
  for (let level = 0; level < 3 && node !== scope; level++) {
    for (let sibling = node.nextSibling; sibling; sibling = sibling.nextSibling) {
      const text =
        sibling.nodeType === TEXT_NODE ? collapse(sibling.nodeValue ?? '') : sibling.nodeType === ELEMENT_NODE ? visibleText(sibling as Element) : '';
      if (text) return text;
    }
    const parent = composedParent(node);
    if (!parent || parent.nodeType !== ELEMENT_NODE) break;
    node = parent;
  }
  return '';
}

/** The date written with an expiry label: after it in the same element, or in the next one. */
function dateBesideLabel(element: Element, scope: SearchRoot, labels: readonly string[]): string | null {
  const raw = visibleText(element);
  const normalized = normalizeLabel(raw);
  for (const label of labels) {
    let value: string;
    if (normalized === label) value = textAfter(element, scope);
    else if (normalized.startsWith(`${label} `) || normalized.startsWith(`${label}:`)) {
      // Drop as many words as the label has; the rest keeps the page's own spelling.
      value = raw.split(' ').slice(label.split(' ').length).join(' ');
    } else continue;
    // "Scadenza: il 15/02/2027", "Expires: on 15 February 2027": the date alone.
    value = value.replace(/^[\s:–-]+/, '').replace(/^(?:il|on)\s+/i, '');
    return value.length <= 80 && DATE_START.test(normalizeLabel(value)) ? value : null;
  }
  return null;
}

function readExpiryIn(scope: SearchRoot, nearAppPassword: boolean): string | null {
  // Longest first, so "Expiry date" is taken whole rather than as "Expiry" plus a word.
  const labels = labelsIn(EXPIRY_LABELS).map(normalizeLabel).sort((a, b) => b.length - a.length);
  const holders = innermost(
    queryAll(scope, '*').filter((element) => {
      if (TEXTLESS.has(element.localName) || (element.textContent ?? '').length > 300) return false;
      const text = normalizeLabel(visibleText(element));
      return labels.some((label) => text === label || text.startsWith(`${label} `) || text.startsWith(`${label}:`));
    }),
  ).filter(isRendered);
  const appPassword = labelsIn(APP_PASSWORD_LABELS).map(normalizeLabel);
  const mailboxExpiry = labelsIn(MAILBOX_PASSWORD_EXPIRY_LABELS).map(normalizeLabel);
  const found = holders
    .map((element) => ({ element, date: dateBesideLabel(element, scope, labels) }))
    .filter((entry): entry is { element: Element; date: string } => entry.date !== null)
    .map((entry) => ({ ...entry, distance: nearAppPassword ? appPasswordDistance(entry.element, appPassword, mailboxExpiry) : 0 }))
    .filter((entry) => entry.distance !== Infinity);
  const best = Math.min(...found.map((entry) => entry.distance));
  return found.find((entry) => entry.distance === best)?.date ?? null;
}

/** Levels up to the block that names the app password, unless that block is about the mailbox password's expiry. */
function appPasswordDistance(element: Element, appPassword: readonly string[], mailboxExpiry: readonly string[]): number {
  let node: Node | null = element;
  for (let level = 0; level <= NEAR_LEVELS && node?.nodeType === ELEMENT_NODE; level++, node = composedParent(node)) {
    const text = normalizeLabel(visibleText(node));
    // "Scadenza password per programmi di posta" is about the app password: only what is left
    // once its name is taken out can speak of the mailbox password.
    const rest = appPassword.reduce((remaining, phrase) => remaining.replaceAll(phrase, ' '), text);
    if (mailboxExpiry.some((phrase) => rest.includes(phrase))) return Infinity;
    if (rest !== text) return level;
  }
  return Infinity;
}

/**
 * The raw text of the app password's expiry ("15/02/2027"), read only beside an expiry label in
 * the password window or on a page that shows it (a step with `showsExpiry`); null elsewhere.
 * Reads text, never a field's value, and only a date-like text, so never the password.
 */
export function readExpiryText(root: SearchRoot, pageState: PageState | null): string | null {
  if (!pageState) return null;
  if ('state' in pageState) return pageState.state === 'password-shown' ? readExpiryIn(pageState.scope, false) : null;
  return pageState.step.showsExpiry ? readExpiryIn(root, true) : null;
}

/** The PEC mailbox the page belongs to, lower-cased, from the header, user menu or headings. */
export function readAccountName(root: SearchRoot): string | null {
  for (const place of queryAll(root, ACCOUNT_PLACES)) {
    const texts = [visibleText(place), place.getAttribute('title'), place.getAttribute('aria-label')];
    for (const labelled of place.querySelectorAll('[title], [aria-label]')) texts.push(labelled.getAttribute('title'), labelled.getAttribute('aria-label'));
    for (const text of texts) {
      const match = text?.match(EMAIL);
      if (match) return match[0].toLowerCase();
    }
  }
  return null;
}

/** Canonical word for each synonym, so "crea" and "genera" compare equal. */
const CANONICAL = new Map(SYNONYMS.flatMap((group) => group.map((word) => [word, group[0]!] as const)));

function wordsOf(label: string): string[] {
  return withoutGlyphs(label)
    .split(' ')
    .filter(Boolean)
    .map((word) => CANONICAL.get(word) ?? word);
}

/** Same words but for synonyms, or but for one word of a label of three or more. */
function nearlyEqual(label: string, wanted: string): boolean {
  const have = wordsOf(label);
  const want = wordsOf(wanted);
  if (have.length !== want.length) return false;
  const differing = have.filter((word, index) => word !== want[index]).length;
  return differing === 0 || (differing === 1 && want.length >= 3);
}

/**
 * When a step's label is nowhere on the page, the one clickable whose label nearly matches
 * (a synonym such as «Crea» for «Genera», or all words but one): offered to the user as a
 * guess, never highlighted as the step. Null when none, or more than one, is that close.
 */
export function findNearMiss(root: SearchRoot, step: ArubaStep): Element | null {
  const wanted = labelsIn(step.labels).map(normalizeLabel);
  const close = innermost(
    clickablesIn(root)
      .filter((clickable) => step.roles.includes(clickable.role) && wanted.some((label) => nearlyEqual(clickable.label, label)))
      .map((clickable) => clickable.element)
      .filter(isRendered),
  );
  return close.length === 1 ? close[0]! : null;
}
