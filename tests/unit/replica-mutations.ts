import fc from 'fast-check';
import { ARUBA_STEPS, type StepId } from '@/utils/aruba/steps';
import { parseExpiryDate } from '@/utils/dates/expiry-date';
import { detectPageState, findStepTarget } from '@/utils/page/find-step';
import { readExpiryText } from '@/utils/page/read-expiry';
import { readAccountName } from '@/utils/page/read-mailbox';
import { FIXTURES_WRITTEN_ON } from '../harness/fixture-dates';
import { CANARY_PASSWORD, FIXTURE_PAGES } from '../harness/site';
import { UNSEEN_CASES, type Shows, type UnseenCase } from '../harness/unseen-pages';
import { openReplica, withoutValueReads, type Replica } from './replica-window';
import {
  canaryProblems,
  clickMarked,
  composedWithin,
  describeState,
  isDateAlone,
  lureProblems,
  mailboxProblems,
  stepProblems,
  takeMarks,
  withinAny,
  type Expected,
  type Reading,
} from './replica-invariants';

/**
 * Plausible rewrites of every replica page (ours and the unseen ones), as Aruba's next release
 * might make them, and what each does to the expectations: a rewrite that keeps the target visible
 * and labelled keeps the step; one of Aruba's notices over the page leaves no step; a merged date
 * block gives the date or a clear rejection; never the password in what would be sent.
 */

export type Mutation =
  | { kind: 'shadow-wrap'; pick: number; slot: boolean }
  | { kind: 'label-to-attribute'; pick: number; attribute: 'aria-label' | 'title' }
  | { kind: 'split-label'; pick: number }
  | { kind: 'merge-date'; variant: 0 | 1 | 2 | 3 }
  | { kind: 'late-render' }
  | { kind: 'other-path'; pick: number }
  | { kind: 'lure'; container: 'article' | 'document' | 'editor' | 'frame' | 'reading-pane'; offAruba: boolean; beside: boolean }
  | { kind: 'aruba-notice'; layer: 'cdk' | 'cookiebot' | 'bootstrap' }
  | { kind: 'hide-target'; how: 'hidden' | 'display-none' | 'unlabelled' };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('shadow-wrap' as const), pick: fc.nat(99), slot: fc.boolean() }),
  fc.record({
    kind: fc.constant('label-to-attribute' as const),
    pick: fc.nat(99),
    attribute: fc.constantFrom('aria-label' as const, 'title' as const),
  }),
  fc.record({ kind: fc.constant('split-label' as const), pick: fc.nat(99) }),
  fc.record({ kind: fc.constant('merge-date' as const), variant: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const) }),
  fc.record({ kind: fc.constant('late-render' as const) }),
  fc.record({ kind: fc.constant('other-path' as const), pick: fc.nat(9) }),
  fc
    .record({
      kind: fc.constant('lure' as const),
      container: fc.constantFrom('article' as const, 'document' as const, 'editor' as const, 'frame' as const, 'reading-pane' as const),
      offAruba: fc.boolean(),
      beside: fc.boolean(),
    })
    // On-Aruba links are told apart only by the page marking them as content; a bare reading
    // pane is marked by its name alone, so it carries links off Aruba.
    .map((lure) => (lure.container === 'reading-pane' ? { ...lure, offAruba: true } : lure)),
  fc.record({ kind: fc.constant('aruba-notice' as const), layer: fc.constantFrom('cdk' as const, 'cookiebot' as const, 'bootstrap' as const) }),
  fc.record({ kind: fc.constant('hide-target' as const), how: fc.constantFrom('hidden' as const, 'display-none' as const, 'unlabelled' as const) }),
);

/** One to three rewrites of one page. */
export const mutations: fc.Arbitrary<Mutation[]> = fc.array(mutation, { minLength: 1, maxLength: 3 });

