import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { addDays } from '@/utils/dates/calendar-date';
import { dueListCsv, DUE_LIST_CSV_COLUMNS } from '@/utils/transfer/csv-export';
import { t } from '@/utils/i18n/translate';
import { askDueNow, dueGroupOf, dueList, toAskThisWeek } from '@/utils/office/due-list';
import type { Account } from '@/utils/store/types';
import { manualAccount } from './accounts';

const TODAY = '2027-02-01';

function account(address: string, days: number | null, overrides: Partial<Account> = {}): Account {
  const expiry = days === null ? null : addDays(TODAY, days);
  return manualAccount(address, { expiry, ...overrides });
}

const ACCOUNTS = [
  account('later@pec.it', 45, { owner: 'Ferramenta Bianchi' }),
  account('unknown@pec.it', null),
  account('week@pec.it', 6, { owner: 'Bar Sport', contact: 'bar@example.com' }),
  account('expired@pec.it', -2, { owner: 'Studio Verdi' }),
  account('month@pec.it', 7, { contact: 'neri@example.com' }),
  account('today@pec.it', 0, { owner: 'Pasticceria Neri', request: { state: 'asked', at: Date.UTC(2027, 0, 20, 12) } }),
];

describe('dueList', () => {
  it.each([
    [-1, 'expired'],
    [0, 'week'],
    [6, 'week'],
    [7, 'month'],
    [30, 'month'],
    [31, 'later'],
    [null, 'later'],
  ] as const)('%s days left is %s', (days, group) => {
    expect(dueGroupOf(days)).toBe(group);
  });

  it('groups every account by days left, soonest first, undated last', () => {
    expect(dueList(ACCOUNTS, TODAY).map(({ group, rows }) => [group, rows.map((row) => row.account.address)])).toEqual([
      ['expired', ['expired@pec.it']],
      ['week', ['today@pec.it', 'week@pec.it']],
      ['month', ['month@pec.it']],
      ['later', ['later@pec.it', 'unknown@pec.it']],
    ]);
  });

  it('filters on address, client and contact, and leaves out empty groups', () => {
    expect(dueList(ACCOUNTS, TODAY, ' bar ').map(({ group, rows }) => [group, rows.length])).toEqual([['week', 1]]);
    expect(dueList(ACCOUNTS, TODAY, 'NERI@example').flatMap(({ rows }) => rows.map((row) => row.account.address))).toEqual(['month@pec.it']);
    expect(dueList(ACCOUNTS, TODAY, 'nessuno')).toEqual([]);
  });

  it("says when to ask: within the account's own lead time, or the office's, until asked", () => {
    expect(askDueNow(account('a@pec.it', 10), TODAY, 10)).toBe(true);
    expect(askDueNow(account('a@pec.it', 11), TODAY, 10)).toBe(false);
    expect(askDueNow(account('a@pec.it', 11, { leadDays: 12 }), TODAY, 10)).toBe(true);
    expect(askDueNow(account('a@pec.it', 5, { leadDays: 3 }), TODAY, 10)).toBe(false);
    expect(askDueNow(account('a@pec.it', -3), TODAY, 10)).toBe(true);
    expect(askDueNow(account('a@pec.it', 5, { request: { state: 'asked', at: 1 } }), TODAY, 10)).toBe(false);
    expect(askDueNow(account('a@pec.it', null), TODAY, 10)).toBe(false);
  });

  it('asks this week only the clients due within 7 days and not asked yet', () => {
    expect(toAskThisWeek(ACCOUNTS, TODAY).map((a) => a.address)).toEqual(['week@pec.it']);
  });
});

describe('dueListCsv', () => {
  it('writes the groups in order for Italian Excel, with the request status and no formula', () => {
    const csv = dueListCsv([...ACCOUNTS, account('formula@pec.it', 3, { owner: '=HYPERLINK("x")' })], TODAY, t);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const { data } = Papa.parse<string[]>(csv.slice(1).trimEnd(), { delimiter: ';' });
    expect(data[0]).toEqual([...DUE_LIST_CSV_COLUMNS]);
    expect(data.slice(1).map((row) => row[0])).toEqual(['expired', 'week', 'week', 'week', 'month', 'later', 'later']);
    expect(data.find((row) => row[1] === 'today@pec.it')?.slice(7)).toEqual(['asked', '20/01/2027']);
    expect(data.find((row) => row[1] === 'formula@pec.it')?.[2]).toBe('\'=HYPERLINK("x")');
    const multiline = dueListCsv([account('lines@pec.it', 3, { owner: '=HYPERLINK("https://evil.example","Rin\nnova")' })], TODAY, t);
    expect(Papa.parse<string[]>(multiline.replace(/^\uFEFF/, ''), { delimiter: ';' }).data[1]?.[2]).toBe(
      '\'=HYPERLINK("https://evil.example","Rin\nnova")',
    );
  });
});
