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
 * Words of a message view's name, in a custom element's tag, an id or a class: a word for
 * messages then a word for a view of them («message-body», «mailview», «e-mail-preview»), or one
 * of the view names («reading-pane», «anteprima»). Used only to leave things out, which is the
 * safe side.
 */
const MESSAGE_WORDS = ['messages', 'message', 'messaggio', 'messaggi', 'mails', 'mail', 'msgs', 'msg', 'emails', 'email'];
const VIEW_WORDS = new Set([
  'body',
  'content',
  'text',
  'view',
  'viewer',
  'preview',
  'reader',
  'detail',
  'details',
  'list',
  'row',
  'item',
  'frame',
  'html',
  'container',
]);
const VIEW_NAMES = new Set(['readingpane', 'preview', 'previewpane', 'reader', 'viewer', 'anteprima', 'lettura', 'corpomessaggio']);

function isMessageViewName(joined: string): boolean {
  return VIEW_NAMES.has(joined) || MESSAGE_WORDS.some((word) => joined.startsWith(word) && VIEW_WORDS.has(joined.slice(word.length)));
}

/** Space, tab, line feed, form feed, carriage return: what parts the names of a class list. */
function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

/**
 * Names read as words: a run of at most `span` adjacent words, written together, that `isName`
 * knows is one. Every such name matches `hint` (a few letters, a small expression): a name that
 * does not (most classes) is passed over without being split.
 */
interface NameRule {
  isName: (joined: string) => boolean;
  span: number;
  hint: RegExp;
}

/**
 * Whether the name holds one the rule knows. Words are parted by one «-» or «_», names by white
 * space (as in a class list): «app-header», «app_header» and «appheader» are all «appheader»,
 * «app header» is two names. Plain string work after the hint: the expressions this replaced,
 * every word and separator in one, compiled to about 30 KB of code on every Aruba page (issue 17;
 * tests/unit/region-names.test.ts keeps them as the reference).
 */
function hasName(name: string, rule: NameRule): boolean {
  if (!rule.hint.test(name)) return false;
  const lower = name.toLowerCase();
  let words: string[] = [];
  let start = 0;
  for (let at = 0; at <= lower.length; at++) {
    const code = at < lower.length ? lower.charCodeAt(at) : 32;
    const space = isSpace(code);
    if (!space && code !== 45 && code !== 95) continue;
    words.push(lower.slice(start, at));
    start = at + 1;
    if (!space) continue;
    for (let first = 0; first < words.length; first++) {
      let joined = '';
      for (let last = first; last < words.length && last < first + rule.span && words[last] !== ''; last++) {
        joined += words[last];
        if (rule.isName(joined)) return true;
      }
    }
    words = [];
  }
  return false;
}

/** The first word of a role attribute (its main role; the others are fallbacks). */
function firstRole(element: Element): string {
  const role = (element.getAttribute('role') ?? '').trim();
  let end = 0;
  while (end < role.length && !isSpace(role.charCodeAt(end))) end++;
  return role.slice(0, end);
}

/** Two words at most: «e-mail-body» is named by «mail» and «body» already. */
const MESSAGE_VIEW: NameRule = {
  isName: isMessageViewName,
  span: 2,
  hint: /mes|mail|msg|read|prev|view|anteprima|lettura|corpo/i,
};

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
  const role = firstRole(element);
  if (CONTENT_ROLES.has(role)) return true;
  if (tag === 'html' || tag === 'body') return false;
  // Tag, id and classes as one list of names: one look at the hint for the three.
  if (hasName(`${tag} ${element.id} ${element.getAttribute('class') ?? ''}`, MESSAGE_VIEW)) return true;
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
/** Names of a top bar in one word: «topbar», «navbar», «masthead». */
const BAR_NAMES = ['topbar', 'navbar', 'appbar', 'toolbar', 'masthead'];
/** A custom element named as a top bar, in one word of its tag: «aru-navbar», «app-header». */
const TOP_BAR_TAG_WORDS = new Set([...BAR_NAMES, 'nav', 'header', 'banner']);
const TOP_BAR_TAG: NameRule = { isName: (word) => TOP_BAR_TAG_WORDS.has(word), span: 1, hint: /nav|header|bar|mast|banner/ };
/** An id or class naming the app's top bar: «topbar», «app-header», «nav_bar» (not a message's «header»). */
const TOP_BAR_NAMES = new Set([...BAR_NAMES, 'appheader', 'pageheader', 'siteheader', 'mainheader']);
const TOP_BAR_ID: NameRule = { isName: (joined) => TOP_BAR_NAMES.has(joined), span: 2, hint: /bar|header|mast/i };
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
  if (element.localName.includes('-') && hasName(element.localName, TOP_BAR_TAG)) return true;
  return hasName(`${element.id} ${element.getAttribute('class') ?? ''}`, TOP_BAR_ID);
}
