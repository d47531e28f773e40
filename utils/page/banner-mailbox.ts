import { ELEMENT_NODE, TEXT_NODE } from './walk';
import { isContentRegion, isPageContent, isTopBar } from './regions';

/*
 * The mailbox the page's banner names: what the loader reads on every Aruba page (issue 17),
 * cheap whatever the page's size, by the rules of read-mailbox.ts (the app's chrome, never a
 * message), which builds its whole-page reading on these. Only the address leaves, lower-cased.
 * Pure DOM.
 */

const EMAIL = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/i;

export function addressIn(text: string | null | undefined): string | null {
  return text?.match(EMAIL)?.[0].toLowerCase() ?? null;
}

/** Each text node under the node apart (an address is written in one), across open shadow roots, not inside a message. */
export function textsUnder(node: Node, texts: string[]): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE) texts.push(child.nodeValue ?? '');
    else if (child.nodeType === ELEMENT_NODE) {
      const element = child as Element;
      if (isContentRegion(element)) continue;
      texts.push(element.getAttribute('aria-label') ?? '', element.getAttribute('title') ?? '');
      if (element.shadowRoot) textsUnder(element.shadowRoot, texts);
      textsUnder(element, texts);
    }
  }
}

/** The first address a place of the app's chrome names: its own name, then what is under it. */
export function addressAt(place: Element): string | null {
  const texts = [place.getAttribute('aria-label') ?? '', place.getAttribute('title') ?? ''];
  textsUnder(place, texts);
  for (const text of texts) {
    const address = addressIn(text);
    if (address) return address;
  }
  return null;
}

/** Elements that name an address in their label or title. */
const LABELLED_ADDRESS = '[aria-label*="@"], [title*="@"]';
/** NodeFilter.SHOW_TEXT. */
const SHOW_TEXT = 4;

/** Inside a content region of the place (a message preview in the top bar), the place itself apart. */
function inContentUnder(element: Element | null, place: Element): boolean {
  for (let node = element; node && node !== place; node = node.parentElement) if (isContentRegion(node)) return true;
  return false;
}

/**
 * The first address in the place's text nodes, outside content regions, as addressAt() would
 * find it where no label or title under the place names one. Only the text nodes are visited, and
 * only the elements around an address: the page's elements of every kind (links, icons, buttons)
 * are never touched, which in the isolated world would build each kind's interface, about 10 KB
 * of heap on the inbox's top bar (issue 17). Open shadow roots are not entered.
 */
function addressInTexts(place: Element): string | null {
  const texts = place.ownerDocument.createTreeWalker(place, SHOW_TEXT);
  for (let text = texts.nextNode(); text; text = texts.nextNode()) {
    const address = text.nodeValue?.includes('@') ? addressIn(text.nodeValue) : null;
    if (address && !inContentUnder(text.parentElement, place)) return address;
  }
  return null;
}

/**
 * The address in the page's banner (its first header), if it names one. Null where the banner
 * names none or is drawn later (the new WebMail): the guide, once loaded, reads the whole page
 * (read-mailbox.ts). Most banners name it in a text: that is found visiting the text nodes alone;
 * in a label or title under the banner, or in an open shadow root, the careful walk finds it.
 */
export function readBannerMailbox(document: Document): string | null {
  const banner = document.querySelector('header, [role=banner]');
  if (!banner || !isTopBar(banner) || isPageContent(banner)) return null;
  const own = addressIn(banner.getAttribute('aria-label')) ?? addressIn(banner.getAttribute('title'));
  if (own) return own;
  return (banner.querySelector(LABELLED_ADDRESS) ? null : addressInTexts(banner)) ?? addressAt(banner);
}
