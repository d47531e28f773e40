import type { MessageKey } from '../i18n/translate';
import { MAX_OFFSET_DAYS, normalizeAddress, requireContact } from '../store/validation';
import type { Account } from '../store/types';

/** The office fields of the add/edit form, as typed. */
export interface OfficeInput {
  owner: string;
  contact: string;
  /** The number input's value: '' uses the default of the options. */
  leadDays: string;
}

export type OfficeFields = Pick<Account, 'owner' | 'contact' | 'leadDays'>;

export type OfficeInputCheck = { ok: true; fields: OfficeFields } | { ok: false; errors: Partial<Record<'contact' | 'leadDays', MessageKey>> };

function contactOf(raw: string): string | null {
  try {
    const contact = requireContact(raw);
    // The same shape the store takes, and a real domain part: "mario@studio" is a typo more often than not.
    return contact === '' || (normalizeAddress(contact) !== null && contact.includes('.', contact.indexOf('@'))) ? contact : null;
  } catch {
    return null;
  }
}

/** Checks the office fields: all optional, but a contact must be an e-mail address and a lead time whole days. */
export function checkOfficeInput(input: OfficeInput): OfficeInputCheck {
  const contact = contactOf(input.contact);
  const text = input.leadDays.trim();
  const days = text === '' ? null : Number(text);
  const daysValid = days === null || (/^\d+$/.test(text) && days <= MAX_OFFSET_DAYS);
  if (contact === null || !daysValid) {
    return {
      ok: false,
      errors: { ...(contact === null ? { contact: 'officeErrorContact' } : {}), ...(daysValid ? {} : { leadDays: 'officeErrorLeadDays' }) },
    };
  }
  return { ok: true, fields: { owner: input.owner.trim(), contact, leadDays: days } };
}
