import { isUnnamedMailbox, unnamedMailboxKey } from '@/utils/store/unnamed-mailbox';
import { type StoreDb } from './schema';
import { mailboxKey, originAndPath, requireAddress, requireExpiry, requireMailbox, storedAccount } from './validation';
import type { IsoDate } from '@/utils/dates/calendar-date';
import { type Account, type Attribution, type Capture, NO_OFFICE_FIELDS, type PriorCapture, type Renewal } from './types';

/** The accounts: captures and their attribution, manual edits, programs, deletion, renewal history. */

export function listAccounts(db: StoreDb): Promise<Account[]> {
  return db.getAll('accounts');
}

export function getAccount(db: StoreDb, address: string): Promise<Account | undefined> {
  const normalized = mailboxKey(address);
  return normalized === null ? Promise.resolve(undefined) : db.get('accounts', normalized);
}

/** What an account holds after `capture`, from what it held before (none: a new account). */
function capturedAccount(
  existing: Account | undefined,
  address: string,
  capture: Omit<Capture, 'address' | 'attributedBy'>,
): { account: Account; renewed: boolean } {
  const renewed = existing?.expiry != null && existing.expiry !== capture.expiry;
  const account: Account = {
    address,
    label: existing?.label ?? '',
    expiry: capture.expiry,
    capturedAt: capture.capturedAt,
    source: capture.source,
    pageUrl: originAndPath(capture.pageUrl),
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
    // A request less at most captures, which have nothing to forget.
    if (attributed) await attributions.delete(address);
  } else {
    // Captures attributed one after the other (the current date, then the new one) are undone
    // together: what the account held before the first of them is what it gets back.
    const before = attributed ? attributed.before : existing ? priorCapture(existing) : null;
    await attributions.put({ address, by: capture.attributedBy, before });
  }
  await tx.done;
  return { account, changed: existing?.expiry !== expiry };
}

/** A manual add or edit as the store takes it: the date typed in, and the user's own fields. */
export interface ManualEdit {
  address: string;
  expiry: IsoDate;
  label: string;
  programs: string[];
  /** Absent: the account's own office fields stay as they are. */
  office?: Pick<Account, 'owner' | 'contact' | 'leadDays'>;
}

/**
 * What a manual save did: `newer-capture` when the form had started from an older record and a
 * date read since then was kept instead of the one typed in (the rest of the form was saved).
 * `dated`: the date typed in was recorded.
 */
export interface ManualEditOutcome {
  status: 'saved' | 'newer-capture';
  account: Account;
  dated: boolean;
}

/**
 * Stores a manual add or edit in one transaction, compared there with what the form started from
 * (`startedFrom`; none for an add). A date typed in (new, or different from the form's) is the
 * user's word: recorded as a manual capture at `now`, logged as a renewal when it replaces another,
 * whatever time the stored capture carries (a time still ahead of this clock included) — unless the
 * record changed since the form opened (a capture arrived, or another window saved): then the
 * newer record's date stays, and the outcome says so. Label, programs and office fields are put on
 * the record as stored now, so that nothing the form did not show is written back. An attribution
 * waiting for a correction is forgotten: what the user saves is their word.
 */
export async function recordManualEdit(db: StoreDb, startedFrom: Account | undefined, edit: ManualEdit, now: number): Promise<ManualEditOutcome> {
  const address = requireMailbox(edit.address);
  const expiry = requireExpiry(edit.expiry);
  const tx = db.transaction(['accounts', 'renewals', 'attributions'], 'readwrite');
  const accounts = tx.objectStore('accounts');
  const stored = await accounts.get(address);
  const movedOn =
    stored !== undefined && (startedFrom === undefined || stored.expiry !== startedFrom.expiry || stored.capturedAt !== startedFrom.capturedAt);
  const typed = startedFrom === undefined || startedFrom.expiry !== expiry;
  const dated = typed && !movedOn;
  const { account: base, renewed } = dated
    ? capturedAccount(stored, address, { expiry, capturedAt: now, source: 'manual', pageUrl: null })
    : { account: stored ?? startedFrom!, renewed: false };
  // Checked before anything is written: a refused field leaves the store as it was.
  const account = storedAccount({ ...base, label: edit.label, programs: edit.programs, ...edit.office });
  await accounts.put(account);
  if (renewed) await tx.objectStore('renewals').add({ address, expiry, capturedAt: now, source: 'manual' });
  await tx.objectStore('attributions').delete(address);
  await tx.done;
  return { status: typed && movedOn && account.expiry !== expiry ? 'newer-capture' : 'saved', account, dated };
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
  const { account: captured, renewed } = movingWins
    ? capturedAccount(target, address, { ...moving, expiry: moving.expiry! })
    : { account: target, renewed: false };
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

export type MoveOutcome = { status: 'moved'; account: Account; restored: Account | null } | { status: 'nothing-to-move' };

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
      target && target.capturedAt > moving.capturedAt
        ? { account: target, renewed: false }
        : capturedAccount(target, address, { ...moving, expiry: moving.expiry! });
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
