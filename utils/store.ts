import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Backup } from '@/utils/backup-format';
import { parseIsoDate, type IsoDate } from '@/utils/calendar-date';
import { accountsToWrite, planImport, type ImportPlan } from '@/utils/import-plan';
import { DEFAULT_REMINDER_SETTINGS, planReminders } from '@/utils/reminder-plan';
import { isUnnamedMailbox, unnamedMailboxKey } from '@/utils/unnamed-mailbox';

/*
 * The extension's persistent store (IndexedDB through idb). Open it only in the background and
 * in extension pages: from a content script IndexedDB would belong to Aruba's origin, not ours.
 *
 * There is no password field anywhere in this schema, by design: the extension remembers when
 * the password for mail programs expires and where it is used, never the password itself.
 */

export const DB_NAME = 'pec-password-assistant';

export type CaptureSource = 'webmail-dialog' | 'webmail-security' | 'account-console' | 'manual';

export type Account = {
  /**
   * Lowercased, trimmed e-mail address or multi-user account id (see normalizeAddress), or the
   * key of a mailbox still to be named (see unnamed-mailbox.ts).
   */
  address: string;
  /** The user's own name for the mailbox; empty means "show the address". */
  label: string;
  expiry: IsoDate | null;
  /** Epoch ms of the capture (or manual edit) that produced this record. */
  capturedAt: number;
  source: CaptureSource;
  /** Origin and path of the page the expiry was read from; never its query or fragment. */
  pageUrl: string | null;
  /** Mail programs where this password is used, e.g. Outlook. */
  programs: string[];
  /** The programs still to update after the last renewal. */
  programsToUpdate: string[];
  /** For an office looking after its clients' mailboxes: the client's name; empty when none. */
  owner: string;
  /** The client's e-mail address the renewal request goes to; empty when none. */
  contact: string;
  /** Days before the expiry to ask the client for the new password; null uses Settings.officeLeadDays. */
  leadDays: number | null;
  /** Whether the client was asked for the new password, and when (epoch ms). */
  request: RequestStatus;
};

export type RequestStatus = { state: 'not-asked' } | { state: 'asked'; at: number } | { state: 'renewed'; at: number };

/** The office fields of an account nobody has filled in yet. */
export const NO_OFFICE_FIELDS: Readonly<Pick<Account, 'owner' | 'contact' | 'leadDays' | 'request'>> = {
  owner: '',
  contact: '',
  leadDays: null,
  request: Object.freeze({ state: 'not-asked' }),
};

/** One renewal: the expiry a capture replaced an earlier, different expiry with. */
export type Renewal = {
  id?: number;
  address: string;
  expiry: IsoDate;
  capturedAt: number;
  source: CaptureSource;
};

export type Settings = {
  /** Days before expiry to remind on, unique, largest first. */
  offsets: number[];
  /** Local hour of day (0..23) reminders are due at. */
  hour: number;
  quietChip: boolean;
  language: 'auto' | 'it' | 'en';
  /** Days before an expiry to ask the client, for accounts without a lead time of their own. */
  officeLeadDays: number;
  /** The renewal request's text with {cliente}, {casella}, {scadenza}, {giorni}; empty for the built-in one. */
  requestTemplate: string;
};

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  offsets: [...DEFAULT_REMINDER_SETTINGS.offsets],
  hour: DEFAULT_REMINDER_SETTINGS.hour,
  quietChip: true,
  language: 'auto',
  // An office needs the client's new password before the old one lapses: seed 003 asks ~10 days ahead.
  officeLeadDays: 10,
  requestTemplate: '',
};

export type FiredReminder = { key: string; firedAt: number };

export type Capture = {
  address: string;
  expiry: IsoDate;
  capturedAt: number;
  source: CaptureSource;
  pageUrl: string | null;
  /** Set when the page did not name the mailbox and its context did (see utils/attribution.ts). */
  attributedBy?: ContextAttribution;
};

