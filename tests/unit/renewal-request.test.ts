import { describe, expect, it } from 'vitest';
import italian from '@/public/_locales/it/messages.json';
import english from '@/public/_locales/en/messages.json';
import { substitute, type MessageKey, type Translate } from '@/utils/i18n/translate';
import { fitBody, mailtoLink, MAX_ENCODED_BODY, renderRequest, requestLink, requestValues } from '@/utils/office/renewal-request';
import type { Account } from '@/utils/store/types';
import { manualAccount } from './accounts';

const TODAY = '2027-02-05';

function account(overrides: Partial<Account> = {}): Account {
  return manualAccount('info@pec.barsport.it', {
    expiry: '2027-02-15',
    owner: 'Bar Sport di Mario Rossi',
    contact: 'mario.rossi@example.com',
    ...overrides,
  });
}

const translator =
  (file: Record<string, { message: string }>): Translate =>
  (key: MessageKey, subs) =>
    substitute(file[key]!.message, subs);

function bodyOf(link: string): string {
  return decodeURIComponent(link.split('&body=')[1]!);
}

describe('renderRequest', () => {
  it('fills every placeholder', () => {
    const values = requestValues(translator(italian), account(), TODAY);
    expect(values).toEqual({ cliente: 'Bar Sport di Mario Rossi', casella: 'info@pec.barsport.it', scadenza: '15/02/2027', giorni: '10' });
    expect(renderRequest('{cliente}: {casella} scade il {scadenza}, tra {giorni} giorni. {altro}', values)).toBe(
      'Bar Sport di Mario Rossi: info@pec.barsport.it scade il 15/02/2027, tra 10 giorni. {altro}',
    );
  });

  it('keeps a hostile owner name as text: no second expansion, no markup, no extra header', () => {
    const hostile = '{casella} <img src=x onerror=alert(1)>&bcc=spia@example.com\r\nBcc: spia@example.com';
    const values = requestValues(translator(italian), account({ owner: hostile }), TODAY);
    expect(renderRequest('Gentile {cliente}', values)).toBe(`Gentile ${hostile}`);
    const link = mailtoLink({ to: ['mario.rossi@example.com'], subject: hostile, body: renderRequest('Gentile {cliente}', values) });
    const url = new URL(link);
    expect([...url.searchParams.keys()]).toEqual(['subject', 'body']);
    expect(url.searchParams.get('subject')).toBe(hostile);
  });

  it.each([
    ['Italian', italian],
    ['English', english],
  ])('the built-in %s text names both Aruba paths, the return by PEC, and every placeholder', (_language, file) => {
    const template = file.requestTemplateDefault.message;
    for (const placeholder of ['{cliente}', '{casella}', '{scadenza}', '{giorni}']) expect(template).toContain(placeholder);
    expect(template).toContain('Sicurezza e password');
    expect(template).toContain('Gestione account');
    expect(template).toContain('PEC');
  });
});

describe('requestLink', () => {
  it('writes to the contact, in the language of t, and never carries a password (the model has none)', () => {
    const link = requestLink(translator(italian), account(), '', TODAY);
    expect(link.startsWith('mailto:mario.rossi%40example.com?subject=')).toBe(true);
    const body = bodyOf(link);
    expect(body).toContain('Gentile Bar Sport di Mario Rossi');
    expect(body).toContain('scade il 15/02/2027 (tra 10 giorni)');
    // The built-in text fits a mailto: link whole.
    expect(body).not.toContain('testo abbreviato');
    expect(Object.keys(account())).not.toContain('password');
    expect(bodyOf(requestLink(translator(english), account(), '', TODAY))).toContain('Dear Bar Sport di Mario Rossi');
  });

  it('says «casella da indicare» for a mailbox still to be named, and never writes to its key', () => {
    for (const contact of ['', 'mario.rossi@example.com']) {
      const link = requestLink(translator(italian), account({ address: 'unnamed:1763888400000', contact }), '', TODAY);
      expect(decodeURIComponent(link)).not.toContain('unnamed:');
      expect(decodeURIComponent(new URL(link).pathname)).toBe(contact);
      expect(bodyOf(link)).toContain('della casella PEC casella da indicare scade');
      expect(new URL(link).searchParams.get('subject')).toBe('PEC casella da indicare: serve una nuova password per programmi di posta');
    }
    expect(bodyOf(requestLink(translator(english), account({ address: 'unnamed:1' }), '{casella}', TODAY))).toBe('mailbox to be named');
  });

  it('uses the template of the options when there is one, and no recipient without a contact', () => {
    const link = requestLink(translator(italian), account({ contact: '' }), 'Ciao {cliente}', TODAY);
    expect(link.startsWith('mailto:?subject=')).toBe(true);
    expect(bodyOf(link)).toBe('Ciao Bar Sport di Mario Rossi');
  });
});

describe('fitBody', () => {
  const NOTE = '…testo abbreviato: vedi le istruzioni complete';

  it('leaves a body that fits alone', () => {
    expect(fitBody('breve', NOTE)).toBe('breve');
  });

  it.each([
    ['plain words', 'parola '.repeat(600)],
    ['accented letters (two-byte escapes)', 'è à ù '.repeat(400)],
    ['emoji (surrogate pairs)', '📧'.repeat(500)],
    ['one endless word', 'x'.repeat(5000)],
  ])('cuts %s within the budget, ends with the note and never breaks an escape', (_name, body) => {
    const fitted = fitBody(body, NOTE);
    const encoded = encodeURIComponent(fitted);
    expect(encoded.length).toBeLessThanOrEqual(MAX_ENCODED_BODY);
    expect(fitted.endsWith(`\n\n${NOTE}`)).toBe(true);
    expect(decodeURIComponent(encoded)).toBe(fitted);
    expect(fitted).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('a long template goes out shortened with the note of the language', () => {
    const link = requestLink(translator(italian), account(), `{cliente}\n${'Passo lungo. '.repeat(300)}`, TODAY);
    expect(link.split('&body=')[1]!.length).toBeLessThanOrEqual(MAX_ENCODED_BODY);
    expect(bodyOf(link)).toContain('…testo abbreviato: vedi le istruzioni complete');
  });
});
