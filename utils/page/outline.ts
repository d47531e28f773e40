import type { ClickRole } from '../aruba/steps';
import { accessibleLabel, isRendered } from './text';
import { HEADINGS, OVERLAY_TAG, innermost, queryAll } from './walk';
import { clickablesIn, type Clickable } from './clickables';
import { detectPageState } from './find-step';

/**
 * "Segnala questa pagina": what an Aruba page looks like to the detector, in a form a user can
 * send without a second thought and a maintainer can turn into a replica page (README, "When Aruba
 * changes a label"). Pure DOM, run only when the user asks (entrypoints/page-outline.ts), never by
 * the content script. It keeps the words Aruba wrote and nothing the user's data could put there:
 *
 * - the URL: host, path, query keys without their values, and a hash only when it is a route
 *   ("#/password-programmi"), cut at its own "?"; any other hash may be a token and is dropped.
 *   In each part, a word with a digit becomes [n] ("/verifica-in-[n]-passaggi", "/INBOX/[n]");
 * - headings and clickables (the detector's notion: `clickablesIn`), only the rendered and enabled
 *   ones, each by its accessible label; a wrapper labelled like the control inside it counts once,
 *   as for the detector. Open shadow roots come after the page, in the detector's order; the
 *   guide's own overlay is left out;
 * - every text: a word with "@" becomes [email], a date [date], any other word with a digit [n]
 *   (counts, ids, times, a password), a word that looks like a secret (8+ characters mixing cases
 *   and symbols) [secret], and a text longer than any label [text], replaced whole so no part of a
 *   message subject or a sentence survives. Input values are never read;
 * - nothing at all while the window showing the new password is open (outlineOrRefusal).
 */

export interface OutlineClickable {
  role: ClickRole;
  label: string;
}

export interface PageOutline {
  format: 'pec-page-outline';
  version: 1;
  host: string;
  path: string;
  headings: string[];
  clickables: OutlineClickable[];
}

/** Longer than any label Aruba shows ("Genera password per programmi di posta" is 38). */
const MAX_TEXT = 60;
/** Enough for any settings page; an inbox listing thousands of messages is cut, in page order. */
const MAX_HEADINGS = 100;
const MAX_CLICKABLES = 300;
const DOCUMENT_FRAGMENT_NODE = 11;

const MONTH = String.raw`(?:gen(?:naio)?|feb(?:braio)?|mar(?:zo)?|apr(?:ile)?|mag(?:gio)?|giu(?:gno)?|lug(?:lio)?|ago(?:sto)?|set(?:tembre)?|ott(?:obre)?|nov(?:embre)?|dic(?:embre)?|jan(?:uary)?|february|march|april|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|november|dec(?:ember)?)\.?`;
const DATE = new RegExp(
  [
    String.raw`\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}`,
    String.raw`\d{1,2}\s+${MONTH}(?:,?\s+\d{2,4})?`,
    String.raw`${MONTH}\s+\d{1,4}(?:st|nd|rd|th)?(?:,?\s+\d{4})?`,
  ]
    .map((pattern) => String.raw`(?<![\p{L}\d])${pattern}(?![\p{L}\d])`)
    .join('|'),
  'giu',
);
const WORD_WITH_AT = /\S*@\S*/g;
const WORD_WITH_DIGIT = /\S*\d\S*/g;
const WORD = /\S+/g;
/** Quotes, brackets and punctuation around a word: not part of its shape. */
const EDGES = /^[«»"'“”([]+|[«»"'“”)\].,:;!?]+$/g;

/**
 * A word that looks like a secret even without a digit: 8 or more characters with lower and upper
 * case letters and a symbol inside it ("Kq!vZr#tpWxe"; not the colon of "Scadenza:"). A label
 * like that is rare; a password is not.
 */
function looksSecret(word: string): boolean {
  const core = word.replace(EDGES, '');
  return core.length >= 8 && /\p{Ll}/u.test(core) && /\p{Lu}/u.test(core) && /[^\p{L}\p{N}]/u.test(core);
}

/** A label or heading as it may leave the page: see the rules at the top. */
export function sanitizeText(text: string): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  if (collapsed.length > MAX_TEXT) return '[text]';
  return collapsed
    .replace(WORD_WITH_AT, '[email]')
    .replace(DATE, '[date]')
    .replace(WORD_WITH_DIGIT, '[n]')
    .replace(WORD, (word) => (looksSecret(word) ? '[secret]' : word));
}

