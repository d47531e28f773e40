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

/**
 * The address in the page's banner (its first header), if it names one. Null where the banner
 * names none or is drawn later (the new WebMail): the guide, once loaded, reads the whole page
 * (read-mailbox.ts).
 */
export function readBannerMailbox(document: Document): string | null {
  const banner = document.querySelector('header, [role=banner]');
  return banner && isTopBar(banner) && !isPageContent(banner) ? addressAt(banner) : null;
}
