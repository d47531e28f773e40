import { applyLanguage } from '../i18n/catalog';
import { getSettings } from '../store/settings';
import { openStore, type StoreDb } from '../store/schema';
import type { Settings } from '../store/types';

/**
 * How an extension page starts: it opens the store and makes t() speak the language chosen in the
 * options before anything is shown. Rejects when the store cannot be opened; t() then speaks the
 * browser's language.
 */
export async function openStoreForPage(): Promise<StoreDb> {
  return (await openStoreReading(async (db) => ({ settings: await getSettings(db) }))).db;
}

/**
 * The same start, with what the page shows first read alongside the settings, in one wait on
 * IndexedDB instead of two (issue 17: the popup's 200 rows). `data` is undefined when that read
 * failed: the page reads again itself.
 */
export async function openStoreReading<T extends { settings: Settings }>(
  read: (db: StoreDb) => Promise<T>,
): Promise<{ db: StoreDb; data: T | undefined }> {
  const db = await openStore();
  const data = await read(db).catch(() => undefined);
  await applyLanguage((data?.settings ?? (await getSettings(db))).language);
  return { db, data };
}
