import { parseIsoDate, type IsoDate } from '../dates/calendar-date';
import { parseExpiryDate } from '../dates/expiry-date';
import type { MessageKey } from '../i18n/translate';
import { normalizeAddress } from '../store/validation';

/** What the add/edit form holds: the raw text of its fields. */
export interface AccountInput {
  address: string;
  /** The date input's value: 'YYYY-MM-DD', or '' when empty or incomplete. */
  expiry: string;
  label: string;
}

export type AccountInputErrors = Partial<Record<'address' | 'expiry', MessageKey>>;

export type AccountInputCheck = { ok: true; address: string; expiry: IsoDate; label: string } | { ok: false; errors: AccountInputErrors };

function expiryError(raw: string, today: IsoDate): MessageKey | null {
  if (raw === '') return 'accountErrorExpiryMissing';
  if (parseIsoDate(raw) === null) return 'accountErrorExpiryInvalid';
  // The same bounds as a date read from a page: a year either side of today.
  const parsed = parseExpiryDate(raw, today);
  if (parsed.ok) return null;
  if (parsed.reason === 'too-far-past') return 'accountErrorExpiryTooFarPast';
  if (parsed.reason === 'too-far-ahead') return 'accountErrorExpiryTooFarAhead';
  return 'accountErrorExpiryInvalid';
}

/**
 * Checks a manual entry. `taken` holds the addresses already tracked: adding one of them again
 * would silently replace its record, so the user is sent to its own "Modifica" instead.
 */
export function checkAccountInput(input: AccountInput, today: IsoDate, taken: ReadonlySet<string>): AccountInputCheck {
  const errors: AccountInputErrors = {};
  const address = normalizeAddress(input.address);
  if (input.address.trim() === '') errors.address = 'accountErrorAddressMissing';
  else if (address === null) errors.address = 'accountErrorAddressInvalid';
  else if (taken.has(address)) errors.address = 'accountErrorAddressTaken';
  const expiry = expiryError(input.expiry, today);
  if (expiry !== null) errors.expiry = expiry;
  if (address === null || errors.address || errors.expiry) return { ok: false, errors };
  return { ok: true, address, expiry: input.expiry, label: input.label.trim() };
}
