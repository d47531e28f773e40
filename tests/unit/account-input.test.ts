import { describe, expect, it } from 'vitest';
import { checkAccountInput } from '@/utils/accounts/account-input';

const TODAY = '2026-11-23';
const none = new Set<string>();

describe('checkAccountInput', () => {
  it('accepts an address on any domain, normalized, with a trimmed label', () => {
    expect(checkAccountInput({ address: ' Studio@Legalmail.IT ', expiry: '2027-02-15', label: ' Studio ' }, TODAY, none)).toEqual({
      ok: true,
      address: 'studio@legalmail.it',
      expiry: '2027-02-15',
      label: 'Studio',
    });
  });

  it.each([
    ['', 'accountErrorAddressMissing'],
    ['  ', 'accountErrorAddressMissing'],
    ['due parole@pec.it', 'accountErrorAddressInvalid'],
    ['a@b@pec.it', 'accountErrorAddressInvalid'],
    ['taken@pec.it', 'accountErrorAddressTaken'],
  ])('refuses the address %j with %s', (address, error) => {
    const check = checkAccountInput({ address, expiry: '2027-02-15', label: '' }, TODAY, new Set(['taken@pec.it']));
    expect(check).toEqual({ ok: false, errors: { address: error } });
  });

  it.each([
    ['', 'accountErrorExpiryMissing'],
    ['2027-02-30', 'accountErrorExpiryInvalid'],
    ['15/02/2027', 'accountErrorExpiryInvalid'],
    ['2025-11-21', 'accountErrorExpiryTooFarPast'],
    ['2027-11-25', 'accountErrorExpiryTooFarAhead'],
  ])('refuses the expiry %j with %s', (expiry, error) => {
    expect(checkAccountInput({ address: 'a@pec.it', expiry, label: '' }, TODAY, none)).toEqual({ ok: false, errors: { expiry: error } });
  });

  it('accepts expiries up to a year either side of today, as for a date read from a page', () => {
    for (const expiry of ['2025-11-22', '2026-11-22', '2027-11-24']) {
      expect(checkAccountInput({ address: 'a@pec.it', expiry, label: '' }, TODAY, none)).toMatchObject({ ok: true, expiry });
    }
  });

  it('reports both fields at once', () => {
    expect(checkAccountInput({ address: 'x y', expiry: '', label: '' }, TODAY, none)).toEqual({
      ok: false,
      errors: { address: 'accountErrorAddressInvalid', expiry: 'accountErrorExpiryMissing' },
    });
  });
});
