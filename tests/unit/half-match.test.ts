import { describe, expect, it } from 'vitest';
import { parseExpiryDate } from '@/utils/dates/expiry-date';
import { detectPageState } from '@/utils/page/find-step';
import { readExpiryText } from '@/utils/page/read-expiry';

// Pages that only half match what the page table knows: the guide must neither highlight nor
// capture the wrong thing (issue 8). Built in the document, on the security page's URL.
const SECURITY_URL = 'https://gestionemail.pec.it/sicurezza-e-password';

function page(markup: string): Document {
  document.body.replaceChildren();
  document.body.insertAdjacentHTML('afterbegin', markup);
  return document;
}

const statusRows = (expiry: string, button = '<a role="button" href="/v">Manage</a>') => `
  <h2>2-step verification</h2>
  <p>Password for mail programs: Active</p>
  <p><span>Expiry</span> <span>${expiry}</span></p>
  ${button}`;

describe('pages that half match', () => {
  it('an English page with an Italian date: the date is read day first and captured', () => {
    const root = page(statusRows('15/02/2027'));
    const state = detectPageState(root, SECURITY_URL);
    expect(state && 'step' in state ? state.step.id : null).toBe('webmail-manage');
    const text = readExpiryText(root, state);
    expect(text).toBe('15/02/2027');
    expect(parseExpiryDate(text!, '2026-11-23')).toEqual({ ok: true, date: '2027-02-15' });
  });

  it('an empty «Scadenza»: nothing is captured', () => {
    const root = page(statusRows(''));
    expect(readExpiryText(root, detectPageState(root, SECURITY_URL))).toBeNull();
  });

  it('a «Scadenza» with no date but words: nothing is captured', () => {
    const root = page(statusRows('non disponibile'));
    expect(readExpiryText(root, detectPageState(root, SECURITY_URL))).toBeNull();
  });

  it('the expiry label without the step it belongs to: no highlight, no capture', () => {
    const root = page(statusRows('15/02/2027', ''));
    const state = detectPageState(root, SECURITY_URL);
    expect(state).toBeNull();
    expect(readExpiryText(root, state)).toBeNull();
  });

  it('two candidate buttons with nothing to tell them apart: no highlight', () => {
    const root = page(`<button>Gestisci</button><button>Gestisci</button>`);
    expect(detectPageState(root, SECURITY_URL)).toBeNull();
  });
});
