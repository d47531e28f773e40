import { APP_PASSWORD_LABELS, EXPIRY_LABELS, OTHER_PASSWORD_LABELS, labelsIn } from '../aruba/steps';
import { DOCUMENT_FRAGMENT_NODE, ELEMENT_NODE, TEXT_NODE, composedParent, type SearchRoot } from './walk';
import { contributesNoText, isBlock, isRendered, normalizeLabel, renderedChildren, visibleText } from './text';
import { leadingDate } from '../dates/expiry-date';
import type { PageState } from './find-step';
import { isContentRegion } from './regions';

/**
 * Reads the app password's expiry where Aruba shows it: right after an expiry label («Scadenza»,
 * «Scade il»), in the same text, the next element or the next cell, in the password window or on
 * a page that shows it. Only the date (and a time written with it) is returned: never the text
 * around it, which on some layouts is the password itself. Reads text, never a field's value, and
 * nothing inside a message. Pure DOM.
 */

/** How far up from a label to look for the words that say it is the app password's. */
const NEAR_LEVELS = 5;
/** How much of the text after a label may hold its date. */
const AFTER_LABEL = 120;

/** A run of visible text, with the element it belongs to; `null` text marks a block boundary. */
interface Run {
  text: string | null;
  element: Element;
}

/** The visible text under the scope in reading order, outside messages, frames and fields. */
function runsOf(node: Node, parent: Element, runs: Run[]): void {
  if (node.nodeType === TEXT_NODE) {
    if (node.nodeValue?.trim()) runs.push({ text: node.nodeValue, element: parent });
    return;
  }
  if (node.nodeType === DOCUMENT_FRAGMENT_NODE) {
    for (const child of node.childNodes) runsOf(child, parent, runs);
    return;
  }
  if (node.nodeType !== ELEMENT_NODE) return;
  const element = node as Element;
  if (contributesNoText(element) || isContentRegion(element)) return;
  const block = isBlock(element);
  if (block) runs.push({ text: null, element });
  const children = renderedChildren(element);
  for (let index = 0; index < children.length; index++) runsOf(children[index]!, element, runs);
  if (block) runs.push({ text: null, element });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const normalizedLabels = (labels: readonly string[]) => labels.map(normalizeLabel).sort((a, b) => b.length - a.length);

/**
 * A label where it starts a word, followed by separators, «il»/«on», or the app password's name
 * («Scadenza password per programmi di posta: 15/02/2027»): what follows is where its date is.
 */
const LABEL_THEN = new RegExp(
  String.raw`(?<![\p{L}\d])(?:${normalizedLabels(labelsIn(EXPIRY_LABELS)).map(escape).join('|')})(?:\s+(?:della\s+|of\s+the\s+)?(?:${normalizedLabels(labelsIn(APP_PASSWORD_LABELS)).map(escape).join('|')}))?(?!\p{L})[\s:\u2013\u2014-]*(?:(?:il|on|del|the)\s+)?`,
  'gu',
);

/** Under a column header («Password | Scadenza»): the cell of the same column in the rows below. */
function dateInColumn(label: Element): string | null {
  const header = label.closest('th, [role=columnheader]');
  const row = header?.closest('tr, [role=row]');
  const table = row?.closest('table, [role=table], [role=grid]');
  if (!header || !row || !table) return null;
  const cellsOf = (of: Element) => [...of.children].filter((cell) => cell.matches('th, td, [role=columnheader], [role=cell], [role=gridcell]'));
  const column = cellsOf(row).indexOf(header);
  let below = false;
  for (const other of table.querySelectorAll('tr, [role=row]')) {
    if (other === row) below = true;
    else if (below) {
      const cell = cellsOf(other)[column];
      const date = cell ? leadingDate(visibleText(cell)) : null;
      if (date) return date;
    }
  }
  return null;
}

interface Found {
  element: Element;
  date: string;
}

/** Every date that directly follows an expiry label under the scope. */
function datesAfterLabels(scope: SearchRoot): Found[] {
  const runs: Run[] = [];
  const start = scope.nodeType === ELEMENT_NODE ? (scope as Element) : null;
  if (start) {
    if (contributesNoText(start)) return [];
    const children = renderedChildren(start);
    for (let index = 0; index < children.length; index++) runsOf(children[index]!, start, runs);
  } else
    for (const child of (scope as Document | ShadowRoot).childNodes)
      runsOf(child, (scope as Document).documentElement ?? (scope as ShadowRoot).host, runs);
  const found: Found[] = [];
  runs.forEach((run, index) => {
    if (run.text === null) return;
    // Matched lower case without accents, as the labels are ("SCADENZA", "Scadrà"); the date is
    // cut from the same text with its case (the parser reads month names either way).
    const plain = run.text.normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ');
    for (const match of plain.toLowerCase().matchAll(LABEL_THEN)) {
      let after = plain.slice(match.index + match[0].length);
      for (let next = index + 1; next < runs.length && after.length < AFTER_LABEL; next++) after += ` ${runs[next]!.text ?? ''}`;
      const date = leadingDate(after.replace(/^[\s:–—-]*(?:(?:il|on|del|the)\s+)?/iu, '')) ?? dateInColumn(run.element);
      if (date && isRendered(run.element)) found.push({ element: run.element, date });
    }
  });
  return found;
}

/** Levels up to the block that names the app password, unless a block on the way names another password. */
function appPasswordDistance(element: Element, appPassword: readonly string[], otherPasswords: readonly string[]): number {
  let node: Node | null = element;
  for (let level = 0; level <= NEAR_LEVELS && node?.nodeType === ELEMENT_NODE; level++, node = composedParent(node)) {
    const text = normalizeLabel(visibleText(node));
    // "Scadenza password per programmi di posta" is about the app password: only what is left
    // once its name is taken out can speak of the mailbox password.
    const rest = appPassword.reduce((remaining, phrase) => remaining.replaceAll(phrase, ' '), text);
    if (otherPasswords.some((phrase) => rest.includes(phrase))) return Infinity;
    if (rest !== text) return level;
  }
  return Infinity;
}

function readExpiryIn(scope: SearchRoot, nearAppPassword: boolean): string | null {
  const found = datesAfterLabels(scope);
  if (!nearAppPassword) return found[0]?.date ?? null;
  const appPassword = labelsIn(APP_PASSWORD_LABELS).map(normalizeLabel);
  const otherPasswords = labelsIn(OTHER_PASSWORD_LABELS).map(normalizeLabel);
  const distances = found.map((entry) => appPasswordDistance(entry.element, appPassword, otherPasswords));
  const best = Math.min(...distances);
  return best === Infinity ? null : found[distances.indexOf(best)]!.date;
}

/**
 * The app password's expiry as the page writes it ("15/02/2027", "15 febbraio 2027 alle 10:30"),
 * read only beside an expiry label in the password window or on a page that shows it (a step
 * with `showsExpiry`); null elsewhere.
 */
export function readExpiryText(root: SearchRoot, pageState: PageState | null): string | null {
  if (!pageState) return null;
  if ('state' in pageState) return pageState.state === 'password-shown' ? readExpiryIn(pageState.scope, false) : null;
  return pageState.step.showsExpiry ? readExpiryIn(root, true) : null;
}
