import { isArubaHost } from '@/utils/aruba/hosts';
import { ARUBA_STEPS, type StepId } from '@/utils/aruba/steps';
import { detectPageState, findStepTarget, type PageState } from '@/utils/page/find-step';
import { readExpiryText } from '@/utils/page/read-expiry';
import { readAccountName } from '@/utils/page/read-mailbox';
import { CANARY_PASSWORD } from '../harness/site';
import type { Shows } from '../harness/unseen-pages';
import { withoutValueReads, type Replica } from './replica-window';

/**
 * The invariants of issue 14, checked on any replica page through the detector's exported API
 * only (detectPageState, readExpiryText, readAccountName, findStepTarget): the right step or
 * none, never a lure or a link off Aruba, the right mailbox or none, the date and nothing else.
 * The pages' `data-replica-*` expectations are read and removed before the detector looks.
 */

const MARKER_ATTRIBUTES = ['data-replica-expect', 'data-replica-lure', 'data-replica-layer', 'data-replica-click'] as const;

/** Every element under `root`, through open shadow roots and template contents. */
export function allElements(root: ParentNode): Element[] {
  const found: Element[] = [];
  const visit = (node: ParentNode) => {
    for (const element of node.querySelectorAll('*')) {
      found.push(element);
      if (element.shadowRoot) visit(element.shadowRoot);
      if (element.localName === 'template') visit((element as HTMLTemplateElement).content);
    }
  };
  visit(root);
  return found;
}

/** The parent in the flattened sense: a shadow root's host stands above it. */
function composedParent(node: Node): Node | null {
  return node.parentNode ?? (node as ShadowRoot).host ?? null;
}

/** `node` is `ancestor` or lies under it, through shadow roots. */
export function composedWithin(node: Node, ancestor: Node): boolean {
  for (let current: Node | null = node; current; current = composedParent(current)) if (current === ancestor) return true;
  return false;
}

export const withinAny = (node: Node, ancestors: readonly Node[]) => ancestors.some((ancestor) => composedWithin(node, ancestor));

/** The page's expectations, taken off the page. */
export interface Marks {
  /** Step id → the elements a person clicks for it. */
  targets: Map<string, Element[]>;
  lures: Element[];
  layers: Element[];
}

export function takeMarks(document: Document): Marks {
  const marks: Marks = { targets: new Map(), lures: [], layers: [] };
  for (const element of allElements(document)) {
    const step = element.getAttribute('data-replica-expect');
    if (step) marks.targets.set(step, [...(marks.targets.get(step) ?? []), element]);
    if (element.hasAttribute('data-replica-lure')) marks.lures.push(element);
    if (element.hasAttribute('data-replica-layer')) marks.layers.push(element);
    for (const name of MARKER_ATTRIBUTES) element.removeAttribute(name);
  }
  return marks;
}

/** Clicks, as the user would, the element the page marks `data-replica-click="<name>"`. */
export async function clickMarked(replica: Replica, name: string): Promise<void> {
  // A live element: the page's <template> holds an inert copy of what it stamps out.
  const element = allElements(replica.document).find((candidate) => candidate.isConnected && candidate.getAttribute('data-replica-click') === name);
  if (!element) throw new Error(`nothing marked data-replica-click="${name}" on ${replica.url()}`);
  (element as HTMLElement).click();
  await replica.settle();
}

/** What the detector says about the page, as the content script would ask it. */
export interface Reading {
  /** 'none', a step id or 'state:<id>'. */
  shows: string;
  target: Element | null;
  scope: Element | null;
  mailbox: string | null;
  expiry: string | null;
  /** What findStepTarget answers for every step of both paths, where it finds one. */
  stepTargets: { step: StepId; element: Element }[];
}

export function describeState(state: PageState | null): string {
  if (!state) return 'none';
  return 'state' in state ? `state:${state.state}` : state.step.id;
}

/** Reads the page through the detector's exported API, with every input's value unreadable. */
export function readPage(replica: Replica, url = replica.url()): Reading {
  return withoutValueReads(replica, (document) => {
    const state = detectPageState(document, url);
    const stepTargets = ARUBA_STEPS.flatMap((step) => {
      const result = findStepTarget(document, step);
      return result.status === 'found' ? [{ step: step.id, element: result.element }] : [];
    });
    return {
      shows: describeState(state),
      target: state && 'target' in state ? state.target : null,
      scope: state && 'scope' in state ? state.scope : null,
      mailbox: readAccountName(document),
      expiry: readExpiryText(document, state),
      stepTargets,
    };
  });
}