export function describeMutation(change: Mutation): string {
  switch (change.kind) {
    case 'shadow-wrap':
      return `${change.slot ? 'slotted' : 'wrapped'} in a shadow root (#${change.pick})`;
    case 'label-to-attribute':
      return `label into ${change.attribute} (#${change.pick})`;
    case 'split-label':
      return `label split over elements (#${change.pick})`;
    case 'merge-date':
      return `date block merged (${['same text node', 'with the next block', 'with its label', 'flattened'][change.variant]})`;
    case 'late-render':
      return 'drawn late';
    case 'other-path':
      return `another path (#${change.pick})`;
    case 'lure':
      return `lure in ${change.container}, links ${change.offAruba ? 'off Aruba' : 'on Aruba'}${change.beside ? ', beside the target' : ''}`;
    case 'aruba-notice':
      return `Aruba notice (${change.layer})`;
    case 'hide-target':
      return `target ${change.how === 'unlabelled' ? 'unlabelled' : `hidden (${change.how})`}`;
  }
}

// ---------- Stations: a replica page, as far along its flow as some clicks take it ----------

/** An element's place in a document, through open shadow roots: rebuilt the same in a fresh load. */
type ElementPath = { shadow: boolean; index: number }[];

function pathOf(element: Element): ElementPath {
  const path: ElementPath = [];
  for (let node: Element = element; ;) {
    const parent = node.parentNode;
    if (!parent) break;
    const shadow = parent.nodeType === 11;
    path.unshift({ shadow, index: [...parent.children].indexOf(node) });
    if (shadow) node = (parent as ShadowRoot).host;
    else if (parent.nodeType === 1) node = parent as Element;
    else break;
  }
  return path;
}

function elementAt(document: Document, path: ElementPath): Element {
  let node: Element = document.documentElement;
  for (const [position, step] of path.entries()) {
    if (position === 0) continue;
    const parent: ParentNode | null = step.shadow ? node.shadowRoot : node;
    const child = parent?.children[step.index];
    if (!child) throw new Error('the page did not load as before');
    node = child;
  }
  return node;
}

export interface Station {
  name: string;
  url: string;
  /** Ours: elements clicked to get here (the detector's own targets); unseen: the case's clicks. */
  clicks: ElementPath[];
  unseen?: UnseenCase;
  /** Ours: what the detector says on the page as it is, taken as the expectation. */
  baseline?: { shows: Shows; target: ElementPath | null; mailbox: string | null; expiry: string | null };
}

/** The guide's own reading: the page's state, its expiry and mailbox, with no input value read. */
function readLikeTheGuide(replica: Replica, url: string, alsoStep: string | null): Reading {
  return withoutValueReads(replica, (document) => {
    const state = detectPageState(document, url);
    const step = ARUBA_STEPS.find((candidate) => candidate.id === alsoStep);
    const found = step ? findStepTarget(document, step) : null;
    return {
      shows: describeState(state),
      target: state && 'target' in state ? state.target : null,
      scope: state && 'scope' in state ? state.scope : null,
      mailbox: readAccountName(document),
      expiry: readExpiryText(document, state),
      stepTargets: found?.status === 'found' && step ? [{ step: step.id, element: found.element }] : [],
    };
  });
}

/**
 * Our replica pages, each at every point the guide's own clicks reach (up to the password window
 * or a link to another page), with what the detector says there today as the expectation.
 */
export async function ourStations(): Promise<Station[]> {
  const stations: Station[] = [];
  for (const page of FIXTURE_PAGES) {
    const replica = await openReplica(page.url);
    const clicks: ElementPath[] = [];
    for (let depth = 0; depth < 4; depth++) {
      const reading = readLikeTheGuide(replica, page.url, null);
      stations.push({
        name: `${page.file} at ${page.url}${depth ? ` after ${depth} click${depth > 1 ? 's' : ''}` : ''}`,
        url: page.url,
        clicks: [...clicks],
        baseline: {
          shows: reading.shows as Shows,
          target: reading.target ? pathOf(reading.target) : null,
          mailbox: reading.mailbox,
          expiry: reading.expiry,
        },
      });
      const target = reading.target;
      if (!target || target.closest('a[href]:not([href^="#"])')) break;
      clicks.push(pathOf(target));
      (target as HTMLElement).click();
      await replica.settle();
    }
    await replica.window.happyDOM.close();
  }
  return stations;
}

export function unseenStations(): Station[] {
  return UNSEEN_CASES.map((unseen) => ({ name: unseen.name, url: unseen.url, clicks: [], unseen }));
}

