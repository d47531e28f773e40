import { MAILBOX_INFO_LABELS, labelsIn } from '../aruba/steps';
import { addressAt, addressIn, textsUnder } from './banner-mailbox';
import { ELEMENT_NODE, HEADINGS, TEXT_NODE, composedParent, isDataList, queryAll, type SearchRoot } from './walk';
import { isRendered, normalizeLabel, normalizedSet, visibleText } from './text';
import { inTopBar, isPageContent, isTopBar } from './regions';

/**
 * The PEC mailbox the page belongs to, read where Aruba's interface names the current mailbox and
 * nowhere else: the user menu's name and the top bar, the settings' «Informazioni casella», the
 * header, the page's own headings and menus. Never from a message (its senders and recipients are
 * other people's addresses). Only the address leaves this function, lower-cased. Pure DOM.
 */

/** How far up from «Informazioni casella» its card may be. */
const CARD_LEVELS = 4;
const PLACES = `[aria-haspopup], [role=menu], ${HEADINGS}`;

/** A control or badge of the top bar named with the address: the new WebMail's user menu. */
function fromTopBarNames(root: SearchRoot): string | null {
  for (const element of queryAll(root, '[aria-label*="@"], [title*="@"]')) {
    if (!inTopBar(element) || isPageContent(element)) continue;
    const address = addressIn(element.getAttribute('aria-label')) ?? addressIn(element.getAttribute('title'));
    if (address) return address;
  }
  return null;
}

/**
 * Whether the element's own text (not its descendants') has one of the words. A data list (the
 * inbox's thousands of messages) has none of its own: going through its children to find out
 * would visit every message.
 */
function ownTextHas(element: Element, words: readonly string[]): boolean {
  if (isDataList(element)) return false;
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType !== TEXT_NODE) continue;
    const text = child.nodeValue!.toLowerCase();
    if (words.some((word) => text.includes(word))) return true;
  }
  return false;
}

/** The card headed «Informazioni casella» on the WebMail's settings. */
function fromMailboxInfo(root: SearchRoot): string | null {
  const labels = labelsIn(MAILBOX_INFO_LABELS);
  const wanted = normalizedSet(labels);
  const words = labels.map((label) => label.toLowerCase());
  for (const heading of queryAll(root, '*')) {
    if (!ownTextHas(heading, words) || !wanted.has(normalizeLabel(visibleText(heading))) || isPageContent(heading)) continue;
    let card: Node | null = composedParent(heading);
    for (let level = 0; level < CARD_LEVELS && card?.nodeType === ELEMENT_NODE; level++, card = composedParent(card)) {
      const texts: string[] = [];
      textsUnder(card, texts);
      const address = texts.map(addressIn).find((found) => found !== null);
      if (address && isRendered(card as Element)) return address;
    }
  }
  return null;
}

/** The top bar, the user menu and the page's headings, in page order. */
function fromPlaces(root: SearchRoot): string | null {
  for (const place of queryAll(root, '*')) {
    if (!(isTopBar(place) || place.matches(PLACES)) || isPageContent(place)) continue;
    const address = addressAt(place);
    if (address) return address;
  }
  return null;
}

export function readAccountName(root: SearchRoot): string | null {
  return fromTopBarNames(root) ?? fromMailboxInfo(root) ?? fromPlaces(root);
}
