import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { accountsCsv, CSV_COLUMNS, dueListCsv } from '@/utils/transfer/csv-export';
import { t } from '@/utils/i18n/translate';
import type { Account } from '@/utils/store/types';
import { manualAccount } from './accounts';

function account(address: string, overrides: Partial<Account> = {}): Account {
  return manualAccount(address, { ...overrides });
}

const TODAY = '2026-11-23';

function parse(csv: string) {
  return Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { delimiter: ';', skipEmptyLines: true });
}

describe('accountsCsv', () => {
  const accounts = [
    account('later@pec.it', {
      label: 'Studio Rossi; archivio',
      expiry: '2027-02-15',
      programs: ['Outlook', 'Fatture in Cloud'],
      programsToUpdate: ['Outlook'],
    }),
    account('unknown@pec.it', { label: 'Società «Bianchi»\nsede 2' }),
    account('expired@pec.it', { expiry: '2026-11-20' }),
  ];
  const csv = accountsCsv(accounts, TODAY, t);

  it('starts with a UTF-8 byte-order mark, for Excel, and ends lines with CRLF', () => {
    expect(csv.startsWith('\uFEFFaddress;label;expiry;days_left;programs;programs_to_update\r\n')).toBe(true);
    expect(csv.replace(/"[^"]*"/g, '').match(/\n/g)?.length).toBe(csv.replace(/"[^"]*"/g, '').match(/\r\n/g)?.length);
  });

  it('reads back with papaparse: one row per account, in the popup’s order, dates dd/mm/yyyy', () => {
    const { data, errors } = parse(csv);
    expect(errors).toEqual([]);
    expect(data).toEqual([
      [...CSV_COLUMNS],
      ['expired@pec.it', '', '20/11/2026', '-3', '', ''],
      ['later@pec.it', 'Studio Rossi; archivio', '15/02/2027', '84', 'Outlook, Fatture in Cloud', 'Outlook'],
      ['unknown@pec.it', 'Società «Bianchi»\nsede 2', '', '', '', ''],
    ]);
  });

  it('keeps formulas from running in a spreadsheet', () => {
    const hostile = accountsCsv([account('a@pec.it', { label: '=HYPERLINK("http://evil","x")', programs: ['+cmd', '@SUM(1)'] })], TODAY, t);
    const [, row] = parse(hostile).data;
    expect(row![1]).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(row![4]).toBe(`'+cmd, @SUM(1)`);
  });

  // Excel-style payloads; a line break inside the cell defeated papaparse's own escaping (issue 16).
  const FORMULAS = [
    '=HYPERLINK("https://evil.example","Rin\nnova")',
    '=1+1\r\n',
    "+cmd|' /C calc'!A0\nx",
    '-2+3\nx',
    '@SUM(1)\n',
    '\t=1+1\n',
    '\r=1+1',
    "=cmd|' /C notepad'!'A1'",
  ];

  it.each(FORMULAS)('never exports %j as a formula, line breaks or not', (payload) => {
    const csv = accountsCsv([account('a@pec.it', { label: payload, owner: payload })], TODAY, t);
    const [, row] = parse(csv).data;
    expect(row![1]).toBe(`'${payload}`);
  });

  it('writes a mailbox still to be named as «casella da indicare», never its key', () => {
    const unnamed = account('unnamed:1763888400000', { expiry: '2026-11-28', owner: 'Bar Sport' });
    const [, row] = parse(accountsCsv([unnamed], TODAY, t)).data;
    expect(row![0]).toBe('casella da indicare');
    const due = parse(dueListCsv([unnamed], TODAY, t)).data;
    expect(due[1]!.slice(0, 3)).toEqual(['week', 'casella da indicare', 'Bar Sport']);
    expect(JSON.stringify(due)).not.toContain('unnamed:');
  });

  it('is only the header for no accounts', () => {
    expect(parse(accountsCsv([], TODAY, t)).data).toEqual([[...CSV_COLUMNS]]);
  });
});
