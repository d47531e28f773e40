import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Language } from '@/utils/i18n/translate';
import { describe, expect, it } from 'vitest';
import { isArubaHost } from '@/utils/aruba/hosts';
import { ARUBA_STATES, ARUBA_STEPS, pathLength, type ArubaStep, type StepId } from '@/utils/aruba/steps';
import { accessibleLabel, normalizeLabel } from '@/utils/page/text';
import { DATA_LIST_SIZE, isDataList } from '@/utils/page/walk';
import { detectPageState, findStepTarget, type PageState } from '@/utils/page/find-step';
import { readAccountName } from '@/utils/page/read-mailbox';
import { readExpiryText } from '@/utils/page/read-expiry';
import { CANARY_PASSWORD, FIXTURE_PAGES, fixtureFor } from '../harness/site';
import { openReplica, withoutValueReads, type Replica } from './replica-window';

const PAGES_DIR = join(import.meta.dirname, '../fixtures/pages');

/** The replica pages that show a step or state, by tests/harness/site.ts. */
const pagesShowing = (id: string) => FIXTURE_PAGES.filter((page) => page.shows.includes(id));

/** The same, but only up to the password window: clicking along the guide ends there. */
const pagesReaching = (id: string) =>
  FIXTURE_PAGES.filter((page) => {
    const end = page.shows.indexOf('password-shown');
    return (end < 0 ? page.shows : page.shows.slice(0, end + 1)).includes(id);
  });
const MAILBOX = 'mario.rossi@pec.it';

const find = (loaded: Replica, id: StepId, lang?: Language) => withoutValueReads(loaded, (document) => findStepTarget(document, step(id), lang));
const readExpiry = (loaded: Replica, state: PageState | null) => withoutValueReads(loaded, (document) => readExpiryText(document, state));
const readAccount = (loaded: Replica) => withoutValueReads(loaded, (document) => readAccountName(document));

function step(id: StepId): ArubaStep {
  const found = ARUBA_STEPS.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`unknown step ${id}`);
  return found;
}

function found(result: ReturnType<typeof findStepTarget>): Element {
  if (result.status !== 'found') throw new Error(`expected found, got ${JSON.stringify(result)}`);
  return result.element;
}

function detect(loaded: Replica): PageState | null {
  return withoutValueReads(loaded, (document) => detectPageState(document, loaded.url()));
}

function targetOf(state: PageState | null): Element {
  if (!state || !('target' in state)) throw new Error(`no step target: ${describeState(state)}`);
  return state.target;
}

function scopeOf(state: PageState | null): Element {
  if (!state || !('scope' in state)) throw new Error(`no state scope: ${describeState(state)}`);
  return state.scope;
}

/** "webmail-manage" or "state:password-shown", for readable expectations. */
function describeState(state: PageState | null): string | null {
  if (!state) return null;
  return 'state' in state ? `state:${state.state}` : state.step.id;
}

async function click(loaded: Replica, element: Element): Promise<void> {
  (element as HTMLElement).click();
  await loaded.settle();
}

async function clickTarget(loaded: Replica): Promise<void> {
  const state = detect(loaded);
  if (!state || 'state' in state) throw new Error(`nothing to click: ${describeState(state)}`);
  await click(loaded, state.target);
}

function byText(root: ParentNode, selector: string, text: string): Element {
  const element = [...root.querySelectorAll(selector)].find((candidate) => candidate.textContent?.trim() === text);
  if (!element) throw new Error(`no ${selector} with text ${text}`);
  return element;
}

/** The test's own document, holding only this markup. */
function html(markup: string): Document {
  document.body.innerHTML = markup;
  return document;
}

function pageState(id: StepId, target: Element): PageState {
  const known = step(id);
  return { path: known.path, step: known, target };
}

describe('normalizeLabel', () => {
  it.each([
    ['  Sicurezza   e\n password ', 'sicurezza e password'],
    ['Attività', 'attivita'],
    ['«Gestione account»', 'gestione account'],
    ['Scadenza:', 'scadenza'],
    ['Gestisci ›', 'gestisci'],
    ['"Copia"', 'copia'],
  ])('%j → %j', (text, normalized) => {
    expect(normalizeLabel(text)).toBe(normalized);
  });
});

