import {
  ARUBA_STATES,
  ARUBA_STEPS,
  COPY_LABELS,
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
import { DIALOGS, DOCUMENT_NODE, ELEMENT_NODE, HEADINGS, composedParent, inOneLook, innermost, queryAll, type SearchRoot } from './dom-walk';
import {
  accessibleLabel,
  attributeName,
  buttonInputLabel,
  isRendered,
  labelMatches,
  normalizeLabel,
  normalizedSet,
  visibleText,
  withoutGlyphs,
} from './dom-text';
import { isReachable } from './page-layers';
import { inTopBar, isAppChrome, isPageContent } from './page-regions';
import { readAccountName } from './read-mailbox';

/**
 * Finds, on an Aruba page, the element the user should click next and the state the page is in,
 * from what a person sees: labels, headings, never CSS classes. Only Aruba's own interface counts
 * (utils/page-regions.ts): nothing inside a message, and nothing that leads off Aruba. Pure DOM,
 * no extension APIs: the content script runs it on every WebMail change, so it stays small and
 * reads no form field's value (the password may sit in one).
 */

export type FindResult =
  | { status: 'found'; element: Element }
  | { status: 'missing' }
  /** More than one element fits equally: better no highlight than a wrong one. */
  | { status: 'ambiguous'; count: number };

export type PageState =
  | { path: ArubaPath; step: ArubaStep; target: Element }
  /** `scope` is what identified the state: the password window, the warning, the sign-in form. */
  | { state: StateId; scope: Element };

const CLICKABLE = 'a, button, [role=button], [role=link], [role=menuitem], [role=tab], input[type=button], input[type=submit]';
const CLICK_ROLES: readonly string[] = ['link', 'button', 'menuitem', 'tab'] satisfies ClickRole[];
const SIGN_IN_FIELDS = 'input[type=password], input[name=username], input[autocomplete=username], input[type=email]';
/** How far up from a label to look for the words that say what it belongs to. */
const NEAR_LEVELS = 5;

export interface Clickable {
  element: Element;
  role: ClickRole;
  /** The normalized accessible label. */
  label: string;
  /**
   * A design-system element's name, normalized: a custom element labelled on its host (aria-label,
   * title) around the one real control of its shadow root, which shows only an icon or an initial.
   */
  hostLabel?: string;
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
 * word; a label from elsewhere (aria-labelledby, a slot, a host, the user menu's initial) is
 * always looked at. Cheap enough for the thousands of links of a full inbox, where computing
 * every accessible label is not.
 */
function mayCarry(element: Element, anchors: readonly string[]): boolean {
  // In a shadow root the text may come through a slot, which textContent does not follow.
  if (element.hasAttribute('aria-labelledby') || element.hasAttribute('aria-haspopup') || element.getRootNode() !== element.ownerDocument) return true;
  const raw = `${element.getAttribute('aria-label') ?? ''} ${element.getAttribute('title') ?? ''} ${buttonInputLabel(element)} ${element.textContent ?? ''}`.toLowerCase();
  // The user menu: named with the address, or showing one letter.
  if (`${element.getAttribute('aria-label')}${element.getAttribute('title')}`.includes('@') || (element.textContent ?? '').trim().length === 1) return true;
  return anchors.some((anchor) => raw.includes(anchor));
}

/** The name of the custom element whose shadow root holds this control and no other. */
function hostLabelOf(element: Element): string | undefined {
  const root = element.getRootNode() as Partial<ShadowRoot>;
  const host = root.host;
  if (!host?.localName.includes('-')) return undefined;
  const name = attributeName(host);
  if (!name || (root as ShadowRoot).querySelectorAll(CLICKABLE).length !== 1) return undefined;
  return normalizeLabel(name);
}

/**
 * A custom element with no role that is itself the control: focusable or announcing a popup,
 * named on its host, with no real control inside it nor around it. Counted as a button.
 */
function isControlHost(element: Element): boolean {
  if (!element.localName.includes('-') || element.hasAttribute('role') || !attributeName(element)) return false;
  const tabIndex = element.getAttribute('tabindex');
  if (!(element.hasAttribute('aria-haspopup') || element.hasAttribute('aria-expanded') || (tabIndex !== null && Number(tabIndex) >= 0))) return false;
  if (element.querySelector(CLICKABLE) || element.shadowRoot?.querySelector(CLICKABLE)) return false;
  for (let node = composedParent(element); node && node.nodeType === ELEMENT_NODE; node = composedParent(node)) {
    if ((node as Element).matches(CLICKABLE)) return false;
  }
  return true;
}

/**
 * Every enabled clickable with its normalized label; visibility and whether it is Aruba's own are
 * checked later, on matches only. With `anchors`, only those that may carry a label with one of
 * these words.
 */
export function clickablesIn(root: SearchRoot, anchors?: readonly string[]): Clickable[] {
  const clickables: Clickable[] = [];
  for (const element of queryAll(root, `${CLICKABLE}, [tabindex], [aria-haspopup], [aria-expanded]`)) {
    if (!element.matches(CLICKABLE)) {
      if (isControlHost(element)) clickables.push({ element, role: 'button', label: normalizeLabel(attributeName(element)) });
      continue;
    }
    if (anchors && !mayCarry(element, anchors)) continue;
    const role = roleOf(element);
    if (role && isEnabled(element)) clickables.push({ element, role, label: normalizeLabel(accessibleLabel(element)), hostLabel: hostLabelOf(element) });
  }
  return clickables;
}

function names(clickable: Clickable): string[] {
  return clickable.hostLabel ? [clickable.label, clickable.hostLabel] : [clickable.label];
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

const ONE_LETTER = /^\p{L}$/u;

/** The one-letter label of a clickable ("m" of the circle), or null. */
function letterOf(clickable: Clickable): string | null {
  return names(clickable).map(withoutGlyphs).find((label) => ONE_LETTER.test(label)) ?? null;
}

/**
 * The user menu: a control of the app's top bar named with the mailbox's address, or showing only
 * its initial (a circle). Senders in the message list have initial circles too, so a circle counts
 * only in the top bar, and only when it announces a popup or is the top bar's one letter (a row of
 * letters is an index, not a menu). With no mailbox known, a lone one-letter popup button of the
 * top bar is the menu.
 */
function mailboxMatcher(root: SearchRoot, clickables: Clickable[]): (clickable: Clickable) => boolean {
  const account = readAccountName('ownerDocument' in root && root.ownerDocument ? root.ownerDocument : root);
  const address = account && normalizeLabel(account);
  const initial = account && normalizeLabel(account.charAt(0));
  const lettersInTopBar = clickables.filter((clickable) => letterOf(clickable) !== null && inTopBar(clickable.element)).length;
  return (clickable) => {
    const { element } = clickable;
    if (!inTopBar(element)) return false;
    if (address && names(clickable).some((label) => label.includes(address))) return true;
    const letter = letterOf(clickable);
    if (letter === null) return false;
    const host = (element.getRootNode() as Partial<ShadowRoot>).host;
    const popup = [element, host].some((candidate) => candidate?.hasAttribute('aria-haspopup') || candidate?.hasAttribute('aria-expanded'));
    if (!initial) return popup;
    return letter === initial && (popup || lettersInTopBar === 1);
  };
}

function matchStep(root: SearchRoot, clickables: Clickable[], step: ArubaStep, lang?: Lang): FindResult {
  const wanted = normalizedSet(labelsIn(step.labels, lang));
  const byMailbox = step.mailboxInitial ? mailboxMatcher(root, clickables) : null;
  const matching = clickables
    .filter((clickable) => step.roles.includes(clickable.role))
    .filter((clickable) => names(clickable).some((name) => labelMatches(name, wanted)) || (byMailbox?.(clickable) ?? false))
    .map((clickable) => clickable.element)
    .filter((element) => isRendered(element) && isAppChrome(element) && isReachable(element));
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

/** The innermost rendered element of the app's own interface whose visible text has one of the phrases. */
function findPhrase(root: SearchRoot, phrases: readonly string[]): Element | null {
  const wanted = phrases.map(normalizeLabel);
  const has = (node: Node) => {
    const text = normalizeLabel(visibleText(node));
    return wanted.some((phrase) => text.includes(phrase));
  };
  // One look at the whole page first: the walk below is only for the pages that have it. The
  // raw text (cheap) must have every word of a phrase before the visible text (not cheap) is read.
  const page = 'documentElement' in root ? root.documentElement : root;
  const shadows = queryAll(root, '*').flatMap((element) => (element.shadowRoot ? [element.shadowRoot] : []));
  const raw = [root, ...shadows].map((scope) => ('documentElement' in scope ? scope.documentElement : scope).textContent ?? '').join(' ').toLowerCase();
  if (!phrases.some((phrase) => phrase.toLowerCase().split(' ').every((word) => raw.includes(word)))) return null;
  if (!has(page)) return null;
  return innermost(queryAll(root, '*').filter(has)).find((element) => isRendered(element) && !isPageContent(element)) ?? null;
}

/**
 * The window showing the new password: a dialog of the page itself (never a block inside a
 * message), titled as Aruba titles it, with a Copia button inside.
 */
function findPasswordWindow(root: SearchRoot, state: ArubaState): Element | null {
  const titles = normalizedSet(labelsIn(state.titles ?? { it: [], en: [] }));
  const copy = normalizedSet(labelsIn(COPY_LABELS));
  const hasCopy = (scope: Element) =>
    clickablesIn(scope).some((clickable) => names(clickable).some((name) => labelMatches(name, copy)) && isRendered(clickable.element));
  for (const title of queryAll(root, `${DIALOGS}, ${HEADINGS}`)) {
    const isDialog = title.matches(DIALOGS);
    const label = isDialog ? accessibleLabel(title) : visibleText(title);
    if (!titles.has(normalizeLabel(label)) || !isRendered(title) || isPageContent(title)) continue;
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
      const field = queryAll(root, SIGN_IN_FIELDS).find((element) => isRendered(element) && !isPageContent(element));
      return field ? (field.closest('form') ?? field.parentElement) : null;
    }
    case 'protocols-disabled':
    case 'approve-on-phone':
      return state.phrases ? findPhrase(root, labelsIn(state.phrases)) : null;
  }
}

/** The page's own headings (and dialog titles), normalized: what says which page this is. */
function pageHeadings(root: SearchRoot): Set<string> {
  const headings = new Set<string>();
  for (const heading of queryAll(root, `${HEADINGS}, legend, [role=region][aria-label], section[aria-label]`)) {
    if (heading.closest('a, button, [role=button], [role=link], [role=menuitem], [role=tab]')) continue;
    const text = heading.matches(HEADINGS) || heading.localName === 'legend' ? visibleText(heading) : (heading.getAttribute('aria-label') ?? '');
    if (text && isRendered(heading) && !isPageContent(heading)) headings.add(withoutGlyphs(normalizeLabel(text)));
  }
  return headings;
}

/** The steps a page at this URL may show: those of its host (and path, on a reseller's site). */
function stepsAt(url: URL): ArubaStep[] {
  return ARUBA_STEPS.filter((step) => matchesUrl(step.where, url));
}

/**
 * The step whose page this is by its headings (the URL only breaks ties): the furthest step along
 * a path whose page signs the page shows as headings. Null when no heading says. A step of another
 * host counts too: a page is known by what it shows, whatever its URL.
 */
export function headingStep(root: SearchRoot, url: URL): ArubaStep | null {
  return inOneLook(() => {
    const headings = pageHeadings(root);
    const here = stepsAt(url);
    const signed = ARUBA_STEPS.filter((step) => step.pageSigns && [...normalizedSet(labelsIn(step.pageSigns))].some((sign) => headings.has(sign)));
    signed.sort(
      (a, b) => Number(here.includes(b)) - Number(here.includes(a)) || b.ordinal - a.ordinal || PATHS.indexOf(a.path) - PATHS.indexOf(b.path),
    );
    return signed[0] ?? null;
  });
}

/**
 * The step a user on this page looks for when its element is not there: the page's own step by
 * its headings, else the earliest step its URL can show (Gestione account first on a tie).
 */
export function recognizeStep(url: URL, byHeadings: ArubaStep | null): ArubaStep | null {
  if (byHeadings) return byHeadings;
  const candidates = stepsAt(url).sort((a, b) => a.ordinal - b.ordinal || PATHS.indexOf(a.path) - PATHS.indexOf(b.path));
  return candidates[0] ?? null;
}

/**
 * Where the user is: a blocking or final state first, else the furthest step along either path
 * whose target is on the page. Null when the page is unknown, when the furthest step is ambiguous
 * (an earlier step's target would then be a wrong highlight), and when the page's headings say it
 * is a step further along the same path than any target found: a link back to an earlier page is
 * not the way on. `byHeadings` is the page's step by its headings (headingStep), computed here
 * when the root is a whole document; a look at a part of the page passes the document's.
 */
export function detectPageState(root: SearchRoot, url: string | URL, byHeadings?: ArubaStep | null): PageState | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return inOneLook(() => detectIn(root, parsed, byHeadings === undefined && root.nodeType === DOCUMENT_NODE ? headingStep(root, parsed) : (byHeadings ?? null)));
}

/** The steps to look for: the URL's, and those at the point of the path the headings name. */
function eligibleSteps(url: URL, byHeadings: ArubaStep | null): ArubaStep[] {
  const here = stepsAt(url);
  return ARUBA_STEPS.filter(
    (step) => here.includes(step) || (byHeadings !== null && step.path === byHeadings.path && step.ordinal === byHeadings.ordinal),
  );
}

function detectIn(root: SearchRoot, parsed: URL, byHeadings: ArubaStep | null): PageState | null {
  for (const state of ARUBA_STATES) {
    if (!matchesUrl(state.where, parsed)) continue;
    const scope = detectState(root, state);
    if (scope) return { state: state.id, scope };
  }
  const clickables = clickablesIn(root, STEP_ANCHORS);
  const eligible = eligibleSteps(parsed, byHeadings);
  let best: { step: ArubaStep; result: FindResult } | null = null;
  for (const path of PATHS) {
    // Furthest first; the sort is stable, so alternatives keep the table's order.
    const steps = eligible.filter((step) => step.path === path).sort((a, b) => b.ordinal - a.ordinal);
    for (const step of steps) {
      const result = matchStep(root, clickables, step);
      if (result.status === 'missing') continue;
      if (!best || step.ordinal > best.step.ordinal) best = { step, result };
      break;
    }
  }
  if (best?.result.status !== 'found') return null;
  if (byHeadings && byHeadings.path === best.step.path && byHeadings.ordinal > best.step.ordinal) return null;
  // A menu already open is a step done: what to click next is inside it, even if not found.
  if (isExpanded(best.result.element)) return null;
  return { path: best.step.path, step: best.step, target: best.result.element };
}

/** The control says its popup is open (on itself or on the design-system element around it). */
function isExpanded(element: Element): boolean {
  const host = (element.getRootNode() as Partial<ShadowRoot>).host;
  return [element, host].some((candidate) => candidate?.getAttribute('aria-expanded') === 'true');
}

/**
 * The step after a menu the user has opened (the user menu, expanded): the one to describe when
 * its element is not found in the menu, rather than the menu again.
 */
export function stepAfterOpenMenu(root: SearchRoot, url: URL): ArubaStep | null {
  return inOneLook(() => {
    const clickables = clickablesIn(root, STEP_ANCHORS);
    for (const step of stepsAt(url)) {
      const result = matchStep(root, clickables, step);
      if (result.status !== 'found' || !isExpanded(result.element)) continue;
      const next = ARUBA_STEPS.find((other) => other.path === step.path && other.ordinal === step.ordinal + 1);
      if (next) return next;
    }
    return null;
  });
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
 * When a step's label is nowhere on the page, the one clickable of Aruba's own interface whose
 * label nearly matches the step's or an alternative's at the same point (a synonym such as «Crea»
 * for «Genera», or all words but one): offered to the user as a guess, never highlighted as the
 * step. Null when none, or more than one, is that close.
 */
export function findNearMiss(root: SearchRoot, step: ArubaStep): Element | null {
  const alternatives = ARUBA_STEPS.filter((other) => other.path === step.path && other.ordinal === step.ordinal);
  const close = innermost(
    clickablesIn(root)
      .filter((clickable) =>
        alternatives.some(
          (alternative) =>
            alternative.roles.includes(clickable.role) &&
            labelsIn(alternative.labels).some((label) => names(clickable).some((name) => nearlyEqual(name, normalizeLabel(label)))),
        ),
      )
      .map((clickable) => clickable.element)
      .filter((element) => isRendered(element) && isAppChrome(element) && isReachable(element)),
  );
  return close.length === 1 ? close[0]! : null;
}
