import { describe, expect, it } from 'vitest';
import { ARUBA_STEPS, type StepId } from '@/utils/aruba/steps';
import { detectPageState, findStepTarget, type PageState } from '@/utils/page/find-step';
import { findNearMiss } from '@/utils/page/near-miss';
import { isPageContent, leadsOffAruba } from '@/utils/page/regions';
import { readExpiryText } from '@/utils/page/read-expiry';
import { readAccountName } from '@/utils/page/read-mailbox';
import { CANARY_PASSWORD } from '../harness/site';

/*
 * Issue 14, class 5: the WebMail shows e-mails, and phishing e-mails copy Aruba's labels with
 * links elsewhere. Nothing inside a message (body, reading pane, preview, editable area, frame,
 * message list) is a step, a state, the password window, the mailbox or the expiry, and nothing
 * whose link leaves Aruba is highlighted, near-matched or offered.
 */

const step = (id: StepId) => ARUBA_STEPS.find((candidate) => candidate.id === id)!;

function page(markup: string): Document {
  document.body.innerHTML = markup;
  return document;
}

const describeState = (state: PageState | null) => (state === null ? null : 'state' in state ? `state:${state.state}` : state.step.id);

/** The WebMail inbox's chrome: a top bar naming the mailbox and the settings link. */
const TOP_BAR = '<header><span>Aruba PEC</span><a href="/settings">Impostazioni</a><span>mario.rossi@pec.it</span></header>';

/** Ways a web mail marks a message as content. */
const MESSAGE_WRAPPERS: [string, (inner: string) => string][] = [
  ['an article', (inner) => `<article>${inner}</article>`],
  ['a document region', (inner) => `<div role="document">${inner}</div>`],
  ['a reading pane named so', (inner) => `<section aria-label="Anteprima messaggio">${inner}</section>`],
  ['a message body custom element', (inner) => `<webmail-message-body>${inner}</webmail-message-body>`],
  ['a div with a message-body class', (inner) => `<div class="mail-body">${inner}</div>`],
  ['an editable area', (inner) => `<div contenteditable="true">${inner}</div>`],
  ['a message list grid', (inner) => `<div role="grid"><div role="row"><div role="gridcell">${inner}</div></div></div>`],
];

const LURES: [StepId, string][] = [
  ['webmail-generate', 'Genera password per programmi di posta'],
  ['webmail-security', 'Sicurezza e password'],
  ['account-open', 'Gestione account'],
  ['webmail-settings', 'Impostazioni'],
];

describe('a link whose host is not Aruba’s', () => {
  it.each([
    ['https://aruba-pec-rinnovo.example/login', true],
    ['https://webmail.pec.it.evil.example/', true],
    ['http://webmail.pec.it/settings', true],
    ['mailto:assistenza@pec.it', true],
    ['//evil.example/x', true],
    ['https://account.aruba.it/pec', false],
    ['/settings', false],
    ['#/password-programmi', false],
  ])('%s leads off Aruba: %s', (href, off) => {
    const document = page(`<a href="${href}">Genera password per programmi di posta</a>`);
    expect(leadsOffAruba(document.querySelector('a')!)).toBe(off);
  });

  it.each(LURES)('is never the %s step, on the app’s own page either', (id, label) => {
    const document = page(`<main><a id="lure" href="https://aruba-pec.example/x">${label}</a></main>`);
    expect(findStepTarget(document, step(id)).status).toBe('missing');
  });

  it('is never offered as a near match', () => {
    const document = page('<main><h1>Verifica in 2 passaggi</h1><a href="https://evil.example/">Crea password per programmi di posta</a></main>');
    expect(findNearMiss(document, step('webmail-generate'))).toBeNull();
  });

  it('nor is a button of a form that posts elsewhere', () => {
    const document = page('<form action="https://evil.example/"><button>Genera password per programmi di posta</button></form>');
    expect(findStepTarget(document, step('webmail-generate')).status).toBe('missing');
  });
});

describe.each(MESSAGE_WRAPPERS)('inside %s', (_name, wrap) => {
  it.each(LURES)('a link labelled like the %s step, even to an Aruba host, is not a step', (id, label) => {
    const document = page(`${TOP_BAR}<main>${wrap(`<p>Gentile cliente,</p><a id="lure" href="https://webmail.pec.it/rinnova">${label}</a>`)}</main>`);
    const result = findStepTarget(document, step(id));
    expect(result.status === 'found' && result.element.id === 'lure').toBe(false);
    expect(isPageContent(document.getElementById('lure')!)).toBe(true);
  });

  it('a block imitating the password window is not the password window, nor is its date read', () => {
    const document = page(
      `${TOP_BAR}<main>${wrap(`<h2>Genera password per programmi di posta</h2><p>${CANARY_PASSWORD} <button>Copia</button></p><h3>Scadenza</h3><p>12/03/2027</p>`)}</main>`,
    );
    const state = detectPageState(document, 'https://webmail.pec.it/');
    expect(describeState(state)).toBe('webmail-settings');
    expect(readExpiryText(document, state)).toBeNull();
  });

  it('an address in a message header is not the mailbox', () => {
    const document = page(`<main>${wrap('<header><h2>Rinnovo password</h2><span>assistenza@aruba-pec.example</span></header>')}</main>`);
    expect(readAccountName(document)).toBeNull();
  });
});

describe('beside the real controls', () => {
  it('the app’s own element is found and the lure in the reading pane is not', () => {
    const document = page(`
      <main>
        <h1>Verifica in 2 passaggi</h1>
        <h2>Usa la PEC anche sui programmi di posta</h2>
        <button id="real" type="button">Genera password per programmi di posta</button>
        <article><p>Clicca qui:</p><a href="https://aruba-pec.example/">Genera password per programmi di posta</a></article>
      </main>`);
    const state = detectPageState(document, 'https://gestionemail.pec.it/verifica-in-2-passaggi');
    expect(state && 'target' in state ? state.target.id : null).toBe('real');
  });

  it('the mailbox is the top bar’s, not the message’s sender', () => {
    const document = page(`<article><header><h1>Da: phishing@aruba-pec.example</h1></header></article>${TOP_BAR}`);
    expect(readAccountName(document)).toBe('mario.rossi@pec.it');
  });

  it('an expiry written in a message is not read on the «Sicurezza e password» page', () => {
    const document = page(`
      <h1>Sicurezza e password</h1>
      <article><p>Password per programmi di posta in scadenza. Scadenza: 12/03/2027</p></article>
      <section><h2>Verifica in 2 passaggi</h2>
        <p>Password per programmi di posta ● Attiva</p>
        <button>Gestisci</button>
      </section>`);
    const state = detectPageState(document, 'https://gestionemail.pec.it/sicurezza-e-password');
    expect(describeState(state)).toBe('webmail-manage');
    expect(readExpiryText(document, state)).toBeNull();
  });
});
