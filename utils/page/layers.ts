import { DIALOGS, HEADINGS, OVERLAY_TAG, composedAncestry, composedContains, onceALook, queryAll } from './walk';
import { accessibleLabel, isRendered, visibleText } from './text';
import { inTopBar, isPageContent } from './regions';

/**
 * Aruba's own layers: after sign-in the new WebMail opens a cookie banner, welcome wizards and
 * notices («Adegua la tua PEC») in modal layers over a backdrop. A target under one cannot be
 * clicked: the guide asks the user to close the notice first. Told by hit-testing the target's
 * centre, which lays the page out: done only while guiding, only when a layer may be open, and
 * only once per target and per layer opened or closed, after a frame
 * (entrypoints/aruba-guide/layer-check.ts).
 */

/** Longer than a notice's title: a message's subject, say, which the guide never repeats. */
const MAX_NAME = 60;
const LINK_LIKE = /@|:\/\/|www\.|\.(?:com|it|net|org)\b/i;

function isFixed(element: Element): boolean {
  const position = element.ownerDocument.defaultView?.getComputedStyle(element).position;
  return position === 'fixed';
}

/** Cheap first check: a dialog is open, or something sits fixed at the top of the page's body. */
function mayHaveLayer(document: Document, target: Element): boolean {
  if (queryAll(document, DIALOGS).some((dialog) => !composedContains(dialog, target) && dialog !== target && isRendered(dialog))) return true;
  for (let child = document.body?.firstElementChild; child; child = child.nextElementSibling) {
    if (child.localName !== OVERLAY_TAG && !composedContains(child, target) && isFixed(child) && isRendered(child)) return true;
  }
  return false;
}

/** The deepest element at the point, through open shadow roots. */
function elementAt(document: Document, x: number, y: number): Element | null {
  let hit = document.elementFromPoint(x, y);
  while (hit?.shadowRoot) {
    const inner = hit.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === hit) break;
    hit = inner;
  }
  return hit;
}

/** The layer the element is part of: its dialog, else its outermost fixed ancestor that is not the top bar. */
function layerOf(element: Element): Element | null {
  let fixed: Element | null = null;
  for (const node of composedAncestry(element)) {
    if (node.matches(DIALOGS)) return node;
    if (isFixed(node)) fixed = node;
  }
  return fixed && !inTopBar(fixed) ? fixed : null;
}

/** A notice's title, when it is short and names no address or site; else null. */
export function layerTitle(layer: Element): string | null {
  const dialog = layer.matches(DIALOGS) ? layer : (queryAll(layer, DIALOGS).find(isRendered) ?? layer);
  const heading = queryAll(dialog, HEADINGS).find(isRendered);
  // Named by its label or its heading, never by its body text.
  const labelled = dialog.hasAttribute('aria-label') || dialog.hasAttribute('aria-labelledby');
  const name = (labelled ? accessibleLabel(dialog) : '') || (heading ? visibleText(heading) : '');
  return name && name.length <= MAX_NAME && !LINK_LIKE.test(name) && !isPageContent(dialog) ? name : null;
}

/** The dialog shown with a backdrop: the open one that is not the target's. */
function openDialog(document: Document, target: Element): Element | null {
  return queryAll(document, DIALOGS).find((dialog) => !composedContains(dialog, target) && isRendered(dialog)) ?? null;
}

function isModal(element: Element): boolean {
  if (element.getAttribute('aria-modal') === 'true') return true;
  try {
    return element.matches(':modal');
  } catch {
    // An engine without :modal: a <dialog> opened as modal says aria-modal in Aruba's apps.
    return false;
  }
}

function findOpenModal(document: Document): Element | null {
  // The walk, not a native query of the document: that would visit every message of a full inbox
  // at every look (issue 17), and no modal layer is ever inside a data list. It finds the layers
  // the new WebMail draws inside open shadow roots too.
  const modals = queryAll(document, '[aria-modal="true"], dialog[open]').filter(
    // A "dialog" inside a message is the message's text, not a layer of the app.
    (element) => isModal(element) && !element.closest(OVERLAY_TAG) && isRendered(element) && !isPageContent(element),
  );
  return modals.at(-1) ?? null;
}

/**
 * The modal layer open over the page (`aria-modal="true"`, a dialog opened as modal), if any: what
 * is outside it cannot be reached until it closes, as the app itself says. The last one opened
 * is on top.
 */
export function openModal(document: Document): Element | null {
  return onceALook(document, findOpenModal);
}

/** Whether a person can reach the element: no modal layer is open, or the element is in it. */
export function isReachable(element: Element): boolean {
  const modal = openModal(element.ownerDocument);
  return modal === null || modal === element || composedContains(modal, element);
}

export interface CoveringLayer {
  /** The notice's title as the page writes it, when short and safe to repeat; null otherwise. */
  title: string | null;
}

/** The page's layer covering the target's centre, if any. */
export function coveringLayer(target: Element): CoveringLayer | null {
  const document = target.ownerDocument;
  if (!mayHaveLayer(document, target)) return null;
  const box = target.getBoundingClientRect();
  const view = document.defaultView;
  if (!view || box.width === 0 || box.height === 0) return null;
  const x = box.left + box.width / 2;
  const y = box.top + box.height / 2;
  if (x < 0 || y < 0 || x >= view.innerWidth || y >= view.innerHeight) return null;
  const hit = elementAt(document, x, y);
  if (!hit || hit === target || composedContains(target, hit) || composedContains(hit, target) || hit.closest(OVERLAY_TAG)) return null;
  const layer = layerOf(hit);
  if (!layer) return null;
  // A backdrop has no words: the notice is the dialog shown with it.
  const notice = visibleText(layer) ? layer : (openDialog(document, target) ?? layer);
  return { title: layerTitle(notice) };
}