// ---------- Applying rewrites ----------

const CLICKABLE = 'a[href], button, [role=button], [role=link], [role=menuitem], [role=tab]';

function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The text a person sees in an element: hidden and aria-hidden parts left out. */
function shownText(element: Element): string {
  let text = '';
  for (const node of element.childNodes) {
    if (node.nodeType === 3) text += node.textContent;
    else if (node.nodeType === 1) {
      const child = node as Element;
      if (child.matches('[hidden], [aria-hidden=true], script, style, template')) continue;
      text += ` ${shownText(child)} `;
    }
  }
  return squeeze(text);
}

function isShown(element: Element): boolean {
  const view = element.ownerDocument.defaultView!;
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true') return false;
    const style = view.getComputedStyle(node);
    if (style.display === 'none' || style.visibility === 'hidden') return false;
  }
  return true;
}

/** Light-DOM clickables a rewrite may touch, the expected target first when it is one. */
function candidates(document: Document, expected: Expected, filter: (element: Element) => boolean): Element[] {
  const all = [...document.body.querySelectorAll(CLICKABLE)].filter(
    (element) => !element.closest('template, script') && !element.querySelector(CLICKABLE) && filter(element),
  );
  const targets = all.filter((element) => expected.targets.includes(element));
  return [...targets, ...all.filter((element) => !targets.includes(element))];
}

/** Even picks take the expected target when it can be rewritten, odd ones any other clickable. */
function choose(list: Element[], pick: number, expected: Expected): Element | null {
  const target = list.find((element) => expected.targets.includes(element));
  const others = list.filter((element) => element !== target);
  if (target && (pick % 2 === 0 || others.length === 0)) return target;
  const shown = others.filter(isShown);
  return shown.length ? shown[pick % shown.length]! : null;
}

function shadowWrap(document: Document, expected: Expected, change: Extract<Mutation, { kind: 'shadow-wrap' }>): boolean {
  // A label by reference does not reach into a shadow root: those would lose their name.
  const element = choose(
    candidates(document, expected, (candidate) => !candidate.hasAttribute('aria-labelledby')),
    change.pick,
    expected,
  );
  if (!element) return false;
  const host = document.createElement(change.slot ? 'aru-action' : 'aru-wrap');
  const root = host.attachShadow({ mode: 'open' });
  element.replaceWith(host);
  if (!change.slot) {
    root.append(element);
  } else {
    // A design-system control: the host keeps the label, a real control in the shadow root.
    const inner = document.createElement(element.localName === 'a' ? 'a' : 'button');
    for (const name of ['href', 'target', 'rel', 'role']) {
      const value = element.getAttribute(name);
      if (value !== null) inner.setAttribute(name, value);
    }
    for (const name of ['title', 'aria-label', 'hidden', 'style']) {
      const value = element.getAttribute(name);
      if (value !== null) host.setAttribute(name, value);
    }
    inner.append(document.createElement('slot'));
    root.append(inner);
    host.append(...element.childNodes);
  }
  if (expected.targets.includes(element)) (expected.targets as Element[]).push(host);
  return true;
}

function labelToAttribute(document: Document, expected: Expected, change: Extract<Mutation, { kind: 'label-to-attribute' }>): boolean {
  const element = choose(
    candidates(document, expected, (candidate) => shownText(candidate) !== ''),
    change.pick,
    expected,
  );
  if (!element) return false;
  const label = shownText(element);
  const icon = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  icon.setAttribute('aria-hidden', 'true');
  icon.setAttribute('viewBox', '0 0 16 16');
  element.replaceChildren(icon);
  element.setAttribute(change.attribute, label);
  return true;
}

