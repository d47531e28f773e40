import { parseIsoDate } from '../dates/calendar-date';
import { isUnnamedMailbox } from '../store/unnamed-mailbox';
import {
  CAPTURE_SOURCES,
  DEFAULT_SETTINGS,
  NO_OFFICE_FIELDS,
  type Account,
  type CaptureSource,
  type RequestStatus,
  type Renewal,
  type Settings,
  type StoreSnapshot,
} from '../store/types';
import { MAX_OFFSET_DAYS, normalizeAddress, requireContact, validSettings } from '../store/validation';

/*
 * The JSON backup: everything the user keeps (accounts, renewal history, settings), versioned,
 * never a password (there is none in the store). Reading one is strict: a file is either a
 * backup of this format and version, every field checked and rebuilt field by field, or it is
 * refused with the reason, and nothing is imported.
 */

export const BACKUP_FORMAT = 'pec-password-assistant';
/**
 * Version 4: the settings say whether notifications name the mailboxes. Version 3: an account may
 * be a mailbox still to be named, under its key (unnamed-mailbox.ts).
 */
export const BACKUP_VERSION = 4;
/**
 * Older files are still read: version 1 (before the office fields) and versions up to 3 (before
 * namesInNotifications) give the missing fields their defaults; versions 1 and 2 hold only real
 * addresses.
 */
const READABLE_VERSIONS = [1, 2, 3, 4] as const;
type ReadableVersion = (typeof READABLE_VERSIONS)[number];
/** Larger files are refused before they are read: a backup of 200 accounts is about 100 KB. */
export const MAX_BACKUP_BYTES = 5 * 1024 * 1024;

export type BackupRenewal = Omit<Renewal, 'id'>;

/** What a backup holds, as the store takes it. */
export interface Backup {
  accounts: Account[];
  renewals: BackupRenewal[];
  settings: Settings;
}

export interface BackupFile extends Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO 8601 instant of the export. */
  exportedAt: string;
}

export type BackupError =
  | 'too-large'
  | 'not-json'
  | 'foreign-file'
  | 'unsupported-version'
  | 'forbidden-key'
  | 'unknown-field'
  | 'invalid-field'
  | 'invalid-address'
  | 'invalid-date'
  | 'duplicate-account';

export type ParsedBackup = { ok: true; data: Backup } | { ok: false; error: BackupError; detail?: string };

const TOP_FIELDS = ['format', 'version', 'exportedAt', 'accounts', 'renewals', 'settings'] as const;
const ACCOUNT_FIELDS_V1 = ['address', 'label', 'expiry', 'capturedAt', 'source', 'pageUrl', 'programs', 'programsToUpdate'] as const;
const ACCOUNT_FIELDS = [...ACCOUNT_FIELDS_V1, 'owner', 'contact', 'leadDays', 'request'] as const;
const RENEWAL_FIELDS = ['address', 'expiry', 'capturedAt', 'source'] as const;
const SETTINGS_FIELDS_V1 = ['offsets', 'hour', 'quietChip', 'language'] as const;
const SETTINGS_FIELDS_V3 = [...SETTINGS_FIELDS_V1, 'officeLeadDays', 'requestTemplate'] as const;
const SETTINGS_FIELDS = [...SETTINGS_FIELDS_V3, 'namesInNotifications'] as const;

function pick<T, F extends keyof T>(record: T, fields: readonly F[]): Pick<T, F> {
  return Object.fromEntries(fields.map((field) => [field, record[field]])) as Pick<T, F>;
}

export function buildBackup(snapshot: Pick<StoreSnapshot, 'accounts' | 'renewals' | 'settings'>, now: Date): BackupFile {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    // Field by field, as parseBackup reads them back: nothing else a record may carry goes out.
    accounts: snapshot.accounts.map((a) => pick(a, ACCOUNT_FIELDS)),
    // Renewal ids are this browser's own keys: another browser numbers them anew.
    renewals: snapshot.renewals.map((r) => pick(r, RENEWAL_FIELDS)),
    settings: pick(snapshot.settings, SETTINGS_FIELDS),
  };
}

const SOURCES: readonly CaptureSource[] = CAPTURE_SOURCES;
/** Keys that could reach an object's prototype if ever merged: refused outright, wherever they are. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const DETAIL_LENGTH = 80;

class Rejected extends Error {
  constructor(
    readonly error: BackupError,
    readonly detail?: string,
  ) {
    super(error);
  }
}

function reject(error: BackupError, detail?: unknown): never {
  const text = typeof detail === 'string' ? detail : JSON.stringify(detail);
  throw new Rejected(error, text?.slice(0, DETAIL_LENGTH));
}

/** `value` as an object with exactly `fields`; `where` names it in the error ("accounts[2]"). */
function fieldsOf<F extends string>(value: unknown, fields: readonly F[], where: string): Record<F, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) reject('invalid-field', where);
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) reject('forbidden-key', key);
    if (!(fields as readonly string[]).includes(key)) reject('unknown-field', `${where}.${key}`);
  }
  for (const field of fields) if (!Object.hasOwn(value, field)) reject('invalid-field', `${where}.${field}`);
  return value as Record<F, unknown>;
}

function arrayOf(value: unknown, where: string): unknown[] {
  return Array.isArray(value) ? value : reject('invalid-field', where);
}

/** No length limit: the popup sets none, and the file's size bounds them all. */
function text(value: unknown, where: string): string {
  return typeof value === 'string' ? value : reject('invalid-field', where);
}

function names(value: unknown, where: string): string[] {
  return arrayOf(value, where).map((name, i) => text(name, `${where}[${i}]`));
}