describe('accessibleLabel', () => {
  const markup = `
    <button id="aria" aria-label="Settings"><svg aria-hidden="true"><title>gear</title></svg></button>
    <span id="name">Security and password</span><a id="by" aria-labelledby="name" href="#">x</a>
    <a id="split" href="#"><span>Genera</span> <span>password</span><i aria-hidden="true">↗</i><span hidden>nascosto</span></a>
    <a id="title" href="#" title="Manage"><svg aria-hidden="true"></svg></a>
    <input id="submit" type="submit" value="Accedi">
    <input id="secret" type="text" value="Canary-7f3Q9-zX2kL" title="Password">
  `;
  it.each([
    ['aria', 'Settings'],
    ['by', 'Security and password'],
    ['split', 'Genera password'],
    ['title', 'Manage'],
    ['submit', 'Accedi'],
    ['secret', 'Password'],
  ])('#%s is %j', (id, label) => {
    expect(accessibleLabel(html(markup).getElementById(id)!)).toBe(label);
  });
});

describe('the page table', () => {
  const shownIds = new Set<string>([...ARUBA_STEPS.map((known) => known.id), ...ARUBA_STATES.map((state) => state.id)]);

  it('has a unique, numbered, consistent entry per step', () => {
    expect(new Set(ARUBA_STEPS.map((known) => known.id)).size).toBe(ARUBA_STEPS.length);
    expect(pathLength('webmail')).toBe(4);
    expect(pathLength('account')).toBe(4);
    for (const known of ARUBA_STEPS) {
      expect(known.labels.it.length, known.id).toBeGreaterThan(0);
      expect(known.labels.en.length, known.id).toBeGreaterThan(0);
      expect(known.messages.length, known.id).toBeGreaterThan(0);
    }
  });

  it.each(ARUBA_STEPS.map((known) => [known.id, known] as const))('%s has a replica page in each language', (_, known) => {
    const langs = pagesShowing(known.id).map((page) => page.lang);
    expect(new Set(langs)).toEqual(new Set(['it', 'en']));
  });

  it.each([...ARUBA_STEPS, ...ARUBA_STATES].map((entry) => [entry.id] as const))('%s has replica pages that exist', (id) => {
    const pages = pagesShowing(id);
    expect(pages.length, `no page in tests/harness/site.ts shows ${id}`).toBeGreaterThan(0);
    for (const page of pages) expect(existsSync(join(PAGES_DIR, page.file)), page.file).toBe(true);
  });

  it.each(FIXTURE_PAGES.map((page) => [page.url, page] as const))('%s is an Aruba URL whose page shows known steps', (url, page) => {
    expect(isArubaHost(new URL(url).hostname)).toBe(true);
    expect(existsSync(join(PAGES_DIR, page.file))).toBe(true);
    for (const id of page.shows) expect(shownIds.has(id), id).toBe(true);
  });

  it('keeps the canary in the replica password windows', () => {
    for (const file of ['webmail-two-step.html', 'webmail-two-step-en.html', 'account-console.html', 'account-console-en.html']) {
      expect(readFileSync(join(PAGES_DIR, file), 'utf8')).toContain(CANARY_PASSWORD);
    }
  });
});

/**
 * Every step and state is found in every replica page that lists it, reaching it the way a user
 * would: by clicking what the guide highlights before it.
 */
describe('each step and state is found in its replica pages', () => {
  const cases = [...ARUBA_STEPS, ...ARUBA_STATES].flatMap((entry) => pagesReaching(entry.id).map((page) => [entry.id, page.url, page.lang] as const));

  it.each(cases)('%s in %s, by its %s labels', async (id, url, lang) => {
    const loaded = await openReplica(url);
    const known = ARUBA_STEPS.find((candidate) => candidate.id === id);
    for (let clicks = 0; clicks < 4; clicks++) {
      if (known ? find(loaded, known.id, lang).status === 'found' : describeState(detect(loaded)) === `state:${id}`) return;
      await clickTarget(loaded);
    }
    throw new Error(`${id} not reached in ${url}`);
  });
});

