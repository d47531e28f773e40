import { openStore, type StoreDb } from '@/utils/store/schema';

let opening: Promise<StoreDb> | undefined;

/**
 * The background's one connection to IndexedDB, opened on first use. A failed open is not
 * cached, so the next event tries again instead of looping on a dead promise.
 */
export function store(): Promise<StoreDb> {
  opening ??= openStore().catch((error: unknown) => {
    opening = undefined;
    throw error;
  });
  return opening;
}