function splitLabel(document: Document, expected: Expected, change: Extract<Mutation, { kind: 'split-label' }>): boolean {
  const element = choose(
    candidates(document, expected, (candidate) => shownText(candidate).includes(' ')),
    change.pick,
    expected,
  );
  if (!element) return false;
  const texts: Text[] = [];
  const walker = document.createTreeWalker(element, 4);
  while (walker.nextNode()) texts.push(walker.currentNode as Text);
  for (const text of texts) {
    const words = text.data.split(/(\s+)/);
    if (words.filter((word) => word.trim()).length < 2) continue;
    const parts = words.map((word, index) => {
      if (!word.trim()) return document.createTextNode(word);
      const span = document.createElement('span');
      if (index === 0) span.append(Object.assign(document.createElement('b'), { textContent: word }));
      else span.textContent = word;
      return span;
    });
    text.replaceWith(...parts);
  }
  return true;
}

/** The text node holding the expected expiry, outside page content. */
function expiryText(document: Document, expected: Expected): Text | null {
  if (!expected.expiry) return null;
  const walker = document.createTreeWalker(document.body, 4);
  while (walker.nextNode()) {
    const text = walker.currentNode as Text;
    if (text.parentElement?.closest('script, style, template')) continue;
    if (expected.lures.some((lure) => composedWithin(text, lure))) continue;
    if (squeeze(text.data).includes(expected.expiry)) return text;
  }
  return null;
}

function mergeDate(document: Document, expected: Expected, change: Extract<Mutation, { kind: 'merge-date' }>): boolean {
  const text = expiryText(document, expected);
  const block = text?.parentElement;
  if (!text || !block) return false;
  const password = () => Object.assign(document.createElement('code'), { textContent: CANARY_PASSWORD });
  switch (change.variant) {
    case 0:
      text.data = `${text.data} ${CANARY_PASSWORD} Copia`;
      return true;
    case 1: {
      // The next block, unless it holds the step's target or another control (the window's
      // «Copia»): those stay where a person sees them; only text is merged.
      const neighbour = [block.nextElementSibling, block.parentElement?.nextElementSibling].find(
        (candidate) =>
          candidate &&
          !candidate.contains(block) &&
          !candidate.matches(CLICKABLE) &&
          !candidate.querySelector(CLICKABLE) &&
          !expected.targets.some((target) => composedWithin(target, candidate)),
      );
      if (neighbour) {
        block.append(' ', ...neighbour.childNodes);
        neighbour.remove();
      }
      block.append(' ', password());
      return true;
    }
    case 2: {
      const label = block.previousElementSibling;
      if (label) {
        block.prepend(...label.childNodes, ' ');
        label.remove();
      }
      block.append(' ', password());
      return true;
    }
    case 3: {
      const container = block.parentElement ?? block;
      // Flattening a block with controls in it would remove them: merge the neighbours instead.
      if (container.querySelector(CLICKABLE)) return mergeDate(document, expected, { kind: 'merge-date', variant: 1 });
      container.textContent = `${squeeze(container.textContent ?? '')} ${CANARY_PASSWORD}`;
      return true;
    }
  }
}

const OTHER_PATHS: Record<string, readonly string[]> = {
  'webmail.pec.it': ['/new/mail/inbox', '/webmail/index.html', '/mail/main.php?folder=INBOX', '/new/settings/security'],
  'www.startpec.it': ['/webmail/new/mail/inbox', '/it/webmail/app'],
  'gestionemail.pec.it': ['/gm/security/overview', '/account/sicurezza', '/pec/2fa'],
  'gestionemail.startpec.it': ['/gm/security/overview', '/account/sicurezza'],
  'areaclienti.pec.it': ['/pec/sicurezza', '/area/account/security'],
  'account.aruba.it': ['/pec/v2/sicurezza/password-programmi', '/pec/#/security', '/pec/app/overview'],
  'login.aruba.it': ['/auth/realms/pec/login-actions/required-action', '/auth/realms/pec/protocol/openid-connect/auth?ui_locales=it'],
};

function otherPath(url: string, pick: number): string {
  const parsed = new URL(url);
  const paths = OTHER_PATHS[parsed.hostname] ?? ['/'];
  return new URL(paths[pick % paths.length]!, parsed.origin).href;
}

const LURE_LABELS = {
  it: [
    'Impostazioni',
    'Sicurezza e password',
    'Gestisci',
    'Genera password per programmi di posta',
    'Gestione account',
    'Password per programmi di posta',
    'Attiva',
    'Genera nuova password',
    'Posticipa',
  ],
  en: [
    'Settings',
    'Security and password',
    'Manage',
    'Generate password for mail programs',
    'Manage account',
    'Password for mail programs',
    'Activate',
    'Generate new password',
    'Postpone',
  ],
};