describe('old WebMail, in Italian', () => {
  it('highlights Impostazioni in the top bar, not the gear glyph beside it', async () => {
    const loaded = await openReplica('https://webmail.pec.it/');
    const state = detect(loaded);
    expect(describeState(state)).toBe('webmail-settings');
    expect(targetOf(state).getAttribute('href')).toBe('/settings');
  });

  it('highlights "Sicurezza e password", split across spans, which opens a new tab', async () => {
    const loaded = await openReplica('https://webmail.pec.it/settings');
    const state = detect(loaded);
    expect(describeState(state)).toBe('webmail-security');
    const target = targetOf(state);
    expect(target.getAttribute('target')).toBe('_blank');
    expect(fixtureFor(target.getAttribute('href')!)?.file).toBe('webmail-security.html');
    expect(readExpiry(loaded, state)).toBeNull();
  });

  it('highlights the Gestisci of "Verifica in 2 passaggi", not the one for the recovery email, and reads its Scadenza', async () => {
    const loaded = await openReplica('https://gestionemail.pec.it/sicurezza-e-password');
    const state = detect(loaded);
    expect(describeState(state)).toBe('webmail-manage');
    const target = targetOf(state);
    expect(target.getAttribute('role')).toBe('button');
    expect(target.getAttribute('href')).toBe('/verifica-in-2-passaggi');
    expect(readExpiry(loaded, state)).toBe('15/02/2027');
    expect(readAccount(loaded)).toBe(MAILBOX);
  });

  it('leads to the password dialog, reads its expiry and never the password, and comes back when it closes', async () => {
    const loaded = await openReplica('https://gestionemail.pec.it/verifica-in-2-passaggi');
    const generate = detect(loaded);
    expect(describeState(generate)).toBe('webmail-generate');
    expect(targetOf(generate).id).toBe('generate');
    expect(readExpiry(loaded, generate)).toBeNull();

    await clickTarget(loaded);
    const shown = detect(loaded);
    expect(describeState(shown)).toBe('state:password-shown');
    expect(scopeOf(shown).getAttribute('role')).toBe('dialog');
    expect(readExpiry(loaded, shown)).toBe('23/02/2027');

    await click(loaded, loaded.document.querySelector('[aria-label="Chiudi"]')!);
    expect(describeState(detect(loaded))).toBe('webmail-generate');
  });

  it('still knows the older "Gestione e password" label', () => {
    const document = html('<aside><h2>ACCOUNT</h2><a href="#" target="_blank">Gestione e password</a></aside>');
    expect(found(findStepTarget(document, step('webmail-security'), 'it')).textContent).toBe('Gestione e password');
  });
});

describe('old WebMail, in English', () => {
  it('finds the icon-only Settings button by its aria-label', async () => {
    const loaded = await openReplica('https://webmail.pec.it/?lang=en');
    const state = detect(loaded);
    expect(describeState(state)).toBe('webmail-settings');
    expect(targetOf(state).localName).toBe('button');
    expect(find(loaded, 'webmail-settings', 'it').status).toBe('missing');
  });

  it('finds "Security and password" labelled through aria-labelledby', async () => {
    const loaded = await openReplica('https://webmail.pec.it/settings?lang=en');
    const target = found(find(loaded, 'webmail-security', 'en'));
    expect(fixtureFor(target.getAttribute('href')!)?.file).toBe('webmail-security-en.html');
  });

  it('finds Manage by its title alone and reads the expiry from the status list', async () => {
    const loaded = await openReplica('https://gestionemail.pec.it/sicurezza-e-password?lang=en');
    const state = detect(loaded);
    expect(describeState(state)).toBe('webmail-manage');
    expect(targetOf(state).getAttribute('title')).toBe('Manage');
    expect(readExpiry(loaded, state)).toBe('February 15, 2027');
  });

  it('finds the submit input, then the native dialog, without reading the read-only password field', async () => {
    const loaded = await openReplica('https://gestionemail.pec.it/verifica-in-2-passaggi?lang=en');
    const generate = detect(loaded);
    expect(describeState(generate)).toBe('webmail-generate');
    expect(targetOf(generate).getAttribute('type')).toBe('submit');
    await clickTarget(loaded);
    const shown = detect(loaded);
    expect(describeState(shown)).toBe('state:password-shown');
    expect(scopeOf(shown).localName).toBe('dialog');
    expect(readExpiry(loaded, shown)).toBe('23/02/2027');
    expect(loaded.document.getElementById('secret')!.getAttribute('value')).toBe(CANARY_PASSWORD);
  });
});