/**
 * How the mailbox of an expiry read on a page that did not name it was known: an earlier page of
 * the same tab, the tab that opened it, the renewal the tab was opened for, or the only mailbox.
 */
export type ContextAttribution = 'tab' | 'opener' | 'renewal' | 'only-mailbox';

/** What a capture replaces on an account, and a correction puts back. */
export type PriorCapture = Pick<Account, 'expiry' | 'capturedAt' | 'source' | 'pageUrl' | 'programsToUpdate' | 'request'>;

/**
 * An account whose last expiry came from its page's context, not from the page: kept until the
 * user corrects it, edits the account, or a page names the mailbox, so that a wrong attribution
 * can be undone from the popup.
 */
export type Attribution = {
  address: string;
  by: ContextAttribution;
  /** What the account held before the first such capture; null when that capture created it. */
  before: PriorCapture | null;
};

export type StoreSnapshot = {
  version: number;
  accounts: Account[];
  renewals: Renewal[];
  firedReminders: FiredReminder[];
  settings: Settings;
};

export type StoreValidationCode =
  | 'invalid-address'
  | 'invalid-expiry'
  | 'invalid-offsets'
  | 'invalid-hour'
  | 'invalid-quiet-chip'
  | 'invalid-language'
  | 'invalid-contact'
  | 'invalid-lead-days'
  | 'invalid-template';

export class StoreValidationError extends Error {
  constructor(
    readonly code: StoreValidationCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreValidationError';
  }
}

interface StoreSchema extends DBSchema {
  accounts: { key: string; value: Account };
  renewals: { key: number; value: Renewal; indexes: { byAddress: string } };
  firedReminders: { key: string; value: FiredReminder };
  /** A single record under SETTINGS_KEY. */
  settings: { key: string; value: Settings };
  /** Since version 4: at most one per account, deleted with it. */
  attributions: { key: string; value: Attribution };
}

export type StoreDb = IDBPDatabase<StoreSchema>;

type UpgradeTransaction = IDBPTransaction<StoreSchema, StoreNames<StoreSchema>[], 'versionchange'>;
type Migration = (db: StoreDb, tx: UpgradeTransaction) => void | Promise<void>;

/** An account as version 2 stored it. */
type AccountV2 = Omit<Account, 'owner' | 'contact' | 'leadDays' | 'request'>;

/** An account as version 1 stored it. */
type AccountV1 = Pick<Account, 'address' | 'expiry' | 'capturedAt' | 'source'>;

const SETTINGS_KEY = 'current';

/*
 * MIGRATIONS[n] takes the database from version n to n + 1. Released steps are never edited:
 * a new shape is a new step at the end, so every installed version has a path to the current one.
 */
const MIGRATIONS: Migration[] = [
  (db) => {
    db.createObjectStore('accounts', { keyPath: 'address' });
  },
  async (db, tx) => {
    db.createObjectStore('renewals', { keyPath: 'id', autoIncrement: true }).createIndex('byAddress', 'address');
    db.createObjectStore('firedReminders', { keyPath: 'key' });
    db.createObjectStore('settings');
    let cursor = await tx.objectStore('accounts').openCursor();
    while (cursor) {
      const old = cursor.value as AccountV1 & Partial<AccountV2>;
      // A version 2 record (typed as such since version 3): the next step adds the office fields.
      const v2: AccountV2 = {
        ...old,
        label: old.label ?? '',
        pageUrl: old.pageUrl ?? null,
        programs: old.programs ?? [],
        programsToUpdate: old.programsToUpdate ?? [],
      };
      await cursor.update(v2 as Account);
      cursor = await cursor.continue();
    }
  },
  async (_db, tx) => {
    let cursor = await tx.objectStore('accounts').openCursor();
    while (cursor) {
      const old = cursor.value as AccountV2;
      await cursor.update({ ...NO_OFFICE_FIELDS, ...old });
      cursor = await cursor.continue();
    }
  },
  // Version 4: expiries attributed from a page's context, and mailboxes still to be named (whose
  // keys version 3 never held), replacing the pending capture kept in session storage until then.
  (db) => {
    db.createObjectStore('attributions', { keyPath: 'address' });
  },
];

