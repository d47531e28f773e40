import { describe, expect, it } from 'vitest';
import { csvBackup, parseAccountsCsv } from '@/utils/transfer/csv-import';
import { DEFAULT_SETTINGS, NO_OFFICE_FIELDS, type Account } from '@/utils/store/types';

const TODAY = '2027-02-01';

describe('parseAccountsCsv', () => {
  it('reads what Excel in Italian saves: BOM, semicolons, CRLF, Italian headers and dates', () => {
    const text = '\uFEFFCasella;Cliente;E-mail;Scadenza;Etichetta\r\ninfo@pec.barsport.it;Bar Sport;mario@example.com;15/02/2027;Bar\r\n';
    expect(parseAccountsCsv(text, TODAY)).toEqual({
      ok: true,
      rows: [{ line: 2, address: 'info@pec.barsport.it', owner: 'Bar Sport', contact: 'mario@example.com', expiry: '2027-02-15', label: 'Bar' }],
      errors: [],
    });
  });

  it('reads commas and quotes, with separators, quotes and line breaks inside cells', () => {
    const text = 'address,owner,contact,expiry,label\n"a@pec.it","Rossi, Bianchi & C. ""snc""",,2027-03-01,"due\nrighe"\nb@pec.it,Verdi,,,\n';
    const parsed = parseAccountsCsv(text, TODAY);
    expect(parsed).toMatchObject({
      ok: true,
      rows: [
        { line: 2, address: 'a@pec.it', owner: 'Rossi, Bianchi & C. "snc"', expiry: '2027-03-01', label: 'due\nrighe' },
        { line: 4, address: 'b@pec.it', owner: 'Verdi', expiry: null },
      ],
    });
  });

  it('reports every bad row with its line and keeps the good ones', () => {
    const text =
      'casella;cliente;email;scadenza\r\nnon valida;X;;\r\n\r\nok@pec.it;Y;;31/02/2027\r\nok2@pec.it;Z;mario;\r\nok3@pec.it;;;\r\nOK3@pec.it;;;\r\n';
    const parsed = parseAccountsCsv(text, TODAY);
    expect(parsed).toEqual({
      ok: true,
      rows: [{ line: 6, address: 'ok3@pec.it', owner: '', contact: '', expiry: null, label: '' }],
      errors: [
        { line: 2, error: 'invalid-address', value: 'non valida' },
        { line: 4, error: 'invalid-expiry', value: '31/02/2027' },
        { line: 5, error: 'invalid-contact', value: 'mario' },
        { line: 7, error: 'duplicate-address', value: 'ok3@pec.it' },
      ],
    });
  });

  it('refuses a file with no address column, or nothing in it', () => {
    expect(parseAccountsCsv('nome;cognome\r\nMario;Rossi\r\n', TODAY)).toEqual({ ok: false, error: 'no-address-column' });
    expect(parseAccountsCsv('\uFEFF', TODAY)).toEqual({ ok: false, error: 'empty' });
  });

  it('keeps a formula-looking or hostile cell as text', () => {
    const parsed = parseAccountsCsv('address;owner\r\na@pec.it;=HYPERLINK("x")<img src=x>\r\n', TODAY);
    expect(parsed).toMatchObject({ ok: true, rows: [{ owner: '=HYPERLINK("x")<img src=x>' }] });
  });
});

describe('csvBackup', () => {
  const existing: Account = {
    address: 'a@pec.it',
    label: 'Vecchia',
    expiry: '2027-02-15',
    capturedAt: 5,
    source: 'webmail-dialog',
    pageUrl: null,
    programs: ['Outlook'],
    programsToUpdate: [],
    ...NO_OFFICE_FIELDS,
    request: { state: 'asked', at: 3 },
  };

  it('keeps what the file leaves empty and what only this browser knows', () => {
    const row = { line: 2, address: 'a@pec.it', owner: 'Rossi', contact: '', expiry: null, label: '' };
    const { accounts, renewals, settings } = csvBackup([row], [existing], DEFAULT_SETTINGS, 100);
    expect(accounts).toEqual([{ ...existing, owner: 'Rossi' }]);
    expect(renewals).toEqual([]);
    expect(settings).toBe(DEFAULT_SETTINGS);
  });

  it('a new mailbox or a new expiry is a reading of now', () => {
    const rows = [
      { line: 2, address: 'a@pec.it', owner: '', contact: '', expiry: '2027-05-15', label: '' },
      { line: 3, address: 'b@pec.it', owner: 'Verdi', contact: 'v@example.com', expiry: null, label: 'B' },
    ];
    const [renewed, added] = csvBackup(rows, [existing], DEFAULT_SETTINGS, 100).accounts;
    expect(renewed).toMatchObject({ expiry: '2027-05-15', capturedAt: 100, programs: ['Outlook'] });
    expect(added).toEqual({
      address: 'b@pec.it',
      label: 'B',
      expiry: null,
      capturedAt: 100,
      source: 'manual',
      pageUrl: null,
      programs: [],
      programsToUpdate: [],
      ...NO_OFFICE_FIELDS,
      owner: 'Verdi',
      contact: 'v@example.com',
    });
  });
});
