import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { type Account, type Attribution, type FiredReminder, NO_OFFICE_FIELDS, type Renewal, type Settings } from './types';

/*
 * The extension's persistent store (IndexedDB through idb). Open it only in the background and
 * in extension pages: from a content script IndexedDB would belong to Aruba's origin, not ours.
 *
 * There is no password field anywhere in this schema, by design: the extension remembers when
 * the password for mail programs expires and where it is used, never the password itself.
 */

export const DB_NAME = 'pec-password-assistant';

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

export const SETTINGS_KEY = 'current';

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

/**
 * Opens the store. `onLost`, for a connection kept open for the life of its context (the
 * background's): called once the connection is gone, whether the browser closed it (storage
 * cleared, a disk error) or it closed itself to let a deletion or an upgrade from elsewhere go
 * ahead, so that the next operation opens the store anew instead of failing on a dead connection.
 */
export function openStore(name: string = DB_NAME, onLost?: () => void): Promise<StoreDb> {
  return openDB<StoreSchema>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      // A failed step must not commit a half-migrated database: aborting fails the open instead.
      migrate(db, tx, oldVersion).catch(() => tx.abort());
    },
    ...(onLost && {
      blocking(_currentVersion, _blockedVersion, event) {
        (event.target as IDBDatabase).close();
        onLost();
      },
      terminated: onLost,
    }),
  });
}
