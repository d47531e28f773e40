import { SETTINGS_KEY, type StoreDb } from './schema';
import { validSettings } from './validation';
import { DEFAULT_SETTINGS, type Settings } from './types';

/** The one settings record, with defaults for what was never saved. */

export function withDefaults(stored: Partial<Settings> | undefined): Settings {
  return { ...DEFAULT_SETTINGS, offsets: [...DEFAULT_SETTINGS.offsets], ...stored };
}

export async function getSettings(db: StoreDb): Promise<Settings> {
  return withDefaults(await db.get('settings', SETTINGS_KEY));
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