/** A real address in normal form, or, from version 3, the key of a mailbox still to be named. */
function address(value: unknown, version: ReadableVersion): string {
  if (version >= 3 && typeof value === 'string' && isUnnamedMailbox(value)) return value;
  return (typeof value === 'string' && normalizeAddress(value)) || reject('invalid-address', value);
}

function expiry(value: unknown): string {
  return (typeof value === 'string' && parseIsoDate(value)) || reject('invalid-date', value);
}

function instant(value: unknown, where: string): number {
  return Number.isSafeInteger(value) && (value as number) >= 0 ? (value as number) : reject('invalid-field', where);
}

function source(value: unknown, where: string): CaptureSource {
  return SOURCES.includes(value as CaptureSource) ? (value as CaptureSource) : reject('invalid-field', where);
}

function leadDays(value: unknown, where: string): number | null {
  if (value === null) return null;
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_OFFSET_DAYS
    ? (value as number)
    : reject('invalid-field', where);
}

function contact(value: unknown, where: string): string {
  try {
    return requireContact(text(value, where));
  } catch {
    return reject('invalid-field', where);
  }
}

function request(value: unknown, where: string): RequestStatus {
  const state = (value as { state?: unknown } | null)?.state;
  if (state === 'not-asked') {
    fieldsOf(value, ['state'], where);
    return { state };
  }
  if (state !== 'asked' && state !== 'renewed') reject('invalid-field', where);
  const fields = fieldsOf(value, ['state', 'at'], where);
  return { state, at: instant(fields.at, `${where}.at`) };
}

function officeFields(value: unknown, where: string): Pick<Account, 'owner' | 'contact' | 'leadDays' | 'request'> {
  const fields = value as Record<(typeof ACCOUNT_FIELDS)[number], unknown>;
  return {
    owner: text(fields.owner, `${where}.owner`),
    contact: contact(fields.contact, `${where}.contact`),
    leadDays: leadDays(fields.leadDays, `${where}.leadDays`),
    request: request(fields.request, `${where}.request`),
  };
}

function account(value: unknown, where: string, version: ReadableVersion): Account {
  const fields = fieldsOf(value, version === 1 ? ACCOUNT_FIELDS_V1 : ACCOUNT_FIELDS, where);
  return {
    ...(version === 1 ? NO_OFFICE_FIELDS : officeFields(value, where)),
    address: address(fields.address, version),
    label: text(fields.label, `${where}.label`),
    expiry: fields.expiry === null ? null : expiry(fields.expiry),
    capturedAt: instant(fields.capturedAt, `${where}.capturedAt`),
    source: source(fields.source, `${where}.source`),
    pageUrl: fields.pageUrl === null ? null : text(fields.pageUrl, `${where}.pageUrl`),
    programs: names(fields.programs, `${where}.programs`),
    programsToUpdate: names(fields.programsToUpdate, `${where}.programsToUpdate`),
  };
}

function renewal(value: unknown, where: string, tracked: ReadonlySet<string>, version: ReadableVersion): BackupRenewal {
  const fields = fieldsOf(value, RENEWAL_FIELDS, where);
  const renewed = address(fields.address, version);
  // The store deletes an account's history with the account: a lone renewal is not ours.
  if (!tracked.has(renewed)) reject('invalid-field', `${where}.address`);
  return {
    address: renewed,
    expiry: expiry(fields.expiry),
    capturedAt: instant(fields.capturedAt, `${where}.capturedAt`),
    source: source(fields.source, `${where}.source`),
  };
}

function settings(value: unknown, version: ReadableVersion): Settings {
  const expected = version === 1 ? SETTINGS_FIELDS_V1 : version <= 3 ? SETTINGS_FIELDS_V3 : SETTINGS_FIELDS;
  const fields = fieldsOf(value, expected, 'settings');
  // The store's own rules, field by field, so the error can say which one is wrong.
  for (const field of expected) {
    try {
      validSettings({ [field]: fields[field] });
    } catch {
      reject('invalid-field', `settings.${field}`);
    }
  }
  return { ...DEFAULT_SETTINGS, ...validSettings(fields as Partial<Settings>) };
}

function backup(value: unknown): Backup {
  if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== BACKUP_FORMAT) reject('foreign-file');
  const { version } = value as { version?: unknown };
  if (!Number.isInteger(version)) reject('invalid-field', 'version');
  if (!READABLE_VERSIONS.includes(version as ReadableVersion)) reject('unsupported-version', version);
  const readable = version as ReadableVersion;
  const fields = fieldsOf(value, TOP_FIELDS, 'backup');
  if (typeof fields.exportedAt !== 'string' || Number.isNaN(Date.parse(fields.exportedAt))) reject('invalid-field', 'exportedAt');
  const accounts = arrayOf(fields.accounts, 'accounts').map((item, i) => account(item, `accounts[${i}]`, readable));
  const tracked = new Set<string>();
  for (const { address } of accounts) {
    if (tracked.has(address)) reject('duplicate-account', address);
    tracked.add(address);
  }
  const renewals = arrayOf(fields.renewals, 'renewals').map((item, i) => renewal(item, `renewals[${i}]`, tracked, readable));
  return { accounts, renewals, settings: settings(fields.settings, readable) };
}

/**
 * Reads a backup file's text. Every value is rebuilt from the fields it must have, so nothing
 * else of the file reaches the store; labels stay whatever text they are (the pages show them
 * as text, never as HTML).
 */
export function parseBackup(text: string): ParsedBackup {
  // Characters, not bytes: the options page checks the file's size in bytes before reading it.
  if (text.length > MAX_BACKUP_BYTES) return { ok: false, error: 'too-large' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not-json' };
  }
  try {
    return { ok: true, data: backup(value) };
  } catch (error) {
    if (error instanceof Rejected) return { ok: false, error: error.error, ...(error.detail === undefined ? {} : { detail: error.detail }) };
    throw error;
  }
}