describe('new WebMail (open shadow roots, drawn late)', () => {
  it.each([
    ['https://webmail.pec.it/new/messages/INBOX', 'Gestione account'],
    ['https://webmail.pec.it/new/messages/INBOX?lang=en', 'Account management'],
  ])('%s: user menu, then %s, both the real elements inside the shadow roots', async (url, item) => {
    const loaded = await openReplica(url, { settle: false });
    expect(detect(loaded)).toBeNull();
    await loaded.settle();

    const menu = detect(loaded);
    expect(describeState(menu)).toBe('account-user-menu');
    const circle = targetOf(menu);
    expect(circle.localName).toBe('button');
    expect((circle.getRootNode() as ShadowRoot).host.localName).toBe('aru-button');
    expect(find(loaded, 'webmail-settings').status).toBe('found');
    expect(readAccount(loaded)).toBe(MAILBOX);

    await click(loaded, circle);
    const open = detect(loaded);
    expect(describeState(open)).toBe('account-open');
    const target = targetOf(open);
    expect(target.getAttribute('role')).toBe('menuitem');
    expect(accessibleLabel(target)).toBe(item);
    expect((target.getRootNode() as ShadowRoot).host.localName).toBe('aru-menu-item');
    expect(fixtureFor(target.getAttribute('href')!)?.file).toMatch(/^account-console/);
  });

  it('does not take a one-letter button without a popup for the user menu', () => {
    const document = html('<header>mario.rossi@pec.it</header><nav><a href="#l">L</a><a href="#m">M</a><a href="#n">N</a></nav>');
    expect(findStepTarget(document, step('account-user-menu')).status).toBe('missing');
  });

  it('returns the inner button when the custom element itself is announced as a button', () => {
    const document = html('<aru-button role="button"></aru-button>');
    const host = document.querySelector('aru-button')!;
    const inner = document.createElement('button');
    inner.append(document.createElement('slot'));
    host.attachShadow({ mode: 'open' }).append(inner);
    host.append('Gestione account');
    expect(found(findStepTarget(document, step('account-open')))).toBe(inner);
  });
});

describe('sign-in and approval', () => {
  it.each([
    'https://login.aruba.it/auth/realms/pec/protocol/openid-connect/auth',
    'https://login.aruba.it/auth/realms/pec/protocol/openid-connect/auth?ui_locales=en',
  ])('%s asks to sign in, pointing at the form, not a field', async (url) => {
    const loaded = await openReplica(url);
    const state = detect(loaded);
    expect(describeState(state)).toBe('state:sign-in');
    expect(scopeOf(state).localName).toBe('form');
    expect(readExpiry(loaded, state)).toBeNull();
    expect(readAccount(loaded)).toBeNull();
  });

  it('would notice a read of a field value', async () => {
    const loaded = await openReplica('https://login.aruba.it/auth/realms/pec/protocol/openid-connect/auth?ui_locales=en');
    expect(() => withoutValueReads(loaded, (document) => (document.getElementById('password') as HTMLInputElement).value)).toThrow(
      'an input value was read',
    );
  });

  it('waits for the approval on the phone', async () => {
    const loaded = await openReplica('https://login.aruba.it/auth/realms/pec/login-actions/authenticate');
    expect(describeState(detect(loaded))).toBe('state:approve-on-phone');
  });

  it('waits for the approval drawn late, ignoring the same words in the page title and script', async () => {
    const loaded = await openReplica('https://login.aruba.it/auth/realms/pec/login-actions/authenticate?ui_locales=en', { settle: false });
    expect(detect(loaded)).toBeNull();
    await loaded.settle();
    expect(describeState(detect(loaded))).toBe('state:approve-on-phone');
  });

  it('is not confused by the same words on another host', () => {
    const document = html('<p>Apri la notifica e premi Autorizza</p>');
    expect(detectPageState(document, 'https://account.aruba.it/pec')).toBeNull();
  });
});