export const DB_VERSION = MIGRATIONS.length;

async function migrate(db: StoreDb, tx: UpgradeTransaction, fromVersion: number): Promise<void> {
  for (const migration of MIGRATIONS.slice(fromVersion)) await migration(db, tx);
}

export function openStore(name: string = DB_NAME): Promise<StoreDb> {
  return openDB<StoreSchema>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      // A failed step must not commit a half-migrated database: aborting fails the open instead.
      migrate(db, tx, oldVersion).catch(() => tx.abort());
    },
  });
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

function requireAddress(raw: string): string {
  const address = normalizeAddress(raw);
  if (address === null) throw new StoreValidationError('invalid-address', `Not an address: ${JSON.stringify(raw)}`);
  return address;
}

/** The key an account is stored under: its address in normal form, or a mailbox still to be named. */
export function mailboxKey(raw: string): string | null {
  return isUnnamedMailbox(raw) ? raw : normalizeAddress(raw);
}

function requireMailbox(raw: string): string {
  const key = mailboxKey(raw);
  if (key === null) throw new StoreValidationError('invalid-address', `Not an address: ${JSON.stringify(raw)}`);
  return key;
}

/** Stored expiries are checked here because the calendar helpers throw on a malformed one. */
function requireExpiry(raw: IsoDate): IsoDate {
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
function pageUrlOf(raw: string | null): string | null {
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

export function listAccounts(db: StoreDb): Promise<Account[]> {
  return db.getAll('accounts');
}

export function getAccount(db: StoreDb, address: string): Promise<Account | undefined> {
  const normalized = mailboxKey(address);
  return normalized === null ? Promise.resolve(undefined) : db.get('accounts', normalized);
}

/** What an account holds after `capture`, from what it held before (none: a new account). */
function capturedAccount(existing: Account | undefined, address: string, capture: Omit<Capture, 'address' | 'attributedBy'>): { account: Account; renewed: boolean } {
  const renewed = existing?.expiry != null && existing.expiry !== capture.expiry;
  const account: Account = {
    address,
    label: existing?.label ?? '',
    expiry: capture.expiry,
    capturedAt: capture.capturedAt,
    source: capture.source,
    pageUrl: pageUrlOf(capture.pageUrl),
    programs: existing?.programs ?? [],
    programsToUpdate: renewed ? [...existing.programs] : (existing?.programsToUpdate ?? []),
    owner: existing?.owner ?? '',
    contact: existing?.contact ?? '',
    leadDays: existing?.leadDays ?? null,
    // A new expiry means the client did renew, asked or not: the next request starts afresh.
    request: renewed ? { state: 'renewed', at: capture.capturedAt } : (existing?.request ?? NO_OFFICE_FIELDS.request),
  };
  return { account, renewed };
}

function priorCapture({ expiry, capturedAt, source, pageUrl, programsToUpdate, request }: Account): PriorCapture {
  return { expiry, capturedAt, source, pageUrl, programsToUpdate: [...programsToUpdate], request };
}

/**
 * Stores an expiry read from an Aruba page. The newest capture wins, so a late answer from an
 * old tab cannot undo a renewal; `changed` says whether the stored expiry is now different
 * (a new account counts as changed). Replacing an earlier expiry is a renewal: it is logged and
 * every program is marked as still to update with the new password. A capture attributed from
 * the page's context keeps what the account held before, for a correction; any other forgets it.
 */
export async function recordCapture(db: StoreDb, capture: Capture): Promise<{ account: Account; changed: boolean }> {
  const address = requireMailbox(capture.address);
  const expiry = requireExpiry(capture.expiry);
  // One transaction for read and write: IndexedDB serializes overlapping readwrite
  // transactions, so concurrent captures of the same address cannot interleave.
  const tx = db.transaction(['accounts', 'renewals', 'attributions'], 'readwrite');
  const accounts = tx.objectStore('accounts');
  const attributions = tx.objectStore('attributions');
  const [existing, attributed] = await Promise.all([accounts.get(address), attributions.get(address)]);
  if (existing && existing.capturedAt > capture.capturedAt) {
    await tx.done;
    return { account: existing, changed: false };
  }
  const { account, renewed } = capturedAccount(existing, address, { ...capture, expiry });
  await accounts.put(account);
  if (renewed) {
    await tx.objectStore('renewals').add({ address, expiry, capturedAt: capture.capturedAt, source: capture.source });
  }
  if (capture.attributedBy === undefined) {
    await attributions.delete(address);
  } else {
    // Captures attributed one after the other (the current date, then the new one) are undone
    // together: what the account held before the first of them is what it gets back.
    const before = attributed ? attributed.before : existing ? priorCapture(existing) : null;
    await attributions.put({ address, by: capture.attributedBy, before });
  }
  await tx.done;
  return { account, changed: existing?.expiry !== expiry };
}

/**
 * Tracks an expiry nobody could say the mailbox of as a mailbox still to be named, at once: the
 * badge and the reminders count it like any other until the user names it (moveCapture).
 */
export async function addUnnamedMailbox(db: StoreDb, capture: Omit<Capture, 'address' | 'attributedBy'>): Promise<Account> {
  const expiry = requireExpiry(capture.expiry);
  const tx = db.transaction('accounts', 'readwrite');
  // Two such dates read in the same millisecond still get a mailbox each.
  let at = capture.capturedAt;
  while (await tx.store.getKey(unnamedMailboxKey(at))) at += 1;
  const { account } = capturedAccount(undefined, unnamedMailboxKey(at), { ...capture, expiry });
  await tx.store.add(account);
  await tx.done;
  return account;
}

export function listAttributions(db: StoreDb): Promise<Attribution[]> {
  return db.getAll('attributions');
}

const union = (first: readonly string[], second: readonly string[]) => [...new Set([...first, ...second])];

/**
 * A mailbox still to be named (or one created by a misattributed capture) merged into `target`,
 * stored under `address`: the newest expiry wins, as between two captures; the programs of both
 * are kept; the target's own label and office fields win over the other's where it has them.
 */
function mergedAccount(target: Account | undefined, moving: Account, address: string): { account: Account; renewed: boolean } {
  if (!target) return { account: { ...moving, address }, renewed: false };
  const movingWins = moving.expiry !== null && (target.expiry === null || moving.capturedAt >= target.capturedAt);
  const { account: captured, renewed } = movingWins ? capturedAccount(target, address, { ...moving, expiry: moving.expiry! }) : { account: target, renewed: false };
  const programs = union(target.programs, moving.programs);
  return {
    account: {
      ...captured,
      label: target.label || moving.label,
      programs,
      programsToUpdate: renewed ? programs : union(captured.programsToUpdate, moving.programsToUpdate),
      owner: target.owner || moving.owner,
      contact: target.contact || moving.contact,
      leadDays: target.leadDays ?? moving.leadDays,
      request: target.request.state === 'not-asked' && !renewed ? moving.request : captured.request,
    },
    renewed,
  };
}

export type MoveOutcome =
  | { status: 'moved'; account: Account; restored: Account | null }
  | { status: 'nothing-to-move' };

/**
 * The user says the expiry shown for `from` belongs to the mailbox `to`. A mailbox still to be
 * named (or one that only the misattributed capture created) is named: merged into `to` with its
 * history, and gone. An existing account whose last expiry came from a page's context gives that
 * expiry to `to` and gets back what it held before, its renewals since then undone. Anything else
 * has nothing to move. `to` must be a real address: a placeholder is never the target.
 */
export async function moveCapture(db: StoreDb, from: string, to: string): Promise<MoveOutcome> {
  const address = requireAddress(to);
  const source = mailboxKey(from);
  if (source === null || source === address) return { status: 'nothing-to-move' };
  const tx = db.transaction(['accounts', 'renewals', 'attributions'], 'readwrite');
  const accounts = tx.objectStore('accounts');
  const renewals = tx.objectStore('renewals');
  const attributions = tx.objectStore('attributions');
  const [moving, attributed, target] = await Promise.all([accounts.get(source), attributions.get(source), accounts.get(address)]);
  const whole = isUnnamedMailbox(source) || (attributed !== undefined && attributed.before === null);
  if (!moving || (!whole && (!attributed || moving.expiry === null))) {
    await tx.done;
    return { status: 'nothing-to-move' };
  }
  let result: MoveOutcome;
  if (whole) {
    const { account, renewed } = mergedAccount(target, moving, address);
    let cursor = await renewals.index('byAddress').openCursor(source);
    while (cursor) {
      await cursor.update({ ...cursor.value, address });
      cursor = await cursor.continue();
    }
    if (renewed) await renewals.add({ address, expiry: account.expiry!, capturedAt: account.capturedAt, source: account.source });
    await accounts.delete(source);
    await accounts.put(account);
    result = { status: 'moved', account, restored: null };
  } else {
    const before = attributed!.before!;
    const { account, renewed } =
      target && target.capturedAt > moving.capturedAt ? { account: target, renewed: false } : capturedAccount(target, address, { ...moving, expiry: moving.expiry! });
    if (renewed) await renewals.add({ address, expiry: account.expiry!, capturedAt: account.capturedAt, source: account.source });
    // The renewals the misattributed captures logged on the wrong account are not its own.
    let cursor = await renewals.index('byAddress').openCursor(source);
    while (cursor) {
      if (cursor.value.capturedAt > before.capturedAt) await cursor.delete();
      cursor = await cursor.continue();
    }
    const restored: Account = { ...moving, ...before };
    await accounts.put(restored);
    await accounts.put(account);
    result = { status: 'moved', account, restored };
  }
  await attributions.delete(source);
  await attributions.delete(address);
  await tx.done;
  return result;
}

/**
 * An account as stored: checked, and built field by field rather than spread, so that nothing
 * the caller added by mistake gets stored.
 */
function storedAccount(account: Account): Account {
  const programs = uniqueNames(account.programs);
  return {
    address: requireMailbox(account.address),
    label: account.label.trim(),
    expiry: account.expiry === null ? null : requireExpiry(account.expiry),
    capturedAt: account.capturedAt,
    source: account.source,
    pageUrl: pageUrlOf(account.pageUrl),
    programs,
    // A program removed from the list is no longer waiting for the new password.
    programsToUpdate: uniqueNames(account.programsToUpdate).filter((name) => programs.includes(name)),
    owner: account.owner.trim(),
    contact: requireContact(account.contact),
    leadDays: account.leadDays === null ? null : requireLeadDays(account.leadDays),
    request: requestStatus(account.request),
  };
}

/**
 * Manual add or edit, and the undo of deleteAccount. Returns the record as stored. What the user
 * saves is their word: an attribution waiting for a correction is forgotten.
 */
export async function saveAccount(db: StoreDb, account: Account): Promise<Account> {
  const stored = storedAccount(account);
  const tx = db.transaction(['accounts', 'attributions'], 'readwrite');
  await Promise.all([tx.objectStore('accounts').put(stored), tx.objectStore('attributions').delete(stored.address), tx.done]);
  return stored;
}

/**
 * Ticks a program off the account's list still to update with the new password (or back on).
 * Read and write share one transaction, so quick ticks in a row cannot undo each other.
 */
export async function setProgramUpdated(db: StoreDb, address: string, program: string, updated: boolean): Promise<Account | undefined> {
  const normalized = mailboxKey(address);
  if (normalized === null) return undefined;
  const tx = db.transaction('accounts', 'readwrite');
  const account = await tx.store.get(normalized);
  if (account && account.programs.includes(program)) {
    const others = account.programsToUpdate.filter((name) => name !== program);
    account.programsToUpdate = updated ? others : [...others, program];
    await tx.store.put(account);
  }
  await tx.done;
  return account;
}

/**
 * Deletes the account, its renewal history and its attribution. Returns the deleted record so
 * the UI can undo with saveAccount; the history is not restored by that.
 */
export async function deleteAccount(db: StoreDb, address: string): Promise<Account | undefined> {
  const normalized = mailboxKey(address);
  if (normalized === null) return undefined;
  const tx = db.transaction(['accounts', 'renewals', 'attributions'], 'readwrite');
  const existing = await tx.objectStore('accounts').get(normalized);
  await tx.objectStore('accounts').delete(normalized);
  await tx.objectStore('attributions').delete(normalized);
  let cursor = await tx.objectStore('renewals').index('byAddress').openCursor(normalized);
  while (cursor) {
    await cursor.delete();
    cursor = await cursor.continue();
  }
  await tx.done;
  return existing;
}

/** The account's renewals, oldest first. */
export async function listRenewals(db: StoreDb, address: string): Promise<Renewal[]> {
  const normalized = mailboxKey(address);
  return normalized === null ? [] : db.getAllFromIndex('renewals', 'byAddress', normalized);
}

function withDefaults(stored: Partial<Settings> | undefined): Settings {
  return { ...DEFAULT_SETTINGS, offsets: [...DEFAULT_SETTINGS.offsets], ...stored };
}

export async function getSettings(db: StoreDb): Promise<Settings> {
  return withDefaults(await db.get('settings', SETTINGS_KEY));
}

export const MAX_OFFSET_DAYS = 60;
export const MAX_TEMPLATE_LENGTH = 10_000;

const LANGUAGES: readonly Settings['language'][] = ['auto', 'it', 'en'];

/** The known fields present in `partial`, checked; offsets come back deduplicated, largest first. */
export function validSettings({ offsets, hour, quietChip, language, officeLeadDays, requestTemplate }: Partial<Settings>): Partial<Settings> {
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
    if (!LANGUAGES.includes(language)) throw new StoreValidationError('invalid-language', 'The language must be auto, it or en');
    valid.language = language;
  }
  if (officeLeadDays !== undefined) valid.officeLeadDays = requireLeadDays(officeLeadDays);
  if (requestTemplate !== undefined) {
    if (typeof requestTemplate !== 'string' || requestTemplate.length > MAX_TEMPLATE_LENGTH) {
      throw new StoreValidationError('invalid-template', `The request template must be text of at most ${MAX_TEMPLATE_LENGTH} characters`);
    }
    valid.requestTemplate = requestTemplate;
  }
  return valid;
}

/** Merges `partial` into the stored settings (defaults for what was never saved). */
export async function saveSettings(db: StoreDb, partial: Partial<Settings>): Promise<Settings> {
  const valid = validSettings(partial);
  const tx = db.transaction('settings', 'readwrite');
  const settings = { ...withDefaults(await tx.store.get(SETTINGS_KEY)), ...valid };
  await tx.store.put(settings, SETTINGS_KEY);
  await tx.done;
  return settings;
}

export async function getFiredReminders(db: StoreDb): Promise<Set<string>> {
  return new Set(await db.getAllKeys('firedReminders'));
}

export async function markRemindersFired(db: StoreDb, keys: string[], at: number): Promise<void> {
  const tx = db.transaction('firedReminders', 'readwrite');
  await Promise.all(keys.map((key) => tx.store.put({ key, firedAt: at })));
  await tx.done;
}

/** Records that the client was asked for the new password at `at`. */
export async function markRenewalAsked(db: StoreDb, address: string, at: number): Promise<Account | undefined> {
  const normalized = mailboxKey(address);
  if (normalized === null) return undefined;
  const tx = db.transaction('accounts', 'readwrite');
  const account = await tx.store.get(normalized);
  if (account) {
    account.request = { state: 'asked', at };
    await tx.store.put(account);
  }
  await tx.done;
  return account;
}

/** Deletes every fired-reminder key `keep` rejects; returns how many were deleted. */
export async function pruneFiredReminders(db: StoreDb, keep: (key: string) => boolean): Promise<number> {
  const tx = db.transaction('firedReminders', 'readwrite');
  let deleted = 0;
  let cursor = await tx.store.openCursor();
  while (cursor) {
    if (!keep(cursor.key)) {
      await cursor.delete();
      deleted += 1;
    }
    cursor = await cursor.continue();
  }
  await tx.done;
  return deleted;
}

/** "Reset everything": every account, renewal, attribution and fired reminder deleted, settings back to defaults. */
export async function clearAll(db: StoreDb): Promise<void> {
  const names = ['accounts', 'renewals', 'firedReminders', 'settings', 'attributions'] as const;
  // One transaction: a reset that fails half-way must leave everything as it was.
  const tx = db.transaction(names, 'readwrite');
  await Promise.all(names.map((name) => tx.objectStore(name).clear()));
  await tx.done;
}

/**
 * Imports a checked backup (see backup-format.ts) as planImport describes, in one transaction:
 * either all of it is stored or, if anything fails, nothing. Reminders of the imported expiries
 * that are already past are marked as shown: the user has just seen those dates. Returns the
 * plan applied, computed on what was stored at that moment.
 */
export async function applyImport(db: StoreDb, backup: Backup, now: number): Promise<ImportPlan> {
  const checked: Backup = {
    accounts: backup.accounts.map(storedAccount),
    renewals: backup.renewals.map((r) => ({ address: requireMailbox(r.address), expiry: requireExpiry(r.expiry), capturedAt: r.capturedAt, source: r.source })),
    settings: { ...DEFAULT_SETTINGS, ...validSettings(backup.settings) },
  };
  const names = ['accounts', 'renewals', 'firedReminders', 'settings', 'attributions'] as const;
  const tx = db.transaction(names, 'readwrite');
  const [accounts, renewals, stored] = await Promise.all([
    tx.objectStore('accounts').getAll(),
    tx.objectStore('renewals').getAll(),
    tx.objectStore('settings').get(SETTINGS_KEY),
  ]);
  const plan = planImport({ accounts, renewals, settings: withDefaults(stored) }, checked);
  const written = accountsToWrite(plan);
  const settings = plan.settings?.after ?? withDefaults(stored);
  const tracked = written.flatMap(({ address, expiry }) => (expiry ? [{ address, expiry }] : []));
  const past = planReminders(tracked, settings).filter((reminder) => reminder.when <= now);
  const writes: Promise<unknown>[] = [];
  try {
    // The backup's record replaces this browser's, attribution included.
    for (const account of written) writes.push(tx.objectStore('accounts').put(account), tx.objectStore('attributions').delete(account.address));
    for (const renewal of plan.renewals) writes.push(tx.objectStore('renewals').add(renewal));
    for (const { key } of past) writes.push(tx.objectStore('firedReminders').put({ key, firedAt: now }));
    if (plan.settings) writes.push(tx.objectStore('settings').put(settings, SETTINGS_KEY));
  } catch (error) {
    // A write refused on the spot (a DataCloneError, say): those made before must not commit.
    tx.abort();
    await Promise.allSettled([...writes, tx.done]);
    throw error;
  }
  // A write failing later aborts the transaction by itself.
  await Promise.all([...writes, tx.done]);
  return plan;
}

/** Everything stored, read in one transaction so the parts agree with each other. */
export async function exportAll(db: StoreDb): Promise<StoreSnapshot> {
  const tx = db.transaction(['accounts', 'renewals', 'firedReminders', 'settings'], 'readonly');
  const [accounts, renewals, firedReminders, settings] = await Promise.all([
    tx.objectStore('accounts').getAll(),
    tx.objectStore('renewals').getAll(),
    tx.objectStore('firedReminders').getAll(),
    tx.objectStore('settings').get(SETTINGS_KEY),
  ]);
  await tx.done;
  return { version: db.version, accounts, renewals, firedReminders, settings: withDefaults(settings) };
}