/** A phishing-like message copying Aruba's labels, a header-like block, a password window and a date. */
function lureMessage(document: Document, offAruba: boolean, container: string): string {
  const english = document.documentElement.lang.startsWith('en');
  const host = offAruba ? 'https://aruba-pec-sicurezza.com' : new URL(document.location.href).origin;
  const links = LURE_LABELS[english ? 'en' : 'it'].map((label, index) => `<a href="${host}/l/${index}">${label}</a>`).join(' · ');
  const window = `<div${container === 'document' ? ' role="dialog" aria-label="Nuova password per programmi di posta"' : ''}>
      <h3>${english ? 'New password for mail programs' : 'Nuova password per programmi di posta'}</h3>
      <p><code>${CANARY_PASSWORD}</code> <button type="button">${english ? 'Copy' : 'Copia'}</button></p>
      <p>${english ? 'Expiry' : 'Scadenza'}</p><p>12/03/2027</p></div>`;
  return `<p>Da: Aruba PEC &lt;assistenza@aruba-pec-sicurezza.com&gt;<br>A: ufficio.contabile@pec-cliente.it<br>Casella: verifica@aruba-pec-sicurezza.com</p>
    <p>${links}</p>${window}`;
}

function addLure(document: Document, expected: Expected, change: Extract<Mutation, { kind: 'lure' }>): boolean {
  const html = lureMessage(document, change.offAruba, change.container);
  let lure: HTMLElement;
  if (change.container === 'frame') {
    lure = document.createElement('iframe');
    lure.setAttribute('title', 'Messaggio');
    lure.setAttribute('srcdoc', `<!doctype html><html><body>${html}</body></html>`);
  } else {
    lure = document.createElement(change.container === 'article' ? 'article' : 'div');
    if (change.container === 'document') lure.setAttribute('role', 'document');
    if (change.container === 'editor') {
      lure.setAttribute('contenteditable', 'true');
      lure.setAttribute('role', 'textbox');
      lure.setAttribute('aria-multiline', 'true');
    }
    if (change.container === 'reading-pane') {
      lure.setAttribute('role', 'region');
      lure.setAttribute('aria-label', 'Riquadro di lettura');
    }
    lure.innerHTML = html;
  }
  const target = expected.targets.find((element) => element.isConnected);
  const anchor = change.beside && target ? ((target.getRootNode() as ShadowRoot).host ?? target) : null;
  const place = anchor?.parentElement?.closest('li, p, div, section, nav, header, td, form') ?? document.querySelector('main') ?? document.body;
  if (place === document.body || place.localName === 'main') place.append(lure);
  else place.after(lure);
  (expected.lures as Element[]).push(lure);
  return true;
}

function addNotice(document: Document, expected: Expected, change: Extract<Mutation, { kind: 'aruba-notice' }>): boolean {
  const title =
    '<h2 id="replica-notice-title">Adegua la tua PEC</h2><p>Completa l\'identificazione del titolare per continuare a inviare messaggi.</p>';
  const buttons = '<button type="button">Chiudi</button> <button type="button">Ricordarmelo</button>';
  const layer = document.createElement('div');
  if (change.layer === 'cdk') {
    for (const child of document.body.children) child.setAttribute('aria-hidden', 'true');
    layer.className = 'cdk-overlay-container';
    layer.innerHTML = `<div class="cdk-overlay-backdrop cdk-overlay-dark-backdrop cdk-overlay-backdrop-showing" style="position:fixed;inset:0;background:rgba(0,0,0,.5)"></div>
      <div class="cdk-global-overlay-wrapper"><div class="cdk-overlay-pane"><div role="dialog" aria-modal="true" aria-labelledby="replica-notice-title">${title}${buttons}</div></div></div>`;
  } else if (change.layer === 'cookiebot') {
    layer.innerHTML = `<div id="CybotCookiebotDialogBodyUnderlay" style="position:fixed;inset:0;background:rgba(0,0,0,.45)"></div>
      <div id="CybotCookiebotDialog" role="dialog" aria-modal="true" aria-labelledby="replica-notice-title" style="position:fixed;top:30%;left:30%">${title}${buttons}</div>`;
  } else {
    layer.innerHTML = `<div class="modal-backdrop show" style="position:fixed;inset:0;background:#000;opacity:.5"></div>
      <div class="modal show" role="dialog" aria-modal="true" aria-labelledby="replica-notice-title" style="display:block;position:fixed;inset:0"><div class="modal-dialog">${title}${buttons}</div></div>`;
  }
  document.body.append(layer);
  (expected.layers as Element[]).push(layer);
  return true;
}

