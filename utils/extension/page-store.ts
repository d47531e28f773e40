import { applyLanguage } from '../i18n/catalog';
import { getSettings } from '../store/settings';
import { openStore, type StoreDb } from '../store/schema';

/**
 * How an extension page starts: it opens the store and makes t() speak the language chosen in the
 * options before anything is shown. Rejects when the store cannot be opened; t() then speaks the
 * browser's language.
 */
export async function openStoreForPage(): Promise<StoreDb> {
  const db = await openStore();
  await applyLanguage((await getSettings(db)).language);
  return db;
}
