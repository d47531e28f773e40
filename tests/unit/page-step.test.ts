import { describe, expect, it } from 'vitest';
import { ARUBA_STEPS, type StepId } from '@/utils/aruba/steps';
import { detectPageState, findStepTarget, headingStep, recognizeStep, type PageState } from '@/utils/page/find-step';
import { findNearMiss } from '@/utils/page/near-miss';
import { readAccountName } from '@/utils/page/read-mailbox';

/*
 * Issue 14, class 3: which step a page is comes from what it shows, the URL being only a hint;
 * a page recognized by its headings whose element is missing is described as its own step, never
 * as one the user already passed. Class 2: the new WebMail's user menu, a custom element with no
 * role named with the address, its real button in its own shadow root.
 */

const step = (id: StepId) => ARUBA_STEPS.find((candidate) => candidate.id === id)!;
const describeState = (state: PageState | null) => (state === null ? null : 'state' in state ? `state:${state.state}` : state.step.id);

function page(markup: string): Document {
  document.body.innerHTML = markup;
  return document;
}

/** The «Verifica in 2 passaggi» page as seed 000 shows it, with the settings menu beside it. */
const TWO_STEP = (button: string) => `
  <nav><a href="/settings/info">Informazioni casella</a><a href="/settings/security" target="_blank">Sicurezza e password</a></nav>
  <main>
    <h1>Verifica in 2 passaggi</h1>
    <p>Verifica in 2 passaggi ● Attiva <button>Disattiva</button></p>
    <h2>Usa la PEC anche sui programmi di posta</h2>
    <p>Se vuoi usare la PEC sui programmi di posta devi generare una password dedicata.</p>
    ${button}
  </main>`;

describe('a page known by its headings', () => {
  const URLS = [
    'https://gestionemail.pec.it/verifica-in-2-passaggi',
    'https://webmail.pec.it/new/settings/two-step',
    'https://areaclienti.pec.it/x/y',
  ];

  it.each(URLS)('%s: the «Verifica in 2 passaggi» page is step 4, whatever its URL', (url) => {
    const document = page(TWO_STEP('<button>Genera password per programmi di posta</button>'));
    expect(describeState(detectPageState(document, url))).toBe('webmail-generate');
  });

  it.each(URLS)('%s: with its button renamed, the earlier step in its menu is not offered, and the card describes step 4', (url) => {
    const document = page(TWO_STEP('<button>Crea password per programmi di posta</button>'));
    expect(detectPageState(document, url)).toBeNull();
    const recognized = recognizeStep(new URL(url), headingStep(document, new URL(url)));
    expect(recognized?.id).toBe('webmail-generate');
    expect(findNearMiss(document, recognized!)?.textContent).toBe('Crea password per programmi di posta');
  });

  it('the settings page whose «Sicurezza e password» was renamed is step 2, not step 1', () => {
    const document = page(`
      <header><a href="/">Messaggi</a><a href="/settings">Impostazioni</a></header>
      <nav><h3>CASELLA</h3><a href="/settings">Informazioni casella</a><h3>ACCOUNT</h3><a href="https://gestionemail.pec.it/x" target="_blank">Sicurezza e accesso</a></nav>
      <main><h1>Informazioni casella</h1><p>mario.rossi@pec.it</p></main>`);
    const url = new URL('https://webmail.pec.it/settings');
    expect(detectPageState(document, url)).toBeNull();
    expect(recognizeStep(url, headingStep(document, url))?.id).toBe('webmail-security');
    expect(findNearMiss(document, step('webmail-security'))?.textContent).toBe('Sicurezza e accesso');
  });

  it('Gestione account: the page of the app password with «Attiva» renamed describes step 4, not the menu entry of step 3', () => {
    const document = page(`
      <nav><h3>Sicurezza</h3><a href="#/pwd">Password PEC</a><a href="#/app" aria-current="page">Password per programmi di posta</a></nav>
      <main><h1>Password per programmi di posta</h1><p>La password può essere usata sui programmi di posta.</p><button>Abilita</button></main>`);
    const url = new URL('https://account.aruba.it/pec#/app');
    expect(detectPageState(document, url)).toBeNull();
    expect(recognizeStep(url, headingStep(document, url))?.ordinal).toBe(4);
    expect(findNearMiss(document, step('account-activate'))?.textContent).toBe('Abilita');
  });

  it('without a heading to go by, the URL says which step to describe', () => {
    page('<main><p>Nulla qui</p></main>');
    expect(recognizeStep(new URL('https://account.aruba.it/pec'), null)?.id).toBe('account-app-passwords');
  });
});

describe('the new WebMail’s user menu', () => {
  /** A custom element whose shadow root holds a real button showing the initial. */
  function userMenu(hostAttributes: string, inner = '<span class="circle">M</span>'): string {
    return `<aru-navbar><aru-user-menu ${hostAttributes}></aru-user-menu></aru-navbar><template id="inner">${inner}</template>`;
  }

  function render(markup: string): Document {
    const document = page(markup);
    const host = document.querySelector('aru-user-menu')!;
    const button = document.createElement('button');
    button.append((document.getElementById('inner') as HTMLTemplateElement).content.cloneNode(true));
    host.attachShadow({ mode: 'open' }).append(button);
    return document;
  }

  it.each([
    ['title on the host', 'title="mario.rossi@pec.it"'],
    ['aria-label on the host', 'aria-label="mario.rossi@pec.it"'],
    ['an account label on the host', 'aria-label="Account di mario.rossi@pec.it"'],
  ])('is found by the address in its %s, and the inner button is the target', (_name, attributes) => {
    const document = render(userMenu(attributes));
    const result = findStepTarget(document, step('account-user-menu'));
    expect(result.status).toBe('found');
    const target = result.status === 'found' ? result.element : null;
    expect(target?.localName).toBe('button');
    expect((target?.getRootNode() as ShadowRoot).host.localName).toBe('aru-user-menu');
    expect(readAccountName(document)).toBe('mario.rossi@pec.it');
  });

  it('is found by its initial in the top bar when the address is named elsewhere in it', () => {
    const document = render(`<header><span title="mario.rossi@pec.it">Casella PEC</span>${userMenu('')}</header>`);
    expect(findStepTarget(document, step('account-user-menu')).status).toBe('found');
  });

  it('is not a sender’s initial circle in the message list', () => {
    const document = page(`
      <header><span>mario.rossi@pec.it</span></header>
      <main><ul aria-label="Messaggi">
        <li><button aria-haspopup="dialog">M</button> marco.bianchi@pec.it — Fattura</li>
        <li><button aria-haspopup="dialog">L</button> luca@pec.it — Ordine</li>
      </ul></main>`);
    expect(findStepTarget(document, step('account-user-menu')).status).toBe('missing');
  });
});
