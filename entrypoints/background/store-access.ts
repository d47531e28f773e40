import { unwrap } from 'idb';
import { listAccounts } from '@/utils/store/accounts';
import { getFiredReminders } from '@/utils/store/fired-reminders';
import { DB_NAME, openStore, type StoreDb } from '@/utils/store/schema';
import { getSettings } from '@/utils/store/settings';
import type { Account, Settings } from '@/utils/store/types';

let opening: Promise<StoreDb> | undefined;

/**
 * The accounts, the settings and the reminders shown, as the background last read them through its connection. The
 * background is the only writer (extension pages write through its messages), and every
 * read-write transaction on its connection forgets what it touches (watchWrites): a read after a
 * write sees the write. A page's visit asked for them twice and its capture three times more, at
 * 200 records and a transaction each (issue 17).
 */
const snapshot = new Map<keyof Snapshot, Promise<Snapshot[keyof Snapshot]>>();

interface Snapshot {
  accounts: readonly Account[];
  settings: Settings;
  firedReminders: ReadonlySet<string>;
}

/** Read-write transactions begun on the accounts: a write that saw none begin beside it knows what it left (accountWritten). */
let accountWrites = 0;

/** That connection is gone, or never opened: the next use opens the store again, and reads it again. */
function forget(connection: Promise<StoreDb>): void {
  if (opening !== connection) return;
  opening = undefined;
  snapshot.clear();
}

/**
 * Every read-write transaction on the connection forgets the snapshot of the stores it may
 * change, when it starts: a read asked for after that runs after the write (IndexedDB orders
 * transactions on the same stores by their start), and no write path can forget to say so.
 */
function watchWrites(db: StoreDb): StoreDb {
  const raw = unwrap(db);
  const transaction = raw.transaction.bind(raw);
  raw.transaction = (names: string | string[], mode?: IDBTransactionMode, options?: IDBTransactionOptions) => {
    if (mode === 'readwrite') {
      const scope = typeof names === 'string' ? [names] : names;
      for (const name of scope) if (name === 'accounts' || name === 'settings' || name === 'firedReminders') snapshot.delete(name);
      if (scope.includes('accounts')) accountWrites += 1;
    }
    return transaction(names, mode, options);
  };
  return db;
}

/**
 * The background's one connection to IndexedDB, opened on first use, and opened again once the
 * browser closed it or it gave way to a deletion or an upgrade from elsewhere (schema.ts openStore):
 * otherwise every operation would fail until the worker restarts. A failed open is not cached
 * either, so the next event tries again instead of looping on a dead promise.
 */
export function store(): Promise<StoreDb> {
  if (opening) return opening;
  const connection: Promise<StoreDb> = openStore(DB_NAME, () => forget(connection)).then(watchWrites, (error: unknown) => {
    forget(connection);
    throw error;
  });
  opening = connection;
  return connection;
}

/** Kept until a write or a failure: a failed read is tried again at the next use. */
function remembered<K extends keyof Snapshot>(key: K, read: () => Promise<Snapshot[K]>): Promise<Snapshot[K]> {
  const known = snapshot.get(key) as Promise<Snapshot[K]> | undefined;
  if (known) return known;
  const reading = read();
  snapshot.set(key, reading);
  void reading.catch(() => {
    if (snapshot.get(key) === reading) snapshot.delete(key);
  });
  return reading;
}

/**
 * Writes one account (`write` returns it as stored) and keeps the accounts known: those known
 * before, with that one as written. A capture's write made the next reader fetch the 200 accounts
 * again, to learn what the capture had just put there (issue 17). Only when no other write to
 * the accounts began meanwhile: what that one changed is not known here. A read asked for since
 * is kept (remembered).
 */
export async function accountWritten<T extends { account: Account }>(write: () => Promise<T>): Promise<T> {
  const before = snapshot.get('accounts') as Promise<Snapshot['accounts']> | undefined;
  const writes = accountWrites;
  const result = await write();
  if (before && accountWrites === writes + 1) {
    const { account } = result;
    void remembered('accounts', async () => [...(await before).filter((known) => known.address !== account.address), account].sort(byAddress));
  }
  return result;
}

/** The accounts store's order: its keys, strings compared by code unit. */
const byAddress = (a: Account, b: Account) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0);

/** Every account, as stored now: shared by the callers of this worker, never to be changed in place. */
export function storedAccounts(): Promise<readonly Account[]> {
  return remembered('accounts', async () => listAccounts(await store()));
}

/** The keys of the reminders already shown. */
export function storedFiredReminders(): Promise<ReadonlySet<string>> {
  return remembered('firedReminders', async () => getFiredReminders(await store()));
}

/** The settings, as stored now (defaults for what was never saved). */
export function storedSettings(): Promise<Settings> {
  return remembered('settings', async () => getSettings(await store()));
}