/** The http(s) links an element stands for: its own, its ancestors', its descendants'. */
function linksOf(element: Element): URL[] {
  const anchors: Element[] = [];
  for (let node: Node | null = element; node; node = composedParent(node)) {
    if (node.nodeType === 1 && (node as Element).matches('a[href], area[href]')) anchors.push(node as Element);
  }
  const below = [element, ...allElements(element), ...(element.shadowRoot ? allElements(element.shadowRoot) : [])];
  anchors.push(...below.filter((candidate) => candidate.matches('a[href], area[href]')));
  // aru-menu-item and the like carry their destination on the host too.
  if (element.hasAttribute('href')) anchors.push(element);
  return anchors.flatMap((anchor) => {
    try {
      return [new URL(anchor.getAttribute('href')!, element.ownerDocument.location.href)];
    } catch {
      return [];
    }
  });
}

export function offArubaLink(element: Element): string | null {
  const off = linksOf(element).find((url) => (url.protocol === 'https:' || url.protocol === 'http:') && !isArubaHost(url.hostname));
  return off ? off.href : null;
}

const where = (element: Element) => {
  const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50);
  return `<${element.localName}>${text ? ` «${text}»` : ''}`;
};

/** What a page must make the detector say (from the case table, or from the unmutated page). */
export interface Expected {
  shows: Shows;
  /** The elements acceptable as the step's target (a host and what is inside it count as one). */
  targets: readonly Element[];
  lures: readonly Element[];
  layers: readonly Element[];
  mailbox: string | null;
  mailboxOptional?: boolean;
  expiry: string | null;
  time?: string;
  expiryOptional?: boolean;
}

export function stepProblems(reading: Reading, expected: Expected): string[] {
  const { shows } = expected;
  if (shows.startsWith('covered:')) {
    if (reading.shows === 'none') return [];
    if (reading.scope && withinAny(reading.scope, expected.layers)) return [];
    return [
      `${shows.slice(8)}'s target is under one of Aruba's modal layers, but the detector says ${reading.shows}${reading.target ? ` on ${where(reading.target)}` : ''}`,
    ];
  }
  if (reading.shows !== shows)
    return [`expected ${shows}, the detector says ${reading.shows}${reading.target ? ` on ${where(reading.target)}` : ''}`];
  if (reading.target && !withinAny(reading.target, expected.targets)) return [`${shows} found on the wrong element ${where(reading.target)}`];
  return [];
}

export function lureProblems(reading: Reading, expected: Expected): string[] {
  const problems: string[] = [];
  const check = (what: string, element: Element | null) => {
    if (!element) return;
    if (withinAny(element, expected.lures)) problems.push(`${what} is page content, not Aruba's interface: ${where(element)}`);
    const off = offArubaLink(element);
    if (off) problems.push(`${what} leads off Aruba's hosts (${off}): ${where(element)}`);
  };
  check(`the page's ${reading.shows}`, reading.target ?? reading.scope);
  for (const { step, element } of reading.stepTargets) check(`findStepTarget(${step})`, element);
  return problems;
}

export function mailboxProblems(reading: Reading, expected: Expected): string[] {
  if (reading.mailbox === expected.mailbox) return [];
  if (reading.mailbox === null && expected.mailboxOptional) return [];
  return [`expected mailbox ${expected.mailbox ?? 'none'}, read ${JSON.stringify(reading.mailbox)}`];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The expiry text is exactly the date, optionally followed by the time the page writes after it. */
export function isDateAlone(text: string, date: string, time?: string): boolean {
  const read = squeeze(text);
  if (read === squeeze(date)) return true;
  if (!time) return false;
  return new RegExp(`^${escapeRegExp(squeeze(date))},? (?:(?:alle )?(?:ore )?|at )?${escapeRegExp(time)}$`, 'i').test(read);
}

export function expiryProblems(reading: Reading, expected: Expected): string[] {
  const read = reading.expiry;
  if (read !== null && read.includes(CANARY_PASSWORD)) return [`the expiry text holds the password: ${JSON.stringify(read)}`];
  if (expected.expiry === null) return read === null ? [] : [`no expiry may be read here, read ${JSON.stringify(read)}`];
  if (read === null) return expected.expiryOptional ? [] : [`expected the expiry ${expected.expiry}, read none`];
  return isDateAlone(read, expected.expiry, expected.time) ? [] : [`expected the date ${expected.expiry} alone, read ${JSON.stringify(read)}`];
}

/** Nothing the content script would send (state, mailbox, expiry) holds the password. */
export function canaryProblems(reading: Reading): string[] {
  const sent = JSON.stringify([reading.shows, reading.mailbox, reading.expiry]);
  return sent.includes(CANARY_PASSWORD) ? [`the password is in what would be sent: ${sent}`] : [];
}
