import type { Language } from '../i18n/translate';
import {
  ARUBA_STATES,
  ARUBA_STEPS,
  COPY_LABELS,
  PATHS,
  STEP_ANCHORS,
  labelsIn,
  matchesUrl,
  type ArubaPath,
  type ArubaState,
  type ArubaStep,
  type StateId,
} from '../aruba/steps';
import { DIALOGS, DOCUMENT_NODE, ELEMENT_NODE, HEADINGS, composedParent, inOneLook, innermost, queryAll, type SearchRoot } from './walk';
import { accessibleLabel, isRendered, labelMatches, normalizeLabel, normalizedSet, visibleText, withoutGlyphs } from './text';
import { isReachable } from './layers';
import { inTopBar, isAppChrome, isPageContent } from './regions';
import { readAccountName } from './read-mailbox';
import { clickablesIn, names, type Clickable } from './clickables';

/**
 * Finds, on an Aruba page, the element the user should click next and the state the page is in,
 * from what a person sees: labels, headings, never CSS classes. Only Aruba's own interface counts
 * (utils/page/regions.ts): nothing inside a message, and nothing that leads off Aruba. Pure DOM,
 * no extension APIs: the content script runs it on every WebMail change, so it stays small and
 * reads no form field's value (the password may sit in one).
 */

export type FindResult =
  | { status: 'found'; element: Element }
  | { status: 'missing' }
  /** More than one element fits equally: better no highlight than a wrong one. */
  | { status: 'ambiguous'; count: number };

/**
 * What a look at the whole page found that a look at a part of it goes by: the step the page's
 * headings name (headingStep) and the mailbox it names (readAccountName). A guide that looks
 * again only where a busy page changed reads them at its looks at the whole page, not at each
 * small one (issue 17).
 */
export interface WholePage {
  byHeadings: ArubaStep | null;
  account: string | null;
}

export type PageState =
  | { path: ArubaPath; step: ArubaStep; target: Element }
  /** `scope` is what identified the state: the password window, the warning, the sign-in form. */
  | { state: StateId; scope: Element };

const SIGN_IN_FIELDS = 'input[type=password], input[name=username], input[autocomplete=username], input[type=email]';
/** How far up from a label to look for the words that say what it belongs to. */
const NEAR_LEVELS = 5;

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
  return (
    names(clickable)
      .map(withoutGlyphs)
      .find((label) => ONE_LETTER.test(label)) ?? null
  );
}

/**
 * The user menu: a control of the app's top bar named with the mailbox's address, or showing only
 * its initial (a circle). Senders in the message list have initial circles too, so a circle counts
 * only in the top bar, and only when it announces a popup or is the top bar's one letter (a row of
 * letters is an index, not a menu). With no mailbox known, a lone one-letter popup button of the
 * top bar is the menu.
 */
function mailboxMatcher(root: SearchRoot, clickables: Clickable[], known?: string | null): (clickable: Clickable) => boolean {
  const account = known !== undefined ? known : readAccountName('ownerDocument' in root && root.ownerDocument ? root.ownerDocument : root);
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

/** `account`: the page's mailbox when a look at the whole page read it; read here otherwise. */
function matchStep(root: SearchRoot, clickables: Clickable[], step: ArubaStep, lang?: Language, account?: string | null): FindResult {
  const wanted = normalizedSet(labelsIn(step.labels, lang));
  const byMailbox = step.mailboxInitial ? mailboxMatcher(root, clickables, account) : null;
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
export function findStepTarget(root: SearchRoot, step: ArubaStep, lang?: Language): FindResult {
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
  const raw = [root, ...shadows]
    .map((scope) => ('documentElement' in scope ? scope.documentElement : scope).textContent ?? '')
    .join(' ')
    .toLowerCase();
  if (
    !phrases.some((phrase) =>
      phrase
        .toLowerCase()
        .split(' ')
        .every((word) => raw.includes(word)),
    )
  )
    return null;
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
 * not the way on. `whole`: what the last look at the whole page found (readWholePage); without
 * it, read here when the root is a whole document (a part of the page then has no headings step).
 */
export function detectPageState(root: SearchRoot, url: string | URL, whole?: WholePage): PageState | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return inOneLook(() =>
    detectIn(root, parsed, whole ?? { byHeadings: root.nodeType === DOCUMENT_NODE ? headingStep(root, parsed) : null, account: undefined }),
  );
}

/** The headings' step and the mailbox of a whole page, for the looks at its parts until the next look at all of it. */
export function readWholePage(document: Document, url: URL): WholePage {
  return inOneLook(() => ({ byHeadings: headingStep(document, url), account: readAccountName(document) }));
}

/** The steps to look for: the URL's, and those at the point of the path the headings name. */
function eligibleSteps(url: URL, byHeadings: ArubaStep | null): ArubaStep[] {
  const here = stepsAt(url);
  return ARUBA_STEPS.filter(
    (step) => here.includes(step) || (byHeadings !== null && step.path === byHeadings.path && step.ordinal === byHeadings.ordinal),
  );
}

/** `account` undefined: not read yet (matchStep reads it if a step needs it). */
function detectIn(
  root: SearchRoot,
  parsed: URL,
  { byHeadings, account }: { byHeadings: ArubaStep | null; account: string | null | undefined },
): PageState | null {
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
      const result = matchStep(root, clickables, step, undefined, account);
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
 * its element is not found in the menu, rather than the menu again. `account`: the page's
 * mailbox, when a look at the whole page read it.
 */
export function stepAfterOpenMenu(root: SearchRoot, url: URL, account?: string | null): ArubaStep | null {
  return inOneLook(() => {
    const clickables = clickablesIn(root, STEP_ANCHORS);
    for (const step of stepsAt(url)) {
      const result = matchStep(root, clickables, step, undefined, account);
      if (result.status !== 'found' || !isExpanded(result.element)) continue;
      const next = ARUBA_STEPS.find((other) => other.path === step.path && other.ordinal === step.ordinal + 1);
      if (next) return next;
    }
    return null;
  });
}
