import { LANGUAGE_CHOICES } from '@/utils/i18n/translate';
import { parseIsoDate, type IsoDate } from '@/utils/dates/calendar-date';
import { isUnnamedMailbox } from '@/utils/store/unnamed-mailbox';
import { type Account, type RequestStatus, type Settings } from './types';

/** The store's checks: what may be stored as an address, an expiry, settings, an account. */

export type StoreValidationCode =
  | 'invalid-address'
  | 'invalid-expiry'
  | 'invalid-offsets'
  | 'invalid-hour'
  | 'invalid-quiet-chip'
  | 'invalid-language'
  | 'invalid-contact'
  | 'invalid-lead-days'
  | 'invalid-template'
  | 'invalid-names-in-notifications';

export class StoreValidationError extends Error {
  constructor(
    readonly code: StoreValidationCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreValidationError';
  }
}

const EMAIL = /^[^@\s|]+@[^@\s|]+$/;
const MULTI_USER_ID = /^[a-z0-9][a-z0-9._-]*$/;

/**
 * The stored form of an address, or null when it is neither an e-mail address nor a multi-user
 * account id. `|` is refused so that keys built from an address can use it as their separator.
 */
export function normalizeAddress(raw: string): string | null {
  const address = raw.trim().toLowerCase();
  return EMAIL.test(address) || MULTI_USER_ID.test(address) ? address : null;
}

export function requireAddress(raw: string): string {
  const address = normalizeAddress(raw);
  if (address === null) throw new StoreValidationError('invalid-address', `Not an address: ${JSON.stringify(raw)}`);
  return address;
}

/** The key an account is stored under: its address in normal form, or a mailbox still to be named. */
export function mailboxKey(raw: string): string | null {
  return isUnnamedMailbox(raw) ? raw : normalizeAddress(raw);
}

export function requireMailbox(raw: string): string {
  const key = mailboxKey(raw);
  if (key === null) throw new StoreValidationError('invalid-address', `Not an address: ${JSON.stringify(raw)}`);
  return key;
}

/** Stored expiries are checked here because the calendar helpers throw on a malformed one. */
export function requireExpiry(raw: IsoDate): IsoDate {
  const expiry = parseIsoDate(raw);
  if (expiry === null) throw new StoreValidationError('invalid-expiry', `Not a YYYY-MM-DD day: ${JSON.stringify(raw)}`);
  return expiry;
}

/** The client's contact: an e-mail address or nothing. */
export function requireContact(raw: string): string {
  const contact = raw.trim();
  if (contact !== '' && !EMAIL.test(contact)) throw new StoreValidationError('invalid-contact', `Not an e-mail address: ${JSON.stringify(raw)}`);
  return contact;
}

function requireLeadDays(days: number): number {
  if (!(Number.isInteger(days) && days >= 0 && days <= MAX_OFFSET_DAYS)) {
    throw new StoreValidationError('invalid-lead-days', `Lead days must be whole days from 0 to ${MAX_OFFSET_DAYS}`);
  }
  return days;
}

function requestStatus(request: RequestStatus): RequestStatus {
  return request.state === 'not-asked' ? { state: 'not-asked' } : { state: request.state, at: request.at };
}

/** Origin and path only: a query or fragment may carry session tokens. */
export function originAndPath(raw: string | null): string | null {
  if (raw === null) return null;
  try {
    const url = new URL(raw);
    return url.origin === 'null' ? null : url.origin + url.pathname;
  } catch {
    return null;
  }
}

function uniqueNames(names: string[]): string[] {
  return [...new Set(names.map((name) => name.trim()).filter((name) => name !== ''))];
}

/**
 * An account as stored: checked, and built field by field rather than spread, so that nothing
 * the caller added by mistake gets stored.
 */
export function storedAccount(account: Account): Account {
  const programs = uniqueNames(account.programs);
  return {
    address: requireMailbox(account.address),
    label: account.label.trim(),
    expiry: account.expiry === null ? null : requireExpiry(account.expiry),
    capturedAt: account.capturedAt,
    source: account.source,
    pageUrl: originAndPath(account.pageUrl),
    programs,
    // A program removed from the list is no longer waiting for the new password.
    programsToUpdate: uniqueNames(account.programsToUpdate).filter((name) => programs.includes(name)),
    owner: account.owner.trim(),
    contact: requireContact(account.contact),
    leadDays: account.leadDays === null ? null : requireLeadDays(account.leadDays),
    request: requestStatus(account.request),
  };
}

export const MAX_OFFSET_DAYS = 60;
export const MAX_TEMPLATE_LENGTH = 10_000;

/** The known fields present in `partial`, checked; offsets come back deduplicated, largest first. */
export function validSettings({
  offsets,
  hour,
  quietChip,
  language,
  officeLeadDays,
  requestTemplate,
  namesInNotifications,
}: Partial<Settings>): Partial<Settings> {
  const valid: Partial<Settings> = {};
  if (offsets !== undefined) {
    const inRange = (n: number) => Number.isInteger(n) && n >= 0 && n <= MAX_OFFSET_DAYS;
    if (!Array.isArray(offsets) || !offsets.every(inRange)) {
      throw new StoreValidationError('invalid-offsets', `Offsets must be whole days from 0 to ${MAX_OFFSET_DAYS}`);
    }
    valid.offsets = [...new Set(offsets)].sort((a, b) => b - a);
  }
  if (hour !== undefined) {
    if (!(Number.isInteger(hour) && hour >= 0 && hour <= 23)) {
      throw new StoreValidationError('invalid-hour', 'The hour must be a whole number from 0 to 23');
    }
    valid.hour = hour;
  }
  if (quietChip !== undefined) {
    if (typeof quietChip !== 'boolean') throw new StoreValidationError('invalid-quiet-chip', 'quietChip must be true or false');
    valid.quietChip = quietChip;
  }
  if (language !== undefined) {
    if (!(LANGUAGE_CHOICES as readonly string[]).includes(language))
      throw new StoreValidationError('invalid-language', 'The language must be auto, it or en');
    valid.language = language;
  }
  if (officeLeadDays !== undefined) valid.officeLeadDays = requireLeadDays(officeLeadDays);
  if (requestTemplate !== undefined) {
    if (typeof requestTemplate !== 'string' || requestTemplate.length > MAX_TEMPLATE_LENGTH) {
      throw new StoreValidationError('invalid-template', `The request template must be text of at most ${MAX_TEMPLATE_LENGTH} characters`);
    }
    valid.requestTemplate = requestTemplate;
  }
  if (namesInNotifications !== undefined) {
    if (typeof namesInNotifications !== 'boolean') {
      throw new StoreValidationError('invalid-names-in-notifications', 'namesInNotifications must be true or false');
    }
    valid.namesInNotifications = namesInNotifications;
  }
  return valid;
}