/** The step's target no longer visible, or no longer labelled: no one could follow that step here. */
function hideTarget(expected: Expected, change: Extract<Mutation, { kind: 'hide-target' }>): boolean {
  const target = expected.targets.find((element) => element.isConnected) as HTMLElement | undefined;
  if (!target) return false;
  // happy-dom's checkVisibility() does not see a shadow host's display:none (browsers do): such a
  // host is hidden by its attribute instead, so that the test judges the product, not happy-dom.
  if (change.how === 'hidden' || (change.how === 'display-none' && target.shadowRoot)) target.setAttribute('hidden', '');
  else if (change.how === 'display-none') target.style.display = 'none';
  else {
    target.replaceChildren(target.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'svg'));
    for (const name of ['aria-label', 'title', 'aria-labelledby']) target.removeAttribute(name);
    if (target.localName === 'input') target.setAttribute('value', '');
  }
  return true;
}

/**
 * With the step's target hidden or unlabelled, the detector may say nothing, a state, or a step
 * at the same point or further (another path's); never the hidden element, never a step back.
 */
function hiddenStepProblems(reading: Reading, hidden: StepId, expected: Expected): string[] {
  if (reading.target && withinAny(reading.target, expected.targets))
    return [`${hidden}'s target is hidden or unlabelled, yet taken: the detector says ${reading.shows}`];
  const found = ARUBA_STEPS.find((step) => step.id === reading.shows);
  const before = ARUBA_STEPS.find((step) => step.id === hidden)!;
  if (found && found.ordinal < before.ordinal)
    return [`${hidden}'s target is hidden or unlabelled, and the detector sends the user back to ${found.id}`];
  return [];
}

// ---------- Running a mutant ----------

export interface MutantResult {
  applied: string[];
  problems: string[];
}

function expectationAt(station: Station, replica: Replica): Expected {
  if (station.unseen) {
    const marks = takeMarks(replica.document);
    const step = station.unseen.shows.replace(/^covered:/, '');
    return { ...station.unseen, targets: marks.targets.get(step) ?? [], lures: marks.lures, layers: marks.layers };
  }
  const baseline = station.baseline!;
  return {
    shows: baseline.shows,
    targets: baseline.target ? [elementAt(replica.document, baseline.target)] : [],
    lures: [],
    layers: [],
    mailbox: baseline.mailbox,
    expiry: baseline.expiry,
  };
}

/** The date alone, nothing read, or a text the background's parser rejects: never the password. */
function mergedExpiryProblems(reading: Reading, expected: Expected): string[] {
  const read = reading.expiry;
  if (read === null) return [];
  if (read.includes(CANARY_PASSWORD)) return [`the expiry text holds the password: ${JSON.stringify(read)}`];
  if (expected.expiry && isDateAlone(read, expected.expiry, expected.time)) return [];
  if (!parseExpiryDate(read, FIXTURES_WRITTEN_ON).ok) return [];
  return [`expected the date ${expected.expiry ?? '(none)'} alone or a rejection, read ${JSON.stringify(read)}`];
}

function strictExpiryProblems(reading: Reading, expected: Expected): string[] {
  const read = reading.expiry;
  if (read !== null && read.includes(CANARY_PASSWORD)) return [`the expiry text holds the password: ${JSON.stringify(read)}`];
  if (expected.expiry === null) return read === null ? [] : [`no expiry may be read here, read ${JSON.stringify(read)}`];
  if (read === null) return expected.expiryOptional ? [] : [`expected the expiry ${expected.expiry}, read none`];
  return isDateAlone(read, expected.expiry, expected.time) ? [] : [`expected the date ${expected.expiry} alone, read ${JSON.stringify(read)}`];
}