/**
 * A piece of the URL. Route names are words joined by "-", "_" or "." ("verifica-in-2-passaggi"):
 * only the words with a digit go, so the route still says where the user was.
 */
function urlPart(raw: string): string {
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // Malformed escapes: sanitize the text as written.
  }
  if (decoded.length > MAX_TEXT) return '[text]';
  if (decoded.includes('@')) return '[email]';
  const words = decoded.split(/([-_.~\s]+)/).map((word) => (/\d/.test(word) ? '[n]' : word));
  // Kept from breaking the URL it is put back into.
  return words.join('').replace(/[%?#/&=+\s]/g, encodeURIComponent);
}

function outlinePath(url: URL): string {
  const path = url.pathname.split('/').map(urlPart).join('/');
  const keys = [...new Set(url.searchParams.keys())].map(urlPart);
  const route = /^#!?\/[^?]*/.exec(url.hash)?.[0];
  const hash = route ? `#${route.slice(1).split('/').map(urlPart).join('/')}` : '';
  return `${path}${keys.length > 0 ? `?${keys.join('&')}` : ''}${hash}`;
}

/** One entry per control: of a wrapper and the control inside it labelled alike, the inner one. */
function distinctControls(clickables: Clickable[]): Clickable[] {
  const byLabel = new Map<string, Element[]>();
  for (const { label, element } of clickables) {
    const group = byLabel.get(label);
    if (group) group.push(element);
    else byLabel.set(label, [element]);
  }
  const kept = new Set([...byLabel.values()].flatMap(innermost));
  return clickables.filter((clickable) => kept.has(clickable.element));
}

function inOverlay(element: Element): boolean {
  for (let root = element.getRootNode(); root.nodeType === DOCUMENT_FRAGMENT_NODE;) {
    const host = (root as ShadowRoot).host;
    if (host.localName === OVERLAY_TAG) return true;
    root = host.getRootNode();
  }
  return false;
}

/** The first `max` items whose element is Aruba's and rendered, checking no further than needed. */
function firstRendered<T>(items: T[], elementOf: (item: T) => Element, max: number): T[] {
  const kept: T[] = [];
  for (const item of items) {
    if (kept.length === max) break;
    const element = elementOf(item);
    if (!inOverlay(element) && isRendered(element)) kept.push(item);
  }
  return kept;
}

/** The outline is not made while the new password is on screen: nothing near it leaves the page. */
export interface OutlineRefusal {
  refused: 'password-shown';
}

export function outlineOrRefusal(root: Document, url: string): PageOutline | OutlineRefusal {
  const state = detectPageState(root, url);
  if (state && 'state' in state && state.state === 'password-shown') return { refused: 'password-shown' };
  return pageOutline(root, url);
}

export function pageOutline(root: Document, url: string): PageOutline {
  const parsed = new URL(url);
  const headings = firstRendered(queryAll(root, HEADINGS), (heading) => heading, MAX_HEADINGS).map((heading) =>
    sanitizeText(accessibleLabel(heading)),
  );
  const clickables = firstRendered(distinctControls(clickablesIn(root)), (clickable) => clickable.element, MAX_CLICKABLES).map(
    ({ element, role }) => ({ role, label: sanitizeText(accessibleLabel(element)) }),
  );
  return { format: 'pec-page-outline', version: 1, host: parsed.hostname, path: outlinePath(parsed), headings, clickables };
}

/**
 * The text the user sees and copies: JSON, one heading or clickable a line, keys in a fixed
 * order, so it reads as a list and a maintainer saves it as it is in tests/fixtures/outlines/.
 */
export function formatOutline(outline: PageOutline): string {
  const list = (items: string[]) => (items.length === 0 ? '[]' : `[\n${items.map((item) => `    ${item}`).join(',\n')}\n  ]`);
  return [
    '{',
    `  "format": ${JSON.stringify(outline.format)},`,
    `  "version": ${outline.version},`,
    `  "host": ${JSON.stringify(outline.host)},`,
    `  "path": ${JSON.stringify(outline.path)},`,
    `  "headings": ${list(outline.headings.map((heading) => JSON.stringify(heading)))},`,
    `  "clickables": ${list(outline.clickables.map(({ role, label }) => `{ "role": ${JSON.stringify(role)}, "label": ${JSON.stringify(label)} }`))}`,
    '}',
  ].join('\n');
}