describe('Gestione account', () => {
  it('walks from the menu to the new password and its expiry, in Italian', async () => {
    const loaded = await openReplica('https://account.aruba.it/pec');
    const menu = detect(loaded);
    expect(describeState(menu)).toBe('account-app-passwords');
    expect(targetOf(menu).getAttribute('href')).toBe('#/password-programmi');

    await clickTarget(loaded);
    expect(loaded.window.location.hash).toBe('#/password-programmi');
    const activate = detect(loaded);
    expect(describeState(activate)).toBe('account-activate');
    expect(readExpiry(loaded, activate)).toBeNull();

    await clickTarget(loaded);
    const shown = detect(loaded);
    expect(describeState(shown)).toBe('state:password-shown');
    expect(readExpiry(loaded, shown)).toBe('21/02/2027');

    await click(loaded, byText(loaded.document, 'button', 'Chiudi'));
    const later = detect(loaded);
    expect(describeState(later)).toBe('account-generate-new');
    expect(readExpiry(loaded, later)).toBe('21/02/2027');
    expect(readAccount(loaded)).toBe(MAILBOX);
  });

  it('walks the English console, whose menu entries are list items with a role', async () => {
    const loaded = await openReplica('https://account.aruba.it/pec?lang=en');
    const menu = detect(loaded);
    expect(describeState(menu)).toBe('account-app-passwords');
    expect(targetOf(menu).localName).toBe('li');
    await clickTarget(loaded);
    const activate = detect(loaded);
    expect(describeState(activate)).toBe('account-activate');
    expect(targetOf(activate).getAttribute('role')).toBe('button');
    await clickTarget(loaded);
    const shown = detect(loaded);
    expect(describeState(shown)).toBe('state:password-shown');
    expect(readExpiry(loaded, shown)).toBe('21 February 2027');
    await click(loaded, byText(loaded.document, 'button', 'Close'));
    const later = detect(loaded);
    expect(describeState(later)).toBe('account-generate-new');
    expect(readExpiry(loaded, later)).toBe('21 February 2027');
  });

  it('finds the menu again after the console replaces it', async () => {
    const loaded = await openReplica('https://account.aruba.it/pec', { settle: false });
    const first = found(find(loaded, 'account-app-passwords'));
    await loaded.settle();
    const second = found(find(loaded, 'account-app-passwords'));
    expect(first.isConnected).toBe(false);
    expect(second).not.toBe(first);
    expect(second.isConnected).toBe(true);
  });

  it('never reads the mailbox password expiry ("Scadenza password")', async () => {
    const loaded = await openReplica('https://account.aruba.it/pec#/scadenza-password');
    const state = detect(loaded);
    expect(describeState(state)).toBe('account-app-passwords');
    expect(accessibleLabel(targetOf(state))).toBe('Password per programmi di posta');
    expect(readExpiry(loaded, state)).toBeNull();
    // Even if asked as if on the app password page, the only date there is the mailbox password's.
    expect(readExpiry(loaded, pageState('account-generate-new', loaded.document.body))).toBeNull();
  });

  it('never takes "Scadenza password" or "Password PEC" for the app passwords item', () => {
    const document = html('<nav><a href="#1">Scadenza password</a><a href="#2">Password PEC</a><a href="#3">Password webmail e app</a></nav>');
    expect(findStepTarget(document, step('account-app-passwords')).status).toBe('missing');
  });

  it.each([
    ['https://account.aruba.it/pec?stato=in-scadenza', 'Genera nuova password', 'Posticipa scadenza', '28/11/2026'],
    ['https://account.aruba.it/pec?stato=in-scadenza&lang=en', 'Generate new password', 'Extend expiry', 'November 28, 2026'],
  ])('%s: offers a new password first, also finds the postponement, reads the expiry', async (url, generate, postpone, expiry) => {
    const loaded = await openReplica(url);
    const state = detect(loaded);
    expect(describeState(state)).toBe('account-generate-new');
    expect(accessibleLabel(targetOf(state))).toBe(generate);
    expect(accessibleLabel(found(find(loaded, 'account-postpone')))).toBe(postpone);
    expect(readExpiry(loaded, state)).toBe(expiry);
  });

  it('warns when no mail protocol is enabled, instead of pointing at the disabled Attiva', async () => {
    const loaded = await openReplica('https://account.aruba.it/pec?stato=protocolli-disattivati');
    const state = detect(loaded);
    expect(describeState(state)).toBe('state:protocols-disabled');
    expect(scopeOf(state).localName).toBe('strong');
    expect(readExpiry(loaded, state)).toBeNull();
    expect(find(loaded, 'account-activate').status).toBe('missing');
  });
});

