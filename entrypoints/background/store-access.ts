import { DB_NAME, openStore, type StoreDb } from '@/utils/store/schema';

let opening: Promise<StoreDb> | undefined;

/** That connection is gone, or never opened: the next use opens the store again. */
function forget(connection: Promise<StoreDb>): void {
  if (opening === connection) opening = undefined;
}

/**
 * The background's one connection to IndexedDB, opened on first use, and opened again once the
 * browser closed it or it gave way to a deletion or an upgrade from elsewhere (schema.ts openStore):
 * otherwise every operation would fail until the worker restarts. A failed open is not cached
 * either, so the next event tries again instead of looping on a dead promise.
 */
export function store(): Promise<StoreDb> {
  if (opening) return opening;
  const connection: Promise<StoreDb> = openStore(DB_NAME, () => forget(connection)).catch((error: unknown) => {
    forget(connection);
    throw error;
  });
  opening = connection;
  return connection;
}