export async function runMutant(station: Station, changes: readonly Mutation[]): Promise<MutantResult> {
  const replica = await openReplica(station.url);
  for (const path of station.clicks) {
    (elementAt(replica.document, path) as HTMLElement).click();
    await replica.settle();
  }
  for (const name of station.unseen?.before ?? []) await clickMarked(replica, name);
  const expected = expectationAt(station, replica);
  const { document } = replica;

  let url = station.url;
  let hidden: StepId | null = null;
  let late = false;
  let merged = false;
  const applied: string[] = [];
  for (const change of changes) {
    let done: boolean;
    switch (change.kind) {
      case 'shadow-wrap':
        done = shadowWrap(document, expected, change);
        break;
      case 'label-to-attribute':
        done = labelToAttribute(document, expected, change);
        break;
      case 'split-label':
        done = splitLabel(document, expected, change);
        break;
      case 'merge-date':
        done = merged = mergeDate(document, expected, change) || merged;
        break;
      case 'late-render':
        done = late = true;
        break;
      case 'other-path':
        url = otherPath(url, change.pick);
        done = true;
        break;
      case 'lure':
        done = addLure(document, expected, change);
        break;
      case 'aruba-notice':
        // A notice opens over the app's pages, not over a sign-in form or the password window.
        done = !expected.shows.startsWith('state:') && addNotice(document, expected, change);
        if (done && !expected.shows.startsWith('covered:') && expected.shows !== 'none') expected.shows = `covered:${expected.shows}` as Shows;
        if (done) {
          expected.mailboxOptional = true;
          expected.expiryOptional = true;
        }
        break;
      case 'hide-target': {
        const step = expected.shows.replace(/^covered:/, '');
        done = !step.startsWith('state:') && step !== 'none' && hideTarget(expected, change);
        if (done) {
          hidden = step as StepId;
          // The page no longer shows its step: what it showed beside the target may go unread.
          expected.mailboxOptional = true;
          expected.expiryOptional = true;
        }
        break;
      }
    }
    applied.push(`${describeMutation(change)}${done ? '' : ' (nothing to rewrite)'}`);
  }

  const problems: string[] = [];
  const step = expected.shows.startsWith('state:') || expected.shows === 'none' ? null : expected.shows.replace(/^covered:/, '');
  const check = (reading: Reading, when: string, early: boolean) => {
    const shown = hidden
      ? [...hiddenStepProblems(reading, hidden, expected), ...(expected.shows.startsWith('covered:') ? stepProblems(reading, expected) : [])]
      : early && reading.shows === 'none'
        ? []
        : stepProblems(reading, early ? { ...expected, shows: (step ?? expected.shows) as Shows } : expected);
    const found = [
      ...shown,
      ...lureProblems(reading, expected),
      ...(early ? [] : mailboxProblems(reading, expected)),
      ...(early ? [] : merged ? mergedExpiryProblems(reading, expected) : strictExpiryProblems(reading, expected)),
      ...canaryProblems(reading),
    ];
    problems.push(...found.map((problem) => `${when}${problem}`));
  };

  if (late) {
    // The page is drawn a moment later (its scripts stay: a browser never runs them twice).
    const drawn = [...document.body.childNodes].filter((node) => node.nodeName !== 'SCRIPT');
    for (const node of drawn) node.remove();
    replica.window.setTimeout(() => document.body.append(...drawn), 1500);
    check(readLikeTheGuide(replica, url, step), 'before drawing: ', true);
    await replica.settle();
  }
  check(readLikeTheGuide(replica, url, step), '', false);
  await replica.window.happyDOM.close();
  return { applied, problems };
}

/** A fixed number of rewrite sets per station, the same on every run. */
export function mutantsOf(stations: readonly Station[], perStation: number, seed: number): { station: Station; changes: Mutation[] }[] {
  return stations.flatMap((station, index) =>
    fc.sample(mutations, { seed: seed + index, numRuns: perStation }).map((changes) => ({ station, changes })),
  );
}
