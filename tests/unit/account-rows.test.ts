import { describe, expect, it } from 'vitest';
import { accountRows, matchesQuery } from '@/utils/accounts/account-rows';
import { NO_OFFICE_FIELDS, type Account } from '@/utils/store/types';

const TODAY = '2026-11-23';

function account(address: string, expiry: string | null, label = ''): Account {
  return { address, label, expiry, capturedAt: 1, source: 'manual', pageUrl: null, programs: [], programsToUpdate: [], ...NO_OFFICE_FIELDS };
}

describe('accountRows', () => {
  it('orders as the badge does, expired on top, with each row in its badge colour', () => {
    const rows = accountRows(
      [
        account('far@pec.it', '2027-02-15'),
        account('unknown@pec.it', null),
        account('soon@pec.it', '2026-12-01'),
        account('expired@pec.it', '2026-11-20'),
        account('today@pec.it', '2026-11-23'),
      ],
      TODAY,
    );
    expect(rows.map((row) => [row.account.address, row.daysLeft, row.color])).toEqual([
      ['expired@pec.it', -3, 'red'],
      ['today@pec.it', 0, 'red'],
      ['soon@pec.it', 8, 'amber'],
      ['far@pec.it', 84, 'green'],
      ['unknown@pec.it', null, 'none'],
    ]);
  });

  it('keeps the whole record for each row', () => {
    const studio = account('studio@pec.it', '2027-01-10', 'Studio Rossi');
    expect(accountRows([studio], TODAY)[0]?.account).toBe(studio);
  });
});

describe('matchesQuery', () => {
  const studio = account('studio.rossi@pec.it', '2027-01-10', 'Studio Rossi — archivio');

  it.each([
    ['rossi', true],
    ['ARCHIVIO', true],
    ['studio archivio', true],
    ['pec.it rossi', true],
    ['bianchi', false],
    ['rossi bianchi', false],
  ])('%s → %s', (query, expected) => {
    expect(matchesQuery(studio, query)).toBe(expected);
  });
});
