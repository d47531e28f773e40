import { isArubaHost } from '../aruba/hosts';
import { composedAncestry, isDataList } from './walk';

/**
 * What on an Aruba page is Aruba's own interface, and what is content it shows. The WebMail shows
 * e-mails, and phishing e-mails copy Aruba's labels: a step, a state, the password window, the
 * mailbox and the expiry are taken from the app's chrome only (its top bar, menus, settings
 * sections and dialogs), never from a message, a preview, an editable area or a frame. Pages
 * nobody here has seen say what is content in their markup: roles, landmarks, the names their
 * custom elements and regions are given. Pure DOM.
 */

/** Roles whose inside is a document or data the page displays, not the app's controls. */
const CONTENT_ROLES = new Set(['article', 'document', 'feed', 'grid', 'treegrid', 'listbox', 'log', 'textbox']);
/** Elements that hold a document, a quotation or typed text. */
const CONTENT_TAGS = new Set(['article', 'iframe', 'frame', 'object', 'embed', 'blockquote', 'textarea']);
/**
 * Names of message views, in a custom element's tag, an id or a class: «message-body»,
 * «mail-viewer», «reading-pane», «anteprima». Used only to leave things out, which is the safe side.
 */
const CONTENT_NAME =
  /(?:^|[-_\s])(?:(?:messages?|messaggio|messaggi|mails?|msgs?|e-?mails?)[-_]?(?:body|content|text|view|viewer|preview|reader|detail|details|list|row|item|frame|html|container)|reading[-_]?pane|preview(?:[-_]?pane)?|reader|viewer|anteprima|lettura|corpo[-_]?messaggio)(?:$|[-_\s])/i;
/** An accessible name that says "this is a message": «Anteprima messaggio», «Reading pane». */
const CONTENT_LABEL = /\b(?:anteprima|lettura|messaggio|corpo del messaggio|reading pane|preview|message|message body)\b/i;
/** Elements whose accessible name describes the region they are (not a control). */
const REGION_ROLES = new Set(['region', 'main', 'complementary', 'article', 'document', 'group', 'tabpanel']);

function isEditable(element: Element): boolean {
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

/** The element itself (not its ancestors) is a region of content. */
export function isContentRegion(element: Element): boolean {
  const tag = element.localName;
  if (CONTENT_TAGS.has(tag) || isEditable(element) || isDataList(element)) return true;
  const role = (element.getAttribute('role') ?? '').trim().split(/\s+/)[0] ?? '';
  if (CONTENT_ROLES.has(role)) return true;
  if (tag === 'html' || tag === 'body') return false;
  if (CONTENT_NAME.test(tag) || CONTENT_NAME.test(element.id) || CONTENT_NAME.test(element.getAttribute('class') ?? '')) return true;
  const regionRole = role || (tag === 'section' || tag === 'aside' || tag === 'main' ? 'region' : '');
  if (!REGION_ROLES.has(regionRole)) return false;
  const name = `${element.getAttribute('aria-label') ?? ''} ${element.getAttribute('aria-roledescription') ?? ''}`;
  return CONTENT_LABEL.test(name);
}

/** Inside a message, a preview, an editable area, a frame or a data list. */
export function isPageContent(element: Element): boolean {
  for (const node of composedAncestry(element)) if (isContentRegion(node)) return true;
  return false;
}

/** Where a link or a form sends the user, resolved against the page. */
function destinations(element: Element): string[] {
  const urls: string[] = [];
  const href = element.getAttribute('href') ?? element.getAttribute('xlink:href');
  if (href !== null) urls.push(href);
  const formAction = element.getAttribute('formaction');
  if (formAction !== null) urls.push(formAction);
  if (element.localName === 'form' && element.hasAttribute('action')) urls.push(element.getAttribute('action')!);
  return urls;
}

function staysOnAruba(raw: string, base: string): boolean {
  const trimmed = raw.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return true;
  let url: URL;
  try {
    url = new URL(trimmed, base);
  } catch {
    return false;
  }
  // The app's own script links do nothing elsewhere; a message's would have been sanitized away.
  if (url.protocol === 'javascript:') return true;
  return url.protocol === 'https:' && isArubaHost(url.hostname);
}

/**
 * The element, or a link or form around it, leads to a page that is not Aruba's (another host,
 * plain http, mailto:, data:). Such an element is never highlighted, near-matched or offered.
 */
export function leadsOffAruba(element: Element): boolean {
  const base = element.ownerDocument.baseURI;
  for (const node of composedAncestry(element)) {
    if (destinations(node).some((url) => !staysOnAruba(url, base))) return true;
  }
  return false;
}

/** Aruba's own interface: not content, and not a way off Aruba. */
export function isAppChrome(element: Element): boolean {
  return !isPageContent(element) && !leadsOffAruba(element);
}

const TOP_BAR_ROLES = new Set(['banner', 'navigation', 'toolbar', 'menubar']);
const TOP_BAR_NAME = /(?:^|[-_])(?:navbar|nav|header|topbar|toolbar|appbar|masthead|banner)(?:$|[-_])/i;
/** An id or class naming the app's top bar: «topbar», «app-header», «navbar» (not a message's «header»). */
const TOP_BAR_ID =
  /(?:^|[-_\s])(?:top[-_]?bar|nav[-_]?bar|app[-_]?bar|app[-_]?header|page[-_]?header|site[-_]?header|main[-_]?header|masthead|tool[-_]?bar)(?:$|[-_\s])/i;
/** A header inside these is the header of a section or a message, not the page's banner (as in ARIA). */
const SECTIONING = new Set(['article', 'aside', 'main', 'nav', 'section']);
const SECTIONING_ROLES = new Set(['article', 'complementary', 'main', 'navigation', 'region']);

function isSectioning(element: Element): boolean {
  return SECTIONING.has(element.localName) || SECTIONING_ROLES.has((element.getAttribute('role') ?? '').trim());
}

function isPageBanner(header: Element): boolean {
  for (const node of composedAncestry(header)) if (node !== header && isSectioning(node)) return false;
  return true;
}

/**
 * In the app's top bar or navigation: the page's header (not a message's), a banner, a toolbar, a
 * navigation, a custom navbar element.
 */
export function inTopBar(element: Element): boolean {
  for (const node of composedAncestry(element)) if (isTopBar(node)) return true;
  return false;
}

/** The element itself is a top bar or navigation of the app. */
export function isTopBar(element: Element): boolean {
  const role = (element.getAttribute('role') ?? '').trim();
  if (TOP_BAR_ROLES.has(role) || element.localName === 'nav') return true;
  if (element.localName === 'header') return isPageBanner(element);
  if (element.localName.includes('-') && TOP_BAR_NAME.test(element.localName)) return true;
  return TOP_BAR_ID.test(element.id) || TOP_BAR_ID.test(element.getAttribute('class') ?? '');
}