describe('choosing one element', () => {
  it('reports two equal candidates as ambiguous, and the page as unknown', () => {
    const document = html('<nav><a href="/settings">Impostazioni</a></nav><footer><a href="/prefs">Impostazioni</a></footer>');
    expect(findStepTarget(document, step('webmail-settings'))).toEqual({ status: 'ambiguous', count: 2 });
    expect(detectPageState(document, 'https://webmail.pec.it/')).toBeNull();
  });

  it('reports a label without its button as missing', () => {
    const document = html('<p>Premi <strong>Gestisci</strong> nella sezione Verifica in 2 passaggi.</p>');
    expect(findStepTarget(document, step('webmail-manage'))).toEqual({ status: 'missing' });
  });

  it('ignores hidden, disabled and inert copies', () => {
    const document = html(`
      <button hidden>Impostazioni</button>
      <div style="display: none"><button>Impostazioni</button></div>
      <button style="visibility: hidden">Impostazioni</button>
      <div aria-hidden="true"><button>Impostazioni</button></div>
      <button disabled>Impostazioni</button>
      <a id="real" href="/settings">Impostazioni</a>`);
    expect(found(findStepTarget(document, step('webmail-settings'))).id).toBe('real');
  });

  it('returns the innermost clickable, not its wrapper', () => {
    const document = html('<a href="/x" role="button"><button id="inner">Gestisci</button></a>');
    expect(found(findStepTarget(document, step('webmail-manage'))).id).toBe('inner');
  });

  it('does not take a longer label that only starts like the step', () => {
    const document = html('<a href="#">Gestisci su client</a><a href="#">Impostazioni avanzate</a>');
    expect(findStepTarget(document, step('webmail-manage')).status).toBe('missing');
    expect(findStepTarget(document, step('webmail-settings')).status).toBe('missing');
  });

  it('never looks inside a data list (the inbox), only beside it', () => {
    const rows = (count: number) => Array.from({ length: count }, (_, index) => `<div><a href="#m${index}">Impostazioni ${index}</a></div>`).join('');
    const inbox = html(
      `<nav><a id="real" href="/settings">Impostazioni</a></nav><div role="list">${rows(DATA_LIST_SIZE)}<div><a href="#">Impostazioni</a></div></div>`,
    );
    expect(isDataList(inbox.querySelector('[role=list]')!)).toBe(true);
    // The copy inside the list would make the step ambiguous, were the list searched.
    expect(found(findStepTarget(inbox, step('webmail-settings'))).id).toBe('real');
    expect(detectPageState(inbox, 'https://webmail.pec.it/')).toMatchObject({ step: { id: 'webmail-settings' } });
    const short = html(`<div role="list">${rows(3)}<div><a id="real" href="#">Impostazioni</a></div></div>`);
    expect(found(findStepTarget(short, step('webmail-settings'))).id).toBe('real');
    // A flat page is not a list: its body is searched however many children it has.
    const flat = html(`${'<p>Testo</p>'.repeat(DATA_LIST_SIZE + 50)}<a id="real" href="/settings">Impostazioni</a>`);
    expect(found(findStepTarget(flat, step('webmail-settings'))).id).toBe('real');
  });

  it('keeps pages it does not know out', () => {
    const document = html('<a href="/settings">Impostazioni</a>');
    expect(detectPageState(document, 'https://example.com/')).toBeNull();
    expect(detectPageState(document, 'http://webmail.pec.it/')).toBeNull();
    expect(detectPageState(document, 'not a url')).toBeNull();
  });
});

