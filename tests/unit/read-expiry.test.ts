import { describe, expect, it } from 'vitest';
import { detectPageState } from '@/utils/page/find-step';
import { leadingDate } from '@/utils/dates/expiry-date';
import { readExpiryText } from '@/utils/page/read-expiry';
import { CANARY_PASSWORD } from '../harness/site';

/*
 * Issue 14, class 6: the expiry reader stops at the date (and an optional time). Whatever the
 * layout puts beside the date, the password above all, never leaves the page with it.
 */

const WINDOW = (body: string) => `
  <div role="dialog" aria-modal="true" aria-labelledby="t">
    <h2 id="t">Genera password per programmi di posta</h2>
    ${body}
  </div>`;

function readInWindow(body: string): string | null {
  document.body.innerHTML = WINDOW(body);
  const state = detectPageState(document, 'https://gestionemail.pec.it/verifica-in-2-passaggi');
  expect(state && 'state' in state ? state.state : null).toBe('password-shown');
  return readExpiryText(document, state);
}

describe('the date and nothing else', () => {
  it.each([
    ['in the same element as the password', `<p>Scadenza: 15/02/2027 ${CANARY_PASSWORD} <button>Copia</button></p>`, '15/02/2027'],
    [
      'in the same text node',
      `<p>Password per programmi di posta ${CANARY_PASSWORD} Scadenza 15/02/2027 ${CANARY_PASSWORD}</p><button>Copia</button>`,
      '15/02/2027',
    ],
    [
      'the password in the next sibling',
      `<p><span>Scadenza</span> <span>15/02/2027</span><code>${CANARY_PASSWORD}</code></p><button>Copia</button>`,
      '15/02/2027',
    ],
    [
      'in a table, the password in the cell beside',
      `<table><tr><td>Scadenza</td><td>15/02/2027</td><td>${CANARY_PASSWORD}</td><td><button>Copia</button></td></tr></table>`,
      '15/02/2027',
    ],
    [
      'a definition list',
      `<dl><dt>Password</dt><dd>${CANARY_PASSWORD} <button>Copia</button></dd><dt>Scadenza</dt><dd>15/02/2027</dd></dl>`,
      '15/02/2027',
    ],
    ['with a time', `<p>Scadenza: 15/02/2027 alle 23:59</p><p>${CANARY_PASSWORD}</p><button>Copia</button>`, '15/02/2027 alle 23:59'],
    ['a time followed by the password', `<p>Scadenza 15/02/2027 12.34${CANARY_PASSWORD}</p><button>Copia</button>`, '15/02/2027'],
    ['a written month', `<p>Scade il 15 febbraio 2027 ${CANARY_PASSWORD}</p><button>Copia</button>`, '15 febbraio 2027'],
    ['an English page', `<p>Expiry date: February 15, 2027 ${CANARY_PASSWORD}</p><button>Copy</button>`, 'February 15, 2027'],
  ])('%s', (_name, body, expected) => {
    const text = readInWindow(body);
    expect(text).toBe(expected);
    expect(text).not.toContain(CANARY_PASSWORD);
  });

  it('reads nothing when the label is followed by something other than a date', () => {
    expect(readInWindow(`<p>Scadenza ${CANARY_PASSWORD} 15/02/2027</p><button>Copia</button>`)).toBeNull();
  });

  it('never takes the mailbox password’s own expiry on the page of the app password', () => {
    document.body.innerHTML = `
      <h1>Password per programmi di posta</h1>
      <section><h2>Scadenza password</h2><p>Scadenza: 10/10/2027</p></section>
      <button>Genera nuova password</button>`;
    const state = detectPageState(document, 'https://account.aruba.it/pec');
    expect(readExpiryText(document, state)).toBeNull();
  });
});

describe('leadingDate', () => {
  it.each([
    ['15/02/2027', '15/02/2027'],
    ['15/02/2027 Copia', '15/02/2027'],
    ['15/02/2027, 10:30 Copia', '15/02/2027, 10:30'],
    ['15/02/2027 10:30xyz', '15/02/2027'],
    ['2027-02-15T10:00', '2027-02-15'],
    ['Copia 15/02/2027', null],
  ])('%j → %j', (text, date) => {
    expect(leadingDate(text)).toBe(date);
  });
});