describe('the expiry is read beside its label only', () => {
  it.each([
    ['<p>Password per programmi di posta</p><p>Scade il 15 febbraio 2027</p>', '15 febbraio 2027'],
    [
      '<section><h2>Password per programmi di posta</h2><table><tr><td>Scadenza</td><td>15.02.2027 10:30</td></tr></table></section>',
      '15.02.2027 10:30',
    ],
    ['<section><h2>Scadenza password per programmi di posta</h2><p><b>Scadenza</b> 2027-02-15</p></section>', '2027-02-15'],
  ])('%s → %s', (markup, expiry) => {
    expect(readExpiryText(html(markup), pageState('account-generate-new', document.body))).toBe(expiry);
  });

  it.each([
    ['a label followed by the password', `<p>Password per programmi di posta</p><p><span>Scadenza</span> <span>${CANARY_PASSWORD}</span></p>`],
    ['a label with no date', '<p>Password per programmi di posta</p><p>Scadenza: non impostata</p>'],
    [
      'a date far from the app password',
      '<section><h2>Casella</h2><div><div><div><div><div><p>Scadenza 31/12/2027</p></div></div></div></div></div></section><p>Password per programmi di posta</p>',
    ],
    ['"Scadenza password"', '<p>Password per programmi di posta</p><p>Scadenza password: 30/09/2027</p>'],
  ])('not from %s', (_, markup) => {
    expect(readExpiryText(html(markup), pageState('account-generate-new', document.body))).toBeNull();
  });

  it('only where the page shows it', () => {
    const document = html('<p>Password per programmi di posta</p><p>Scadenza 15/02/2027</p>');
    expect(readExpiryText(document, pageState('account-activate', document.body))).toBeNull();
    expect(readExpiryText(document, null)).toBeNull();
  });
});

describe('privacy', () => {
  /** Drives every replica page through its whole flow and collects all the module returns. */
  it.each(FIXTURE_PAGES.map((page) => [page.url] as const))('nothing read from %s holds the password', async (url) => {
    const loaded = await openReplica(url);
    const outputs: unknown[] = [];
    for (let round = 0; round < 5; round++) {
      const state = detect(loaded);
      outputs.push(describeState(state), readExpiry(loaded, state), readAccount(loaded));
      if (state && 'target' in state) outputs.push(withoutValueReads(loaded, () => accessibleLabel(state.target)));
      if (!state || !('target' in state) || state.target.closest('a[href]:not([href^="#"])')) break;
      await clickTarget(loaded);
    }
    expect(JSON.stringify(outputs)).not.toContain(CANARY_PASSWORD);
  });

  it.each(FIXTURE_PAGES.filter((page) => page.expiry).map((page) => [page.url, page.expiry] as const))(
    '%s shows the expiry %s somewhere along its flow',
    async (url, expiry) => {
      const loaded = await openReplica(url);
      const read: (string | null)[] = [];
      for (let round = 0; round < 5; round++) {
        const state = detect(loaded);
        read.push(readExpiry(loaded, state));
        if (!state || !('target' in state) || state.target.closest('a[href]:not([href^="#"])')) break;
        await clickTarget(loaded);
      }
      expect(read).toContain(expiry);
    },
  );

  it('reads the account from the header, not from the message list', async () => {
    const loaded = await openReplica('https://webmail.pec.it/');
    expect(readAccount(loaded)).toBe(MAILBOX);
    const list = html('<main><ul><li>fatture@pec.fornitore.it</li></ul></main>');
    expect(readAccountName(list)).toBeNull();
  });
});
